/// The caseload screen driven by keys: its four lists, sorting, filtering, an author's plans,
/// Enter opening a row's plan, and the screen at 80×24, 60×20 and 120×40.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct CaseloadScreenTests {
    func state(today: String = "2027-11-01") -> CaseloadState {
        let plans = ["older-person-home-care", "young-adult-pa"].map {
            PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path, policy: .standard)
        }
        return CaseloadState(Caseload(plans, today: PlanDate(today)!, underspendPercent: Hundredths(whole: 4)))
    }

    func send(_ s: inout CaseloadState, _ events: InputEvent...) -> [CaseloadEffect] {
        events.flatMap { CaseloadProgram.reduce(&s, $0) }
    }

    func screen(_ s: CaseloadState, _ w: Int, _ h: Int) -> Canvas { CaseloadProgram.render(s, size: Size(width: w, height: h)) }
}
