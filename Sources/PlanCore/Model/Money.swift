/// Money as integer pence, read from the text a person wrote and never through floating point.
///
/// Accepted: `24.10`, `"£24.10"`, `15200`, `"£15,200.00"` (commas only in groups of three, at
/// most two decimals). Written back as plain `24.10`.

public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var pence: Int64

    public init(pence: Int64) { self.pence = pence }

    /// The largest amount a plan may hold: £10,000,000.00. With quantities of at most 100,000
    /// this keeps every line's annual cost far inside 64 bits.
    public static let maximumPence: Int64 = 1_000_000_000

    public static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }

    /// Why a money text could not be read, in words for the person.
    public enum Problem: Error, Sendable, Equatable {
        case notANumber, tooManyDecimals, negative, badCommas, tooLarge

        public var words: String {
            switch self {
            case .notANumber: return "is not an amount of money (write it like 24.10 or £1,234.50)"
            case .tooManyDecimals: return "has more than two decimal places (pence are the smallest unit)"
            case .negative: return "is negative; amounts here cannot be below zero"
            case .badCommas: return "has commas in the wrong places (use them only between groups of three digits, like 15,200.00)"
            case .tooLarge: return "is too large (at most £10,000,000.00)"
            }
        }
    }

    /// Why text is not an amount of money, in words ("the amount has more than two decimal
    /// places…"), or nil when it is one: what the editor's money field asks as it is typed.
    @Sendable public static func problem(in text: String) -> String? {
        if case .failure(let p) = parse(text) { return "the amount \(p.words)" }
        return nil
    }

    /// Reads money from a scalar's text.
    public static func parse(_ raw: String) -> Result<Money, Problem> {
        var text = Substring(raw.trimmingSpaces())
        if text.hasPrefix("-") || text.hasPrefix("−") { return .failure(.negative) }
        if text.hasPrefix("+") { text = text.dropFirst() }
        if text.hasPrefix("£") { text = text.dropFirst() }
        if text.hasPrefix("-") { return .failure(.negative) }
        switch DecimalText.parse(text, allowCommas: true) {
        case .failure(let p): return .failure(p)
        case .success(let (whole, fraction, fractionDigits)):
            if fractionDigits > 2 { return .failure(.tooManyDecimals) }
            let (w, o1) = whole.multipliedReportingOverflow(by: 100)
            if o1 { return .failure(.tooLarge) }
            let pence = w + fraction * (fractionDigits == 1 ? 10 : 1)
            if pence > maximumPence { return .failure(.tooLarge) }
            return .success(Money(pence: pence))
        }
    }

    /// `24.10`, as the program writes money into a plan file.
    public var plainText: String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        return "\(sign)\(p / 100).\(twoDigits(p % 100))"
    }

    /// `£15,200.00`, as people read money; `-£712.40` when negative.
    public var pounds: String { Money.pounds(pence) }

    public static func pounds(_ pence: Int64) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        return "\(sign)£\(groupThousands(p / 100)).\(twoDigits(p % 100))"
    }

    public var description: String { pounds }
}

func twoDigits(_ n: UInt64) -> String { n < 10 ? "0\(n)" : "\(n)" }

func groupThousands(_ n: UInt64) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}

/// A decimal number read exactly from text: whole part, fraction digits as an integer, and
/// how many fraction digits were written.
enum DecimalText {
    static func parse(_ text: Substring, allowCommas: Bool) -> Result<(Int64, Int64, Int), Money.Problem> {
        guard !text.isEmpty else { return .failure(.notANumber) }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count > 2 { return .failure(.notANumber) }
        var wholeText = parts[0]
        guard !wholeText.isEmpty else { return .failure(.notANumber) }
        if wholeText.contains(",") {
            guard allowCommas else { return .failure(.notANumber) }
            let groups = wholeText.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return .failure(.notANumber) }
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.badCommas) }
            wholeText = Substring(groups.joined())
        }
        guard wholeText.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        guard wholeText.count <= 15 else { return .failure(.tooLarge) }
        let whole = Int64(wholeText) ?? 0
        guard parts.count == 2 else { return .success((whole, 0, 0)) }
        let fractionText = parts[1]
        guard !fractionText.isEmpty, fractionText.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        if fractionText.count > 2 { return .failure(.tooManyDecimals) }
        return .success((whole, Int64(fractionText) ?? 0, fractionText.count))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
