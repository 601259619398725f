/// A quantity with up to two decimals (hours, visits, weeks), held exactly as hundredths.

public struct Hundredths: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int64

    public init(hundredths: Int64) { self.value = hundredths }
    public init(whole: Int64) { self.value = whole * 100 }

    public static func < (a: Hundredths, b: Hundredths) -> Bool { a.value < b.value }

    /// Reads `7`, `7.5` or `5.25`. No sign, no commas, no more than two decimals, at most 100,000.
    public static func parse(_ raw: String) -> Result<Hundredths, Money.Problem> {
        let text = Substring(raw.trimmingSpaces())
        if text.hasPrefix("-") { return .failure(.negative) }
        switch DecimalText.parse(text, allowCommas: false) {
        case .failure(let p): return .failure(p)
        case .success(let (whole, fraction, digits)):
            if digits > 2 { return .failure(.tooManyDecimals) }
            guard whole * 100 + fraction <= 10_000_000 else { return .failure(.tooLarge) }  // at most 100,000
            return .success(Hundredths(hundredths: whole * 100 + fraction * (digits == 1 ? 10 : 1)))
        }
    }

    /// The shortest exact text: `7`, `7.5`, `5.25`.
    public var description: String {
        let whole = value / 100, frac = value % 100
        if frac == 0 { return "\(whole)" }
        if frac % 10 == 0 { return "\(whole).\(frac / 10)" }
        return "\(whole).\(twoDigits(UInt64(frac)))"
    }
}
