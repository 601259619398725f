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
    ]

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
