/// Thousands of mutated plan files fed to the reader: no crash, every finding has a real
/// line and column, and whatever reads is written and read back unchanged.
import Foundation
import PropertyBased
import Testing
@testable import PlanCore

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Mutator {
    static let pieces: [String] = [
        ":", ": ", "-", "- ", " ", "  ", "\n", "\"", "'", "[", "]", "{", "}", "#", "&a", "*a", "!", "|", ">", "%",
        "@", "`", "£", "é", "日本", "👨‍👩‍👧", "\t", "0", "12.345", "-5", "2026-02-30", "true", "null", "~", "S1", "N9",
        "\u{0}", "\r", "e\u{301}", ",", "?", "rate: x", "per: once", "unit: week",
    ]

    static func mutate(_ text: String, seed: UInt64) -> String {
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

@Suite struct FuzzTests {
    static let examples: [String] = Paths.examples.compactMap { try? Paths.text($0) }

    static func checkOne(_ text: String) {
        let r = Checker.check(text: text, file: "fuzz.yaml")
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for f in r.findings {
            guard let p = f.position else {
                Issue.record("finding without a position: \(f)")
                return
            }
            #expect(p.line >= 1 && p.line <= lineCount + 1 && p.column >= 1, "\(f)")
        }
        if r.unreadable { #expect(r.findings.count == 1 && r.findings[0].rule == .syntax) }
        guard let plan = r.plan else { return }
        let written = PlanWriter.write(plan)
        let back = PlanReader.read(written)
        #expect(back.plan == plan, "round trip changed the plan:\n\(written)")
        #expect(PlanWriter.write(back.plan ?? Plan()) == written)
    }

    /// `FUZZ_SEEDS=100000 swift test -c release --filter FuzzTests` for a long run (scripts/fuzz).
    static let seeds = Int(ProcessInfo.processInfo.environment["FUZZ_SEEDS"] ?? "") ?? 1500

    @Test func mutatedExamples() async {
        await propertyCheck(count: FuzzTests.seeds, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            for example in FuzzTests.examples {
                FuzzTests.checkOne(Mutator.mutate(example, seed: seed))
            }
        }
    }

    @Test func randomBytes() async {
        let alphabet = Gen.character(in: " "..."~")
        await propertyCheck(count: 1000, input: alphabet.string(of: 0...200)) { text in
            FuzzTests.checkOne("format: supportplan/1\n" + text)
            FuzzTests.checkOne(text)
        }
    }
}
