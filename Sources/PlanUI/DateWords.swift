/// A date as people type it: `2027-03-31`, `31/03/2027`, `31-03-2027`, `31.3.2027` or
/// `today`. The plan file always stores it as year-month-day; a refusal shows an example.
import PlanCore

enum DateWords {
    struct Refusal: Error, Equatable {
        var words: String
    }

    static let example = "write it like 2027-03-31 or 31/03/2027 (or today)"

    static func read(_ text: String, today: PlanDate) -> Result<PlanDate, Refusal> {
        let t = text.trimmed
        if t.lowercased() == "today" { return .success(today) }
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else {
            return .failure(Refusal(words: "“\(t)” is not a date: \(example)."))
        }
        let n = parts.map { Int($0)! }
        // Year first (ISO) when the first part has four digits; otherwise day, month, year (UK order).
        let (y, m, d) = parts[0].count == 4 ? (n[0], n[1], n[2]) : (n[2], n[1], n[0])
        guard parts[parts[0].count == 4 ? 0 : 2].count == 4 else {
            return .failure(Refusal(words: "Give the year in full (four digits): \(example)."))
        }
        guard let date = PlanDate(year: y, month: m, day: d) else {
            return .failure(Refusal(words: "There is no such day as “\(t)”: \(example)."))
        }
        return .success(date)
    }
}
