/// Plain words for the editor's labels, sections and fixed values (domain §11), shown when
/// plain words are on (`--plain-language`, or P / F9 in the editor). The plan file and the
/// rules keep the professional words; only what is shown changes.
import PlanCore

enum PlainWords {
    /// A field's label in plain words, from the field table (`FieldTable`: one row per field).
    static let labels: [String: String] = Dictionary(FieldTable.rows.map { ($0.label, $0.plain) }, uniquingKeysWith: { a, _ in a })

    static func label(_ s: String) -> String { labels[s] ?? s }

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

    static let values: [String: String] = [
        "council-managed": "the council arranges it", "direct-payment": "money paid to you",
        "managed-account": "an organisation holds the money", "isf": "a care organisation holds your money",
        "third-party": "another organisation", "not-applicable": "not needed",
        "council": "the council", "person": "you", "nhs": "the NHS", "top-up": "extra money for where you live",
        "family": "family", "none": "free",
        "pa": "someone you employ", "agency": "a care agency", "day-service": "a day centre", "respite": "a break",
        "care-home": "a care home", "supported-living": "supported housing", "shared-lives": "living with a carer family",
        "universal": "free for everyone", "informal": "unpaid help", "on-cost": "an employer cost",
        "week": "every week", "4-weeks": "every 4 weeks", "month": "every month", "year": "every year", "once": "once",
        "agreed": "yes", "partly-agreed": "some of it", "disagreed": "no", "not-yet": "not decided",
    ]

    static func value(_ v: String) -> String { values[v] ?? v }
}
