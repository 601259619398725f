/// Real ncurses with no terminal (newterm on /dev/null, as tig tests): what `present` hands
/// to curses is read back cell by cell. Serialised: curses has one SCREEN per process.
import Testing
@testable import TerminalKit

@Suite(.serialized) @MainActor struct HeadlessCursesTests {
    @Test func wideCharactersAttributesAndCursorReachCurses() {
        let screen = CursesScreen(mode: .headless(Size(width: 80, height: 24)), options: .init(color: true))
        defer { screen.stop() }
        #expect(screen.running)
        #expect(screen.size == Size(width: 80, height: 24))
        var c = Canvas(screen.size)
        c.put("café 日本 👍🏽!", row: 2, column: 4, style: .bold)
        c.put("✗ over budget", row: 3, column: 0, style: .error)
        c.put("selected", row: 4, column: 0, style: .reverse)
        c.cursor = Point(row: 3, column: 2)
        screen.present(c)
        #expect(screen.cellAt(row: 2, column: 4).text == "c")
        #expect(screen.cellAt(row: 2, column: 7).text == "é")
        #expect(screen.cellAt(row: 2, column: 9).text == "日")
        #expect(screen.cellAt(row: 2, column: 11).text == "本")
        #expect(screen.cellAt(row: 2, column: 14).text == "👍", "a cell holds the cluster's first scalar")
        #expect(screen.cellAt(row: 2, column: 16).text == "!")
        #expect(screen.cellAt(row: 2, column: 4).bold)
        #expect(!screen.cellAt(row: 3, column: 0).reverse && screen.cellAt(row: 3, column: 0).bold)
        #expect(screen.cellAt(row: 3, column: 0).pair != 0, "colour is a second channel when on")
        #expect(screen.cellAt(row: 4, column: 0).reverse)
        #expect(screen.cursorPosition == Point(row: 3, column: 2))

        // A second frame changes one cell; the cursor follows the canvas.
        c.put("X", row: 2, column: 4, style: .bold)
        c.cursor = Point(row: 10, column: 20)
        screen.present(c)
        #expect(screen.cellAt(row: 2, column: 4).text == "X")
        #expect(screen.cellAt(row: 2, column: 5).text == "a")
        #expect(screen.cursorPosition == Point(row: 10, column: 20))
    }

    @Test func noColorMeansNoColourPairs() {
        let screen = CursesScreen(mode: .headless(Size(width: 40, height: 10)), options: .init(color: false))
        defer { screen.stop() }
        var c = Canvas(screen.size)
        c.put("✗ over", row: 0, column: 0, style: .error)
        screen.present(c)
        #expect(screen.cellAt(row: 0, column: 0).text == "✗")
        #expect(screen.cellAt(row: 0, column: 0).bold)
        #expect(screen.cellAt(row: 0, column: 0).pair == 0)
    }

    @Test func aSmallerCanvasAfterResizeIsDrawnWhole() {
        let screen = CursesScreen(mode: .headless(Size(width: 30, height: 8)), options: .init(color: false))
        defer { screen.stop() }
        screen.present(TooSmall.render(screen.size))
        #expect((0..<30).map { screen.cellAt(row: 2, column: $0).text }.joined().contains("Terminal too small"))
    }
}
