/// Accepting a warning is per finding: an `acknowledged:` entry with a `target:` (an entry id
/// or the finding's path) accepts only that finding; an old entry without one still accepts
/// every finding of its rule.
import Foundation
import Testing
@testable import PlanCore

@Suite struct AcknowledgementTargetTests {
    /// Cal's plan with a second outcome no support meets (O6), and the acknowledgement of
    /// outcome-unsupported given the target `target` (nil: the old form, no target).
    func plan(target: String?) throws -> String {
        var text = try Paths.text(Paths.examples[1])
        let o6 = "  - id: O6\n    text: I want to learn to drive.\n    wellbeing: [control-over-day-to-day-life]\n    needs: [N1]\n"
        let outcomesEnd = "    wellbeing: [work-education-training-recreation, social-economic-wellbeing, contribution-to-society]\n\nsupports:"
        #expect(text.contains(outcomesEnd))
        text = text.replacingOccurrences(of: outcomesEnd, with: outcomesEnd.replacingOccurrences(of: "\n\nsupports:", with: "\n" + o6 + "\nsupports:"))
        if let target {
            #expect(text.contains("  - rule: outcome-unsupported\n"))
            text = text.replacingOccurrences(of: "  - rule: outcome-unsupported\n", with: "  - rule: outcome-unsupported\n    target: \(target)\n")
        }
        return text
    }

    /// (outcome id, acknowledged) for each outcome-unsupported finding.
    func unsupported(_ text: String) -> [String: Bool] {
        let r = Checker.check(text: text, file: "cal.yaml", policy: .standard)
        let plan = r.plan!
        var out: [String: Bool] = [:]
        for f in r.findings where f.rule == .outcomeUnsupported { out[Acknowledgement.target(of: f, in: plan)] = f.acknowledged }
        return out
    }

    @Test func anOldEntryWithoutATargetAcceptsEveryFindingOfItsRule() throws {
        #expect(unsupported(try plan(target: nil)) == ["O5": true, "O6": true])
    }

    @Test func aTargetByIdAcceptsOnlyThatFinding() throws {
        #expect(unsupported(try plan(target: "O5")) == ["O5": true, "O6": false])
        #expect(unsupported(try plan(target: "O6")) == ["O5": false, "O6": true])
    }

    @Test func aTargetByPathAcceptsOnlyThatFinding() throws {
        let r = Checker.check(text: try plan(target: nil), file: "cal.yaml", policy: .standard)
        let o6 = r.findings.first { $0.rule == .outcomeUnsupported && Acknowledgement.target(of: $0, in: r.plan!) == "O6" }!
        #expect(unsupported(try plan(target: o6.path)) == ["O5": false, "O6": true])
    }

    @Test func aTargetNamingNothingAcceptsNothing() throws {
        #expect(unsupported(try plan(target: "O9")) == ["O5": false, "O6": false])
    }

    @Test func theTargetIsReadAndWrittenBack() throws {
        let plan = PlanReader.read(try plan(target: "O5")).plan!
        #expect(plan.acknowledged.last?.target == "O5")
        let again = PlanReader.read(PlanWriter.write(plan)).plan!
        #expect(again.acknowledged == plan.acknowledged)
        #expect(PlanWriter.write(plan).contains("  - rule: outcome-unsupported\n    target: O5\n    reason: |"))
    }
}
