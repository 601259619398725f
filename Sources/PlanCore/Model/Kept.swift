/// What a plan file held that the model does not interpret, kept so that a save loses nothing:
/// the order of keys as written, unknown keys, and values that could not be read.

public struct Kept: Sendable, CustomStringConvertible {
    /// Keys in the order the file had them (known and unknown).
    public var order: [String] = []
    /// Values kept as written: unknown keys, and known keys whose value could not be read.
    public var raw: [String: YAMLNode] = [:]

    public init() {}

    public var description: String { "Kept(order: \(order), raw: \(raw.keys.sorted()))" }

    /// Forget a kept raw value, once the model holds a good value for the key.
    public mutating func clear(_ key: String) { raw[key] = nil }
}

extension Kept: Equatable {
    /// Positions, scalar styles and key order are layout, not content: a plan built in memory
    /// equals the same plan read from a file. (The writer still keeps the file's order.)
    public static func == (a: Kept, b: Kept) -> Bool {
        guard a.raw.count == b.raw.count else { return false }
        for (k, v) in a.raw {
            guard let w = b.raw[k], v.sameContent(as: w) else { return false }
        }
        return true
    }
}
