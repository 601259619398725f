/// A plan file's line ends, kept through every rewrite: a file written on Windows (CRLF) or an
/// old Mac (CR) stays that way when `submit` changes its status line or the editor saves it.
/// Works on Unicode scalars, because Swift reads `"\r\n"` as one `Character`, not a `"\n"`.

public enum LineEnding: String, Sendable, Equatable {
    case lf = "\n"
    case crlf = "\r\n"
    case cr = "\r"

    /// The ending of the file's first line break (LF for a file with none).
    public static func of(_ text: String) -> LineEnding {
        var previousCR = false
        for u in text.unicodeScalars {
            if u == "\n" { return previousCR ? .crlf : .lf }
            if previousCR { return .cr }
            previousCR = u == "\r"
        }
        return previousCR ? .cr : .lf
    }

    public static func of(_ bytes: [UInt8]) -> LineEnding {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return .lf }
        if bytes[i] == 0x0A { return .lf }
        return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? .crlf : .cr
    }

    /// `text` (written with `\n` line ends, as `PlanWriter` does) with this ending instead.
    public func apply(_ text: String) -> String {
        guard self != .lf else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u == "\n" { out.append(contentsOf: rawValue.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }
}

/// Text as lines, each with its own line end (`""` for a last line without one), so a rewrite
/// can change one line and give back every other byte as it was.
public struct TextLines: Sendable {
    public var lines: [(text: String, end: String)]

    public init(_ text: String) {
        lines = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u == "\n" || u == "\r" {
                let crlf = u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
                lines.append((String(current), crlf ? "\r\n" : String(u)))
                current = String.UnicodeScalarView()
                i += crlf ? 2 : 1
            } else {
                current.append(u)
                i += 1
            }
        }
        lines.append((String(current), ""))
    }

    /// The ending most lines use (the first one's on a tie; LF when there is none).
    public var ending: LineEnding {
        var counts: [String: Int] = [:]
        for l in lines where !l.end.isEmpty { counts[l.end, default: 0] += 1 }
        let first = lines.first { !$0.end.isEmpty }?.end ?? "\n"
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : b.key == first } ?? (first, 0)
        return LineEnding(rawValue: best.key) ?? .lf
    }

    public var text: String { lines.map { $0.text + $0.end }.joined() }
}
