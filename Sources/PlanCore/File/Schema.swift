/// The keys of every section of the plan format, in the order the program writes them.
/// One list serves reading (unknown keys, did-you-mean), writing (field order) and `docs/format.md`.

public enum Schema {
    public static let top = [
        "format", "id", "version", "status", "jurisdiction", "created", "updated", "author",
        "person", "planned_with", "capacity", "about_me", "important_to_me", "important_for_me",
        "needs", "outcomes", "supports", "employees", "budget", "risks", "contingency", "advice",
        "safeguarding", "safeguarding_reference", "agreement", "review", "acknowledged",
    ]
    public static let person = ["name", "preferred_name", "date_of_birth", "reference", "communication", "lives_with"]
    public static let participant = ["name", "role"]
    public static let capacity = [
        "has_capacity", "substantial_difficulty", "advocate", "appropriate_person", "best_interests",
        "authorised_person", "authorised_person_basis",
    ]
    public static let need = ["id", "area", "description", "eligible", "unable_because"]
    public static let outcome = ["id", "text", "wellbeing", "needs"]
    public static let support = [
        "id", "what", "kind", "on_cost", "provider", "funding", "management", "rate", "unit", "quantity",
        "per", "start", "end", "meets", "arranged_by", "shared_by", "employee", "hours_per_unit", "night",
        "rate_changes", "payee", "pa",
    ]
    public static let rateChange = ["from", "rate"]
    public static let employee = [
        "id", "name", "date_of_birth", "start", "regular_hours", "apprentice", "relative_in_household",
        "necessary_exception",
    ]
    public static let pa = ["age", "regular_hours", "relative_in_household", "necessary_exception"]
    public static let budget = [
        "weeks_per_year", "indicative", "final", "person_contribution", "council_contribution",
        "justification", "payment", "payer", "payroll", "employment_allowance", "period", "reserve_weeks", "previous_final",
        "change_reason",
    ]
    public static let period = ["from", "to"]
    public static let risk = ["risk", "mitigation", "accepted_by_person"]
    public static let contingency = ["when", "then"]
    public static let advice = ["meet_or_reduce", "prevent_or_delay"]
    public static let agreement = ["status", "date", "person_words", "copy_to"]
    public static let review = ["first", "next", "last"]
    public static let acknowledgement = ["rule", "target", "reason"]

    /// Every known key, for suggestions when a key is unknown.
    public static var all: Set<String> {
        Set(top + person + participant + capacity + need + outcome + support + rateChange + employee + pa + budget + period + risk
            + contingency + advice + agreement + review + acknowledgement)
    }
}

/// The nearest known key to a mistyped one, if it is close enough to be a likely typo.
public func nearest(_ word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(word.lowercased(), c)
        if d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    // A key written short or long (`reserve_weeks` for `reserve_weeks_limit`) is a likely slip.
    let lower = word.lowercased()
    if lower.count >= 4, let c = candidates.first(where: { $0.hasPrefix(lower) || lower.hasPrefix($0) }) {
        if (best?.1 ?? Int.max) > 2 { return c }
    }
    guard let (c, d) = best else { return nil }
    let limit = max(2, word.count / 3)
    return d <= limit ? c : nil
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
