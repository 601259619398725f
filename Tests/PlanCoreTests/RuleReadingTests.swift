/// The reading rules (`shared/spec/rules.md`, "Reading the file"): every problem in a file is
/// reported, each at the line and column of the offending key or value.
import Testing
@testable import PlanCore

@Suite("Rules: reading the file")
struct RuleReadingTests: RuleTesting {
    @Test func threeDifferentReadingProblemsGiveThreeFindingsEachWithLineAndColumn() throws {
        let yaml = variant([("rate: 23.50", "rate: 23.505"), ("start: 2027-01-11", "start: 2027-02-30"),
                            ("kind: agency\n", "kind: agencyy\n")])
        let result = check(yaml)
        #expect(!result.unreadable)
        #expect(result.findings.count == 3, "\(result.findings)")
        let expected: [(RuleID, String)] = [(.fieldInvalid, "agencyy"), (.moneyInvalid, "23.505"), (.dateInvalid, "2027-02-30")]
        for (rule, value) in expected {
            let f = try #require(result.findings.first { $0.rule == rule }, "\(rule.rawValue) missing")
            #expect(f.position == position(of: value, in: yaml), "\(f)")
            #expect(f.severity == .error)
        }
        // Sorted by position in the file.
        #expect(result.findings.map(\.rule) == [.fieldInvalid, .moneyInvalid, .dateInvalid])
    }

    @Test func problemsInDifferentSectionsAreAllReported() {
        let yaml = variant([("format: supportplan/1", "format: supportplan/9"),
                            ("    provider: Brightcare Ltd", "    providr: Brightcare Ltd"),
                            ("date_of_birth: 2001-05-20", "date_of_birth: 2001-02-29"),
                            ("final: 16000.00", "final: \"£16,00.00\""), ("  - id: O2", "  - id: O1")])
        let rules = check(yaml).findings.map(\.rule)
        for rule in [RuleID.formatUnsupported, .unknownField, .dateInvalid, .moneyInvalid, .duplicateID] {
            #expect(rules.contains(rule), "\(rule.rawValue) not in \(rules)")
        }
        #expect(check(yaml).findings.allSatisfy { $0.position != nil })
    }

    @Test func syntaxErrorMakesTheFileUnreadableWithOneFinding() {
        let yaml = variant([("  payment: four-weekly\n", "  payment: four-weekly: monthly\n")])
        let result = check(yaml)
        #expect(result.unreadable)
        #expect(result.plan == nil)
        #expect(result.totals == nil)
        #expect(result.findings.map(\.rule) == [.syntax])
        #expect(result.findings.first?.position?.line == line(of: "payment: four-weekly: monthly", in: yaml))
    }

    @Test func unclosedFlowListIsASyntaxError() {
        expectFires(.syntax, in: variant([("meets: [N2, O2]", "meets: [N2, O2")]))
    }

    @Test func repeatedKeyIsASyntaxErrorAtTheSecondKey() {
        let yaml = variant([("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  payment: monthly\n")])
        expectFires(.syntax, in: yaml, at: "payment: monthly")
    }

    @Test func bytesThatAreNotUTF8AreASyntaxErrorAtTheBadByte() {
        var bytes = Array("format: supportplan/1\nid: X\nauthor: Al".utf8)
        bytes += [0xFF, 0x0A]
        let result = Checker.check(bytes: bytes, file: "bad.yaml")
        #expect(result.unreadable)
        #expect(result.findings.map(\.rule) == [.syntax])
        #expect(result.findings.first?.position == Position(line: 3, column: 11))
    }

    @Test func missingFormatIsUnsupportedAtLineOne() {
        let yaml = variant([("format: supportplan/1\n", "")])
        let found = expectFires(.formatUnsupported, in: yaml)
        #expect(found.first?.position?.line == 1)
    }

    @Test func otherFormatNamesTheSupportedOne() {
        let found = expectFires(.formatUnsupported, in: variant([("format: supportplan/1", "format: careplan/1")]), at: "format:")
        #expect(found.first?.message.contains("supportplan/1") == true)
    }

    @Test func fieldInvalidNamesTheAllowedWordsAndSuggestsOne() {
        let found = expectFires(.fieldInvalid, in: variant([("funding: none", "funding: nobody")]), at: "funding: nobody")
        let message = found.first?.message ?? ""
        #expect(message.contains("council") && message.contains("top-up") && message.contains("none"))
    }

    @Test(arguments: [
        ("eligible: false", "eligible: no"),                       // not true/false
        ("per: week\n    start: 2027-01-11", "per: fortnight\n    start: 2027-01-11"),
        ("wellbeing: [physical-mental-health]", "wellbeing: [health]"),
        ("weeks_per_year: 52", "weeks_per_year: 53"),
        ("quantity: 16", "quantity: 16.125"),
        ("age: 30", "age: thirty"),
    ])
    func fieldInvalidForBadValues(_ from: String, _ to: String) {
        let yaml = variant([(from, to)])
        expectFires(.fieldInvalid, in: yaml, at: to.components(separatedBy: "\n")[0])
    }

    @Test func paidLineWithoutPerIsFieldInvalidAndTheFileHasNoTotals() {
        let yaml = variant([("    quantity: 2\n    per: week\n", "    quantity: 2\n")])
        expectFires(.fieldInvalid, in: yaml, at: "rate: 23.50")
        #expect(check(yaml).totals == nil)
    }

    @Test(arguments: ["23.505", "-23.50", "twenty", "1,00.00", "\"£-5\""])
    func moneyInvalid(_ bad: String) {
        let yaml = variant([("rate: 23.50", "rate: \(bad)")])
        expectFires(.moneyInvalid, in: yaml, at: "rate: \(bad)")
        // The costing input cannot be read: no totals, and no rule that needs them fires.
        #expect(check(yaml).totals == nil)
    }

    @Test(arguments: ["£23.50", "\"£23.50\"", "23.5", "'23.50'"])
    func moneyWrittenInAcceptedFormsIsRead(_ good: String) {
        let yaml = variant([("rate: 23.50", "rate: \(good)")])
        expectQuiet(.moneyInvalid, in: yaml)
        #expect(check(yaml).totals?.countedAgainstBudgetPence == 1_530_000)
    }

    @Test func moneyWithCommasInGroupsOfThreeIsRead() {
        let yaml = variant([("final: 16000.00", "final: \"£16,000.00\"")])
        #expect(check(yaml).findings.isEmpty, "\(check(yaml).findings)")
    }

    @Test func unreadableMoneyStopsTheRulesThatNeedTotals() {
        // Without the bad rate this plan is over budget and lacks a pension line for a PA costing £10,816.
        let yaml = variant([("rate: 23.50", "rate: 23.505"), ("final: 16000.00", "final: 100.00"),
                            ("on_cost: pension", "on_cost: training")])
        let result = check(yaml)
        #expect(result.totals == nil)
        for rule in [RuleID.overBudget, .underspend, .paPensionMissing] {
            #expect(!result.findings.contains { $0.rule == rule }, "\(rule.rawValue) fired without totals")
        }
        // The same plan with the rate readable does get them.
        let readable = check(variant([("rate: 23.505", "rate: 23.50")], of: yaml))
        #expect(readable.findings.contains { $0.rule == .overBudget })
        #expect(readable.findings.contains { $0.rule == .paPensionMissing })
    }

    @Test(arguments: ["2027-02-29", "2027-13-01", "2027-1-11", "11/01/2027", "2027-04-31"])
    func dateInvalid(_ bad: String) {
        let yaml = variant([("start: 2027-01-11", "start: \(bad)")])
        expectFires(.dateInvalid, in: yaml, at: "start: \(bad)")
    }

    @Test func twentyNinthFebruaryInALeapYearIsARealDate() {
        let yaml = variant([("date_of_birth: 2001-05-20", "date_of_birth: 2004-02-29")])
        #expect(check(yaml).findings.isEmpty, "\(check(yaml).findings)")
    }

    @Test func unknownFieldIsAWarningWithASuggestion() throws {
        let yaml = variant([("    provider: Brightcare Ltd", "    providr: Brightcare Ltd")])
        let found = expectFires(.unknownField, in: yaml, at: "providr:")
        let f = try #require(found.first)
        #expect(f.message.contains("provider"))
        #expect(f.position == position(of: "providr:", in: yaml))
    }

    @Test func unknownFieldsAtEveryLevel() {
        let yaml = variant([("author: Priya Shah\n", "author: Priya Shah\nteam: North\n"),
                            ("      age: 30\n", "      age: 30\n      dbs_checked: true\n"),
                            ("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  top_up: 10.00\n")])
        let found = expectFires(.unknownField, in: yaml, at: "team: North", count: 3)
        #expect(found.map(\.position?.line) == [line(of: "team:", in: yaml), line(of: "dbs_checked:", in: yaml),
                                                 line(of: "top_up:", in: yaml)])
    }

    @Test func duplicateIDPointsAtEachLaterUse() {
        let yaml = variant([("  - id: N2\n", "  - id: N1\n"), ("  - id: N3\n", "  - id: N1\n")])
        let found = expectFires(.duplicateID, in: yaml, count: 2)
        #expect(found.map(\.position?.line) == [line(of: "N1\n    area: nutrition", in: yaml),
                                                 line(of: "N1\n    area: habitable-home", in: yaml)])
    }

    @Test func idsNeedOnlyBeUniqueWithinTheirList() {
        // plan-format.md: ids are "unique within their list"; a support may reuse an outcome's id.
        let yaml = variant([("  - id: S8\n", "  - id: O1\n")])
        expectQuiet(.duplicateID, in: yaml)
        #expect(check(yaml).findings.isEmpty, "\(check(yaml).findings)")
    }

    @Test func referenceUnknownInOutcomeNeedsAndSupportMeets() {
        let yaml = variant([("    needs: [N2]\n", "    needs: [N2, N9]\n"), ("meets: [N1, O1]", "meets: [N1, O7]")])
        let found = expectFires(.referenceUnknown, in: yaml, count: 2)
        #expect(found.map(\.position) == [position(of: "N9", in: yaml), position(of: "O7", in: yaml)])
    }
}
