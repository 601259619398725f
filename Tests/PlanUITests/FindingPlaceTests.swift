/// Findings are read whole and point at the field at fault: the list cuts with "…" and the
/// focused finding shows whole below it; Enter goes to the field (never a Delete row), whose
/// marker is on it; a section's header counts that section's findings.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct FindingPlaceTests {
    /// Cal's plan with S1 paying £10.00 an hour, below the minimum wage; keys to that finding.
    func belowMinimumWage() -> Driver {
        var d = Driver.example("young-adult-pa", replacing: [("    rate: 13.45\n", "    rate: 10.00\n")])
        d.send(.text("8"), .key(.down), .key(.down))
        return d
    }

    @Test func theMinimumWageFindingIsReadableWholeAt80Columns() {
        ScreenAssert.expect(belowMinimumWage().screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £7,185.74 left · £22,214.26 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review[8 Findings]
             Findings                                               ✗ 2 errors  ! 1 warning
             ✓ Nothing in your plan helps with this goal yet: "I want a paid job one day, …
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             ✗ This pays less than the law allows. From 4 January 2027 it must be at least…
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             ✗ This pays less than the law allows. From 4 January 2027 it must be at least…
             ! £7,185.74 a year of your money is not planned for. The council may take bac…
             i Because of the amount, a more senior manager needs to agree your plan.








             ✗ This pays less than the law allows. From 4 January 2027 it must be at least
               £12.71 an hour. (pa-below-minimum-wage: PA line S1 pays £10.00 an hour; from
               2027-01-04 the legal minimum for a PA aged 31 is £12.71 an hour)
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 6, column: 1))
    }

    @Test func enterGoesToTheRateWithItsMarkerAndTheSectionCountsItsOwn() {
        var d = belowMinimumWage()
        d.send(.key(.enter))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £7,185.74 left · £22,214.26 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports › S1 (£200.00 a week) Lewis, my daytime…     ✗ 2 errors  ! 0 warnings

                Id                    S1
                What                  Lewis, my daytime PA, 20 hours a week - gym, learnin…
                Kind                  personal assistant (employed)
                Provider              Lewis Carter (I employ him)
                Funding               the council
                Management            direct payment
            ✗ > Rate                  10.00
                Unit                  an hour
                Quantity              20
                Per                   every week
                Start                 2027-01-04
                End                   ·
                Meets                 N1, N2, N4, N5, O1, O2, O4
                Arranged by           Cal and Donna, with payroll from Northgate Independe…
              ↓ 8 more below
             ✗ This pays less than the law allows. From 4 January 2027 it must be at least
               £12.71 an hour.
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 11, column: 26))
        #expect(d.state.rows[d.state.focus].label == "Rate")
    }

    @Test func aFindingAboutAWholeEntryGoesToItsFirstFieldNeverDelete() {
        // Cal's plan with the wage-table warning no longer accepted: it is about S1 as a whole.
        var d = Driver.example("young-adult-pa", replacing: [("  - rule: wage-table-ends\n", "  - rule: underspend\n")])
        d.send(.text("8"), .key(.down), .key(.enter))
        #expect(d.state.entry == OpenEntry(list: .supports, index: 0))
        #expect(d.state.rows[d.state.focus].label == "Rate")
        d.send(.text("8"), .key(.down), .key(.down), .key(.enter))
        #expect(d.state.entry == OpenEntry(list: .supports, index: 1))
        #expect(!d.state.rows[d.state.focus].label.hasPrefix("Delete"))
        #expect(d.state.overlay == nil)
    }

    @Test func anUnsupportedOutcomeSendsThePlannerToTheSupportsMeetsLists() {
        var d = Driver.example("young-adult-pa", replacing: [("  - rule: outcome-unsupported\n", "  - rule: underspend\n")])
        d.send(.text("8"), .key(.enter))
        #expect(d.state.section == .supports)
        #expect(d.state.status == "Open the support that works towards O5 and tick O5 in its Meets list.")
    }
}
