/// The single-line editor, written as "before" + keys → "after" with the cursor marked `|`.
import Testing
@testable import TerminalKit

@Suite struct TextFieldTests {
    @Test(arguments: [
        ("ab|c", [InputEvent.key(.backspace)], "a|c"),
        ("ab|c", [.key(.delete)], "ab|"),
        ("ab|c", [.key(.ctrl("d"))], "ab|"),
        ("ab|c", [.key(.left)], "a|bc"),
        ("ab|c", [.key(.ctrl("f"))], "abc|"),
        ("ab|c", [.key(.home)], "|abc"),
        ("ab|c", [.key(.ctrl("e"))], "abc|"),
        ("|abc", [.key(.left)], "|abc"),
        ("abc|", [.key(.right)], "abc|"),
        ("Budget|", InputEvent.typing(" £"), "Budget £|"),
        ("one two| three", [.key(.alt("b"))], "one |two three"),
        ("one two| three", [.key(.ctrlLeft)], "one |two three"),
        ("one |two three", [.key(.alt("f"))], "one two| three"),
        ("one two| three", [.key(.ctrl("w"))], "one | three"),
        ("one two| three", [.key(.alt("\u{7F}"))], "one | three"),
        ("one |two three", [.key(.alt("d"))], "one | three"),
        ("one |two three", [.key(.ctrl("k"))], "one |"),
        ("one |two three", [.key(.ctrl("u"))], "|two three"),
        ("one |two three", [.key(.ctrl("k")), .key(.home), .key(.ctrl("y"))], "two three|one "),
        ("ab|c", [.key(.ctrl("t"))], "acb|"),
        ("abc|", [.key(.ctrl("t"))], "acb|"),
        ("ab|", [.paste("x\r\ny")], "abx y|"),
        ("ab|", [.key(.tab)], "ab|"),
        // graphemes: the cursor never splits a cluster
        ("e\u{301}|", [.key(.backspace)], "|"),
        ("e\u{301}x|", [.key(.left), .key(.left)], "|e\u{301}x"),
        ("日本|", [.key(.left)], "日|本"),
        ("日本|", [.key(.backspace)], "日|"),
        ("👍🏽|", [.key(.backspace)], "|"),
        ("a👨‍👩‍👧|b", [.key(.left)], "a|👨‍👩‍👧b"),
        ("a|👨‍👩‍👧b", [.key(.delete)], "a|b"),
        ("|", [.text("e"), .text("\u{301}")], "e\u{301}|"),
        ("x|y", [.text("e"), .text("\u{301}")], "xe\u{301}|y"),
    ])
    func editing(_ before: String, _ keys: [InputEvent], _ after: String) {
        #expect(edit(before, keys) == after)
    }

    @Test func combiningMarkJoinsTheCharacterBefore() {
        var f = TextField()
        f.handle(.text("e"))
        f.handle(.text("\u{301}"))
        #expect(f.characters.count == 1)
        #expect(f.cursor == 1)
        #expect(f.text == "é")
    }

    @Test func resultsSayWhatHappened() {
        var f = field("ab|")
        #expect(f.handle(.text("c")) == .changed)
        #expect(f.handle(.key(.left)) == .moved)
        #expect(f.handle(.key(.enter)) == .ignored)
        #expect(f.handle(.key(.function(2))) == .ignored)
    }

    @Test func undoCoalescesTyping() {
        var f = field("|")
        for e in InputEvent.typing("hello") { f.handle(e) }
        f.handle(.key(.ctrl("w")))
        for e in InputEvent.typing("bye") { f.handle(e) }
        f.handle(.key(.ctrl("_")))
        #expect(f.text == "")
        f.handle(.key(.ctrl("_")))
        #expect(f.text == "hello")
        f.handle(.key(.ctrl("_")))
        #expect(f.text == "")
    }

    @Test func renderPlacesTheCursorByDisplayWidth() {
        var c = Canvas(Size(width: 20, height: 1))
        let col = field("日本|x").render(into: &c, row: 0, column: 2, width: 10)
        #expect(col == 6)
        #expect(c.line(0) == "  日本x")
        let emoji = field("👍🏽a|").render(into: &c, row: 0, column: 0, width: 10)
        #expect(emoji == 3)
    }

    @Test func longTextScrollsToKeepTheCursorInSight() {
        var c = Canvas(Size(width: 10, height: 1))
        let col = field("abcdefghijklmnop|").render(into: &c, row: 0, column: 0, width: 10)
        #expect(col == 9)
        #expect(c.line(0) == "hijklmnop")
        let start = field("|abcdefghijklmnop").render(into: &c, row: 0, column: 0, width: 10)
        #expect(start == 0)
        #expect(c.line(0) == "abcdefghij")
    }
}
