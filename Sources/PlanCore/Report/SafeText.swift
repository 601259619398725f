/// Text from a plan made safe to show: control characters (C0, DEL, C1) become visible
/// marks (`^[` for ESC, `\u{9B}`-style for C1) so plan text can never move the cursor, clear
/// a terminal, set its title or hide lines; Markdown values escaped so they stay text; CSV
/// cells that a spreadsheet would run as a formula made inert. Every command that writes text
/// to a terminal or a text/Markdown document goes through here (docs/security.md).

public enum SafeText {
    /// `s` with every control character shown visibly: C0 as caret notation (`^@`…`^_`, so ESC
    /// is `^[`, CR `^M`, tab `^I`), DEL as `^?`, C1 (U+0080–U+009F) as `\u{80}`…`\u{9F}`.
    /// With `keepNewlines`, `\n` stays a line break (for multi-line values shown as paragraphs).
    public static func visible(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && !(keepNewlines && $0 == "\n") }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if keepNewlines && u == "\n" || !isControl(u) {
                out.append(u)
            } else {
                out.append(contentsOf: mark(u).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whole output for a terminal (a last line of defence after each value was made visible):
    /// line ends (`\n`, `\r\n`) and tabs that lay out columns stay; every other control
    /// character is shown visibly.
    public static func terminal(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" })
                || scalars.contains("\r") else { return s }
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            if u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") || !isControl(u) {
                out.append(u)
            } else {
                out.append(contentsOf: mark(u).unicodeScalars)
            }
        }
        return String(out)
    }

    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || invisibleFormat.contains(u.value)
    }

    /// Characters that reorder or hide text on a terminal (bidirectional overrides and isolates,
    /// zero-width space, line and paragraph separators), shown as `\u{…}`. The zero-width joiner
    /// and non-joiner are left: scripts such as Persian and Hindi need them.
    static let invisibleFormat: Set<UInt32> = [0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D,
                                               0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069]

    /// The visible mark for one control character.
    static func mark(_ u: Unicode.Scalar) -> String {
        switch u.value {
        case 0..<0x20: return "^" + String(Unicode.Scalar(UInt8(u.value + 0x40)))
        case 0x7F: return "^?"
        default: return "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// A value placed in a Markdown document: controls made visible, HTML's `<`, `>` and `&` as
    /// entities, and every Markdown special character backslash-escaped, so plan text can add
    /// no heading, list, link, table cell, emphasis, code or raw HTML. Line breaks stay.
    public static func markdown(_ s: String) -> String {
        var out = ""
        var atLineStart = true
        for ch in visible(s, keepNewlines: true) {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(ch)
            case "#", "-", "+", "=": out += atLineStart ? "\\" + String(ch) : String(ch)
            default: out.append(ch)
            }
            atLineStart = ch == "\n" || (atLineStart && ch == " ")
        }
        return out
    }

    /// The characters that make a spreadsheet treat a cell as a formula (or hide its start).
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell for CSV: a leading `'` when it begins with a formula trigger (`=`, `+`, `-`,
    /// `@`, tab, CR), then controls other than line breaks made visible. Money and number
    /// columns are not text cells: they stay numbers.
    public static func csvText(_ s: String) -> String {
        let guarded = s.unicodeScalars.first.map { formulaTriggers.contains(Character($0)) } == true ? "'" + s : s
        return visible(guarded, keepNewlines: true)
    }
}
