/// Deterministic mutations of plan text for fuzzing the reader (the tests and the long
/// `fuzz-trial` run share it): delete, insert, replace, duplicate, drop, re-indent, swap.

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
public struct SplitMix: RandomNumberGenerator {
    public init(state: UInt64) { self.state = state }
    var state: UInt64
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum PlanMutator {
    static let pieces: [String] = [
        ":", ": ", "-", "- ", " ", "  ", "\n", "\"", "'", "[", "]", "{", "}", "#", "&a", "*a", "!", "|", ">", "%",
        "@", "`", "£", "é", "日本", "👨‍👩‍👧", "\t", "0", "12.345", "-5", "2026-02-30", "true", "null", "~", "S1", "N9",
        "\u{0}", "\r", "e\u{301}", ",", "?", "rate: x", "per: once", "unit: week",
    ]

    public static func mutate(_ text: String, seed: UInt64) -> String {
        var rng = SplitMix(state: seed)
        var chars = Array(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !chars.isEmpty:  // delete a short run
                let at = Int.random(in: 0..<chars.count, using: &rng)
                chars.removeSubrange(at..<min(chars.count, at + Int.random(in: 1...12, using: &rng)))
            case 1:  // insert a piece
                let at = Int.random(in: 0...chars.count, using: &rng)
                chars.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
            case 2 where !chars.isEmpty:  // replace a character
                chars[Int.random(in: 0..<chars.count, using: &rng)] = pieces.randomElement(using: &rng)!.first ?? " "
            case 3 where lines.count > 2:  // duplicate or drop a line
                lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let i = Int.random(in: 0..<lines.count, using: &rng)
                if Bool.random(using: &rng) { lines.insert(lines[i], at: i) } else { lines.remove(at: i) }
                chars = Array(lines.joined(separator: "\n"))
            case 4 where lines.count > 2:  // change a line's indentation
                lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let i = Int.random(in: 0..<lines.count, using: &rng)
                lines[i] = Bool.random(using: &rng) ? "  " + lines[i] : String(lines[i].drop { $0 == " " })
                chars = Array(lines.joined(separator: "\n"))
            default:  // swap two lines
                lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard lines.count > 1 else { break }
                lines.swapAt(Int.random(in: 0..<lines.count, using: &rng), Int.random(in: 0..<lines.count, using: &rng))
                chars = Array(lines.joined(separator: "\n"))
            }
        }
        return String(chars)
    }
}

