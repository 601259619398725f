/// Render snapshots of the demo screen: the text, and always the cursor (what a screen reader
/// follows), at 80×24, 120×40 and too small.
import Testing
import TerminalKit
@testable import supportplan

@Suite struct DemoScreenTests {
    func run(_ events: [InputEvent], size: Size = Size(width: 80, height: 24)) -> (DemoScreen.State, Canvas) {
        var s = DemoScreen.State()
        for e in events {
            if let a = DemoScreen.action(for: e, in: s) { _ = DemoScreen.reduce(&s, a) }
        }
        return (s, DemoScreen.render(s, size: size))
    }

    @Test func startsOnTheNameField80x24() {
        let (_, c) = run(InputEvent.typing("Mary é 日本"))
        #expect(c.text == """
             SupportPlan · terminal check (a demo screen until the editor is built)

            > Name          Mary é 日本

              Weekly cost

              Notes




              Kind          (•) 1 Personal assistant
                            ( ) 2 Agency
                            ( ) 3 Day service
                            ( ) 4 Equipment

              Lines
                            > Support line 1
                              Support line 2
                              Support line 3
                              ↓ 27 more

             Type in the fields. Tab moves on. F1 or ? (in the list) shows help.
             F1 Help  Tab Next  F10 Quit
            """)
        #expect(c.cursor == Point(row: 2, column: 27))
    }

    @Test func moneyShowsTheAmountInWordsAndSymbolsNotOnlyColour() {
        let (s, c) = run([.key(.tab)] + InputEvent.typing("612.5"))
        #expect(c.line(4) == "> Weekly cost   612.5             ✗ over the £500.00 a week budget")
        #expect(c.cursor == Point(row: 4, column: 21))
        #expect(s.weekly.refusal == nil)
        let (_, ok) = run([.key(.tab)] + InputEvent.typing("£1,23"))
        #expect(ok.line(4).contains("! has commas in the wrong places"))
    }

    @Test func everyFieldPutsTheCursorOnItself() {
        let expected = [Point(row: 2, column: 16), Point(row: 4, column: 16), Point(row: 6, column: 16),
                        Point(row: 11, column: 17), Point(row: 17, column: 16)]
        for (tabs, point) in expected.enumerated() {
            let (_, c) = run(Array(repeating: .key(.tab), count: tabs))
            #expect(c.cursor == point, "after \(tabs) Tab(s)")
        }
    }

    @Test func helpOverlayAt120x40() {
        let (s, c) = run([.key(.function(1))], size: Size(width: 120, height: 40))
        #expect(s.showHelp)
        #expect(c.text.contains("+- Help: Demo screen ---"))  // the title is in the border
        #expect(c.text.contains("F10/Ctrl-Q  Leave the demo."))
        #expect(c.line(c.cursor.row).contains("Help: Demo screen"))
        #expect(c.line(39) == " F1 Help  Tab Next  F10 Quit")
        let (closed, _) = run([.key(.function(1)), .key(.escape)])
        #expect(!closed.showHelp)
    }

    @Test func questionMarkIsTextInAFieldAndHelpInTheList() {
        let (inField, _) = run([.text("?")])
        #expect(inField.name.text == "?" && !inField.showHelp)
        let (inList, _) = run(Array(repeating: .key(.tab), count: 4) + [.text("?")])
        #expect(inList.showHelp)
    }

    @Test func tooSmallSaysWhatItNeeds() {
        let (_, c) = run([], size: Size(width: 40, height: 12))
        let lines = (0..<12).map { c.line($0) }
        #expect(lines == ["", "", "", "", "    Terminal too small (need 80×24)", "           This one is 40×12.",
                          "        Make the window bigger,", "        or press Ctrl-Q to quit.", "", "", "", ""])
        #expect(c.cursor == Point(row: 4, column: 4))
        let (_, tall) = run([], size: Size(width: 80, height: 23))
        #expect(tall.text.contains("This one is 80×23."))
    }

    @Test func pasteIsLiteralTextAndSignalsStop() {
        let (s, _) = run([.paste("q\u{1B}x\nmore")])
        #expect(s.name.text == "qx more")
        #expect(s.status == "Pasted 7 characters as text.")
        var state = DemoScreen.State()
        let a = DemoScreen.action(for: .signal(15), in: state)!
        #expect(DemoScreen.reduce(&state, a).count == 1)
        #expect(state.stoppedBy == 15)
    }
}
