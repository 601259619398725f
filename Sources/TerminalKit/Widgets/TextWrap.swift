/// Wraps text to a width without losing any of it: breaks at spaces, splits a word only when it
/// is wider than the line, and indents the lines after the first under the text (a hanging
/// indent for "- ", "✗ ", "S1 " style lines). Widths are display columns.
public enum TextWrap {
    /// The lines of `text` at `width` columns; the first keeps its own leading spaces and later
    /// lines start `hang` columns in (by default: the leading spaces plus a marker like "- ").
    public static func lines(_ text: String, width: Int, hang: Int? = nil) -> [String] {
        guard width > 4 else { return [text] }
        let lead = text.prefix { $0 == " " }.count
        let body = text.dropFirst(lead)
        let marker = ["- ", "✗ ", "! ", "✓ ", "i ", "~ ", "+ "].first { body.hasPrefix($0) }.map { _ in 2 } ?? 0
        let indent = min(width / 2, hang ?? lead + marker)
        var out: [String] = []
        var line = String(repeating: " ", count: lead)
        var lineWidth = lead
        var empty = true
        func flush() {
            out.append(line)
            line = String(repeating: " ", count: indent)
            lineWidth = indent
            empty = true
        }
        for word in body.split(separator: " ", omittingEmptySubsequences: true) {
            let w = DisplayWidth.of(String(word))
            if !empty && lineWidth + 1 + w > width { flush() }
            if w > width - lineWidth - (empty ? 0 : 1) {
                // A word wider than the line: split it where the line ends.
                if !empty { line += " "; lineWidth += 1 }
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if lineWidth + cw > width { flush() }
                    line.append(ch)
                    lineWidth += cw
                    empty = false
                }
                continue
            }
            if !empty { line += " "; lineWidth += 1 }
            line += word
            lineWidth += w
            empty = false
        }
        if !empty || out.isEmpty { out.append(line) }
        return out
    }
}
