/// Render snapshots of every editor screen at 80×24, always with the cursor (what a screen
/// reader follows); the side panel at 120×40; the too-small screen.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct ScreenTests {
    func lines(_ c: Canvas) -> [String] { (0..<c.size.height).map { c.line($0) } }

    @Test func aboutMeAt80x24() {
        let d = Driver.example("older-person-home-care")
        let c = d.screen
        #expect(lines(c).prefix(5) == [
            " SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved",
            " ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00",
            "[1 About] 2 Needs 3 Outcomes 4 Supports 5 Budget 6 Safety 7 Review 8 Findings",
            " About me                                              ✗ 0 errors  ! 0 warnings",
            "  > Name                  Margaret Whitfield",
        ])
        #expect(c.line(23) == " F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit")
        #expect(c.cursor == Point(row: 4, column: 26))
    }

    @Test(arguments: Section.allCases)
    func everySectionPutsTheCursorOnTheFocusedRow(_ section: Section) {
        var d = Driver.example("young-adult-pa")
        d.send(.text(String(section.rawValue + 1)))
        d.send(.key(.down))
        let c = d.screen
        #expect(c.line(2).contains("[\(section.rawValue + 1) "))
        // Keeping safe is longer than the screen: its first row is kept for "↑ N more above".
        let row = section == .safety ? 6 : 5
        #expect(c.cursor.row == row, "\(section): the second row is focused")
        if section == .findings {
            #expect(c.line(row).hasPrefix(" ✓ "))
        } else if section == .supports || section == .needs || section == .outcomes || section == .safety {
            #expect(c.line(row).hasPrefix("  ▸ "))
        } else {
            #expect(c.line(row).hasPrefix("  > "))
        }
    }

    @Test func supportEntryAndItsEditorCursor() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.down), .key(.enter))
        d.focus("Rate")
        var c = d.screen
        #expect(c.line(3).hasPrefix(" Supports › S2 (£103.25 a week) Teatime visit"))
        #expect(c.line(c.cursor.row) == "  > Rate                  29.50")
        #expect(c.cursor.column == 26)
        d.send(.key(.enter), .key(.end), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace))
        d.type("40")
        c = d.screen
        #expect(c.cursor == Point(row: c.cursor.row, column: 28), "after the typed 40")
        // S2 at 40.00 × 3.5 a week × 52.143 = £7,300.02 instead of £5,383.76
        #expect(c.line(1) == " ✗ OVER by £1,702.40 a year · £18,952.40 of £17,250.00 · one-off £75.00 (typing)")
    }

    @Test func needsListAndFindingsMarkers() {
        var d = Driver.blank()
        d.send(.text("2"))
        var c = d.screen
        #expect(c.line(4) == "✗ ▸ + Add a need")
        #expect(c.cursor == Point(row: 4, column: 4))
        #expect(c.line(21) == " ✗ Your plan does not say yet what you need help with.")
        d.send(.key(.enter))
        c = d.screen
        #expect(c.line(3).hasPrefix(" Needs › N1 Something else") || c.line(3).hasPrefix(" Needs › N1 area?"))
        #expect(c.line(5).contains("> Area"))
    }

    @Test func overlaysTakeTheCursor() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.enter))
        d.focus("Funding")
        d.send(.key(.enter))
        var c = d.screen
        #expect(c.text.contains("(•) 1 council"))
        #expect(c.line(c.cursor.row).contains("(•) 1 council"))
        d.send(.key(.escape), .key(.function(1)))
        c = d.screen
        #expect(c.text.contains("Help: Plan editor"))
        #expect(c.text.contains("F2/Ctrl-S    Save the plan (atomically)."))
        #expect(c.line(c.cursor.row).contains("Help: Plan editor"))
        d.send(.key(.escape))
        d.state.dirty = true
        d.send(.key(.function(10)))
        c = d.screen
        #expect(c.text.contains("S  save, then leave"))
        #expect(c.line(c.cursor.row).contains("The plan has changes that are not saved."))
    }

    @Test func wideTerminalShowsFindingsBesideTheForm() {
        var d = Driver.blank()
        d.send(.text("5"))
        let c = EditorView.render(d.state, size: Size(width: 120, height: 40))
        #expect(c.line(3).contains("│Findings (7)"))
        #expect(c.line(4).hasSuffix("│✗ Your plan does not say yet what you n…"))
        #expect(c.cursor == Point(row: 4, column: 26))
        #expect(c.line(2).contains("[5 Budget]") && c.line(2).contains("6 Keeping safe"))
    }

    @Test func plainWordsLeaveNoJargonOnTheScreens() {
        var d = Driver.blank()
        d.state.plainLanguage = true
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
        for c in screens {
            #expect(JargonRule.matches(in: c.text, Policy.defaultJargon).isEmpty,
                    "\(JargonRule.matches(in: c.text, Policy.defaultJargon).map(\.term)) in:\n\(c.text)")
        }
        #expect(screens[4].text.contains("Your money (a year)"))
        #expect(screens[8].text.contains("How money is handled  money paid to you"))
        d.state.plainLanguage = false
        #expect(d.screen.text.contains("direct payment") || d.screen.text.contains("direct-payment"))
    }

    @Test func tooSmall() {
        let c = EditorView.render(Driver.blank().state, size: Size(width: 70, height: 20))
        #expect(c.text.contains("Terminal too small (need 80×24)"))
        #expect(c.text.contains("or press F10 or Ctrl-Q to quit."))
    }
}
