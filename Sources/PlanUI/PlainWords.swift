/// Plain words for the editor's labels, sections and fixed values (domain §11), shown when
/// plain words are on (`--plain-language`, or P / F9 in the editor). The plan file and the
/// rules keep the professional words; only what is shown changes.
import PlanCore

enum PlainWords {
    /// A field's label in plain words, from the field table (`FieldTable`: one row per field).
    static let labels: [String: String] = Dictionary(FieldTable.rows.map { ($0.label, $0.plain) }, uniquingKeysWith: { a, _ in a })

    static func label(_ s: String) -> String { labels[s] ?? s }

    /// Short plain section names, for a bar that must fit 80 columns.
    static func shortSection(_ s: Section) -> String {
        switch s {
        case .about: return "Me"
        case .needs: return "Needs"
        case .outcomes: return "Goals"
        case .supports: return "Help"
        case .budget: return "Money"
        case .safety: return "Safe"
        case .agreement: return "Agree"
        case .findings: return "Check"
        }
    }

    static func section(_ s: Section) -> String {
        switch s {
        case .about: return "About me"
        case .needs: return "What I need"
        case .outcomes: return "My goals"
        case .supports: return "My help"
        case .budget: return "My money"
        case .safety: return "Keeping safe"
        case .agreement: return "Agreeing"
        case .findings: return "To check"
        }
    }

    /// A text with the plan's ids (N1, O2, S3) as their words, for plain words: “Keeping
    /// clean” for N1, the outcome's own words for O2, what the support is for S3.
    static func withoutIDs(_ text: String, _ plan: Plan) -> String {
        var words: [String: String] = [:]
        for n in plan.needs { if let id = n.id { words[id] = n.area?.plainLabel ?? "a need" } }
        for o in plan.outcomes { if let id = o.id { words[id] = o.text?.oneLine ?? "a goal" } }
        for s in plan.supports { if let id = s.id { words[id] = s.what?.oneLine ?? "a line of help" } }
        var out = "", token = ""
        func flush() {
            if let w = words[token] { out += "“" + EditorView.clipped(w, 40, atWord: true) + "”" } else { out += token }
            token = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber { token.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }
}
