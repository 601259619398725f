/// The shared fixture of the per-rule tests: one small plan (format `supportplan/1`) that
/// checks with no findings at all under `Policy.standard`, and helpers that make variants of
/// it by exact text edits and pick out one rule's findings.
///
/// Costing of the base plan (52 weeks, every paid line funded by the council, so all counted):
///   S1 PA 13.00 × 16 h × 52 = 10,816.00   S2 holiday cover 1,170.00   S3 employer NI 40 × 12 = 480.00
///   S4 pension 11.44 × 12 = 137.28        S5 EL insurance 90.00        S6 payroll 13.56 × 12 = 162.72
///   S7 agency 23.50 × 2 h × 52 = 2,444.00                              total 15,300.00 a year
/// The employer model: NI 15% × (10,816.00 − 5,000.00) = 872.40, all covered by the Employment
/// Allowance the plan claims (so S3 is more than needed); pension 3% × (10,816.00 − 6,240.00) =
/// 137.28; holiday cover 5.6 × 16 h × 13.00 = 1,164.80 (S2 gives 1,170.00).
/// `final` is 16,000.00 (700.00 unplanned, 4.4%). The fixture's policy adds a test row of the
/// minimum wage from 2027-04-01 (the 2026 figures again) so the PA's year is covered. The plan starts on 2027-01-04 (S1's start):
/// the first review may be as late as 2027-03-01 (56 days) and the next as late as 2028-01-04.
import Testing
@testable import PlanCore

/// One exact text edit: every occurrence of `from` becomes `to`.
struct PlanEdit: Sendable, CustomStringConvertible {
    var from: String
    var to: String
    init(_ from: String, _ to: String) {
        self.from = from
        self.to = to
    }
    var description: String { "\(from.debugDescription) → \(to.debugDescription)" }
}

enum RuleFixture {
    /// The standard policy with a test row of the minimum wage from 2027-04-01 (the 2026/27
    /// figures repeated, not a published rate) so `wage-table-ends` is quiet for the base plan.
    static let policy: Policy = {
        var p = Policy.standard
        p.wageTable.append(WageRow(from: PlanDate(year: 2027, month: 4, day: 1)!, adult: Money(pence: 1271),
                                   youth: Money(pence: 1085), underEighteen: Money(pence: 800)))
        return p
    }()

    static let header = """
        format: supportplan/1
        id: TS-2026-0001
        version: 1
        status: draft
        jurisdiction: england
        created: 2026-11-16
        updated: 2026-11-30
        author: Priya Shah

        person:
          name: Alex Morgan
          preferred_name: Alex
          date_of_birth: 2001-05-20
          communication: |
            Short sentences, please. Send me a text the day before.
          lives_with: my dad

        planned_with:
          - name: Alex Morgan
            role: person
          - name: Priya Shah
            role: planner

        capacity:
          has_capacity: true
          substantial_difficulty: false
          advocate: ""
          appropriate_person: ""
          best_interests: ""
          authorised_person: ""

        about_me: |
          I am Alex. I like football, music and my cat.
        important_to_me:
          - Going to the football on Saturdays
        important_for_me:
          - Taking my tablets on time

        """

    static let needsBlock = """
        needs:
          - id: N1
            area: community-services
            description: Cannot use buses alone yet.
            eligible: true
            unable_because: [needs-help, pain-distress-anxiety]
          - id: N2
            area: nutrition
            description: Cannot plan or cook a meal alone.
            eligible: true
            unable_because: [needs-help]
          - id: N3
            area: habitable-home
            description: Needs a reminder to tidy up, then does it.
            eligible: false

        """

    static let outcomesBlock = """
        outcomes:
          - id: O1
            text: I want to go into town and to the football with my PA.
            wellbeing: [control-over-day-to-day-life, work-education-training-recreation]
            needs: [N1]
          - id: O2
            text: I want to learn to cook three meals I like.
            wellbeing: [physical-mental-health]
            needs: [N2]

        """

    static let supportsBlock = """
        supports:
          - id: S1
            what: Lewis, my PA, for town, buses and football
            kind: pa
            provider: Lewis Carter (I employ him)
            funding: council
            management: direct-payment
            rate: 13.00
            unit: hour
            quantity: 16
            per: week
            start: 2027-01-04
            meets: [N1, O1]
            pa:
              age: 30
              regular_hours: true
              relative_in_household: false
              necessary_exception: ""
          - id: S2
            what: Holiday cover for Lewis, 5.6 weeks of his hours
            kind: on-cost
            on_cost: holiday-cover
            funding: council
            management: direct-payment
            rate: 1170.00
            unit: item
            quantity: 1
            per: year
          - id: S3
            what: Employer's National Insurance for Lewis
            kind: on-cost
            on_cost: employer-ni
            funding: council
            management: direct-payment
            rate: 40.00
            unit: item
            per: month
          - id: S4
            what: Workplace pension for Lewis
            kind: on-cost
            on_cost: pension
            funding: council
            management: direct-payment
            rate: 11.44
            unit: item
            per: month
          - id: S5
            what: Employer's liability insurance
            kind: on-cost
            on_cost: el-insurance
            funding: council
            management: direct-payment
            rate: 90.00
            unit: item
            per: year
          - id: S6
            what: Payroll service for Lewis's payslips
            kind: on-cost
            on_cost: payroll
            funding: council
            management: direct-payment
            rate: 13.56
            unit: item
            per: month
          - id: S7
            what: Cooking practice at home with a support worker
            kind: agency
            provider: Brightcare Ltd
            funding: council
            management: managed-account
            rate: 23.50
            unit: hour
            quantity: 2
            per: week
            start: 2027-01-11
            meets: [N2, O2]
          - id: S8
            what: Dad helps me with the weekly shop
            kind: informal
            provider: Tom Morgan (dad)
            funding: none
            management: not-applicable
            meets: [N2]

        """

    static let budgetBlock = """
        budget:
          weeks_per_year: 52
          indicative: 15500.00
          final: 16000.00
          person_contribution: 1000.00
          council_contribution: 15000.00
          justification: |
            The first amount did not include the PA's employer costs.
          payment: four-weekly
          employment_allowance: true
          reserve_weeks: 4

        """

    static let contingencyBlock = """
        contingency:
          - when: Lewis is ill or on holiday
            then: Brightcare sends a worker at 48 hours' notice, and dad steps in.

        """

    static let footer = """
        risks:
          - risk: Alex may get lost in town.
            mitigation: Travel training one route at a time with Lewis.
            accepted_by_person: false

        \(contingencyBlock)advice:
          meet_or_reduce: Told Alex about the free travel training scheme.
          prevent_or_delay: Told dad about his right to a carer's assessment.

        safeguarding: none

        agreement:
          status: agreed
          date: 2026-11-30
          person_words: |
            I am happy with my plan.
          copy_to: [Alex Morgan]

        review:
          first: 2027-02-15
          next: 2027-11-16

        """

    /// The base plan: zero findings of any severity under `Policy.standard`.
    static let base = header + needsBlock + outcomesBlock + supportsBlock + budgetBlock + footer

    /// The anchor before which `insertingSupport` puts a new support line (the informal line S8).
    static let lastSupportAnchor = "  - id: S8\n"

    /// A care-home short-break line managed as a direct payment (a new S9), to insert.
    static func careHomeLine(unit: String = "night", quantity: String = "28", per: String = "year",
                             management: String = "direct-payment") -> String {
        """
          - id: S9
            what: Short break at Oak House
            kind: care-home
            provider: Oak House
            funding: council
            management: \(management)
            rate: 120.00
            unit: \(unit)
            quantity: \(quantity)
            per: \(per)
            meets: [O1]

        """
    }
}

/// Helpers for tests about rules. A suite conforms to use them without a prefix.
protocol RuleTesting {}

extension RuleTesting {
    var base: String { RuleFixture.base }

    /// The base plan (or `text`) with each edit applied in turn: every occurrence of `from`
    /// becomes `to`. An edit whose `from` is not in the text records a test failure, so a test
    /// can never pass on an edit that did nothing.
    func variant(_ edits: [(String, String)], of text: String = RuleFixture.base,
                 sourceLocation: SourceLocation = #_sourceLocation) -> String {
        apply(edits.map { PlanEdit($0.0, $0.1) }, to: text, sourceLocation: sourceLocation)
    }

    func apply(_ edits: [PlanEdit], to text: String = RuleFixture.base,
               sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var out = text
        for e in edits {
            guard !e.from.isEmpty, out.contains(e.from) else {
                Issue.record("edit does nothing, the text is not in the plan: \(e)", sourceLocation: sourceLocation)
                continue
            }
            out = out.replacing(e.from, with: e.to)
        }
        return out
    }

    /// The base plan with `line` inserted as a support line before S8 (plus other edits).
    func insertingSupport(_ line: String, _ edits: [(String, String)] = [],
                          sourceLocation: SourceLocation = #_sourceLocation) -> String {
        variant([(RuleFixture.lastSupportAnchor, line + RuleFixture.lastSupportAnchor)] + edits,
                sourceLocation: sourceLocation)
    }

    func check(_ yaml: String, policy: Policy = RuleFixture.policy) -> CheckResult {
        Checker.check(text: yaml, file: "plan.yaml", policy: policy)
    }

    /// The findings of one rule when `yaml` is checked.
    func findings(of rule: RuleID, in yaml: String, policy: Policy = RuleFixture.policy) -> [Finding] {
        check(yaml, policy: policy).findings.filter { $0.rule == rule }
    }

    func fires(_ rule: RuleID, in yaml: String, policy: Policy = RuleFixture.policy) -> Bool {
        !findings(of: rule, in: yaml, policy: policy).isEmpty
    }

    /// The 1-based line where `needle` (which may span lines) starts; it must occur exactly once.
    func line(of needle: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let hits = text.ranges(of: needle)
        guard hits.count == 1, let hit = hits.first else {
            Issue.record("'\(needle)' occurs \(hits.count) times in the plan, not once", sourceLocation: sourceLocation)
            return nil
        }
        return text[..<hit.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// The 1-based line and column where `needle` starts; it must occur exactly once.
    func position(of needle: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Position? {
        guard let line = line(of: needle, in: text, sourceLocation: sourceLocation),
              let hit = text.ranges(of: needle).first else { return nil }
        let lineStart = text[..<hit.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return Position(line: line, column: text[lineStart..<hit.lowerBound].count + 1)
    }

    /// Expects `rule` to fire exactly `count` times (default once) with the spec's severity,
    /// the first finding on the line where `anchor` starts. Returns the findings.
    @discardableResult
    func expectFires(_ rule: RuleID, in yaml: String, at anchor: String? = nil, count: Int? = 1,
                     policy: Policy = RuleFixture.policy,
                     sourceLocation: SourceLocation = #_sourceLocation) -> [Finding] {
        let found = findings(of: rule, in: yaml, policy: policy)
        if let count {
            #expect(found.count == count, "\(rule.rawValue): \(found)", sourceLocation: sourceLocation)
        } else {
            #expect(!found.isEmpty, "\(rule.rawValue) did not fire", sourceLocation: sourceLocation)
        }
        for f in found {
            #expect(f.severity == SpecTable.severity[rule.rawValue], "\(f)", sourceLocation: sourceLocation)
            #expect(f.position != nil, "\(f) has no position", sourceLocation: sourceLocation)
            #expect(!f.message.isEmpty && !f.plain.isEmpty, "\(f)", sourceLocation: sourceLocation)
        }
        if let anchor, let first = found.first, let expected = line(of: anchor, in: yaml, sourceLocation: sourceLocation) {
            #expect(first.position?.line == expected, "\(first) should be at line \(expected)",
                    sourceLocation: sourceLocation)
        }
        return found
    }

    func expectQuiet(_ rule: RuleID, in yaml: String, policy: Policy = RuleFixture.policy,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let found = findings(of: rule, in: yaml, policy: policy)
        #expect(found.isEmpty, "\(rule.rawValue) fired: \(found)", sourceLocation: sourceLocation)
    }
}

/// The rule ids and severities exactly as `shared/spec/rules.md` lists them, kept apart from
/// `RuleID` so that the tests check the code against the spec, not against itself.
enum SpecTable {
    static let severity: [String: Severity] = [
        // Reading the file
        "syntax": .error, "format-unsupported": .error, "field-invalid": .error, "money-invalid": .error,
        "date-invalid": .error, "unknown-field": .warning, "duplicate-id": .error, "reference-unknown": .error,
        // Needs and outcomes
        "needs-missing": .error, "need-eligibility-missing": .error, "eligible-need-unmet": .error,
        "outcome-missing": .error, "outcome-wellbeing-missing": .warning, "outcome-unsupported": .warning,
        "support-unlinked": .error, "unable-reason-missing": .warning,
        // Budget and costs
        "budget-missing": .error, "budget-parts-mismatch": .error, "over-budget": .error, "underspend": .warning,
        "above-indicative-unjustified": .warning, "authorisation-level": .info, "budget-cut-unexplained": .error,
        "reserve-over-limit": .warning, "one-off-recurring-period": .error, "one-off-authorisation": .warning,
        "person-funding-exceeds-contribution": .warning,
        // Direct payments and personal assistants
        "dp-payment-missing": .error, "dp-authorised-person-missing": .error, "dp-relative-in-household": .error,
        "dp-residential-care": .error, "not-allowed-item": .warning, "pa-below-minimum-wage": .error,
        "pa-el-insurance-missing": .error, "pa-oncosts-missing": .warning, "pa-pension-missing": .warning,
        "pa-date-of-birth-missing": .warning, "pa-ni-understated": .error, "pa-pension-understated": .error,
        "pa-holiday-cover-understated": .warning, "wage-table-ends": .warning, "authorised-person-basis": .warning,
        // Safety, rights and process
        "advice-missing": .error, "involvement-missing": .error, "agreement-missing": .error,
        "disagreement-words-missing": .warning, "contingency-missing": .error, "risk-unmanaged": .warning,
        "review-missing": .error, "review-over-12-months": .error, "first-review-late": .warning,
        "best-interests-missing": .error, "advocate-missing": .error, "top-up-not-accommodation": .error,
        "top-up-meets-eligible-need": .error, "jargon": .info,
        // Money in use (issue 18)
        "spend-unplanned": .warning, "spend-line-over": .warning, "spend-surplus": .warning,
        "spend-runs-out": .error, "spend-line-unpaid": .warning, "spend-statement-gap": .error, "spend-forecast-unknown": .error,
        // At sign-off
        "warnings-unacknowledged": .error, "approver-is-author": .warning, "signer-level-too-low": .error,
        "signed-plan-changed": .error,
        "signature-claim-mismatch": .error,
    ]
    static let signOff: Set<String> = [
        "warnings-unacknowledged", "approver-is-author", "signer-level-too-low", "signed-plan-changed", "signature-claim-mismatch",
    ]
    static let spend: Set<String> = [
        "spend-unplanned", "spend-line-over", "spend-surplus", "spend-runs-out", "spend-line-unpaid",
        "spend-statement-gap", "spend-forecast-unknown",
    ]
    static let reading: Set<String> = [
        "syntax", "format-unsupported", "field-invalid", "money-invalid", "date-invalid", "unknown-field",
        "duplicate-id", "reference-unknown",
    ]
}
