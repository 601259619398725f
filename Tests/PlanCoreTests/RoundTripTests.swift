/// read → write → read is lossless: every example and template gives an equal model, and a
/// file the program wrote itself comes back byte for byte.
import Foundation
import Testing
@testable import PlanCore

@Suite struct RoundTripTests {
    @Test(arguments: Paths.examples + Paths.templates)
    func lossless(_ url: URL) throws {
        let original = try Paths.text(url)
        let first = readPlan(original)
        let written = PlanWriter.write(first)
        let second = readPlan(written)
        #expect(first == second)
        #expect(PlanWriter.write(second) == written, "a file the program wrote must come back byte for byte")
        #expect(PlanReader.read(written).findings == PlanReader.read(original).findings.filter { _ in false }
                || PlanReader.read(written).findings.map(\.rule) == PlanReader.read(original).findings.map(\.rule))
    }

    @Test func examplesKeepTheirLayout() throws {
        // The examples were written by hand in the format's order; the writer reproduces them
        // except for comments and the quoting it chooses.
        let original = try Paths.text(Paths.examples[1])
        let written = PlanWriter.write(readPlan(original))
        #expect(written.contains("supports:\n  - id: S1\n    what: Lewis, my daytime PA"))
        #expect(written.contains("    meets: [N1, N2, N4, N5, O1, O2, O4]\n"))
        #expect(written.contains("about_me: |\n  I am Cal. I am 23."))
        #expect(written.contains("  reference: \"588129\"\n"))
        #expect(written.contains("  advocate: \"\"\n"))
        #expect(written.contains("  weeks_per_year: 52\n  indicative: 27000.00\n"))
        let originalLines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let writtenLines = written.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(originalLines.count == writtenLines.count)
        let differing = zip(originalLines, writtenLines).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func unknownKeysAndUnreadValuesSurviveASave() {
        let yaml = """
            format: supportplan/1
            colour: blue
            id: X1
            supports:
              - id: S1
                rate: 12.345
                per: week
                extra:
                  nested: [1, 2]
                  text: |
                    two
                    lines
            budget:
              final: lots
            """
        let plan = readPlan(yaml)
        #expect(plan.kept.raw["colour"] != nil)
        #expect(plan.supports[0].rate == nil)
        let written = PlanWriter.write(plan)
        #expect(written.contains("colour: blue"))
        #expect(written.contains("    rate: 12.345"))
        #expect(written.contains("  final: lots"))
        #expect(written.contains("      nested: [1, 2]"))
        let again = PlanReader.read(written)
        #expect(again.plan == plan)
        #expect(again.findings.map(\.rule) == PlanReader.read(yaml).findings.map(\.rule))
        // The file's own key order is kept: colour stays between format and id.
        #expect(written.hasPrefix("format: supportplan/1\ncolour: blue\nid: X1\n"))
    }

    @Test func newFieldsGoInTheFormatsOrder() {
        var plan = readPlan("format: supportplan/1\nid: X\nauthor: Sam\n")
        plan.version = 2
        plan.status = .draft
        plan.budget.final = Money(pence: 100)
        let written = PlanWriter.write(plan)
        #expect(written == "format: supportplan/1\nid: X\nversion: 2\nstatus: draft\nauthor: Sam\n\nbudget:\n  final: 1.00\n")
    }

    @Test(arguments: [
        "plain words", "yes", "no", "true", "null", "~", "123456", "007", "1.0", "2026-04-01", "12:30", "0x1F",
        "- starts with a dash", "# hash", "key: value", "ends with colon:", " leading space", "trailing space ",
        "quote \" inside", "back\\slash", "tab\there", "café 日本 👍🏽 👨‍👩‍👧", "e\u{301}", "line one\nline two",
        "ends with newline\n", "two newlines\n\n", "\nstarts with newline", "  indented\nblock", "bell\u{7}",
        "cr\r\nlf", "", "&anchor", "*alias", "!tag", "[flow]", "{map}", "a, b", "%directive", "@at", "`tick",
        "line with trailing space \nnext", "\u{2028}separator", "---", "...", "- ", "?", ":",
    ])
    func personTextSurvives(_ text: String) {
        var plan = Plan()
        plan.format = Plan.supportedFormat
        plan.aboutMe = text.isEmpty ? nil : text
        plan.importantToMe = text.isEmpty ? [] : [text, "second"]
        plan.outcomes = [Outcome(id: "O1")]
        plan.outcomes[0].text = text.isEmpty ? nil : text
        plan.outcomes[0].needs = text.isEmpty || text.contains("\n") ? [] : [text]
        let written = PlanWriter.write(plan)
        let back = PlanReader.read(written)
        #expect(back.plan == plan, "\(written)")
        #expect(!back.findings.contains { $0.rule == .syntax })
    }
}
