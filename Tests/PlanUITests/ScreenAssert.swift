/// The one screen assertion: the whole screen's text (trailing spaces dropped) and the cursor,
/// with a line-by-line diff printed when they differ.
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TerminalKit

enum ScreenAssert {
    static func text(_ c: Canvas) -> String {
        (0..<c.size.height).map { c.line($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    static func expect(_ c: Canvas, _ expected: String, cursor: Point, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = text(c).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var diff: [String] = []
        for i in 0..<max(got.count, want.count) {
            let g = i < got.count ? got[i] : "(none)", w = i < want.count ? want[i] : "(none)"
            if g != w { diff.append(String(format: "%2d - %@\n   + %@", i, w, g)) }
        }
        if !diff.isEmpty {
            ScreenRecord.note(got, at: sourceLocation)
            let message = "screen differs (- expected, + got):\n" + diff.joined(separator: "\n") + "\n--- whole screen:\n"
                + got.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        if c.cursor != cursor {
            Issue.record(Comment(rawValue: "cursor at \(c.cursor), expected \(cursor)"), sourceLocation: sourceLocation)
        }
    }
}

/// With `SCREEN_RECORD=FILE` in the environment, every screen that differs is appended to FILE
/// (one JSON object a line: file, line, got) for `scripts/update-screens`, which writes them
/// into the tests' expected text for a person to read in `git diff` before committing.
enum ScreenRecord {
    static func note(_ got: [String], at location: SourceLocation) {
        guard let path = getenv("SCREEN_RECORD").map({ String(cString: $0) }) else { return }
        func quoted(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let line = "{\"file\": \(quoted(location.fileID)), \"line\": \(location.line), \"got\": [\(got.map(quoted).joined(separator: ", "))]}\n"
        guard let f = fopen(path, "a") else { return }
        fputs(line, f)
        fclose(f)
    }
}
