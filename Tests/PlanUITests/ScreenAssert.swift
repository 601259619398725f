/// The one screen assertion: the whole screen's text (trailing spaces dropped) and the cursor,
/// with a line-by-line diff printed when they differ.
import Testing
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
            let message = "screen differs (- expected, + got):\n" + diff.joined(separator: "\n") + "\n--- whole screen:\n"
                + got.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        if c.cursor != cursor {
            Issue.record(Comment(rawValue: "cursor at \(c.cursor), expected \(cursor)"), sourceLocation: sourceLocation)
        }
    }
}
