/// The plan format's fields, one row each: the section, the YAML key, the key path, the kind of
/// value, the editor's label and its plain-words label. `Schema`'s key lists (which keys each
/// section knows, in the order the writer puts them) are read from it; tests hold the reader,
/// the writer and the editor's form to it. To add a field, add one row in its section, in
/// the place the writer should put it.

public struct PlanField: Sendable, Equatable {
    /// Where a field lives. Its path prefix: `person.`, `supports[].`, `supports[].pa.`…
    public enum Section: String, Sendable, CaseIterable {
        case top, person, participant, capacity, need, outcome, support, rateChange, employee, pa, budget, period
        case risk, contingency, advice, agreement, review, acknowledgement

        public var pathPrefix: String {
            switch self {
            case .top: return ""
            case .person: return "person."
            case .participant: return "planned_with[]."
            case .capacity: return "capacity."
            case .need: return "needs[]."
            case .outcome: return "outcomes[]."
            case .support: return "supports[]."
            case .rateChange: return "supports[].rate_changes[]."
            case .employee: return "employees[]."
            case .pa: return "supports[].pa."
            case .budget: return "budget."
            case .period: return "budget.period."
            case .risk: return "risks[]."
            case .contingency: return "contingency[]."
            case .advice: return "advice."
            case .agreement: return "agreement."
            case .review: return "review."
            case .acknowledgement: return "acknowledged[]."
            }
        }
    }

    /// What a value is, as the file holds it.
    public enum Kind: String, Sendable {
        /// One line of text; text of several lines (a `|` block); a list of lines.
        case text, longText, lines
        /// One of a fixed list of words; several of them; ids of needs and outcomes.
        case word, words, ids
        case money, date, yesNo
        /// A whole number; a number with up to two decimals; 52 or 52.143.
        case whole, quantity, weeks
        /// A set of fields; a list of entries (each a set of fields).
        case section, list
    }

    public var section: Section
    public var key: String
    public var kind: Kind
    public var label: String
    public var plain: String

    public init(_ section: Section, _ key: String, _ kind: Kind, _ label: String, plain: String) {
        self.section = section
        self.key = key
        self.kind = kind
        self.label = label
        self.plain = plain
    }

    /// The key path, entries written `[]`: `supports[].rate`, `budget.period.from`.
    public var path: String { section.pathPrefix + key }
}

public enum FieldTable {
    /// Every field, by section, each section in the order the writer puts its keys.
    public static let rows: [PlanField] = [
        // top
        PlanField(.top, "format", .text, "Format", plain: "Format"),
        PlanField(.top, "id", .text, "Plan id", plain: "Plan number"),
        PlanField(.top, "version", .whole, "Version", plain: "Version"),
        PlanField(.top, "status", .word, "Status", plain: "Where the plan is"),
        PlanField(.top, "jurisdiction", .word, "Law that applies", plain: "Country"),
        PlanField(.top, "created", .date, "Started", plain: "Started"),
        PlanField(.top, "updated", .date, "Last changed", plain: "Last changed"),
        PlanField(.top, "author", .text, "Written by", plain: "Written by"),
        PlanField(.top, "person", .section, "Person", plain: "About me"),
        PlanField(.top, "planned_with", .list, "Planned with", plain: "Helped plan"),
        PlanField(.top, "capacity", .section, "Capacity", plain: "Deciding for yourself"),
        PlanField(.top, "about_me", .longText, "About me", plain: "About me"),
        PlanField(.top, "important_to_me", .lines, "Important to me", plain: "Important to me"),
        PlanField(.top, "important_for_me", .lines, "Important for me", plain: "Important for me"),
        PlanField(.top, "needs", .list, "Needs", plain: "What I need"),
        PlanField(.top, "outcomes", .list, "Outcomes", plain: "My goals"),
        PlanField(.top, "supports", .list, "Supports", plain: "My help"),
        PlanField(.top, "employees", .list, "Employees", plain: "People I employ"),
        PlanField(.top, "budget", .section, "Budget", plain: "My money"),
        PlanField(.top, "risks", .list, "Risks", plain: "Risks"),
        PlanField(.top, "contingency", .list, "Contingency", plain: "If help cannot come"),
        PlanField(.top, "advice", .section, "Advice", plain: "Advice"),
        PlanField(.top, "safeguarding", .word, "Safeguarding", plain: "Safe from harm"),
        PlanField(.top, "safeguarding_reference", .text, "Safeguarding ref.", plain: "Its reference"),
        PlanField(.top, "agreement", .section, "Agreement", plain: "Agreeing"),
        PlanField(.top, "review", .section, "Review", plain: "Checking the plan"),
        PlanField(.top, "acknowledged", .list, "Accepted warnings", plain: "Accepted warnings"),
        // person
        PlanField(.person, "name", .text, "Name", plain: "Name"),
        PlanField(.person, "preferred_name", .text, "Likes to be called", plain: "Likes to be called"),
        PlanField(.person, "date_of_birth", .date, "Date of birth", plain: "Date of birth"),
        PlanField(.person, "reference", .text, "Council reference", plain: "Council reference"),
        PlanField(.person, "communication", .longText, "How I get information", plain: "How I get information"),
        PlanField(.person, "lives_with", .text, "Lives with", plain: "Lives with"),
        // participant
        PlanField(.participant, "name", .text, "Name", plain: "Name"),
        PlanField(.participant, "role", .word, "Role", plain: "Who they are"),
        // capacity
        PlanField(.capacity, "has_capacity", .yesNo, "Has capacity", plain: "Can decide for self"),
        PlanField(.capacity, "substantial_difficulty", .yesNo, "Hard to take part", plain: "Hard to take part"),
        PlanField(.capacity, "advocate", .text, "Advocate", plain: "Helper to speak up"),
        PlanField(.capacity, "appropriate_person", .text, "Appropriate person", plain: "Someone to support you"),
        PlanField(.capacity, "best_interests", .longText, "Best interests record", plain: "How it was decided"),
        PlanField(.capacity, "authorised_person", .text, "Authorised person", plain: "Runs money for you"),
        PlanField(.capacity, "authorised_person_basis", .word, "Authorised because", plain: "Why they run the money"),
        // need
        PlanField(.need, "id", .text, "Id", plain: "Number (set for you)"),
        PlanField(.need, "area", .word, "Area", plain: "Part of life"),
        PlanField(.need, "description", .longText, "Description", plain: "What is hard"),
        PlanField(.need, "eligible", .yesNo, "Eligible", plain: "Council must help"),
        PlanField(.need, "unable_because", .words, "Unable because", plain: "Why it is hard"),
        // outcome
        PlanField(.outcome, "id", .text, "Id", plain: "Number (set for you)"),
        PlanField(.outcome, "text", .longText, "In the person's words", plain: "In your own words"),
        PlanField(.outcome, "wellbeing", .words, "Wellbeing", plain: "Part of a good life"),
        PlanField(.outcome, "needs", .ids, "Needs it answers", plain: "Needs it helps with"),
        // support
        PlanField(.support, "id", .text, "Id", plain: "Number (set for you)"),
        PlanField(.support, "what", .text, "What", plain: "What"),
        PlanField(.support, "kind", .word, "Kind", plain: "What kind of help"),
        PlanField(.support, "on_cost", .word, "On-cost", plain: "Employer cost"),
        PlanField(.support, "provider", .text, "Provider", plain: "Who gives it"),
        PlanField(.support, "funding", .word, "Funding", plain: "Who pays"),
        PlanField(.support, "management", .word, "Management", plain: "How money is handled"),
        PlanField(.support, "rate", .money, "Rate", plain: "Cost"),
        PlanField(.support, "unit", .word, "Unit", plain: "Cost is for"),
        PlanField(.support, "quantity", .quantity, "Quantity", plain: "How much"),
        PlanField(.support, "per", .word, "Per", plain: "How often"),
        PlanField(.support, "start", .date, "Start", plain: "Start"),
        PlanField(.support, "end", .date, "End", plain: "End"),
        PlanField(.support, "meets", .ids, "Meets", plain: "Helps with"),
        PlanField(.support, "arranged_by", .text, "Arranged by", plain: "Arranged by"),
        PlanField(.support, "shared_by", .whole, "Shared by", plain: "Shared by (people)"),
        PlanField(.support, "employee", .text, "Employee", plain: "Who is employed"),
        PlanField(.support, "hours_per_unit", .quantity, "Hours each time", plain: "Hours each time"),
        PlanField(.support, "night", .word, "Night", plain: "Night"),
        PlanField(.support, "rate_changes", .list, "Rate changes", plain: "Cost changes"),
        PlanField(.support, "payee", .lines, "On statement as", plain: "Name on your bank statement"),
        PlanField(.support, "pa", .section, "PA details", plain: "About the helper"),
        // rateChange
        PlanField(.rateChange, "from", .date, "From", plain: "From"),
        PlanField(.rateChange, "rate", .money, "Rate", plain: "Cost"),
        // employee
        PlanField(.employee, "id", .text, "Id", plain: "Number (set for you)"),
        PlanField(.employee, "name", .text, "Name", plain: "Name"),
        PlanField(.employee, "date_of_birth", .date, "Date of birth", plain: "Date of birth"),
        PlanField(.employee, "start", .date, "Start", plain: "Start"),
        PlanField(.employee, "regular_hours", .yesNo, "Regular hours", plain: "Regular hours"),
        PlanField(.employee, "apprentice", .yesNo, "Apprentice", plain: "Apprentice"),
        PlanField(.employee, "relative_in_household", .yesNo, "Relative in household", plain: "Family living with you"),
        PlanField(.employee, "necessary_exception", .text, "Why necessary", plain: "Why it must be them"),
        // pa
        PlanField(.pa, "age", .whole, "PA's age", plain: "Helper's age"),
        PlanField(.pa, "regular_hours", .yesNo, "Regular hours", plain: "Regular hours"),
        PlanField(.pa, "relative_in_household", .yesNo, "Relative in household", plain: "Family living with you"),
        PlanField(.pa, "necessary_exception", .text, "Why necessary", plain: "Why it must be them"),
        // budget
        PlanField(.budget, "weeks_per_year", .weeks, "Weeks in a year", plain: "Weeks in a year"),
        PlanField(.budget, "indicative", .money, "Indicative budget", plain: "First rough amount"),
        PlanField(.budget, "final", .money, "Final budget (a year)", plain: "Your money (a year)"),
        PlanField(.budget, "person_contribution", .money, "Person's contribution", plain: "The part you pay"),
        PlanField(.budget, "council_contribution", .money, "Council contribution", plain: "The part council pays"),
        PlanField(.budget, "justification", .longText, "Why above indicative", plain: "Why more than first"),
        PlanField(.budget, "payment", .word, "Direct payment paid", plain: "Money paid to you"),
        PlanField(.budget, "payer", .lines, "Council on statement", plain: "Council's name on your statement"),
        PlanField(.budget, "payroll", .word, "Payroll run", plain: "Wages paid"),
        PlanField(.budget, "employment_allowance", .yesNo, "Employment Allowance", plain: "Employer tax help"),
        PlanField(.budget, "period", .section, "Budget period", plain: "Dates the money is for"),
        PlanField(.budget, "reserve_weeks", .quantity, "Reserve (weeks)", plain: "Kept back (weeks)"),
        PlanField(.budget, "previous_final", .money, "Last signed budget", plain: "Money last agreed"),
        PlanField(.budget, "change_reason", .longText, "Why budget changed", plain: "Why budget changed"),
        // period
        PlanField(.period, "from", .date, "From", plain: "From"),
        PlanField(.period, "to", .date, "To", plain: "To"),
        // risk
        PlanField(.risk, "risk", .longText, "Risk", plain: "Risk"),
        PlanField(.risk, "mitigation", .longText, "What we will do", plain: "What we will do"),
        PlanField(.risk, "accepted_by_person", .yesNo, "Person accepts it", plain: "You accept this risk"),
        // contingency
        PlanField(.contingency, "when", .text, "If", plain: "If"),
        PlanField(.contingency, "then", .longText, "Then", plain: "Then"),
        // advice
        PlanField(.advice, "meet_or_reduce", .longText, "Advice: meet/reduce", plain: "Advice: other help"),
        PlanField(.advice, "prevent_or_delay", .longText, "Advice: prevent/delay", plain: "Advice: staying well"),
        // agreement
        PlanField(.agreement, "status", .word, "The person", plain: "Do you agree"),
        PlanField(.agreement, "date", .date, "Agreed on", plain: "Agreed on"),
        PlanField(.agreement, "person_words", .longText, "In their words", plain: "In their words"),
        PlanField(.agreement, "copy_to", .lines, "Copies to", plain: "Copies to"),
        // review
        PlanField(.review, "first", .date, "First review", plain: "First check"),
        PlanField(.review, "next", .date, "Next review", plain: "Next check"),
        PlanField(.review, "last", .date, "Last review", plain: "Last check"),
        // acknowledgement
        PlanField(.acknowledgement, "rule", .text, "Rule", plain: "Warning"),
        PlanField(.acknowledgement, "target", .text, "About", plain: "About"),
        PlanField(.acknowledgement, "reason", .longText, "Reason", plain: "Why it is all right"),
    ]

    /// A section's keys, in the writer's order.
    public static func keys(_ section: PlanField.Section) -> [String] {
        rows.filter { $0.section == section }.map(\.key)
    }

    /// The field at a path; entry indexes (`supports[2].rate`) are ignored.
    public static func field(at path: String) -> PlanField? {
        var general = ""
        var inIndex = false
        for c in path {
            if c == "[" { inIndex = true; general += "[]" } else if c == "]" { inIndex = false } else if !inIndex { general.append(c) }
        }
        return byPath[general]
    }

    /// The label the editor shows for the field at a path (the form's rows take it from here,
    /// so a field's label is written once). A path not in the table shows as itself, which the
    /// form's test (`FormFieldTableTests`) refuses.
    public static func label(at path: String) -> String { field(at: path)?.label ?? path }

    private static let byPath: [String: PlanField] = Dictionary(rows.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
}
