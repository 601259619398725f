/// The multi-line area, money field, choice, list, key table and too-small screen.
import PlanCore
import Testing
@testable import TerminalKit

@Suite struct TextAreaTests {
    func area(_ markup: String, width: Int) -> TextArea {
        let (text, cursor) = Markup.parse(markup)
        return TextArea(text, cursor: cursor, wrapWidth: width)
    }

    func rows(_ a: TextArea) -> [String] { a.rows.map { String(a.characters[$0.start..<$0.end]) } }

    @Test func softWrapsAtTheLastSpaceThatFits() {
        #expect(rows(area("the quick brown fox jumps", width: 10)) == ["the quick", "brown fox", "jumps"])
        #expect(rows(area("abcdefghijklm", width: 5)) == ["abcde", "fghij", "klm"])
        #expect(rows(area("one\n\ntwo", width: 10)) == ["one", "", "two"])
        #expect(rows(area("日本語日本語", width: 5)) == ["日本", "語日", "本語"])
        #expect(rows(area("", width: 5)) == [""])
    }

    @Test func upAndDownKeepTheGoalColumn() {
        var a = area("abcdefgh|\nab\nabcdefghij", width: 20)
        a.handle(.key(.down))
        #expect(Markup.show(a.characters, a.cursor) == "abcdefgh\nab|\nabcdefghij")
        a.handle(.key(.down))
        #expect(Markup.show(a.characters, a.cursor) == "abcdefgh\nab\nabcdefgh|ij")
        a.handle(.key(.up))
        a.handle(.key(.up))
        #expect(Markup.show(a.characters, a.cursor) == "abcdefgh|\nab\nabcdefghij")
        #expect(a.handle(.key(.up)) == .ignored, "at the first row, ↑ leaves the field")
    }

    @Test func goalColumnIsInDisplayColumns() {
        var a = area("日本|\nabcdef", width: 20)
        a.handle(.key(.down))
        #expect(Markup.show(a.characters, a.cursor) == "日本\nabcd|ef")
    }

    @Test func enterAndHomeEnd() {
        var a = area("ab|cd", width: 20)
        a.handle(.key(.enter))
        #expect(Markup.show(a.characters, a.cursor) == "ab\n|cd")
        a.handle(.key(.end))
        #expect(Markup.show(a.characters, a.cursor) == "ab\ncd|")
        #expect(a.handle(.key(.tab)) == .ignored)
    }

    @Test func renderScrollsAndMarksMore() {
        let a = area("one two three four five six seven eight|", width: 10)
        #expect(rows(a) == ["one two", "three four", "five six", "seven", "eight"])
        var c = Canvas(Size(width: 20, height: 3))
        let cursor = a.render(into: &c, row: 0, column: 0, height: 2)
        #expect(c.text == "seven      ↑ more\neight\n")
        #expect(cursor == Point(row: 1, column: 5))
        let top = area("|one two three four five six seven eight", width: 10)
        let topCursor = top.render(into: &c, row: 0, column: 0, height: 2)
        #expect(c.text == "one two\nthree four ↓ more\n")
        #expect(topCursor == Point(row: 0, column: 0))
    }
}

@Suite struct MoneyFieldTests {
    func typed(_ s: String) -> MoneyField {
        var m = MoneyField(parse: Money.problem(in:))
        for e in InputEvent.typing(s) { m.handle(e) }
        return m
    }

    @Test func acceptsWhatPeopleWrite() throws {
        for s in ["£1,234.50", "24.10", "15200", "0.5"] {
            let m = typed(s)
            #expect(m.text == s)
            #expect(m.refusal == nil)
        }
        #expect(Money.parse(typed("£1,234.50").text) == .success(Money(pence: 123_450)))
    }

    @Test func refusesAThirdDecimalAsItIsTyped() {
        let m = typed("12.345")
        #expect(m.text == "12.34")
        #expect(m.refusal == "the amount " + Money.Problem.tooManyDecimals.words, "the plan model's own words")
        #expect(typed("12a").text == "12")
        #expect(typed("1.2.3").text == "1.23")
        #expect(typed("£12£").text == "£12")
        #expect(typed("-5").text == "5")
        #expect(typed("1,2345").text == "1,234", "a group of thousands has three digits")
        #expect(typed("1,2,").text == "1,2")
        #expect(typed("1.5,").text == "1.5")
        #expect(typed("99999999").text == "9999999", "at most £10,000,000.00, as check reads it")
    }

    @Test func whatTheFieldTakesIsWhatThePlanModelReads() {
        // Every text the field lets through, completed, is money to the plan model; every
        // text it refuses is not money however it goes on.
        for s in ["", "£", "1", "12.", "12.3", "1,", "1,2", "1,23", "1,234", "£1,234.5"] {
            #expect(typed(s).text == s, "'\(s)' is taken while typing")
            var money = false
            if case .success = Money.parse(MoneyField.completed(s)) { money = true }
            #expect(money, "'\(s)' completed is money")
        }
        for s in ["x", "1.2.", "£1£", "1,2345", ".,", "12.345"] {
            #expect(typed(s).text != s, "'\(s)' is refused")
        }
    }

    @Test func theParserIsPassedIn() {
        var m = MoneyField(parse: { $0.allSatisfy { $0 == "7" } ? nil : "only sevens here" })
        #expect(m.handle(.text("7")) == .changed)
        #expect(m.handle(.text("1")) == .moved)
        #expect(m.refusal == "only sevens here" && m.text == "7")
    }

    @Test func pasteIsCheckedWhole() {
        var m = MoneyField("1", parse: Money.problem(in:))
        #expect(m.handle(.paste("0.999")) == .moved)
        #expect(m.text == "1")
        #expect(m.handle(.paste("0.99")) == .changed)
        #expect(m.text == "10.99")
    }
}

@Suite struct ChoiceAndListTests {
    @Test func selectListByArrowNumberAndLetter() {
        var s = SelectList(["Agency", "Personal assistant", "Day service"])
        #expect(s.handle(.key(.down)) == .changed)
        #expect(s.value == "Personal assistant")
        #expect(s.handle(.text("3")) == .changed)
        #expect(s.value == "Day service")
        s.handle(.text("a"))
        #expect(s.value == "Agency")
        #expect(s.handle(.key(.up)) == .ignored)
        var c = Canvas(Size(width: 40, height: 3))
        let cursor = s.render(into: &c, row: 0, column: 2, width: 38, focused: true)
        #expect(c.text == "  (•) 1 Agency\n  ( ) 2 Personal assistant\n  ( ) 3 Day service")
        #expect(cursor == Point(row: 0, column: 3))
    }

    @Test func listShowsMoreMarkersAndKeepsTheSelectionInSight() {
        var l = ListView((1...10).map { "Item \($0)" })
        var c = Canvas(Size(width: 20, height: 5))
        var cursor = l.render(into: &c, row: 0, column: 0, width: 20, height: 5)
        #expect(c.text == "\n> Item 1\n  Item 2\n  Item 3\n  ↓ 7 more")
        #expect(cursor == Point(row: 1, column: 0))
        for _ in 0..<5 { l.handle(.key(.down)) }
        cursor = l.render(into: &c, row: 0, column: 0, width: 20, height: 5)
        #expect(c.text == "  ↑ 3 more\n  Item 4\n  Item 5\n> Item 6\n  ↓ 4 more")
        #expect(cursor == Point(row: 3, column: 0))
        l.handle(.key(.end))
        l.render(into: &c, row: 0, column: 0, width: 20, height: 5)
        #expect(c.line(4) == "")
        #expect(c.line(3) == "> Item 10")
    }
}

@Suite struct KeyTableTests {
    enum A: Equatable, Sendable { case help, save, quit }

    let table = KeyTable<A>(title: "Editor", [
        KeyBinding([.key(.function(1)), .text("?")], .help, label: "Help", help: "Show help."),
        KeyBinding([.key(.function(2)), .key(.ctrl("s"))], .save, label: "Save", help: "Save the plan."),
        KeyBinding([.key(.function(10)), .key(.ctrl("q"))], .quit, label: "Quit", help: "Leave.", inHintBar: true),
    ])

    @Test func dispatchHelpAndHintsComeFromOneTable() {
        #expect(table.action(for: .key(.ctrl("s"))) == .save)
        #expect(table.action(for: .text("?")) == .help)
        #expect(table.action(for: .text("x")) == nil)
        #expect(table.hintBar(width: 80) == "F1 Help  F2 Save  F10 Quit")
        #expect(table.hintBar(width: 17) == "F1 Help  F2 Save")
        #expect(table.helpLines() == ["F1/?        Show help.", "F2/Ctrl-S   Save the plan.", "F10/Ctrl-Q  Leave."])
    }

    @Test func helpOverlayPutsTheCursorOnItsTitle() {
        var c = Canvas(Size(width: 80, height: 24))
        HelpOverlay.render(table, into: &c)
        #expect(c.text.contains("Help: Editor"))
        #expect(c.text.contains("F2/Ctrl-S   Save the plan."))
        #expect(c.line(c.cursor.row).contains("Help: Editor"))
    }

    @Test func tooSmallSaysSo() {
        let c = TooSmall.render(Size(width: 40, height: 12))
        #expect(c.text.contains("Terminal too small (need 80×24)"))
        #expect(c.text.contains("This one is 40×12."))
        #expect(c.line(c.cursor.row).hasPrefix(String(repeating: " ", count: c.cursor.column) + "Terminal too small"))
        #expect(TooSmall.fits(Size(width: 80, height: 24)))
        #expect(!TooSmall.fits(Size(width: 79, height: 24)))
    }
}

@Suite struct LineTerminalTests {
    final class Script: @unchecked Sendable {
        var input: [String]
        var output: [String] = []
        init(_ input: [String]) { self.input = input }
    }

    @Test func promptsAreLinesAndChoicesAreNumbered() {
        let s = Script(["", "Mary", "7", "2", "two"])
        let t = LineTerminal(read: { s.input.isEmpty ? nil : s.input.removeFirst() }, write: { s.output.append($0) })
        #expect(t.ask("Your name?", current: "Peggy") == "Peggy")
        #expect(t.ask("Your name?") == "Mary")
        #expect(t.choose("Who helps?", options: ["Family", "A PA"]) == 1)
        #expect(t.choose("Who helps?", options: ["One", "Two"]) == 1)
        #expect(t.ask("More?") == nil)
        #expect(s.output.prefix(3) == ["Your name? [Peggy]", "Your name?", "Who helps?"])
        #expect(s.output.contains("'7' is not one of the choices."))
        #expect(!s.output.joined().contains("\u{1B}"), "no escape sequences in line mode")
    }
}
