/// How a cell looks. Colour is only ever a second channel: every meaning also has a text
/// marker (`!`, `✗`) and, where it matters, an attribute, so `NO_COLOR` loses nothing.

public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let reverse = Attributes(rawValue: 8)
}

public enum Color: Int16, Sendable, Hashable, CaseIterable {
    case red = 1, green, yellow, blue, magenta, cyan
}

public struct Style: Sendable, Hashable {
    public var attributes: Attributes
    public var color: Color?

    public init(_ attributes: Attributes = [], color: Color? = nil) {
        self.attributes = attributes
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let reverse = Style(.reverse)
    public static let dim = Style(.dim)
    /// Errors: bold, and red where colour is on.
    public static let error = Style(.bold, color: .red)
    public static let warning = Style(.bold, color: .yellow)
    public static let good = Style([], color: .green)
    public static let focus = Style(.reverse)
}
