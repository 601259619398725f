/// Dates as statements write them, by a small pattern: `DD/MM/YYYY` (13/06/2025),
/// `DD MMM YYYY` (13 Jun 2025), `YYYY-MM-DD`, `MM/DD/YYYY`, `DD-MM-YY`… `D`/`DD` is the day
/// (one or two digits), `M`/`MM` the month as a number, `MMM` a month's three-letter English
/// name, `MMMM` its full name (any case), `YYYY` the year, `YY` a year in 2000–2099; any other
/// character must be there as written. Only real dates are accepted (no 31 June).

public struct StatementDateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable { case day, month, monthName, fullMonthName, year4, year2, literal(Unicode.Scalar) }

    let tokens: [Token]
    public let description: String

    /// nil when the pattern has no day, month and year, or one twice.
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        let u = Array(pattern.unicodeScalars)
        var i = 0
        func run(of c: Unicode.Scalar) -> Int {
            var k = i
            while k < u.count, u[k] == c { k += 1 }
            return k - i
        }
        while i < u.count {
            let c = u[i]
            switch c {
            case "D":
                let k = run(of: "D"); guard k <= 2 else { return nil }
                tokens.append(.day); i += k
            case "M":
                let k = run(of: "M")
                switch k {
                case 1, 2: tokens.append(.month)
                case 3: tokens.append(.monthName)
                case 4: tokens.append(.fullMonthName)
                default: return nil
                }
                i += k
            case "Y":
                let k = run(of: "Y")
                switch k {
                case 2: tokens.append(.year2)
                case 4: tokens.append(.year4)
                default: return nil
                }
                i += k
            default:
                tokens.append(.literal(c)); i += 1
            }
        }
        let days = tokens.filter { $0 == .day }.count
        let months = tokens.filter { $0 == .month || $0 == .monthName || $0 == .fullMonthName }.count
        let years = tokens.filter { $0 == .year4 || $0 == .year2 }.count
        guard days == 1, months == 1, years == 1 else { return nil }
        self.tokens = tokens
        self.description = pattern
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    public func parse(_ raw: String) -> PlanDate? {
        var u = Array(raw.unicodeScalars)
        while let f = u.first, f == " " || f == "\t" { u.removeFirst() }
        while let l = u.last, l == " " || l == "\t" { u.removeLast() }
        var i = 0
        var day = 0, month = 0, year = 0
        func digits(min: Int, max: Int) -> Int? {
            var n = 0, k = 0
            while i < u.count, k < max, (48...57).contains(u[i].value) {
                n = n * 10 + Int(u[i].value - 48); i += 1; k += 1
            }
            return k >= min ? n : nil
        }
        for token in tokens {
            switch token {
            case .day: guard let d = digits(min: 1, max: 2) else { return nil }; day = d
            case .month: guard let m = digits(min: 1, max: 2) else { return nil }; month = m
            case .year4: guard let y = digits(min: 4, max: 4) else { return nil }; year = y
            case .year2: guard let y = digits(min: 2, max: 2) else { return nil }; year = 2000 + y
            case .monthName, .fullMonthName:
                var word = ""
                while i < u.count, u[i].properties.isAlphabetic { word.unicodeScalars.append(u[i]); i += 1 }
                let lower = word.lowercased()
                let index = token == .monthName
                    ? Self.monthNames.firstIndex { $0.prefix(3) == lower && lower.count == 3 }
                    : Self.monthNames.firstIndex(of: lower)
                guard let index else { return nil }
                month = index + 1
            case .literal(let c):
                guard i < u.count, u[i] == c else { return nil }
                i += 1
            }
        }
        guard i == u.count else { return nil }
        return PlanDate(year: year, month: month, day: day)
    }
}
