/// Every editor section at 80×24 as a whole screen with the cursor (what a screen reader
/// follows), an entry and its field being typed, boxes over the form, the side panel at
/// 120×40, the too-small screen; all driven by keys.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct ScreenTests {
    @Test func aboutMeAt80x24() {
        let d = Driver.example("older-person-home-care")
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me                                              ✗ 0 errors  ! 0 warnings
              > Name                  Margaret Whitfield
                Likes to be called    Peggy
                Date of birth         1940-06-18
                Council reference     704213
                How I get information I wear a hearing aid in my right ear. Please sit on …
                Lives with            alone
                About me              I have lived in this house on Albert Terrace for fif…
                Important to me       Staying in my own home, with my own things around me…
                Important for me      Taking my heart tablets and water tablets at the rig…
                Planned with: Margaret Whitfield (the person)
                Planned with: Karen Doyle (carer)
                Planned with: Helen Mistry (planner)
                + Add a person who helped





             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 4, column: 26))
    }

    @Test func everySectionAt80x24WithTheCursorOnTheSecondRow() {
        var d = Driver.example("young-adult-pa")
        d.send(.text("1"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
            [1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             About me                                              ✗ 0 errors  ! 0 warnings
                Name                  Callum Ashby
              > Likes to be called    Cal
                Date of birth         2003-02-11
                Council reference     588129
                How I get information Easy read with pictures, please. Short sentences, on…
                Lives with            my mum Donna and my stepdad Gary
                About me              I am Cal. I am 23. I have a learning disability and …
                Important to me       Going to watch Northgate Town on Saturdays …
                Important for me      Taking my epilepsy tablets morning and night …
                Planned with: Callum Ashby (the person)
                Planned with: Donna Ashby (carer)
                Planned with: Gary Fenwick (family)
                Planned with: Priya Shah (planner)
                + Add a person who helped




             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 26))
        d.send(.text("2"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About[2 Needs] 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             Needs                                                 ✗ 0 errors  ! 0 warnings
                N1 Getting out and using local places · eligible
              ▸ N2 Eating and drinking well · eligible
                N3 Seeing family and friends · eligible
                N4 Work, learning and volunteering · eligible
                N5 Being safe at home · eligible
                N6 Keeping my home clean and safe · not eligible
                + Add a need











             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 4))
        d.send(.text("3"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs[3 Outcomes] 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             Outcomes                                              ✗ 0 errors  ! 0 warnings
                O1 I want to go into town, to the gym and to the football with my PA, and …
              ▸ O2 I want to learn to cook five meals I like, so I am ready for my own fla…
                O3 I want to see my friends more and go out in the evenings, like other pe…
                O4 I want to finish my college course and help at the animal rescue on Fri…
                O5 I want a paid job one day, maybe at the garden centre.
                + Add an outcome











             O2 I want to learn to cook five meals I like, so I am ready for my own flat.
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 4))
        d.send(.text("4"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports                                              ✗ 0 errors  ! 0 warnings

                S1 (£269.00 a week) Lewis, my daytime PA, 20 hours a week - gym, learning …
              ▸ S2 (£134.50 a week) Jade, my evening and Saturday PA, 10 hours a week - fo…
                S3 (£43.45 a week) Holiday cover - 5.6 weeks of each PA's hours (168 hours…
                S4 (£25.93 a week) Employer's National Insurance for Lewis (15% of his pay…
                S5 (£4.91 a week) Workplace pension for Lewis (3% of his pay between £6,24…
                S6 (£1.71 a week) Employer's and public liability insurance (£5 million co…
                S7 (£3.35 a week) Payroll service - payslips, tax and pension paperwork fo…
                S8 (£99.00 once) Enhanced DBS checks for Lewis and Jade
                S9 (£170.00 once) First aid and epilepsy rescue medicine training for Lewi…
                S10 (£60.00 once) Advert on the PA Finder website and travel costs for int…
                S11 (£36.00 a week) Thursday pottery session at Kiln Yard Studio
                S12 (£23.00 a week) Taxi to Kiln Yard and back on Thursdays (the studio is…
              ↓ 4 more below
             S2 (£134.50 a week) Jade, my evening and Saturday PA, 10 hours a week -
             football, cinema and meeting my friends
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's
               pay when it is.
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 6, column: 4))
        d.send(.text("5"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports[5 Budget] 6 Safety 7 Review 8 Findings
             Budget                                                ✗ 0 errors  ! 0 warnings
                Weeks in a year       52
              > Indicative budget     27000.00
            i   Final budget (a year) 29400.00
                Person's contribution 968.24
                Council contribution  28431.76
                Why above indicative  The first amount did not include holiday cover for t…
                Direct payment paid   every 4 weeks
                Employment Allowance  not decided
                Reserve (weeks)       4
                Last signed budget    ·
                Why budget changed    ·
                Council on statement  NORTHGATE COUNCIL






             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 26))
        d.send(.text("6"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget[6 Safety] 7 Review 8 Findings
             Keeping safe                                          ✗ 0 errors  ! 0 warnings

                Risk: Cal may have a seizure when he is out with his PA.
              ▸ Risk: Someone in town may take advantage of Cal, or he may get lost.
                Risk: Cal wants to use the cooker on his own.
                Risk: Lewis or Jade may leave, and Cal finds new people hard.
                + Add a risk
                If: Lewis or Jade is ill or on holiday
                If: Mum or Gary are ill or away
                If: Something goes wrong with the money, payslips or insurance
                If: I have a bad run of seizures
                + Add a contingency (what if…)
                Advice: meet/reduce   Gave Cal and Donna the easy-read guide to employing …
                Advice: prevent/delay Referred Cal to the supported employment team for ne…
                Safeguarding          none
                Safeguarding ref.     ·
                Has capacity          yes
                Hard to take part     no
              ↓ 4 more below
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 6, column: 4))
        d.send(.text("7"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety[7 Review] 8 Findings
             Agreement                                             ✗ 0 errors  ! 0 warnings
                The person            agreed
              > Agreed on             2026-11-30
                In their words        I want Lewis and Jade. I want to do pottery. I am ha…
                Copies to             Callum Ashby (easy read) …
                First review          2027-01-29
                Next review           2027-11-15
                Written by            Priya Shah
                Started               2026-11-16
                Plan id               CA-2026-0388
                Law that applies      England
                Accepted wage-table-ends (all of them): The minimum wage from April 2027 i…
                Accepted outcome-unsupported (all of them): A paid job (O5) is for next ye…
                + Add an accepted warning





             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 26))
        d.send(.text("8"), .key(.down))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Cal · CA-2026-0388 v1 · draft                              saved
             ✓ £1,224.14 left · £28,175.86 of £29,400.00 a year · one-off £329.00
             1 About 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review[8 Findings]
             Findings                                              ✗ 0 errors  ! 0 warnings
             ✓ Nothing in your plan helps with this goal yet: "I want a paid job one day, …
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's…
             i Because of the amount, a more senior manager needs to agree your plan.










             ✓ The legal minimum pay after 31 March 2027 is not known yet. Check this PA's
               pay when it is. (wage-table-ends: PA line S1 runs to 2028-01-03, past
               2027-03-31, the last day the minimum wage table covers (its last row starts
               2026-04-01); the minimum wage after that cannot be checked)
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 1))
    }

    @Test func supportEntryAndItsEditorCursor() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.down), .key(.enter))
        d.focus("Rate")
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports › S2 (£103.25 a week) Teatime visit, 30…     ✗ 0 errors  ! 0 warnings
                Id                    S2
                What                  Teatime visit, 30 minutes every day, to make me a ho…
                Kind                  care agency
                Provider              Riverside Home Care Ltd
                Funding               the council
                Management            managed account
              > Rate                  29.50
                Unit                  an hour
                Quantity              3.5
                Per                   every week
                Start                 2026-12-07
                End                   ·
                Meets                 N3, N4, O2, O5
                Arranged by           Karen Doyle, with Stepping Stones Accounts
                Shared by             ·
                On statement as       ·
                Delete this support line

             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 10, column: 26))
        d.send(.key(.enter), .key(.end), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace))
        d.type("40")
        // S2 at 40.00 × 3.5 a week × 52.143 = £7,300.02 instead of £5,383.76
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✗ OVER by £1,702.40 a year · £18,952.40 of £17,250.00 · one-off £75.00 (typing)
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports › S2 (£103.25 a week) Teatime visit, 30…     ✗ 0 errors  ! 0 warnings
                Id                    S2
                What                  Teatime visit, 30 minutes every day, to make me a ho…
                Kind                  care agency
                Provider              Riverside Home Care Ltd
                Funding               the council
                Management            managed account
              > Rate                  40
                Unit                  an hour
                Quantity              3.5
                Per                   every week
                Start                 2026-12-07
                End                   ·
                Meets                 N3, N4, O2, O5
                Arranged by           Karen Doyle, with Stepping Stones Accounts
                Shared by             ·
                On statement as       ·
                Delete this support line

             Type; Enter keeps it; Esc cancels.
             Enter Done  Tab Next  Esc Cancel  F2 Save  F1 Help
            """, cursor: Point(row: 10, column: 28))
    }

    @Test func needsListAndFindingsMarkers() {
        var d = Driver.blank()
        d.send(.text("2"))
        ScreenAssert.expect(d.screen, """
             SupportPlan · new plan · SP-TEST-1 v1 · draft                            saved
             ! No final budget yet · costs £0.00 a year (£0.00 a week)
             1 About[2 Needs] 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             Needs                                                  ✗ 1 error  ! 0 warnings
            ✗ ▸ + Add a need
















             ✗ Your plan does not say yet what you need help with.
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 4, column: 4))
        d.send(.key(.enter))
        ScreenAssert.expect(d.screen, """
             SupportPlan · new plan · SP-TEST-1 v1 · draft                        ● unsaved
             ! No final budget yet · costs £0.00 a year (£0.00 a week)
             1 About[2 Needs] 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings
             Needs › N1 area? · eligible?  (Esc: back to the list)  ✗ 1 error  ! 0 warnings
            ✗   Id                    N1
              > Area                  not given
                Description           ·
                Eligible              not decided
                Unable because        (none chosen)
                Delete this need












             Added a need. Fill in its fields; Esc goes back to the list.
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 5, column: 26))
    }

    @Test func overlaysTakeTheCursor() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.enter))
        d.focus("Funding")
        d.send(.key(.enter))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports › S1 (£154.88 a week) Morning visit, 45…     ✗ 0 errors  ! 0 warnings
                Id                    S1
                What    +- Funding -------------------------------------------+elp me get …
                Kind    |                                                     |
                Provider|  (•) 1 the council                                  |
              > Funding |  ( ) 2 the person                                   |
                Manageme|  ( ) 3 the NHS                                      |
                Rate    |  ( ) 4 Independent Living Fund                      |
                Unit    |  ( ) 5 a top up paid by someone else                |
                Quantity|  ( ) 6 family                                       |
                Per     |  ( ) 7 no cost                                      |
                Start   |  ( ) 8 not given                                    |
                End     |                                                     |
                Meets   |  ↑/↓ or a digit move · Enter chooses · Esc cancels  |
                Arranged|                                                     |s
                Shared b+-----------------------------------------------------+
                On statement as       ·
                Delete this support line

             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 7, column: 15))
        d.send(.key(.escape))
        d.set("Provider", "Riverside Care")
        d.send(.key(.function(10)))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                        ● unsaved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
             1 About 2 Needs 3 Outcomes[4 Supports] 5 Budget 6 Safety 7 Review 8 Findings
             Supports › S1 (£154.88 a week) Morning visit, 45…     ✗ 0 errors  ! 0 warnings
                Id                    S1
                What                  Morning visit, 45 minutes every day, to help me get …
                Kind                  care agency
              > Provider     +- Unsaved changes --------------------------+
                Funding      |                                            |
                Management   |  The plan has changes that are not saved.  |
                Rate         |                                            |
                Unit         |  S  save, then leave                       |
                Quantity     |  D  leave without saving                   |
                Per          |  Esc  stay                                 |
                Start        |                                            |
                End          +--------------------------------------------+
                Meets                 N1, N2, N4, O1, O5
                Arranged by           Karen Doyle, with Stepping Stones Accounts
                Shared by             ·
                On statement as       ·
                Delete this support line

             Kept.
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 9, column: 20))
    }

    @Test func wideTerminalShowsFindingsBesideTheForm() {
        var d = Driver.blank()
        d.send(.text("5"))
        ScreenAssert.expect(EditorView.render(d.state, size: Size(width: 120, height: 40)), """
             SupportPlan · new plan · SP-TEST-1 v1 · draft                                                                    saved
             ! No final budget yet · costs £0.00 a year (£0.00 a week)
             1 About me 2 Needs 3 Outcomes 4 Supports[5 Budget] 6 Keeping safe 7 Agreement 8 Findings
             Budget                                               ✗ 1 error  ! 0 warnings │Findings (7)
              > Weeks in a year       52                                                  │✗ Your plan does not say yet what you n…
                Indicative budget     ·                                                   │✗ Your plan does not say yet what you w…
            ✗   Final budget (a year) ·                                                   │✗ Your plan does not say yet how much m…
                Person's contribution ·                                                   │✗ Write down the advice you were given …
                Council contribution  ·                                                   │✗ Say whether you agree with your plan.
                Why above indicative  ·                                                   │! Set a date to check your new plan is …
                Direct payment paid   not given                                           │✗ Your plan does not say when it will b…
                Employment Allowance  not decided                                         │
                Reserve (weeks)       ·                                                   │
                Last signed budget    ·                                                   │
                Why budget changed    ·                                                   │
                Council on statement  ·                                                   │
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

    @Test func plainWordsLeaveNoJargonOnTheScreensOfANewPlan() {
        var d = Driver.blank()
        d.send(.text("p"))
        var screens: [Canvas] = []
        for key in ["1", "2", "3", "4", "5", "6", "7", "8"] {
            d.send(.text(key))
            screens.append(d.screen)
        }
        d.send(.text("4"))
        d.focus("+ Add")
        d.send(.key(.enter))
        d.choose("Kind", ["pa"])
        d.choose("Management", ["direct-payment"])
        screens.append(d.screen)
        d.focus("Management")
        d.send(.key(.enter))
        screens.append(d.screen)
        for c in screens { PlainCheck.expectPlain(c, "new plan") }
        #expect(screens[4].text.contains("Your money (a year)"))
        #expect(screens[8].text.contains("How money is handled  money paid to you"))
        d.send(.key(.escape), .text("p"))
        #expect(d.screen.text.contains("Management            direct payment"))
    }

    @Test func tooSmall() {
        let c = EditorView.render(Driver.blank().state, size: Size(width: 70, height: 20))
        ScreenAssert.expect(c, """








                               Terminal too small (need 80×24)
                                      This one is 70×20.
                                   Make the window bigger,
                               or press F10 or Ctrl-Q to quit.








            """, cursor: Point(row: 8, column: 19))
    }
}
