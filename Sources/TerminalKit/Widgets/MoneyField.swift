/// A money field: a TextField that accepts what people write for money (`£1,234.50`,
/// `24.10`, `15200`) and refuses, as it is typed, a third decimal, a second point, letters
/// or a `£` that is not first. The amount is read by the plan model's parser, passed in, so
/// the screen and `check` can never disagree.

public struct MoneyField: Sendable, Equatable {
    public private(set) var field: TextField
    /// Why the last keystroke was refused, for the status line; nil when it was taken.
    public private(set) var refusal: String?

    public init(_ text: String = "") {
        field = TextField(text)
    }

    public var text: String { field.text }
    public var cursor: Int { field.cursor }

    @discardableResult
    public mutating func handle(_ event: InputEvent) -> EditResult {
        var trial = field
        let result = trial.handle(event)
        guard result == .changed else {
            field = trial
            return result
        }
        if let problem = MoneyField.problem(in: trial.text) {
            refusal = problem
            return .moved  // the keystroke is consumed but changes nothing
        }
        refusal = nil
        field = trial
        return .changed
    }

    /// Why text cannot become money as typed so far, or nil.
    public static func problem(in text: String) -> String? {
        var body = Substring(text)
        if body.hasPrefix("£") { body = body.dropFirst() }
        if body.contains("£") { return "£ goes only at the start" }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else {
            return "only digits, £, commas and one point"
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 2 { return "only one decimal point" }
        if parts.count == 2 {
            if parts[1].count > 2 { return "at most two decimals: pence are the smallest unit" }
            if parts[1].contains(",") { return "no commas after the point" }
        }
        return nil
    }

    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style = .plain) -> Int {
        field.render(into: &canvas, row: row, column: column, width: width, style: style)
    }
}
