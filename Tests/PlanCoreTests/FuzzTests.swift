/// Thousands of mutated plan files fed to the reader: no crash, every finding has a real
/// line and column, and whatever reads is written and read back unchanged.
import Foundation
import PropertyBased
import Testing
@testable import PlanCore

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
                FuzzTests.checkOne(PlanMutator.mutate(example, seed: seed))
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
