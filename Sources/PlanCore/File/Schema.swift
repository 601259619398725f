/// The keys of every section of the plan format, in the order the program writes them, read
/// from `FieldTable`. One list serves reading (unknown keys, did-you-mean), writing (field
/// order) and `docs/format.md`.

public enum Schema {
    public static let top = FieldTable.keys(.top)
    public static let person = FieldTable.keys(.person)
    public static let participant = FieldTable.keys(.participant)
    public static let capacity = FieldTable.keys(.capacity)
    public static let need = FieldTable.keys(.need)
    public static let outcome = FieldTable.keys(.outcome)
    public static let support = FieldTable.keys(.support)
    public static let rateChange = FieldTable.keys(.rateChange)
    public static let employee = FieldTable.keys(.employee)
    public static let pa = FieldTable.keys(.pa)
    public static let budget = FieldTable.keys(.budget)
    public static let period = FieldTable.keys(.period)
    public static let risk = FieldTable.keys(.risk)
    public static let contingency = FieldTable.keys(.contingency)
    public static let advice = FieldTable.keys(.advice)
    public static let agreement = FieldTable.keys(.agreement)
    public static let review = FieldTable.keys(.review)
    public static let acknowledgement = FieldTable.keys(.acknowledgement)

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
