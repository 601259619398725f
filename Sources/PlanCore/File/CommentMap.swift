/// Finds a plan file's comments and blank lines and ties each to the key or list item it
/// belongs to: the whole lines above a key or item (up to the one before) and the comment at
/// the end of its line. libyaml skips comments, so they are found in the text, outside every
/// scalar the parser saw (a `#` inside quotes or a `|` block is text, not a comment).

final class CommentMap {
    /// Notes by the 1-based line of the key or item they belong to; each is taken once.
    private var notes: [Int: Note] = [:]
    /// Lines after the last key or item.
    let tail: [String]

    init(text: String, root: YAMLNode?, spans: [ScalarSpan]) {
        let split = TextLines(text).lines
        var lines = split.map(\.text)
        if split.last?.end == "", lines.last == "" { lines.removeLast() }
        var anchors = Set<Int>()
        if let root { Self.collectAnchors(root, into: &anchors) }
        let mask = Mask(lines: lines, spans: spans)
        var pending: [String] = []
        var lastAnchor: Int?
        for (i, line) in lines.enumerated() {
            let number = i + 1
            if mask.whole.contains(i) { continue }
            let scalars = Array(line.unicodeScalars)
            guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else {
                pending.append(line)
                continue
            }
            var commentAt: Int?
            for c in first..<scalars.count where scalars[c] == "#" && !mask.covers(i, c)
                && (c == 0 || scalars[c - 1] == " " || scalars[c - 1] == "\t") {
                commentAt = c
                break
            }
            if commentAt == first {
                pending.append(line)
                continue
            }
            let comment = commentAt.map { String(String.UnicodeScalarView(scalars[$0...])) }
            if anchors.contains(number) {
                notes[number] = Note(before: pending, comment: comment, column: commentAt ?? 0)
                pending = []
                lastAnchor = number
            } else if let comment, let at = commentAt {
                // The end of a value that runs over several lines: the comment stays with its key.
                if let a = lastAnchor, notes[a]?.comment == nil {
                    notes[a]?.comment = comment
                    notes[a]?.column = at
                } else {
                    pending.append(String(repeating: " ", count: at) + comment)
                }
            }
        }
        tail = pending
    }

    /// The note of the key or item on `line` (each line's note is given once: to the
    /// outermost key on it).
    func take(_ line: Int) -> Note? {
        notes.removeValue(forKey: line)
    }

    /// The notes of every key and item inside a value kept as written.
    func takeAll(in node: YAMLNode) -> [Int: Note] {
        var lines = Set<Int>()
        Self.collectAnchors(node, into: &lines)
        var out: [Int: Note] = [:]
        for line in lines {
            if let n = take(line) { out[line] = n }
        }
        return out
    }

    /// Comments no reader took (in a part of the file that could not be read as a plan), as
    /// whole lines in file order, so that a save still keeps them.
    func leftOver() -> [String] {
        notes.keys.sorted().flatMap { notes[$0]!.asLines.filter { $0.contains("#") } }
    }

    /// The lines of every key, and of every list item that is not a set of fields.
    static func collectAnchors(_ node: YAMLNode, into lines: inout Set<Int>) {
        switch node {
        case .scalar: break
        case .mapping(let pairs, _):
            for p in pairs {
                lines.insert(p.keyPosition.line)
                collectAnchors(p.value, into: &lines)
            }
        case .sequence(let items, _):
            for item in items {
                if case .mapping = item {} else { lines.insert(item.position.line) }
                collectAnchors(item, into: &lines)
            }
        }
    }

    /// Where scalars lie: whole lines (inside a block or a value over several lines) and
    /// column ranges on the others.
    struct Mask {
        var whole = Set<Int>()
        var ranges: [Int: [Range<Int>]] = [:]

        init(lines: [String], spans: [ScalarSpan]) {
            func blank(_ i: Int) -> Bool { i < lines.count && lines[i].allSatisfy { $0 == " " || $0 == "\t" } }
            for s in spans {
                if s.isBlock {
                    // Its text starts on the line after the indicator (whose line may end in a
                    // comment) and ends at its last line that is not blank.
                    var last = s.endLine - 1
                    if s.endColumn > 0, s.endLine < lines.count,
                       !lines[s.endLine].unicodeScalars.prefix(s.endColumn).allSatisfy({ $0 == " " || $0 == "\t" }) {
                        last = s.endLine
                    }
                    while last > s.startLine, blank(last) { last -= 1 }
                    if last > s.startLine { for l in (s.startLine + 1)...last { whole.insert(l) } }
                } else if s.startLine == s.endLine {
                    ranges[s.startLine, default: []].append(s.startColumn..<max(s.endColumn, s.startColumn + 1))
                } else {
                    ranges[s.startLine, default: []].append(s.startColumn..<Int.max)
                    if s.endLine > s.startLine + 1 { for l in (s.startLine + 1)..<s.endLine { whole.insert(l) } }
                    ranges[s.endLine, default: []].append(0..<s.endColumn)
                }
            }
        }

        func covers(_ line: Int, _ column: Int) -> Bool {
            ranges[line]?.contains { $0.contains(column) } ?? false
        }
    }
}
