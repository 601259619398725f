/// A screen in memory: a grid of cells (grapheme, display width, style) and the cursor.
/// Views render into a Canvas; backends present it. Tests read it back as text.
///
/// A wide grapheme fills its cell and marks the next as its continuation (width 0). The
/// cursor is where a screen reader should be: every screen sets it on the focused thing.

public struct Cell: Sendable, Hashable {
    public var grapheme: Character
    /// 1 or 2 for a grapheme, 0 for the right half of a wide one.
    public var width: Int
    public var style: Style

    public init(_ grapheme: Character = " ", width: Int = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell(" ", width: 0)
}

public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}

public struct Point: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
    public var description: String { "(\(row), \(column))" }
}

public struct Canvas: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes when this canvas is presented.
    public var cursor = Point(row: 0, column: 0)
    /// Whether the cursor is shown; it is moved there either way (screen readers follow it).
    public var cursorVisible = true

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.width + column] }
        set { cells[row * size.width + column] = newValue }
    }

    /// Writes text from (row, column), clipped at `limit` columns (default: the right edge).
    /// Control characters are shown as `?`. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style = .plain,
                             limit: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0 else { return 0 }
        let end = min(size.width, column + (limit ?? size.width))
        var col = column
        for ch in text {
            var g = ch, w = DisplayWidth.of(ch)
            if w == 0 && ch.unicodeScalars.first.map({ $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) == true {
                g = "?"
                w = 1
            }
            if w == 0 { continue }  // a lone combining mark cannot start a cell
            if col + w > end {
                if col < end { self[row, col] = Cell(" ", style: style) }
                break
            }
            clearWide(row, col)
            self[row, col] = Cell(g, width: w, style: style)
            if w == 2 {
                clearWide(row, col + 1)
                self[row, col + 1] = Cell(" ", width: 0, style: style)
            }
            col += w
        }
        return col - column
    }

    /// Overwriting half of a wide grapheme blanks the other half.
    private mutating func clearWide(_ row: Int, _ col: Int) {
        let cell = self[row, col]
        if cell.width == 0, col > 0 { self[row, col - 1] = Cell(" ", style: self[row, col - 1].style) }
        if cell.width == 2, col + 1 < size.width { self[row, col + 1] = Cell(" ", style: cell.style) }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: Style = .plain) {
        for r in max(0, row)..<min(size.height, row + height) {
            for c in max(0, column)..<min(size.width, column + width) { self[r, c] = Cell(" ", style: style) }
        }
    }

    /// The text of one row, wide graphemes once, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<size.width where self[row, c].width > 0 { s.append(self[row, c].grapheme) }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Every row, joined by newlines (trailing spaces trimmed), for snapshot tests.
    public var text: String { (0..<size.height).map(line).joined(separator: "\n") }

    /// One digit per cell naming its style in `styles` (0 = the first), for attribute maps.
    public func styleMap(_ styles: [Style]) -> String {
        (0..<size.height).map { r in
            String((0..<size.width).map { c -> Character in
                let i = styles.firstIndex(of: self[r, c].style) ?? 9
                return Character(String(min(i, 9)))
            })
        }.joined(separator: "\n")
    }
}
