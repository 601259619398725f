/// A single-line text field: pure state with readline/emacs keys, a grapheme-aware cursor and
/// horizontal scrolling by display width (htop `LineEditor.h`). The cursor is a grapheme
/// offset; the screen column is the display width of what lies before it.
///
/// Keys: ←/→ C-b/C-f, Alt-b/Alt-f C-←/C-→, Home/End C-a/C-e, Backspace, Del C-d, C-w
/// Alt-Backspace, Alt-d, C-k, C-u, C-y, C-t, C-_ (undo). Paste inserts literally (line ends
/// become spaces). Tab, Enter and Esc are left to the screen.

public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Grapheme offset of the cursor, 0...count.
    public private(set) var cursor: Int
    var killBuffer = ""
    var undoStack: [Snapshot] = []
    var lastWasTyping = false

    struct Snapshot: Sendable, Equatable {
        var characters: [Character]
        var cursor: Int
    }

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = min(cursor ?? characters.count, characters.count)
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        undoStack.removeAll()
    }

    /// Handles one event.
    @discardableResult
    public mutating func handle(_ event: InputEvent) -> EditResult {
        switch event {
        case .text(let t): return insert(t, typing: true)
        case .paste(let p): return insert(Paste.normalise(p).replacingNewlines(with: " "), typing: false)
        case .key(let k): return handle(k)
        case .resize, .signal, .tick: return .ignored
        }
    }

    mutating func handle(_ key: Key) -> EditResult {
        switch key {
        case .left, .ctrl("b"): return move(to: cursor - 1)
        case .right, .ctrl("f"): return move(to: cursor + 1)
        case .home, .ctrl("a"): return move(to: 0)
        case .end, .ctrl("e"): return move(to: characters.count)
        case .alt("b"), .ctrlLeft: return move(to: wordStart(before: cursor))
        case .alt("f"), .ctrlRight: return move(to: wordEnd(after: cursor))
        case .backspace, .ctrl("h"): return delete(cursor - 1..<cursor)
        case .delete, .ctrl("d"): return delete(cursor..<cursor + 1)
        case .ctrl("w"), .alt("\u{7F}"): return delete(wordStart(before: cursor)..<cursor, kill: true)
        case .alt("d"): return delete(cursor..<wordEnd(after: cursor), kill: true)
        case .ctrl("k"): return delete(cursor..<characters.count, kill: true)
        case .ctrl("u"): return delete(0..<cursor, kill: true)
        case .ctrl("y"): return killBuffer.isEmpty ? .ignored : insert(killBuffer, typing: false)
        case .ctrl("t"): return transpose()
        case .ctrl("_"): return undo()
        default: return .ignored
        }
    }

    private mutating func remember(typing: Bool) {
        if !(typing && lastWasTyping) {
            undoStack.append(Snapshot(characters: characters, cursor: cursor))
            if undoStack.count > 100 { undoStack.removeFirst() }
        }
        lastWasTyping = typing
    }

    mutating func insert(_ s: String, typing: Bool) -> EditResult {
        guard !s.isEmpty else { return .ignored }
        remember(typing: typing)
        let before = String(characters[..<cursor]) + s
        let after = String(characters[cursor...])
        characters = Array(before + after)
        cursor = min(Array(before).count, characters.count)
        return .changed
    }

    mutating func move(to target: Int) -> EditResult {
        let t = max(0, min(characters.count, target))
        lastWasTyping = false
        guard t != cursor else { return .moved }
        cursor = t
        return .moved
    }

    mutating func delete(_ range: Range<Int>, kill: Bool = false) -> EditResult {
        let r = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !r.isEmpty else { return .moved }
        remember(typing: false)
        if kill { killBuffer = String(characters[r]) }
        characters.removeSubrange(r)
        cursor = r.lowerBound
        return .changed
    }

    mutating func transpose() -> EditResult {
        guard characters.count >= 2, cursor > 0 else { return .moved }
        remember(typing: false)
        let i = cursor == characters.count ? cursor - 1 : cursor
        characters.swapAt(i - 1, i)
        cursor = min(characters.count, i + 1)
        return .changed
    }

    mutating func undo() -> EditResult {
        guard let s = undoStack.popLast() else { return .moved }
        characters = s.characters
        cursor = s.cursor
        lastWasTyping = false
        return .changed
    }

    func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0 && !isWordCharacter(characters[j - 1]) { j -= 1 }
        while j > 0 && isWordCharacter(characters[j - 1]) { j -= 1 }
        return j
    }

    func wordEnd(after i: Int) -> Int {
        var j = i
        while j < characters.count && !isWordCharacter(characters[j]) { j += 1 }
        while j < characters.count && isWordCharacter(characters[j]) { j += 1 }
        return j
    }

    /// Draws the visible part into `width` columns and returns the cursor's column on screen.
    /// The view scrolls just enough to keep the cursor in sight.
    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style = .plain) -> Int {
        guard width > 0 else { return column }
        canvas.fill(row: row, column: column, width: width, height: 1, style: style)
        var first = 0
        var widthBefore = DisplayWidth.of(String(characters[..<cursor]))
        while widthBefore > width - 1 && first < cursor {
            widthBefore -= DisplayWidth.of(characters[first])
            first += 1
        }
        canvas.put(String(characters[first...]), row: row, column: column, style: style, limit: width)
        return column + widthBefore
    }
}

extension String {
    func replacingNewlines(with s: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: s)
    }
}
