/// What a plan file held that the model does not interpret, kept so that a save loses nothing:
/// the order of keys as written, unknown keys, values that could not be read, and the
/// comments and blank lines around each key (`Note`), so a save puts them back in place.

public struct Kept: Sendable, CustomStringConvertible {
    /// Keys in the order the file had them (known and unknown).
    public var order: [String] = []
    /// Values kept as written: unknown keys, and known keys whose value could not be read.
    public var raw: [String: YAMLNode] = [:]
    /// The comments and blank lines at each key the file had (an empty note for a key with
    /// none: the key came from the file, so its spacing is the file's, not the writer's).
    public var notes: [String: Note] = [:]
    /// The notes of the items of a list of words or lines, by the item's text.
    public var items: [String: [ItemNote]] = [:]
    /// Notes inside values kept as written (`raw`), by the line they were on in the file.
    public var inner: [Int: Note] = [:]
    /// Lines after the file's last key (the plan's own `Kept` only).
    public var tail: [String] = []

    public init() {}

    public var description: String { "Kept(order: \(order), raw: \(raw.keys.sorted()))" }

    /// Forget a kept raw value, once the model holds a good value for the key.
    public mutating func clear(_ key: String) { raw[key] = nil }
}

/// The note of one item of a list, found again by its text.
public struct ItemNote: Sendable, Equatable {
    public var text: String
    public var note: Note

    public init(text: String, note: Note) {
        self.text = text
        self.note = note
    }
}

extension Kept: Equatable {
    /// Positions, scalar styles, key order and comments are layout, not content: a plan built in memory
    /// equals the same plan read from a file. (The writer still keeps the file's order.)
    public static func == (a: Kept, b: Kept) -> Bool {
        guard a.raw.count == b.raw.count else { return false }
        for (k, v) in a.raw {
            guard let w = b.raw[k], v.sameContent(as: w) else { return false }
        }
        return true
    }
}
