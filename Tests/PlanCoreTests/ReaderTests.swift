/// Reading reports every problem, each with the line and column of the key or value at fault.
import Foundation
import Testing
@testable import PlanCore

@Suite struct ReaderTests {
    @Test func reportsEveryProblemWithItsPosition() {
        let yaml = """
            format: supportplan/1
            id: XX-1
            created: 2026-02-30
            person:
              nmae: Mary
            supports:
              - id: S1
                kind: agnecy
                rate: 24.105
                per: week
                meets: [N9]
              - id: S1
                quantity: -2
            """
        let r = PlanReader.read(yaml)
        let found = r.findings.map { "\($0.rule.rawValue)@\($0.position!.line):\($0.position!.column)" }
        #expect(found == [
            "date-invalid@3:10", "unknown-field@5:3", "field-invalid@8:11", "money-invalid@9:11",
            "field-invalid@13:15", "duplicate-id@12:9", "reference-unknown@11:13",
        ])
        let unknown = r.findings.first { $0.rule == .unknownField }!
        #expect(unknown.message.contains("did you mean 'name'?"))
        let kind = r.findings.first { $0.rule == .fieldInvalid }!
        #expect(kind.message.contains("Did you mean 'agency'?"))
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let r = Checker.check(text: "format: supportplan/1\nid: [unclosed\nversion: 1\n", file: "bad.yaml")
        #expect(r.unreadable)
        #expect(r.findings.count == 1)
        #expect(r.findings[0].rule == .syntax)
        #expect(r.findings[0].position!.line >= 2)
    }

    @Test func duplicateKeyPointsAtTheRepeat() {
        let r = Checker.check(text: "format: supportplan/1\nbudget:\n  final: 10.00\n  indicative: 5\n  final: 20.00\n",
                              file: "d.yaml")
        #expect(r.unreadable)
        #expect(r.findings.map(\.rule) == [.syntax])
        #expect(r.findings[0].position == Position(line: 5, column: 3))
        #expect(r.findings[0].message.contains("'final' appears twice"))
    }

    @Test func notUTF8IsASyntaxErrorAtTheByte() {
        let bytes = Array("format: supportplan/1\nid: caf".utf8) + [0xE9] + Array("\n".utf8)
        let r = Checker.check(bytes: bytes, file: "latin1.yaml")
        #expect(r.unreadable)
        #expect(r.findings.first?.position == Position(line: 2, column: 8))
    }

    @Test func formatMustBeSupported() {
        #expect(Checker.check(text: "format: supportplan/2\n", file: "f").findings.contains {
            $0.rule == .formatUnsupported && $0.position == Position(line: 1, column: 9)
        })
        #expect(Checker.check(text: "id: X\n", file: "f").findings.contains { $0.rule == .formatUnsupported })
        #expect(Checker.check(text: "- a list\n", file: "f").findings.map(\.rule) == [.formatUnsupported])
        #expect(Checker.check(text: "", file: "f").findings.map(\.rule) == [.formatUnsupported])
    }

    @Test func absentMeansAbsent() {
        let plan = readPlan("""
            format: supportplan/1
            author: ~
            about_me: ""
            important_to_me: []
            person:
              name: null
            """)
        #expect(plan.author == nil && plan.aboutMe == nil && plan.importantToMe.isEmpty && plan.person.name == nil)
    }

    @Test func moneyWrittenWithPoundSignAndCommas() {
        let plan = readPlan("format: supportplan/1\nbudget:\n  final: \"£15,200.00\"\n  indicative: 14500\n")
        #expect(plan.budget.final == Money(pence: 1_520_000))
        #expect(PlanWriter.write(plan).contains("  final: 15200.00\n  indicative: 14500.00\n"))
    }

    @Test func nonTextWhereTextBelongs() {
        let r = PlanReader.read("format: supportplan/1\nabout_me:\n  a: b\nneeds: nope\n")
        #expect(r.findings.map(\.rule) == [.fieldInvalid, .fieldInvalid])
        #expect(r.findings.map { $0.position!.line } == [3, 4])
    }
}
