/// Accepting a warning in the editor accepts that one finding (its entry named as the
/// target), never every finding of the rule.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct AcceptOneFindingTests {
    @Test func acceptingOneOfTwoWarningsLeavesTheOther() {
        // Cal's plan without its old acceptance, and a new outcome (O6) that no support meets.
        var d = Driver.example("young-adult-pa", replacing: [("""
              - rule: outcome-unsupported
                reason: |
                  A paid job (O5) is for next year.
            """, """
              - rule: wage-table-ends
                reason: |
                  A paid job (O5) is for next year.
            """)])
        d.send(.text("3"))
        d.focus("+ Add")
        d.send(.key(.enter))
        d.set("In the person", "I want to learn to drive.")
        d.send(.key(.escape), .text("8"))
        let open = d.state.findings.filter { $0.rule == .outcomeUnsupported }
        #expect(open.map { Acknowledgement.target(of: $0, in: d.state.plan) } == ["O5", "O6"])
        // Down to O6's finding, a, the reason, Enter.
        let o6 = d.state.findings.firstIndex { $0.rule == .outcomeUnsupported && $0.path.hasPrefix("outcomes[5]") }!
        d.send(Array(repeating: InputEvent.key(.down), count: o6))
        d.send(.text("a"))
        d.type("Driving lessons start after his birthday.")
        d.send(.key(.enter))
        #expect(d.state.status == "Accepted outcome-unsupported for O6, with your reason; the others stay open.")
        let after = d.state.findings.filter { $0.rule == .outcomeUnsupported }
        #expect(after.map { "\(Acknowledgement.target(of: $0, in: d.state.plan)) \($0.acknowledged)" } == ["O5 false", "O6 true"])
        #expect(PlanWriter.write(d.state.plan).contains("  - rule: outcome-unsupported\n    target: O6\n    reason: Driving lessons start after his birthday."))
    }
}
