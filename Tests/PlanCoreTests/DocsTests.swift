/// The user docs must match the code: every rule id in `docs/rules.md` exactly once, and
/// every key of the format in `docs/format.md`.
import Foundation
import Testing
@testable import PlanCore

@Suite struct DocsTests {
    static func doc(_ name: String) throws -> String {
        try String(contentsOf: Paths.root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    @Test func everyRuleIsDocumentedOnceAndNothingElse() throws {
        let rows = try Self.doc("rules.md").split(separator: "\n").filter { $0.hasPrefix("| `") }
        let ids = rows.compactMap { row -> String? in
            let cell = row.dropFirst(3)
            return cell.firstIndex(of: "`").map { String(cell[..<$0]) }
        }
        let code = RuleID.allCases.map(\.rawValue)
        #expect(Set(ids) == Set(code), "in docs only: \(Set(ids).subtracting(code)); in code only: \(Set(code).subtracting(ids))")
        #expect(ids.count == Set(ids).count, "a rule is listed twice")
        for (row, id) in zip(rows, ids) {
            let severity = RuleID(rawValue: id)?.severity.rawValue ?? "?"
            #expect(row.contains("| \(severity) |"), "\(id) should be \(severity) in docs/rules.md")
        }
    }

    @Test func jargonTableMatchesTheDefaults() throws {
        let text = try Self.doc("rules.md")
        for term in Policy.defaultJargon {
            #expect(text.contains("| \(term.term) | \(term.plain) |"), "docs/rules.md lacks the row for '\(term.term)'")
        }
    }

    @Test func everyKeyIsInTheFormatGuide() throws {
        let text = try Self.doc("format.md")
        for key in Schema.all {
            #expect(text.contains("| \(key) |") || text.contains("`\(key)`"), "docs/format.md does not mention `\(key)`")
        }
        for key in PolicyReader.keys {
            #expect(text.contains("| \(key) |") || text.contains("`\(key)`"), "docs/format.md does not mention config key `\(key)`")
        }
    }
}
