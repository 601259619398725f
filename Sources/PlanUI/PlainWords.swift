/// Plain words for the editor's labels, sections and fixed values (domain §11), shown when
/// plain words are on (`--plain-language`, or P / F9 in the editor). The plan file and the
/// rules keep the professional words; only what is shown changes.
import PlanCore

enum PlainWords {
    static let labels: [String: String] = [
        "Eligible": "Council must help", "Unable because": "Why it is hard", "Wellbeing": "Part of a good life",
        "Needs it answers": "Needs it helps with", "In the person's words": "In your own words",
        "Funding": "Who pays", "Management": "How money is handled", "Per": "How often", "Unit": "Cost is for",
        "Meets": "Helps with", "Shared by": "Shared by (people)", "On-cost": "Employer cost",
        "Relative in household": "Family living with you", "Why necessary": "Why it must be them", "PA's age": "Helper's age",
        "Indicative budget": "First rough amount", "Final budget (a year)": "Your money (a year)",
        "Person's contribution": "The part you pay", "Council contribution": "The part council pays",
        "Why above indicative": "Why more than first", "Direct payment paid": "Money paid to you",
        "Employment Allowance": "Employer tax help", "Reserve (weeks)": "Kept back (weeks)",
        "Last signed budget": "Money last agreed", "Advice: meet/reduce": "Advice: other help",
        "Advice: prevent/delay": "Advice: staying well", "Safeguarding": "Safe from harm", "Safeguarding ref.": "Its reference",
        "Has capacity": "Can decide for self", "Advocate": "Helper to speak up", "Appropriate person": "Someone to support you",
        "Best interests record": "How it was decided", "Authorised person": "Runs money for you",
        "The person": "Do you agree", "First review": "First check", "Next review": "Next check",
        "Law that applies": "Country", "How I get information": "How I get information",
        "Kind": "What kind of help", "Id": "Number (set for you)", "Rule": "Warning", "Reason": "Why it is all right",
        "Area": "Part of life", "Provider": "Who gives it", "Rate": "Cost", "Quantity": "How much",
        "Description": "What is hard", "Person accepts it": "You accept this risk", "Weeks in a year": "Weeks in a year",
        "What we will do": "What we will do", "Role": "Who they are", "Copies to": "Copies to",
    ]

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
