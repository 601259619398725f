/// The store's plan list: sorting, filtering, choosing a template, and its screen.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct PlanListTests {
    func state() -> PlanListState {
        let plans = ["older-person-home-care", "young-adult-pa"].map {
            PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path, policy: .standard)
        }
        return PlanListState(store: "/store", plans: plans, templates: ["older-person-home-care", "self-written", "young-adult-pa"])
    }

    func send(_ s: inout PlanListState, _ events: InputEvent...) -> [PlanListEffect] {
        events.flatMap { PlanListProgram.reduce(&s, $0) }
    }

    @Test func summariesSortFilterAndOpen() {
        var s = state()
        #expect(s.visible.map(\.name) == ["Cal", "Peggy"])
        #expect(s.visible[1].budgetText == "£17,250.00" && s.visible[1].review == "2027-11-08" && s.visible[1].errors == 0)
        _ = send(&s, .text("s"))
        #expect(s.sort == .status)
        _ = send(&s, .text("/"), .text("p"), .text("e"), .key(.enter))
        #expect(s.visible.map(\.name) == ["Peggy"])
        #expect(send(&s, .key(.enter)) == [.open(s.visible[0].path)])
        _ = send(&s, .text("/"), .key(.escape))
        #expect(s.filter.isEmpty && s.visible.count == 2)
        #expect(send(&s, .text("n"), .key(.down), .key(.enter)) == [.create(template: "self-written")])
        #expect(send(&s, .key(.function(10))) == [.quit])
    }

    @Test func screenAt80x24() {
        var s = state()
        _ = send(&s, .key(.down))
        let c = PlanListProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.line(3) == "  Person               Id              Status      Budget      ✗  !  Review")
        #expect(c.line(4) == "  Cal                  CA-2026-0388    draft       £29,400.00   0  0  2027-11-15")
        #expect(c.line(5) == "> Peggy                PW-2026-0117    draft       £17,250.00   0  0  2027-11-08")
        #expect(c.cursor == Point(row: 5, column: 0))
        #expect(c.line(23) == " F1 Help  Enter Open  n New  v Queue  c Caseload  / Filter  s Sort  F10 Quit")
    }
}
