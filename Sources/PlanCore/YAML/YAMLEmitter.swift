/// Writes YAML that people can read and diff: block style, two-space indents, short word and
/// id lists in flow style (`[N1, O1]`), multi-line text as `|` blocks, and quotes only where a
/// plain scalar would be misread (by this program or by any other YAML reader). A value may
/// carry the comments and blank lines its key had in the file (`noted`): they are written back
/// above it and at the end of its line.

public indirect enum OutNode: Sendable {
    /// A scalar written exactly in the given style.
    case scalar(String, YAMLNode.ScalarStyle)
    /// A list of short words or ids, written `[a, b]` when that is safe. `keepsType`: the items
    /// were plain scalars in the file, so `1` stays a plain `1`.
    case flow([String], keepsType: Bool = false)
    case block([OutNode])
    case map([(String, OutNode)])
    /// A key present with no value: `""` or `[]`.
    case empty(list: Bool)
    /// The value of a key (or a list item) that was in the file, with the key's comments.
    case noted(OutNode, Note)

    /// The value without its comments.
    public var bare: OutNode {
        if case .noted(let v, _) = self { return v.bare }
        return self
    }

    /// A person's text: plain when safe, a `|` block when multi-line, else double-quoted.
    public static func text(_ s: String) -> OutNode {
        if s.contains("\n") && s.contains(where: { !$0.isWhitespace }) && YAMLEmitter.canBeLiteral(s) {
            return .scalar(s, .literal)
        }
        return .scalar(s, YAMLEmitter.isPlainSafe(s, inFlow: false) ? .plain : .doubleQuoted)
    }

    /// A value whose text is known to be safe plain (money, dates, numbers, fixed words).
    public static func word(_ s: String) -> OutNode { .scalar(s, .plain) }

    /// Re-creates a value kept as it was read, with the comments inside it (by line; a note on
    /// `keyLine`, the line of the value's own key, is the key's, not an item's).
    public init(_ node: YAMLNode, notes: [Int: Note], keyLine: Int = 0) {
        switch node {
        case .scalar:
            self.init(node)
        case .mapping(let pairs, _):
            self = .map(pairs.map { p in
                let v = OutNode(p.value, notes: notes, keyLine: p.keyPosition.line)
                return (p.key, notes[p.keyPosition.line].map { .noted(v, $0) } ?? v)
            })
        case .sequence(let items, _):
            func note(_ item: YAMLNode) -> Note? {
                if case .mapping = item { return nil }
                return item.position.line == keyLine ? nil : notes[item.position.line]
            }
            let noted = items.contains { note($0)?.hasComment == true }
            guard noted else { self.init(node); return }
            // Comments between the items: one item a line, so each keeps its comment.
            self = .block(items.map { item in
                let v = OutNode(item, notes: notes)
                return note(item).map { .noted(v, $0) } ?? v
            })
        }
    }

    /// Re-creates a value kept as it was read.
    public init(_ node: YAMLNode) {
        switch node {
        case .scalar(let s, let style, _):
            switch style {
            // It was plain in the file, so a number stays a number: only structure is checked.
            case .plain: self = YAMLEmitter.isPlainSafe(s, inFlow: false, keepsType: true) ? .scalar(s, .plain) : .text(s)
            case .literal, .folded: self = .text(s)
            case .singleQuoted, .doubleQuoted: self = .scalar(s, .doubleQuoted)
            }
        case .sequence(let items, _):
            if items.isEmpty { self = .empty(list: true); return }
            let scalars = items.compactMap(\.text)
            let plain = items.allSatisfy { if case .scalar(_, .plain, _) = $0 { return true } else { return false } }
            if plain, scalars.count == items.count,
               scalars.allSatisfy({ YAMLEmitter.isPlainSafe($0, inFlow: true, keepsType: true) }) {
                self = .flow(scalars, keepsType: true)
            } else {
                self = .block(items.map(OutNode.init))
            }
        case .mapping(let pairs, _):
            self = .map(pairs.map { ($0.key, OutNode($0.value)) })
        }
    }
}

public enum YAMLEmitter {
    /// The whole document; `blankLines` puts an empty line between top-level sections (a key
    /// that was in the file keeps the lines it had above it instead); `tail`: the lines after
    /// the last key.
    public static func document(_ pairs: [(String, OutNode)], blankLines: Bool = true, tail: [String] = []) -> String {
        var out = ""
        var previousWasLine = false
        for (i, (key, value)) in pairs.enumerated() {
            let isLine = isOneLine(value)
            var fromFile = false
            if case .noted = value { fromFile = true }
            if blankLines && i > 0 && !(isLine && previousWasLine) && !fromFile { out += "\n" }
            emitPair(key, value, indent: 0, prefix: "", into: &out)
            previousWasLine = isLine
        }
        emitLines(tail, column: 0, into: &out)
        return out
    }

    /// Whole lines kept from the file: blank ones written empty, comments indented no further
    /// than `column` (the key or item below them), so none can fall inside a `|` block above.
    static func emitLines(_ lines: [String], column: Int, into out: inout String) {
        for line in lines {
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty { out += "\n"; continue }
            let indent = line.unicodeScalars.count - text.unicodeScalars.count
            out += (indent <= column ? String(line.prefix(indent)) : String(repeating: " ", count: column)) + text + "\n"
        }
    }

    /// Writes a note's lines, then what `body` writes with the note's comment at the end of
    /// its first line (at the comment's old column when the line is short enough).
    static func withNote(_ note: Note?, column: Int, into out: inout String, _ body: (inout String) -> Void) {
        guard let note else { body(&out); return }
        emitLines(note.before, column: column, into: &out)
        guard let comment = note.comment else { body(&out); return }
        var part = ""
        body(&part)
        let lineEnd = part.firstIndex(of: "\n") ?? part.endIndex
        let width = part[..<lineEnd].unicodeScalars.count
        part.insert(contentsOf: String(repeating: " ", count: note.column > width ? note.column - width : 1) + comment,
                    at: lineEnd)
        out += part
    }

    static func isOneLine(_ v: OutNode) -> Bool {
        switch v {
        case .noted(let inner, _): return isOneLine(inner)
        case .scalar(_, let style): return style != .literal && style != .folded
        case .flow, .empty: return true
        case .block, .map: return false
        }
    }

    /// One `key: value`, the key at `indent`, or after `prefix` (a sequence's `- `).
    static func emitPair(_ key: String, _ value: OutNode, indent: Int, prefix: String, into out: inout String) {
        if case .noted(let inner, let note) = value {
            let column = prefix.isEmpty ? indent : prefix.unicodeScalars.count
            withNote(note, column: column, into: &out) { emitPair(key, inner, indent: indent, prefix: prefix, into: &$0) }
            return
        }
        out += prefix.isEmpty ? String(repeating: " ", count: indent) : prefix
        out += scalarText(key, inFlow: false) + ":"
        switch value {
        case .map(let pairs) where pairs.isEmpty:
            out += " {}\n"
        case .map(let pairs):
            out += "\n"
            for (k, v) in pairs { emitPair(k, v, indent: indent + 2, prefix: "", into: &out) }
        case .block(let items) where items.isEmpty:
            out += " []\n"
        case .block(let items):
            out += "\n"
            emitItems(items, indent: indent + 2, into: &out)
        default:
            emitInline(value, indent: indent, into: &out)
        }
    }

    static func emitItems(_ items: [OutNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if case .noted(let inner, let note) = item {
                withNote(note, column: indent, into: &out) { emitItems([inner], indent: indent, into: &$0) }
                continue
            }
            switch item {
            case .map(let pairs) where !pairs.isEmpty:
                for (i, (k, v)) in pairs.enumerated() {
                    emitPair(k, v, indent: indent + 2, prefix: i == 0 ? pad + "- " : "", into: &out)
                }
            case .block(let inner) where !inner.isEmpty:
                out += pad + "-\n"
                emitItems(inner, indent: indent + 2, into: &out)
            default:
                out += pad + "-"
                emitInline(item, indent: indent, into: &out)
            }
        }
    }

    /// A value that stays on the key's line (or a `|` block below it).
    static func emitInline(_ value: OutNode, indent: Int, into out: inout String) {
        switch value {
        case .noted(let inner, _):
            emitInline(inner, indent: indent, into: &out)
        case .scalar(let s, .literal):
            out += " |" + literalHeader(s) + "\n"
            let pad = String(repeating: " ", count: indent + 2)
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            if s.hasSuffix("\n") { lines.removeLast() }
            for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
        case .scalar(let s, let style):
            out += " " + (style == .plain ? s : quoted(s)) + "\n"
        case .flow(let words, let keepsType):
            if words.allSatisfy({ isPlainSafe($0, inFlow: true, keepsType: keepsType) }) {
                out += " [" + words.joined(separator: ", ") + "]\n"
            } else {
                out += " [" + words.map { quoted($0) }.joined(separator: ", ") + "]\n"
            }
        case .empty(let list):
            out += list ? " []\n" : " \"\"\n"
        case .map:
            out += " {}\n"  // only an empty mapping stays on the key's line
        case .block:
            out += " []\n"  // only an empty list stays on the key's line
        }
    }

    /// `|` when the text ends with one newline, `|-` when it ends with none.
    static func literalHeader(_ s: String) -> String {
        s.hasSuffix("\n") ? "" : "-"
    }

    /// A literal block holds text without control characters or carriage returns, whose lines
    /// do not end in spaces (editors strip those), that does not start with a space or newline
    /// (that would need an indentation digit) and ends with at most one newline (a `|+` block
    /// would swallow the blank line between sections). Other text is double-quoted.
    static func canBeLiteral(_ s: String) -> Bool {
        if s.hasPrefix(" ") || s.hasPrefix("\n") || s.hasPrefix("\t") || s.hasSuffix("\n\n") { return false }
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.last == " " || line.last == "\t" { return false }
        }
        return !s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F
            || $0 == "\u{FEFF}" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    static func scalarText(_ s: String, inFlow: Bool) -> String {
        isPlainSafe(s, inFlow: inFlow) ? s : quoted(s)
    }

    private static let specialWords: Set<String> = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=", ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// Would this text come back as the same string from a plain scalar, in any YAML 1.1/1.2 reader?
    /// `keepsType`: the text was a plain scalar already, so looking like a number is fine.
    public static func isPlainSafe(_ s: String, inFlow: Bool, keepsType: Bool = false) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if first.isWhitespace || last.isWhitespace || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if !keepsType && specialWords.contains(s.lowercased()) { return false }
        if holds(s, UInt8(ascii: ":"), UInt8(ascii: " ")) || holds(s, UInt8(ascii: " "), UInt8(ascii: "#"))
            || s.utf8.contains(UInt8(ascii: "\t")) { return false }
        if inFlow && s.contains(where: { ",[]{}".contains($0) }) { return false }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85
            || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" || (0xD800...0xDFFF).contains($0.value) }) {
            return false
        }
        return keepsType || !looksLikeNumberOrDate(s)
    }

    /// The two bytes one after the other somewhere in the text: looked for in UTF-8, as a YAML
    /// reader reads code points (not through Foundation's `contains`, which compares whole
    /// characters and costs an `NSString` per call).
    static func holds(_ s: String, _ a: UInt8, _ b: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            if previous == a && byte == b { return true }
            previous = byte
        }
        return false
    }

    /// Anything a YAML 1.1 resolver could take for a number, date or time stays quoted:
    /// `123456`, `007`, `1.0`, `1e3`, `1_000`, `0x1F`, `12:30`, `2026-04-01`, `2026-04-01T10:00Z`.
    static func looksLikeNumberOrDate(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let lower = body.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return body.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        if body.allSatisfy({ "0123456789_.:eE+-".contains($0) }) && body.contains(where: \.isASCIIDigit) { return true }
        let u = Array(s.utf8)
        if u.count > 10, PlanDate(String(decoding: u[0..<10], as: UTF8.self)) != nil,
           u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == UInt8(ascii: " ") {
            return true
        }
        return false
    }

    /// A double-quoted scalar with YAML escapes.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
