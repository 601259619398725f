/// How the guide reads what a person types: a choice by its number or its words (`yes`, `y`,
/// `no`, `n`, a case-insensitive start of an option's words when only one option starts so),
/// and money with the words people add (`£13 an hour`, `13.50 per hour`, `£9,000 a year`),
/// through the plan model's `Money.parse` once those words are taken off. Never a Double.
import PlanCore

enum GuideAnswers {
    /// The option chosen, or nil when the answer names none (or more than one).
    static func choose(_ answer: String, _ options: [String]) -> Int? {
        var text = answer.trimmed.lowercased()
        while text.hasSuffix(".") || text.hasSuffix("!") { text.removeLast() }
        text = text.trimmed
        guard !text.isEmpty else { return nil }
        if let n = Int(text) { return (1...options.count).contains(n) ? n - 1 : nil }
        let lowered = options.map { $0.lowercased() }
        if let exact = lowered.firstIndex(of: text) { return exact }
        let yes = ["yes", "y", "yeah", "yep"], no = ["no", "n", "nope"]
        if yes.contains(text), let i = lowered.firstIndex(where: { $0 == "yes" || $0.hasPrefix("yes,") || $0.hasPrefix("yes ") }) {
            return i
        }
        if no.contains(text), let i = lowered.firstIndex(where: { $0 == "no" || $0.hasPrefix("no,") || $0.hasPrefix("no ") }) {
            return i
        }
        let starting = lowered.indices.filter { lowered[$0].hasPrefix(text) }
        return starting.count == 1 ? starting[0] : nil
    }

    /// Several options: numbers ("1 3", "1,3") or words separated by commas ("my health, my
    /// family"). Empty is none. Nil when any part names no option.
    static func several(_ answer: String, _ options: [String]) -> [Int]? {
        let text = answer.trimmed
        if text.isEmpty { return [] }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," })
        if parts.allSatisfy({ Int($0) != nil }) {
            let n = parts.compactMap { Int($0) }
            guard n.allSatisfy({ (1...options.count).contains($0) }) else { return nil }
            return n.map { $0 - 1 }
        }
        // Words with commas between; an option's own words may hold a comma ("Work, learning
        // or fun"), so the longest run of pieces that names an option is taken first.
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var out: [Int] = [], i = 0
        while i < pieces.count {
            guard let (j, found) = (i + 1...pieces.count).reversed().lazy
                .compactMap({ j in choose(pieces[i..<j].joined(separator: ","), options).map { (j, $0) } }).first
            else { return nil }
            if !out.contains(found) { out.append(found) }
            i = j
        }
        return out
    }

    /// Words for a unit of money, as people write them after an amount.
    static let unitWords: [(words: [String], unit: String)] = [
        (["hour", "hours", "hr", "hrs", "h"], "hour"), (["week", "weeks", "wk"], "week"),
        (["year", "years", "yr", "annum", "annually"], "year"), (["month", "months", "monthly"], "month"),
        (["visit", "visits"], "visit"), (["day", "days", "daily"], "day"), (["night", "nights"], "night"),
        (["session", "sessions"], "session"), (["time", "times", "thing", "item"], "item"),
        (["weekly"], "week"), (["hourly"], "hour"), (["yearly"], "year"),
    ]

    /// The amount and the unit words written after it (`"hour"`, `"year"`), or what is wrong.
    static func money(_ answer: String) -> Result<(Money, unit: String?), Money.Problem> {
        var text = answer.trimmed.lowercased()
        while text.hasSuffix(".") && !text.dropLast().isEmpty && !(text.dropLast().last?.isNumber ?? false) { text.removeLast() }
        var unit: String?
        // "£13 an hour", "13.50 per hour", "£9,000 a year", "13/hr", "13 pounds an hour", "13 ph".
        text = text.replacingOccurrences(of: "/", with: " per ")
        var words = text.split(separator: " ").map(String.init)
        if let last = words.last, words.count >= 2, let u = unitWords.first(where: { $0.words.contains(last) }) {
            unit = u.unit
            words.removeLast()
            if let w = words.last, ["a", "an", "per", "each", "every", "for", "the"].contains(w) { words.removeLast() }
            if let w = words.last, ["per", "each", "every", "for"].contains(w) { words.removeLast() }
        } else if let last = words.last, words.count >= 2, ["ph", "pw", "pa", "pcm"].contains(last) {
            unit = ["ph": "hour", "pw": "week", "pa": "year", "pcm": "month"][last]
            words.removeLast()
        }
        if let last = words.last, words.count >= 2, ["pounds", "pound", "quid", "gbp"].contains(last) { words.removeLast() }
        switch Money.parse(words.joined(separator: " ")) {
        case .success(let m): return .success((m, unit))
        case .failure(let p): return .failure(p)
        }
    }

    /// The unit words a money question asks for, in the words it uses ("an hour").
    static func per(_ unit: String) -> String {
        switch unit {
        case "hour": return "an hour"
        case "item": return "each time"
        default: return "a \(unit)"
        }
    }

    /// A date as the guide accepts it: `1995-08-14`, or `14/08/1995` as people write it here.
    static func date(_ answer: String) -> PlanDate? {
        let text = answer.trimmed
        if let d = PlanDate(text) { return d }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3, parts[2] >= 1000 else { return nil }
        return PlanDate(year: parts[2], month: parts[1], day: parts[0])
    }

    /// Money for people: `£6,760` when whole pounds, else `£6,760.50`.
    static func pounds(_ pence: Int64) -> String {
        let full = Money.pounds(pence)
        return full.hasSuffix(".00") ? String(full.dropLast(3)) : full
    }
}
