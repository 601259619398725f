/// A money field: a TextField that accepts what people write for money (`£1,234.50`,
/// `24.10`, `15200`) and refuses, as it is typed, a keystroke after which no amount could
/// follow (a third decimal, a second point, letters, a `£` that is not first, a comma out of
/// place). The judging is the plan model's money parser, passed in, so the screen and
/// `check` can never disagree; this widget only completes what is typed so far (`12.` as
/// `12.0`, `1,2` as `1,200`) before asking it.

public struct MoneyField: Sendable, Equatable {
    /// Why complete text is not an amount of money, in words; nil when it is one.
    public typealias Parser = @Sendable (String) -> String?

    public private(set) var field: TextField
    /// Why the last keystroke was refused, for the status line; nil when it was taken.
    public private(set) var refusal: String?
    private let parse: Parser

    public init(_ text: String = "", parse: @escaping Parser) {
        field = TextField(text)
        self.parse = parse
    }

    /// Two fields are equal when they hold the same text and refusal (the parser is the same
    /// everywhere).
    public static func == (a: MoneyField, b: MoneyField) -> Bool {
        a.field == b.field && a.refusal == b.refusal
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
        if let problem = problem(in: trial.text) {
            refusal = problem
            return .moved  // the keystroke is consumed but changes nothing
        }
        refusal = nil
        field = trial
        return .changed
    }

    /// Why text typed so far cannot become money, or nil: the parser's answer for the text
    /// completed as typing would go on.
    public func problem(in text: String) -> String? {
        parse(Self.completed(text))
    }

    /// The text as an amount it could still become: nothing or `£` as `0`, a last point as
    /// `.0`, a last group of thousands filled out with zeros.
    static func completed(_ text: String) -> String {
        var t = text
        if t.isEmpty || t == "£" { return t + "0" }
        if t.hasSuffix(".") { return t + "0" }
        guard !t.contains("."), let comma = t.lastIndex(of: ",") else { return t }
        let group = t[t.index(after: comma)...]
        if group.count < 3 && group.allSatisfy({ $0.isASCII && $0.isNumber }) {
            t += String(repeating: "0", count: 3 - group.count)
        }
        return t
    }

    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style = .plain) -> Int {
        field.render(into: &canvas, row: row, column: column, width: width, style: style)
    }
}
