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

    @Test func reviewsAt80x24() {
        let s = state()
        ScreenAssert.expect(screen(s, 80, 24), """
             Caseload · whole store · today 2027-11-01
             [Reviews 2]  Budget 1   Waiting 0   Money
             Next review within 30 days, or late

              Person                      Id             Due               When Author
            > Peggy                       PW-2026-0117   2027-11-08      in 7 d Helen Mistry
              Cal                         CA-2026-0388   2027-11-15     in 14 d Priya Shah
            \(String(repeating: "\n", count: 14))
             Tab next list · Enter opens · a author · / filter · s sort · Esc back
             F1 Help  Tab Next  Enter Open  a Author  / Filter  s Sort  Esc Back
            """, cursor: Point(row: 5, column: 0))
    }

    @Test func at60x20TheAuthorColumnGoesAndTheStatusIsCut() {
        var s = state()
        _ = send(&s, .key(.down))
        ScreenAssert.expect(screen(s, 60, 20), """
             Caseload · whole store · today 2027-11-01
             [Reviews 2]  Budget 1   Waiting 0   Money
             Next review within 30 days, or late

              Person               Id             Due               When
              Peggy                PW-2026-0117   2027-11-08      in 7 d
            > Cal                  CA-2026-0388   2027-11-15     in 14 d
            \(String(repeating: "\n", count: 10))
             Tab next list · Enter opens · a author · / filter · s sort…
             F1 Help  Tab Next  Enter Open  a Author  / Filter  s Sort
            """, cursor: Point(row: 6, column: 0))
        #expect(screen(s, 59, 20).text.contains("Terminal too small (need 60×20)"))
    }

    @Test func keysSortFilterAuthorAndOpen() {
        var s = state()
        #expect(send(&s, .key(.down), .key(.enter)) == [.open(s.model.reviewsDue[1].path)])
        _ = send(&s, .text("s"))  // by person
        #expect(s.table.lines.map { $0.cells[0] } == ["Cal", "Peggy"])
        _ = send(&s, .text("/"), .text("p"), .text("e"), .key(.enter))
        #expect(s.table.lines.map { $0.cells[0] } == ["Peggy"])
        _ = send(&s, .text("/"), .key(.escape))
        #expect(s.table.lines.count == 2)
        _ = send(&s, .key(.tab))
        #expect(s.tab == .budget && s.table.lines.map(\.cells) == [["Cal", "CA-2026-0388", "£29,400.00", "under £1,224.14", "Priya Shah"]])
        #expect(send(&s, .key(.enter)) == [.open(s.model.underBudget[0].path)])
        _ = send(&s, .key(.tab), .key(.tab), .text("a"))  // Money, Helen Mistry's plans
        #expect(s.tab == .money && s.author == "Helen Mistry")
        #expect(s.table.lines[0].cells == ["All plans of Helen Mistry", "£17,036.14", "£75.00", "1"])
        #expect(send(&s, .key(.enter)) == [])
        #expect(s.status == "This row is a total: it opens no plan.")
        _ = send(&s, .text("a"), .text("a"))  // Priya Shah, then the whole store
        #expect(s.author == nil && s.table.lines[0].cells == ["All plans", "£45,212.00", "£404.00", "2"])
        #expect(send(&s, .key(.escape)) == [.back])
    }

    @Test func moneyAt120x40WithBarsAndCutNames() {
        var s = state()
        _ = send(&s, .key(.backTab))
        #expect(s.tab == .money)
        let wide = screen(s, 120, 40)
        #expect(wide.line(5) == "> All plans                                                                                £45,212.00     £404.00      2")
        #expect(wide.line(12).hasPrefix("    Jade Morris, my cousin, who lives in her own flat (I employ her)   "))
        let chart = (0..<40).map { wide.line($0) }
        let title = chart.firstIndex { $0.hasPrefix("  Committed a year by kind") }
        #expect(title == 34)
        // personal assistants (pa) £20,982.00 is the longest bar; agency £13,459.41 is 64% of it.
        let pa = chart[35], agency = chart[36]
        // Kinds in words, cut with … to the chart's name column.
        #expect(pa.hasPrefix("  personal assist…  █") && pa.hasSuffix(" £20,982.00"))
        #expect(agency.hasPrefix("  care agency       █"))
        let bar = { (l: String) in l.filter { $0 == "█" }.count }
        #expect(bar(pa) == 120 - 2 - 16 - 2 - 10 - 1 && bar(agency) == bar(pa) * 1_345_941 / 2_098_200)
        let narrow = screen(s, 80, 24)
        #expect(narrow.line(12) == "    Jade Morris, my cousin, who lives in her o…     £6,994.00       £0.00      1")
        #expect((0..<24).allSatisfy { DisplayWidth.of(narrow.line($0)) <= 80 })
    }
}
