/// Amounts as statements write them, read into exact pence (never through floating point):
/// `12.00`, `-12.00`, `+12.00`, `£1,234.56`, `-£12.00`, `£-12.00`, `(12.00)` (negative, as
/// accountants write it), `12.5` (£12.50), `12` (£12.00), `−12.00` (a minus sign). Commas
/// only between groups of three digits; at most two decimals, with a digit on both sides of
/// the point (`12.` and `.5` are refused). One sign at most: `(-12.00)` and `-£-12.00` are
/// refused, not read as money in.

public enum StatementAmount {
    /// The largest amount a statement row may hold: £1,000,000,000.00.
    public static let limitPence: Int64 = 100_000_000_000

    /// nil when the cell is empty (paid-in and paid-out columns leave one of the two blank);
    /// else the signed pence, or why the text is not an amount.
    public static func parse(_ raw: String) -> Result<Int64, AmountProblem>? {
        var s = Substring(raw).drop { $0 == " " || $0 == "\t" }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        if s.isEmpty { return nil }
        var negative = false, signs = 0
        if s.hasPrefix("(") && s.hasSuffix(")") { negative = true; signs = 1; s = s.dropFirst().dropLast() }
        func sign() {
            if s.hasPrefix("-") || s.hasPrefix("−") { negative = true; signs += 1; s = s.dropFirst() } else if s.hasPrefix("+") {
                signs += 1; s = s.dropFirst()
            }
        }
        sign()
        if s.hasPrefix("£") { s = s.dropFirst(); sign() }
        if signs > 1 { return .failure(.twoSigns) }
        let u = Array(s.utf8)
        guard !u.isEmpty else { return .failure(.notANumber) }
        var whole: Int64 = 0, digits = 0, groupDigits = 0, commas = 0
        var i = 0
        while i < u.count, u[i] != UInt8(ascii: ".") {
            let b = u[i]
            if b == UInt8(ascii: ",") {
                if digits == 0 || (commas > 0 && groupDigits != 3) || (commas == 0 && groupDigits > 3) { return .failure(.badCommas) }
                commas += 1; groupDigits = 0
            } else if (48...57).contains(b) {
                whole = whole * 10 + Int64(b - 48)
                digits += 1; groupDigits += 1
                if whole > limitPence / 100 { return .failure(.tooLarge) }
            } else {
                return .failure(.notANumber)
            }
            i += 1
        }
        if commas > 0 && groupDigits != 3 { return .failure(.badCommas) }
        var fraction: Int64 = 0, fractionDigits = 0
        if i < u.count {
            i += 1
            while i < u.count {
                guard (48...57).contains(u[i]) else { return .failure(.notANumber) }
                fraction = fraction * 10 + Int64(u[i] - 48)
                fractionDigits += 1
                i += 1
            }
            if fractionDigits > 2 { return .failure(.tooManyDecimals) }
            if fractionDigits == 0 || digits == 0 { return .failure(.notANumber) }
        }
        if digits == 0 && fractionDigits == 0 { return .failure(.notANumber) }
        let pence = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return .success(negative ? -pence : pence)
    }

    /// `£1,234.56`, `-£12.00`: an amount for a message.
    public static func shown(_ pence: Int64) -> String { Money.pounds(pence) }
}

public enum AmountProblem: Error, Sendable, Equatable {
    case notANumber, tooManyDecimals, badCommas, tooLarge, twoSigns

    public var words: String {
        switch self {
        case .notANumber: return "is not an amount of money (like 12.00, -12.00, £1,234.56 or (12.00))"
        case .tooManyDecimals: return "has more than two decimal places"
        case .badCommas: return "has commas in the wrong places (only between groups of three digits, like 1,234.56)"
        case .tooLarge: return "is too large for a statement row"
        case .twoSigns: return "has more than one sign (like (-12.00) or -£-12.00), so it is not clear whether money went in or out"
        }
    }
}
