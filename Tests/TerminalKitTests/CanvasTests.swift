/// The Canvas and display widths: wide graphemes take two cells, clipping never splits one.
import CNcursesw
import Testing
@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("e\u{301}", 1), ("日本語", 6), ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("❤", 1),
        ("\u{200B}", 0), ("a", 1), ("£", 1), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("\u{7}", 0),
    ])
    func widths(_ s: String, _ w: Int) {
        #expect(DisplayWidth.of(s) == w)
    }

    @Test func agreesWithLibcForSingleScalars() {
        setlocale(LC_CTYPE, "C.UTF-8")
        var disagreements: [String] = []
        for v in stride(from: 0x20, to: 0x3_0000, by: 7) {
            guard let s = Unicode.Scalar(UInt32(v)),
                  s.properties.generalCategory != .unassigned, s.properties.generalCategory != .privateUse,
                  s.properties.generalCategory != .surrogate else { continue }
            let libc = Int(cnc_wcwidth(wchar_t(bitPattern: s.value)))
            guard libc >= 0 else { continue }
            if DisplayWidth.width(of: s) != libc { disagreements.append(String(format: "U+%04X", v)) }
        }
        // Unicode versions differ a little between glibc and Swift; a handful is tolerable.
        #expect(disagreements.count < 10, "\(disagreements.count): \(disagreements)")
    }
}

@Suite struct CanvasTests {
    @Test func wideGraphemesTakeTwoCells() {
        var c = Canvas(Size(width: 10, height: 2))
        let used = c.put("a日b👍🏽", row: 0, column: 0)
        #expect(used == 6)
        #expect(c[0, 1].grapheme == "日" && c[0, 1].width == 2)
        #expect(c[0, 2].width == 0)
        #expect(c.line(0) == "a日b👍🏽")
    }

    @Test func clippingNeverSplitsAWideGrapheme() {
        var c = Canvas(Size(width: 4, height: 1))
        c.put("ab日本", row: 0, column: 0)
        #expect(c.line(0) == "ab日")
        c.put("abc日", row: 0, column: 0)
        #expect(c.line(0) == "abc")
        #expect(c[0, 3].width == 1)
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var c = Canvas(Size(width: 6, height: 1))
        c.put("日本", row: 0, column: 0)
        c.put("x", row: 0, column: 1)
        #expect(c.line(0) == " x本")
        c.put("y", row: 0, column: 2)
        #expect(c.line(0) == " xy")
    }

    @Test func controlCharactersAreShownNotSent() {
        var c = Canvas(Size(width: 10, height: 1))
        c.put("a\u{1B}[2Jb", row: 0, column: 0)
        #expect(c.line(0) == "a?[2Jb")
    }

    @Test func styleMapShowsAttributes() {
        var c = Canvas(Size(width: 6, height: 1))
        c.put("ok", row: 0, column: 0)
        c.put("✗ no", row: 0, column: 2, style: .error)
        #expect(c.styleMap([.plain, .error]) == "001111")
    }
}
