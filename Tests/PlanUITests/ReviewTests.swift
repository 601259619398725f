/// The approver's review screen: read-only content, return with reasons and a comment, sign.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct ReviewTests {
    func state(_ example: String = "older-person-home-care", previous: Plan? = nil) -> ReviewState {
        let d = Driver.example(example)
        return ReviewState(path: "/s/plans/x.yaml", plan: d.state.plan, check: d.state.check, previous: previous,
                           reasons: Policy.standard.returnReasons)
    }

    func send(_ s: inout ReviewState, _ events: [InputEvent]) -> [ReviewEffect] {
        events.flatMap { ReviewProgram.reduce(&s, $0) }
    }

    @Test func checklistCostingAndChanges() {
        var old = Driver.example("older-person-home-care").state.plan
        old.budget.final = Money(pence: 1_600_000)
        let s = state(previous: old)
        #expect(s.lines.contains("✓ Needs and outcomes"))
        #expect(s.lines.contains("✓ Safety, rights and process (1 accepted with a reason)"))
        #expect(s.lines.contains { $0.hasPrefix("    ✓ accepted first-review-late: The visits start in December") })
        #expect(s.lines.contains("Costing for PW-2026-0117 (Peggy), 52.143 weeks a year"))
        #expect(s.lines.contains("  ~ final budget: £16,000.00 → £17,250.00"))
        let c = ReviewProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.line(0) == " Review: Peggy · PW-2026-0117 v1 · read-only")
        #expect(c.cursor == Point(row: 2, column: 1))
        #expect(c.line(23) == " F1 Help  s Sign off  r Return  Esc Back")
    }

    @Test func returnNeedsAReasonAndAComment() {
        var s = state()
        #expect(send(&s, [.text("r"), .key(.tab), .key(.enter)]).isEmpty)
        #expect(s.status.contains("Tick at least one reason"))
        _ = send(&s, [.key(.tab), .key(.down), .text(" "), .key(.tab), .key(.enter)])
        #expect(s.status.contains("Write what to change"))
        let effects = send(&s, InputEvent.typing("Who pays for the key safe?") + [.key(.enter)])
        #expect(effects == [.returnPlan(reasons: ["costs-unclear"], comment: "Who pays for the key safe?")])
        #expect(s.returning == nil)
    }

    @Test func signAsksForTheKeyAndHidesThePassphrase() {
        var s = state()
        _ = send(&s, [.text("s")] + InputEvent.typing("ana-lopez") + [.key(.tab)] + InputEvent.typing("secret"))
        let c = ReviewProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.text.contains("••••••") && !c.text.contains("secret"))
        #expect(send(&s, [.key(.enter)]) == [.sign(key: "ana-lopez", passphrase: "secret")])
        #expect(send(&s, [.key(.escape)]) == [.back])
    }

    @Test func queueShowsSubmittedPlansOldestFirst() {
        var plans = ["older-person-home-care", "young-adult-pa"].map {
            PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path, policy: .standard)
        }
        plans[0].status = "submitted"; plans[0].submitted = "2026-11-25T10:00:00Z"; plans[0].change = .new
        plans[1].status = "submitted"; plans[1].submitted = "2026-11-24T09:00:00Z"; plans[1].change = .by(Money(pence: 40_000))
        var s = PlanListState(store: "/s", plans: plans, templates: [])
        _ = PlanListProgram.reduce(&s, .text("v"))
        #expect(s.visible.map(\.name) == ["Cal", "Peggy"])
        #expect(PlanListProgram.reduce(&s, .key(.enter)) == [.review(plans[1].path)])
        let c = PlanListProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.line(4) == "> Cal          CA-2026-0388  £29,400.00  +£400.00     0  Priya Shah  2026-11-24")
    }
}
