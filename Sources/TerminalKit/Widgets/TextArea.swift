/// A multi-line text area: soft wrap by display width at the last space that fits (long
/// words break at grapheme boundaries), ↑/↓ by visual row keeping a goal column, scrolling
/// with "more" markers. Enter is a new line; Tab and Esc are left to the screen.

public struct TextArea: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    /// The display column ↑/↓ try to keep.
    var goalColumn: Int?
    /// The wrap width of the last layout: ↑/↓ and Home/End need it.
    public var wrapWidth: Int

    public init(_ text: String = "", cursor: Int? = nil, wrapWidth: Int = 40) {
        characters = Array(text)
        self.cursor = min(cursor ?? characters.count, characters.count)
        self.wrapWidth = max(2, wrapWidth)
    }

    public var text: String { String(characters) }

    /// One visual row: the graphemes from `start` up to `end` (excluding a newline or the
    /// space where it wrapped).
    public struct Row: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// Where the next row starts (after the newline or wrap space).
        public var next: Int
    }

    /// The wrap map: every visual row of the text at `wrapWidth`.
    public var rows: [Row] {
        var out: [Row] = []
        var lineStart = 0
        let n = characters.count
        while true {
            var lineEnd = lineStart
            while lineEnd < n && characters[lineEnd] != "\n" { lineEnd += 1 }
            // wrap [lineStart, lineEnd)
            var s = lineStart
            repeat {
                var w = 0, e = s, lastSpace = -1
                while e < lineEnd {
                    let cw = DisplayWidth.of(characters[e])
                    if w + cw > wrapWidth { break }
                    if characters[e] == " " { lastSpace = e }
                    w += cw
                    e += 1
                }
                if e < lineEnd && characters[e] == " " {
                    // The row fits exactly and a space follows: wrap there.
                    out.append(Row(start: s, end: e, next: e + 1))
                    s = e + 1
                } else if e < lineEnd {
                    if lastSpace > s {
                        out.append(Row(start: s, end: lastSpace, next: lastSpace + 1))
                        s = lastSpace + 1
                    } else {
                        let cut = max(e, s + 1)
                        out.append(Row(start: s, end: cut, next: cut))
                        s = cut
                    }
                } else {
                    out.append(Row(start: s, end: lineEnd, next: lineEnd + 1))
                    s = lineEnd
                    break
                }
            } while s < lineEnd
            if lineEnd >= n { break }
            lineStart = lineEnd + 1
        }
        return out
    }

    /// The visual row holding the cursor: the cursor at a wrap point belongs to the next row.
    func rowIndex(_ rows: [Row]) -> Int {
        for (i, r) in rows.enumerated() where cursor >= r.start && cursor <= r.end {
            if cursor == r.end && i + 1 < rows.count && rows[i + 1].start == cursor { return i + 1 }
            return i
        }
        return max(0, rows.count - 1)
    }

    func column(of offset: Int, in row: Row) -> Int {
        DisplayWidth.of(String(characters[row.start..<min(offset, row.end)]))
    }

    func offset(atColumn col: Int, in row: Row) -> Int {
        var w = 0, i = row.start
        while i < row.end {
            let cw = DisplayWidth.of(characters[i])
            if w + cw > col { break }
            w += cw
            i += 1
        }
        return i
    }

    @discardableResult
    public mutating func handle(_ event: InputEvent) -> EditResult {
        switch event {
        case .text(let t): return insert(t)
        case .paste(let p): return insert(Paste.normalise(p))
        case .key(let k): return handle(k)
        case .resize, .signal, .tick: return .ignored
        }
    }

    mutating func handle(_ key: Key) -> EditResult {
        let rows = self.rows
        let r = rowIndex(rows)
        switch key {
        case .enter: return insert("\n")
        case .left, .ctrl("b"): return move(cursor - 1)
        case .right, .ctrl("f"): return move(cursor + 1)
        case .up, .ctrl("p"), .down, .ctrl("n"):
            let up = key == .up || key == .ctrl("p")
            let target = up ? r - 1 : r + 1
            guard target >= 0 && target < rows.count else { return .ignored }  // leave the field
            let goal = goalColumn ?? column(of: cursor, in: rows[r])
            cursor = offset(atColumn: goal, in: rows[target])
            goalColumn = goal
            return .moved
        case .home, .ctrl("a"): return move(rows[r].start)
        case .end, .ctrl("e"): return move(rows[r].end)
        case .backspace, .ctrl("h"): return delete(cursor - 1..<cursor)
        case .delete, .ctrl("d"): return delete(cursor..<cursor + 1)
        case .ctrl("k"):
            var e = cursor
            while e < characters.count && characters[e] != "\n" { e += 1 }
            return delete(cursor..<(e == cursor ? e + 1 : e))
        default: return .ignored
        }
    }

    mutating func insert(_ s: String) -> EditResult {
        guard !s.isEmpty else { return .ignored }
        let before = String(characters[..<cursor]) + s
        characters = Array(before + String(characters[cursor...]))
        cursor = min(Array(before).count, characters.count)
        goalColumn = nil
        return .changed
    }

    mutating func move(_ target: Int) -> EditResult {
        cursor = max(0, min(characters.count, target))
        goalColumn = nil
        return .moved
    }

    mutating func delete(_ range: Range<Int>) -> EditResult {
        let r = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !r.isEmpty else { return .moved }
        characters.removeSubrange(r)
        cursor = r.lowerBound
        goalColumn = nil
        return .changed
    }

    /// Draws `height` rows, scrolled so the cursor's row shows; marks clipped text with
    /// `↑ more` / `↓ more` just right of the text (8 columns are the widget's). Returns the
    /// cursor's screen position.
    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, height: Int, style: Style = .plain) -> Point {
        let rows = self.rows
        let r = rowIndex(rows)
        let top = max(0, r - height + 1)
        canvas.fill(row: row, column: column, width: wrapWidth, height: height, style: style)
        canvas.fill(row: row, column: column + wrapWidth, width: 8, height: height)  // the "more" markers
        for i in 0..<height where top + i < rows.count {
            let v = rows[top + i]
            canvas.put(String(characters[v.start..<v.end]), row: row + i, column: column, style: style, limit: wrapWidth)
        }
        if top > 0 { canvas.put("↑ more", row: row, column: column + wrapWidth + 1, style: .dim) }
        if top + height < rows.count { canvas.put("↓ more", row: row + height - 1, column: column + wrapWidth + 1, style: .dim) }
        return Point(row: row + r - top, column: column + self.column(of: cursor, in: rows[r]))
    }
}
