/// Thresholds from the store's policy (`config.yaml`, *(config)* in `shared/spec/rules.md`) and
/// acknowledged warnings (`acknowledged:`; errors can never be acknowledged).
import Testing
@testable import PlanCore

@Suite("Rules: local policy")
struct RulePolicyTests: RuleTesting {
    @Test func underspendPercentComesFromPolicy() {
        // The base plan leaves 700.00 of 16,000.00 unplanned: 4.375%.
        var policy = Policy.standard
        policy.underspendPercent = Hundredths(hundredths: 438)   // 4.38%
        expectQuiet(.underspend, in: base, policy: policy)
        policy.underspendPercent = Hundredths(hundredths: 437)   // 4.37%
        let found = expectFires(.underspend, in: base, at: "final: 16000.00", policy: policy)
        #expect(found.first?.message.contains("4.37") == true, "\(found)")
        // And a looser policy keeps quiet where the standard one fires.
        policy.underspendPercent = Hundredths(whole: 15)
        let elevenPercent = variant([("final: 16000.00", "final: 17200.00"), ("council_contribution: 15000.00", "council_contribution: 16200.00")])
        expectFires(.underspend, in: elevenPercent)
        expectQuiet(.underspend, in: elevenPercent, policy: policy)
    }

    @Test func reserveWeeksLimitComesFromPolicy() {
        var policy = Policy.standard
        policy.reserveWeeksLimit = Hundredths(whole: 3)
        expectFires(.reserveOverLimit, in: base, at: "reserve_weeks: 4", policy: policy)
        policy.reserveWeeksLimit = Hundredths(whole: 12)
        expectQuiet(.reserveOverLimit, in: variant([("reserve_weeks: 4", "reserve_weeks: 10")]), policy: policy)
    }

    @Test func notAllowedWordsComeFromPolicy() {
        var policy = Policy.standard
        policy.notAllowed = ["cooking practice"]
        let bought = variant([("kind: agency\n", "kind: other\n"), ("unit: hour\n    quantity: 2", "unit: item\n    quantity: 2")])
        let found = expectFires(.notAllowedItem, in: bought, at: "what: Cooking practice", policy: policy)
        #expect(found.first?.message.contains("cooking practice") == true)
        // Without "rent" in the list, rent is allowed.
        let rent = variant([("what: Cooking practice at home with a support worker", "what: Rent arrears"),
                            ("kind: agency\n", "kind: other\n"), ("unit: hour\n    quantity: 2", "unit: item\n    quantity: 2")])
        expectFires(.notAllowedItem, in: rent)
        expectQuiet(.notAllowedItem, in: rent, policy: policy)
    }

    @Test func aWageRowAddedToThePolicyApplies() throws {
        var policy = Policy.standard
        let from = try #require(PlanDate("2027-06-01"))
        policy.wageTable.append(WageRow(from: from, adult: Money(pence: 1301), youth: Money(pence: 1100),
                                        underEighteen: Money(pence: 850)))
        // £13.00 from 2027-01-04: lawful at the start, below £13.01 from 2027-06-01, within the first year.
        let found = expectFires(.paBelowMinimumWage, in: base, at: "rate: 13.00", policy: policy)
        #expect(found.first?.message.contains("2027-06-01") == true, "\(found)")
        expectQuiet(.paBelowMinimumWage, in: variant([("rate: 13.00", "rate: 13.01")]), policy: policy)
        // The line ending before the new row is not affected.
        expectQuiet(.paBelowMinimumWage, in: variant([("start: 2027-01-04", "start: 2027-01-04\n    end: 2027-05-31")]), policy: policy)
    }

    @Test func signerLevelsComeFromPolicy() {
        var policy = Policy.standard
        policy.signerLevels = [SignerLevel(name: "senior-practitioner", upTo: Money(pence: 1_500_000)),
                               SignerLevel(name: "team-manager", upTo: nil)]
        let found = expectFires(.authorisationLevel, in: base, at: "final: 16000.00", policy: policy)
        #expect(found.first?.message.contains("team-manager") == true, "\(found)")
        policy.signerLevels[0].upTo = Money(pence: 1_600_000)
        expectQuiet(.authorisationLevel, in: base, policy: policy)
    }

    @Test func jargonListComesFromPolicy() {
        var policy = Policy.standard
        policy.jargon = [JargonTerm("football", "the match")]
        let found = expectFires(.jargon, in: base, at: "about_me:", count: 3, policy: policy)
        #expect(found.first?.message.contains("the match") == true)
        expectQuiet(.jargon, in: variant([("I like football, music and my cat.", "I like my personal budget.")]),
                    policy: Policy.standard.adjusted { $0.jargon = [] })
    }
}

@Suite("Rules: acknowledged warnings")
struct RuleAcknowledgementTests: RuleTesting {
    func acknowledging(_ rules: [String], in yaml: String) -> String {
        yaml + "acknowledged:\n" + rules.map { "  - rule: \($0)\n    reason: Agreed with Alex at the visit.\n" }.joined()
    }

    /// Underspent by more than 10% and over the reserve limit: two warnings.
    var warned: String {
        variant([("final: 16000.00", "final: 17500.00"), ("council_contribution: 15000.00", "council_contribution: 16500.00"),
                 ("reserve_weeks: 4", "reserve_weeks: 9")])
    }

    @Test func anAcknowledgedWarningIsReportedAndMarked() throws {
        let result = check(acknowledging(["underspend"], in: warned))
        let underspend = try #require(result.findings.first { $0.rule == .underspend })
        #expect(underspend.acknowledged)
        let reserve = try #require(result.findings.first { $0.rule == .reserveOverLimit })
        #expect(!reserve.acknowledged)
        #expect(result.unacknowledgedWarnings == 1)
        #expect(result.acknowledgedCount == 1)
        #expect(!result.findings.contains { $0.rule == .fieldInvalid })
    }

    @Test func anErrorListedAsAcknowledgedStaysUnacknowledged() throws {
        let yaml = acknowledging(["over-budget", "underspend"],
                                 in: variant([("final: 16000.00", "final: 15000.00"), ("council_contribution: 15000.00", "council_contribution: 14000.00")]))
        let over = try #require(findings(of: .overBudget, in: yaml).first)
        #expect(!over.acknowledged)
        #expect(over.severity == .error)
    }

    @Test func infoCanBeAcknowledged() throws {
        let yaml = acknowledging(["jargon"], in: variant([("I like football, music and my cat.", "I like my personal budget.")]))
        let f = try #require(findings(of: .jargon, in: yaml).first)
        #expect(f.acknowledged)
    }

    @Test func acknowledgementWithoutAReasonDoesNotCount() {
        let yaml = warned + "acknowledged:\n  - rule: underspend\n    reason: \"\"\n"
        #expect(findings(of: .underspend, in: yaml).allSatisfy { !$0.acknowledged })
        expectFires(.fieldInvalid, in: yaml, at: "- rule: underspend")
    }

    @Test func acknowledgingAnUnknownRuleIsFieldInvalid() {
        let yaml = acknowledging(["underspent"], in: warned)
        let found = expectFires(.fieldInvalid, in: yaml, at: "rule: underspent")
        #expect(found.first?.message.contains("underspend") == true)
        #expect(findings(of: .underspend, in: yaml).allSatisfy { !$0.acknowledged })
    }

    @Test func applyAcknowledgementsMarksOnlyWarningsAndInfoWithAReason() {
        var plan = Plan()
        plan.acknowledged = [Acknowledgement(rule: "underspend", reason: "Saving for a holiday."),
                             Acknowledgement(rule: "over-budget", reason: "We know."),
                             Acknowledgement(rule: "jargon", reason: "Alex's own words."),
                             Acknowledgement(rule: "risk-unmanaged", reason: nil)]
        let input = [RuleID.underspend, .overBudget, .jargon, .riskUnmanaged, .reserveOverLimit, .budgetMissing]
            .map { Finding($0, path: "budget.final", message: "m", plain: "p") }
        let out = Validator.applyAcknowledgements(input, plan)
        #expect(out.map(\.rule) == input.map(\.rule))
        #expect(out.map(\.acknowledged) == [true, false, true, false, false, false])
        // Nothing else about a finding changes.
        #expect(out.map(\.severity) == input.map(\.severity))
        #expect(out.map(\.path) == input.map(\.path))
    }

    @Test func applyAcknowledgementsClearsAStaleMark() {
        var f = Finding(.underspend, path: "budget.final", message: "m", plain: "p")
        f.acknowledged = true
        #expect(Validator.applyAcknowledgements([f], Plan()).map(\.acknowledged) == [false])
        var e = Finding(.overBudget, path: "budget.final", message: "m", plain: "p")
        e.acknowledged = true
        var plan = Plan()
        plan.acknowledged = [Acknowledgement(rule: "over-budget", reason: "r")]
        #expect(Validator.applyAcknowledgements([e], plan).map(\.acknowledged) == [false])
    }
}

extension Policy {
    func adjusted(_ change: (inout Policy) -> Void) -> Policy {
        var p = self
        change(&p)
        return p
    }
}
