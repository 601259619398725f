/// A finding: one rule firing at one place in a plan, with words for the professional and
/// for the person.

public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var rule: RuleID
    public var severity: Severity
    /// Where in the plan, as a dotted path: `budget.final`, `supports[2].rate`.
    public var path: String
    /// Line and column in the file, when the plan came from a file.
    public var position: Position?
    public var message: String
    public var plain: String
    public var acknowledged: Bool = false

    public init(_ rule: RuleID, path: String, position: Position? = nil, message: String, plain: String) {
        self.rule = rule
        self.severity = rule.severity
        self.path = path
        self.position = position
        self.message = message
        self.plain = plain
    }

    public var description: String {
        "\(position?.description ?? "-"): \(severity.rawValue)[\(rule.rawValue)] \(path): \(message)"
    }
}
