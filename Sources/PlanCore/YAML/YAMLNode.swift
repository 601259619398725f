/// A small, Sendable YAML tree that keeps every node's position and scalar style.
///
/// Yams' `Node` is not Sendable and resolves tags with regular expressions; the plan reader
/// needs neither. Every scalar is kept as the exact text the person wrote, and the plan
/// reader decides what it means from the field it is in (money, a date, a word…).

/// A 1-based line and column in a file.
public struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = Position(line: 1, column: 1)

    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

public indirect enum YAMLNode: Sendable, Hashable {
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    case scalar(String, ScalarStyle, Position)
    case sequence([YAMLNode], Position)
    /// Pairs in file order. Keys are scalars; their positions are the key's position.
    case mapping([YAMLPair], Position)

    public var position: Position {
        switch self {
        case .scalar(_, _, let p), .sequence(_, let p), .mapping(_, let p): return p
        }
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var text: String? {
        if case .scalar(let s, _, _) = self { return s }
        return nil
    }

    /// True for what the format calls absent: `null`, `~`, `""` and `[]` (a missing key is absent too).
    public var isAbsent: Bool {
        switch self {
        case .scalar(let s, let style, _):
            if s.isEmpty { return true }
            return style == .plain && (s == "~" || s == "null" || s == "Null" || s == "NULL")
        case .sequence(let items, _): return items.isEmpty
        case .mapping: return false
        }
    }

    /// Equality of content only (positions and styles ignored), for round-trip comparisons.
    public func sameContent(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case let (.scalar(a, _, _), .scalar(b, _, _)): return a == b
        case let (.sequence(a, _), .sequence(b, _)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameContent(as: $1) }
        case let (.mapping(a, _), .mapping(b, _)):
            return a.count == b.count && zip(a, b).allSatisfy {
                $0.key == $1.key && $0.value.sameContent(as: $1.value)
            }
        default: return false
        }
    }
}

public struct YAMLPair: Sendable, Hashable {
    public var key: String
    public var keyPosition: Position
    public var value: YAMLNode

    public init(key: String, keyPosition: Position, value: YAMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
