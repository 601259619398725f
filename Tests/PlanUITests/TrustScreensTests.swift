/// Screens people can trust, driven by keys and asserted whole with the cursor: find next,
/// undo that goes to the change, dates as people write them, help and boxes that hold their
/// text, messages that stay in their section, the text box's keys, the too-small screen,
/// digits in lists, P for plain words, the findings' "more" markers, the wide layout.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct TrustScreensTests {
    @Test func aDateWrittenTheUKWayIsKeptAsISOAndARefusalShowsAnExample() {
        var d = Driver.blank()
        d.send(.key(.down), .key(.down), .key(.enter))
        d.type("31/02/1938")
        d.send(.key(.enter))
        ScreenAssert.expect(d.screen, """
             SupportPlan · new plan · SP-TEST-1 v1 · draft                            saved
             ! No final budget yet · costs £0.00 a year (£0.00 a week)
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me                                              ✗ 0 errors  ! 0 warnings
                Name                  ·
                Likes to be called    ·
              > Date of birth         31/02/1938
                Council reference     ·
                How I get information ·
                Lives with            ·
                About me              ·
                Important to me       ·
                Important for me      ·
                Planned with: (no name) (the person)
                + Add a person who helped






             ! There is no such day as “31/02/1938”: write it like 2027-03-31 or 31/03/2027
               (or today).
             Enter Done  Tab Next  Esc Cancel  F2 Save  F1 Help
            """, cursor: Point(row: 6, column: 36))
        d.send(.key(.ctrl("u")))
        d.type("31/03/1938")
        d.send(.key(.enter))
        #expect(d.state.plan.person.dateOfBirth == PlanDate("1938-03-31"))
        #expect(PlanWriter.write(d.state.plan).contains("date_of_birth: 1938-03-31"))
        d.send(.key(.enter), .key(.ctrl("u")))
        d.type("31-03-1939")
        d.send(.key(.enter))
        #expect(d.state.plan.person.dateOfBirth == PlanDate("1939-03-31"))
        d.send(.key(.enter), .key(.ctrl("u")))
        d.type("today")
        d.send(.key(.enter))
        #expect(d.state.plan.person.dateOfBirth == PlanDate.today())
    }

    @Test func findNextGoesRoundEveryFieldThatSaysIt() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("/"))
        d.type("Karen")
        d.send(.key(.enter))
        let first = d.state.place
        #expect(d.state.status.hasPrefix("Found “Karen”: 1 of "))
        d.send(.text("n"))
        #expect(d.state.place != first)
        #expect(d.state.status.hasPrefix("Found “Karen”: 2 of "))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me                                              ✗ 0 errors  ! 0 warnings
                Name                  Margaret Whitfield
                Likes to be called    Peggy
                Date of birth         1940-06-18
                Council reference     704213
                How I get information I wear a hearing aid in my right ear. Please sit on …
                Lives with            alone
                About me              I have lived in this house on Albert Terrace for fif…
              > Important to me       Staying in my own home, with my own things around me…
                Important for me      Taking my heart tablets and water tablets at the rig…
                Planned with: Margaret Whitfield (the person)
                Planned with: Karen Doyle (carer)
                Planned with: Helen Mistry (planner)
                + Add a person who helped

             Important to me: Staying in my own home, with my own things around me Seeing
             my friends at the Thursday club Karen and my grandchildren Looking smart, with
             my hair done and my brooch on Watching the snooker in the afternoon with a cup
             of tea
             Found “Karen”: 2 of 19 (n finds the next).
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 11, column: 26))
        // F3 in the box finds the next behind it, and the box stays.
        d.send(.text("/"))
        d.type("Karen")
        d.send(.key(.function(3)))
        #expect(d.state.status.hasPrefix("Found “Karen”: 3 of "))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me › Planned with: Karen Doyle (carer)          ✗ 0 errors  ! 0 warnings
              > Name                  Karen Doyle
                Role                  carer
                Delete this person who helped

                       +- Find ------------------------------------------------+
                       |                                                       |
                       |  A field's name or what it says:                      |
                       |                                                       |
                       |  Karen                                                |
                       |  Enter finds · F3 finds the next · Esc closes         |
                       |                                                       |
                       +-------------------------------------------------------+






             Found “Karen”: 3 of 19 (n finds the next).
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 12, column: 19))
    }

    @Test func undoGoesToTheChangeAndBackAtTheSavedPlanIsNotUnsaved() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("5"), .key(.down), .key(.down), .key(.enter), .key(.ctrl("u")))
        d.type("18000")
        d.send(.key(.enter))
        #expect(d.state.dirty)
        d.send(.text("1"), .key(.down))
        d.send(.text("u"))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs 3 Outcomes 4 Supports[5 Budget] 6 Safety 7 Review 8 Findings
             Budget                                                ✗ 0 errors  ! 0 warnings
                Weeks in a year       52.143 (365 days ÷ 7)
                Indicative budget     16500.00
              > Final budget (a year) 17250.00
                Person's contribution 4395.65
                Council contribution  12854.35
                Why above indicative  The first amount did not include the teatime visit. …
                Direct payment paid   every 4 weeks
                Employment Allowance  not decided
                Reserve (weeks)       4
                Last signed budget    ·
                Why budget changed    ·
                Council on statement  ·






             Undone: Final budget (a year). Back as it was saved.
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 6, column: 26))
        d.send(.text("r"))
        #expect(d.state.dirty && d.screen.line(0).hasSuffix("● unsaved"))
    }

    @Test func aMessageDoesNotFollowYouToAnotherSection() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("/"))
        d.type("zebra")
        d.send(.key(.enter))
        #expect(d.screen.line(22) == " ! Nothing matches “zebra”.")
        d.send(.text("3"))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs[3 Outcomes] 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             Outcomes                                              ✗ 0 errors  ! 0 warnings
              ▸ O1 I want to stay in my own home, and keep clean and smart without being f…
                O2 I want a proper hot dinner every evening and to take my tablets at the …
                O3 I want my house to look the way I have always kept it.
                O4 I want to see my friends at the Thursday club and not feel so lonely.
                O5 I want Karen to be my daughter again, not just my carer.
                + Add an outcome










             O1 I want to stay in my own home, and keep clean and smart without being
             frightened of falling.
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 4, column: 4))
    }

    @Test func theTextBoxAndTheKeyBarAgreeOnEnter() {
        var d = Driver.example("older-person-home-care")
        d.send(Array(repeating: InputEvent.key(.down), count: 6))
        d.send(.key(.enter))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me                                              ✗ 0 errors  ! 0 warnings
                Name                  Margaret Whitfield
                Likes to be called    Peggy
                Date of birth         1940-06-18
                Council reference     704213
                How I get information I wear a hearing aid in my right ear. Please sit on …
                Lives with            alone
              > About me              Karen comes round most days, but she works    ↑ more
                                      and has her own family, and I can see
                                      she is tired. I want some help so that she
                                      can be my daughter again and not just
                                      my carer.

                Important to me       Staying in my own home, with my own things around me…
                Important for me      Taking my heart tablets and water tablets at the rig…
                Planned with: Margaret Whitfield (the person)
                Planned with: Karen Doyle (carer)
                Planned with: Helen Mistry (planner)
                + Add a person who helped
             Type; Enter starts a new line; Tab keeps the text; Esc cancels.
             Tab Keep  Enter New line  Esc Cancel  F2 Save  F1 Help
            """, cursor: Point(row: 15, column: 26))
        d.send(.key(.enter))
        #expect(d.state.edit != nil, "Enter in a text box is a new line")
        d.send(.key(.tab))
        #expect(d.state.edit == nil)
    }

    @Test func helpIsWholeAt80x24() {
        var d = Driver.example("older-person-home-care")
        d.send(.key(.function(1)))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             +- Help: Plan editor -------------------------------------------------------+
            [| F1/?         This help (? outside a text field).                          |
             | F2/Ctrl-S    Save the plan (atomically).                                  |s
             | Enter        Edit the field, open the entry or choose from a list.        |
             | Tab/↓        Next field.                                                  |
             | Shift-Tab/↑  Previous field.                                              |
             | PgDn/]       Next section (1–8 jump to one).                              |
             | PgUp/[       Previous section.                                            |…
             | Esc          Back from an entry to its list.                              |
             | //Ctrl-F     Find a field by its name or what it says.                    |…
             | n            Find the next field with the same text (F3 in the find box). |…
             | F8/Ctrl-G    Send the plan to a manager to sign off, or take a sent plan  |…
             |              back so it can be changed (each asks first).                 |
             | m/F7         Money so far: spending against the plan, the forecast.       |
             | F3/u         Undo the last change.                                        |
             | F4/r         Redo.                                                        |
             | a            In Findings: accept a warning, with a reason.                |
             | F9/p/P       Plain words on or off.                                       |
             | Ctrl-L       Draw the screen again.                                       |
             | F10/Ctrl-Q   Leave (asks if something is unsaved).                        |
             | In a field: Ctrl-A/E start/end, Ctrl-K cut to end, Ctrl-_ undo.           |
             +- Esc or F1 closes this help ----------------------------------------------+
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 1, column: 4))
    }

    @Test func theAcceptBoxHoldsALongReasonInside() {
        var d = Driver.example("young-adult-pa", replacing: [("  - rule: outcome-unsupported\n", "  - rule: underspend\n")])
        d.send(.text("8"), .text("a"))
        d.type("A paid job is for next year, after college; Cal and Donna will ask the job coach in June to start looking.")
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review[8 Findings]
             Findings                                               ✗ 0 errors  ! 1 warning
             ! Nothing in your plan helps with this goal yet: "I want a paid job one day, …
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             i Bec+- Accept this warning -------------------------------------------+
                  |                                                                 |
                  |  ! Nothing in your plan helps with this goal yet: "I want a     |
                  |    paid job one day, maybe at the garden centre."               |
                  |                                                                 |
                  |  Why is this all right? (Enter keeps it, Esc cancels)           |
                  |   and Donna will ask the job coach in June to start looking.    |
                  |                                                                 |
                  +-----------------------------------------------------------------+



             ! Nothing in your plan helps with this goal yet: "I want a paid job one day,
               maybe at the garden centre." (outcome-unsupported: no support line works
               towards outcome O5)
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 13, column: 68))
    }

    @Test func pTurnsPlainWordsOnAsTheMessageSays() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("P"))
        #expect(d.state.plainLanguage)
        #expect(d.screen.line(22) == " Plain words on (P or F9 turns them off).")
        d.send(.text("P"))
        #expect(!d.state.plainLanguage)
    }

    @Test func aDigitGoesToThatRowInEveryListAndSpaceTicks() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.enter))
        d.focus("Meets")
        let before = d.state.plan.supports[0].meets
        d.send(.key(.enter), .text("3"))
        guard case .picker(let p) = d.state.overlay else { Issue.record("no picker"); return }
        #expect(p.selected == 2 && p.chosen == Set(before), "a digit moves, it does not tick")
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             S+- Meets ------------------------------------------------------------------+s
              |                                                                          |
              |  [x] 1 N1 Keeping clean                                                  |…
              |  [x] 2 N2 Getting dressed                                                |
              |  [ ] 3 N3 Eating and drinking well                                       |
              |  [x] 4 N4 Being safe at home                                             |
              |  [ ] 5 N5 Keeping my home clean and safe                                 |
              |  [ ] 6 N6 Getting out and using local places                             |
              |  [ ] 7 N7 Using the toilet                                               |
              |  [x] 8 O1 I want to stay in my own home, and keep clean and smart with…  |
              |  [ ] 9 O2 I want a proper hot dinner every evening and to take my tabl…  |
              |  [ ]   O3 I want my house to look the way I have always kept it.         |
              |  [ ]   O4 I want to see my friends at the Thursday club and not feel s…  |
              |  [x]   O5 I want Karen to be my daughter again, not just my carer.       |
              |                                                                          |
              |  ↑/↓ or a digit move · Space ticks · Enter keeps · Esc cancels           |
              |                                                                          |
              +--------------------------------------------------------------------------+

             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 7, column: 5))
        d.send(.text(" "), .key(.enter))
        #expect(Set(d.state.plan.supports[0].meets) == Set(before).symmetricDifference([p.options[2].value]))
    }

    @Test func theFindingsListKeepsRowsForItsMoreMarkers() {
        // A new plan with twelve needs not yet filled in: more findings than the space.
        var d = Driver.blank()
        d.send(.text("2"))
        for _ in 0..<12 { d.send(.key(.enter), .key(.escape), .key(.down)) }
        d.send(.text("8"))
        d.send(Array(repeating: InputEvent.key(.down), count: 14))
        ScreenAssert.expect(d.screen, """
             SupportPlan · new plan · SP-TEST-1 v1 · draft                        ● unsaved
             ! No final budget yet · costs £0.00 a year (£0.00 a week)
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review[8 Findings]
             Findings                                              ✗ 17 errors  ! 1 warning
              ↑ 2 more above
             ✗ Say whether the council must help with N3: yes or no.
             ✗ Say whether the council must help with N4: yes or no.
             ✗ Say whether the council must help with N5: yes or no.
             ✗ Say whether the council must help with N6: yes or no.
             ✗ Say whether the council must help with N7: yes or no.
             ✗ Say whether the council must help with N8: yes or no.
             ✗ Say whether the council must help with N9: yes or no.
             ✗ Say whether the council must help with N10: yes or no.
             ✗ Say whether the council must help with N11: yes or no.
             ✗ Say whether the council must help with N12: yes or no.
             ✗ Your plan does not say yet what you want to achieve.
             ✗ Your plan does not say yet how much money you have for support.
             ✗ Write down the advice you were given about other help and about staying wel…
              ↓ 3 more below
             ✗ Write down the advice you were given about other help and about staying
               well. (advice-missing: advice and information is not recorded:
               advice.meet_or_reduce and advice.prevent_or_delay (Care Act s.25(1)(f)))
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 17, column: 1))
    }

    @Test func at120ColumnsTheHeaderAndTheFindingsPanelDoNotMeet() {
        var d = Driver.example("young-adult-pa")
        d.send(.text("4"), .key(.enter))
        ScreenAssert.expect(EditorView.render(d.state, size: Size(width: 120, height: 40)), """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                                                                      saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year (£541.84 a week) · one-off £329.00
             1 About me 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Keeping safe 7 Agreement 8 Findings
             Supports › S1 (£269.00 a week) Lewis, my daytime…   ✗ 0 errors  ! 0 warnings │Findings (4)
              > Id                    S1                                                  │✓ Nothing in your plan helps with this …
                What                  Lewis, my daytime PA, 20 hours a week - gym, learn… │✓ The legal minimum pay after 31 March …
                Kind                  personal assistant (employed)                       │✓ The legal minimum pay after 31 March …
                Provider              Lewis Carter (I employ him)                         │i Because of the amount, a more senior …
                Funding               the council                                         │
                Management            direct payment                                      │
                Rate                  13.45                                               │
                Unit                  an hour                                             │
                Quantity              20                                                  │
                Per                   every week                                          │
                Start                 2027-01-04                                          │
                End                   ·                                                   │
                Meets                 N1, N2, N4, N5, O1, O2, O4                          │
                Arranged by           Cal and Donna, with payroll from Northgate Indepen… │
                Shared by             ·                                                   │
                On statement as       LEWIS CARTER                                        │
                PA's age              31                                                  │
                Regular hours         yes                                                 │
                Relative in household no                                                  │
                Why necessary         ·                                                   │
                Propose employer costs (on-cost calculator)                               │
                Delete this support line                                                  │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
                                                                                          │
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 4, column: 26))
    }

    @Test func at100x30AndAt60x20() {
        var d = Driver.example("young-adult-pa", replacing: [("    rate: 13.45\n", "    rate: 10.00\n")])
        d.send(.text("8"), .key(.down), .key(.down))
        ScreenAssert.expect(EditorView.render(d.state, size: Size(width: 100, height: 30)), """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                                                  saved
             ✓ £7,185.74 left · £22,214.26 of £29,400.00 a year (£427.20 a week) · one-off £329.00
             1 About me 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Keeping safe 7 Agreement[8 Findings]
             Findings                                                                   ✗ 2 errors  ! 1 warning
             ✓ Nothing in your plan helps with this goal yet: "I want a paid job one day, maybe at the garden …
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's pay when it is. (ac…
             ✗ This pays less than the law allows. From 4 January 2027 it must be at least £12.71 an hour.
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's pay when it is. (ac…
             ✗ This pays less than the law allows. From 4 January 2027 it must be at least £10.85 an hour.
             ! £7,185.74 a year of your money is not planned for. The council may take back money that is not …
             i Because of the amount, a more senior manager needs to agree your plan.














             ✗ This pays less than the law allows. From 4 January 2027 it must be at least £12.71 an hour.
               (pa-below-minimum-wage: PA line S1 pays £10.00 an hour; from 2027-01-04 the legal minimum for a
               PA aged 31 is £12.71 an hour)
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 6, column: 1))
        ScreenAssert.expect(EditorView.render(d.state, size: Size(width: 60, height: 20)), """








                          Terminal too small (need 80×24)
                                 This one is 60×20.
                              Make the window bigger,
                          or press F10 or Ctrl-Q to quit.








            """, cursor: Point(row: 8, column: 14))
    }

    @Test func keysTypedOnTheTooSmallScreenDoNotReachTheHiddenField() {
        var s = Driver.blank().state
        let small = Size(width: 60, height: 20)
        s.edit = nil
        for e in [InputEvent.key(.enter)] + InputEvent.typing("Mary") {
            if let a = UILoop.action(EditorProgram.self, for: e, in: s, size: small) { _ = EditorReducer.reduce(&s, a) }
        }
        #expect(s.edit == nil && s.plan.person.name == nil && !s.dirty)
        // F10 still leaves, as the screen says.
        let quit = UILoop.action(EditorProgram.self, for: .key(.function(10)), in: s, size: small)
        #expect(quit.map { EditorReducer.reduce(&s, $0) } == [.quit])
        // The same keys at full size do reach it.
        var full = Driver.blank().state
        for e in [InputEvent.key(.enter)] + InputEvent.typing("Mary") {
            if let a = UILoop.action(EditorProgram.self, for: e, in: full, size: Size(width: 80, height: 24)) {
                _ = EditorReducer.reduce(&full, a)
            }
        }
        #expect(full.edit?.text == "Mary")
    }

    @Test func escClearsAConfirmedFilterInThePlanList() {
        var s = PlanListState(store: "/store", plans: ["older-person-home-care", "young-adult-pa"].map {
            PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path, policy: .standard)
        }, templates: ["self-written"])
        for e in [InputEvent.text("/"), .text("c"), .text("a"), .text("l"), .key(.enter)] { _ = PlanListProgram.reduce(&s, e) }
        #expect(s.visible.map(\.name) == ["Cal"])
        _ = PlanListProgram.reduce(&s, .key(.escape))
        ScreenAssert.expect(PlanListProgram.render(s, size: Size(width: 80, height: 24)), """
             SupportPlan · plans in /store
             Sorted by name

              Person               Id              Status      Budget      ✗  !  Review
            > Cal                  CA-2026-0388    draft       £29,400.00   0  0  2027-11-15
              Peggy                PW-2026-0117    draft       £17,250.00   0  0  2027-11-08















             Cal · CA-2026-0388 · draft · £29,400.00 · ✗ 0 ! 0 · next review 2027-11-15
             Showing every plan.
             F1 Help  Enter Open  n New  v Queue  c Caseload  / Filter  s Sort  F10 Quit
            """, cursor: Point(row: 4, column: 0))
    }
}

@Suite(.serialized) @MainActor struct NewPlanTests {
    @Test func anUntouchedNewPlanIsNotKeptButAChangedOneIs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("new.yaml").path
        let text = try String(contentsOf: Driver.root.appendingPathComponent("templates/plans/self-written.yaml"), encoding: .utf8)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let session = EditorSession(newPlan: true)
        var state = try session.open(path, policy: .standard, user: "sam").get()
        // F10 straight away: nothing was changed.
        let effects = EditorReducer.reduce(&state, .quit)
        #expect(effects == [.deleteRecovery, .quit])
        for e in effects { _ = session.perform(e, &state) }
        #expect(session.discardIfUntouched())
        #expect(!FileManager.default.fileExists(atPath: path))
        PlanStore.releaseEditLock(path)
        // A plan that was saved is kept.
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let again = EditorSession(newPlan: true)
        var s2 = try again.open(path, policy: .standard, user: "sam").get()
        s2.plan.person.name = "Mary"
        s2.dirty = true
        for e in EditorReducer.reduce(&s2, .save) { _ = again.perform(e, &s2) }
        #expect(!again.discardIfUntouched())
        #expect(FileManager.default.fileExists(atPath: path))
        PlanStore.releaseEditLock(path)
        // An existing plan is never removed.
        let old = EditorSession()
        _ = try old.open(path, policy: .standard, user: "sam").get()
        #expect(!old.discardIfUntouched())
        PlanStore.releaseEditLock(path)
    }
}
