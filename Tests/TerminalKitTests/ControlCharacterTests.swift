/// Plan text on the full screen: no control character (every C0, DEL, every C1; OSC and CSI
/// sequences) reaches curses raw, whether it is put on the canvas as text or set in a cell
/// directly; each is replaced by a visible `?`.
import Testing
@testable import TerminalKit

@Suite(.serialized) @MainActor struct ControlCharacterTests {
    static let controls: [Unicode.Scalar] = (Array(0..<0x20) + [0x7F] + Array(0x80...0x9F)).map { Unicode.Scalar(UInt8($0)) }
    static let sequences = ["\u{1B}]0;owned\u{07}", "\u{1B}[2J", "\u{1B}[1A\u{1B}[2K", "\u{9B}31m", "a\r\nb"]

    static func isControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test func theCanvasShowsEveryControlCharacterVisibly() {
        for u in Self.controls {
            var c = Canvas(Size(width: 10, height: 1))
            c.put("a\(String(u))b", row: 0, column: 0)
            #expect(c.line(0) == "a?b", "U+\(String(u.value, radix: 16))")
        }
        for s in Self.sequences {
            var c = Canvas(Size(width: 30, height: 1))
            c.put(s, row: 0, column: 0)
            #expect(!Self.isControl(c.line(0)), "\(s.debugDescription)")
            #expect(c.line(0).contains("?"))
        }
    }

    @Test func cursesIsNeverHandedAControlCharacter() {
        let screen = CursesScreen(mode: .headless(Size(width: 80, height: 4)), options: .init(color: false))
        defer { screen.stop() }
        var c = Canvas(screen.size)
        // Through put, and straight into cells (a widget that skipped put).
        c.put(Self.sequences.joined(separator: " "), row: 0, column: 0)
        for (i, u) in Self.controls.enumerated() {
            c[1 + i / 40, (i % 40) * 2] = Cell(Character(u))
        }
        screen.present(c)
        for row in 0..<3 {
            for column in 0..<80 {
                let text = screen.cellAt(row: row, column: column).text
                #expect(!Self.isControl(text), "row \(row) column \(column): \(text.debugDescription)")
            }
        }
        #expect(screen.cellAt(row: 1, column: 0).text == "?")
        #expect(screen.cellAt(row: 1, column: 2).text == "?")
    }
}
