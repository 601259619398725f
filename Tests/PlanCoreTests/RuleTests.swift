/// Every `check`-stage and reading rule fires on a variant of the clean fixture plan, with the
/// spec's severity and at the line of the offending key or value; a meta-test makes sure no
/// rule is left without such a case. Near misses and edges are in the other `Rule*Tests` files.
import Testing
@testable import PlanCore

/// One variant of the base plan that must make `rule` fire once, on the line where `at` starts.
struct FiringCase: Sendable, CustomTestStringConvertible {
    var rule: RuleID
    var note: String
    var edits: [PlanEdit]
    /// A unique piece of the variant's text; the finding must be on the line where it starts.
    var at: String

    init(_ rule: RuleID, _ note: String, _ edits: [PlanEdit], at: String) {
        self.rule = rule
        self.note = note
        self.edits = edits
        self.at = at
    }

    var testDescription: String { "\(rule.rawValue): \(note)" }
}

private func e(_ from: String, _ to: String) -> PlanEdit { PlanEdit(from, to) }
private let insertAt = RuleFixture.lastSupportAnchor

let firingCases: [FiringCase] = [
    // Reading the file
    FiringCase(.syntax, "a second colon in a plain value",
               [e("  payment: four-weekly\n", "  payment: four-weekly: monthly\n")], at: "payment: four-weekly: monthly"),
    FiringCase(.formatUnsupported, "format version 2",
               [e("format: supportplan/1", "format: supportplan/2")], at: "format: supportplan/2"),
    FiringCase(.fieldInvalid, "a kind that is not one of the words",
               [e("kind: agency\n", "kind: agencyy\n")], at: "kind: agencyy"),
    FiringCase(.moneyInvalid, "three decimals in a rate",
               [e("rate: 23.50", "rate: 23.505")], at: "rate: 23.505"),
    FiringCase(.dateInvalid, "30 February",
               [e("start: 2027-01-11", "start: 2027-02-30")], at: "start: 2027-02-30"),
    FiringCase(.unknownField, "a mistyped key",
               [e("    provider: Brightcare Ltd", "    providr: Brightcare Ltd")], at: "providr:"),
    FiringCase(.duplicateID, "two supports called S1",
               [e("- id: S7\n", "- id: S1\n")], at: "- id: S1\n    what: Cooking"),
    FiringCase(.referenceUnknown, "meets an outcome that does not exist",
               [e("meets: [N2, O2]", "meets: [N2, O9]")], at: "meets: [N2, O9]"),
    // Needs and outcomes
    FiringCase(.needsMissing, "needs: []",
               [e(RuleFixture.needsBlock, "needs: []\n\n"),
                e("needs: [N1]", "needs: []"), e("needs: [N2]", "needs: []"),
                e("meets: [N1, O1]", "meets: [O1]"), e("meets: [N2, O2]", "meets: [O2]"), e("meets: [N2]", "meets: [O2]")],
               at: "needs: []\n\noutcomes:"),
    FiringCase(.needEligibilityMissing, "N1 without eligible",
               [e("alone yet.\n    eligible: true\n", "alone yet.\n")], at: "- id: N1"),
    FiringCase(.eligibleNeedUnmet, "N1 met by nothing",
               [e("    needs: [N1]\n", "    needs: []\n"), e("meets: [N1, O1]", "meets: [O1]")], at: "- id: N1"),
    FiringCase(.outcomeMissing, "outcomes: []",
               [e(RuleFixture.outcomesBlock, "outcomes: []\n\n"),
                e("meets: [N1, O1]", "meets: [N1]"), e("meets: [N2, O2]", "meets: [N2]")], at: "outcomes: []"),
    FiringCase(.outcomeWellbeingMissing, "O2 with wellbeing: []",
               [e("wellbeing: [physical-mental-health]", "wellbeing: []")], at: "- id: O2"),
    FiringCase(.outcomeUnsupported, "nothing works towards O2",
               [e("meets: [N2, O2]", "meets: [N2]")], at: "- id: O2"),
    FiringCase(.supportUnlinked, "the agency line meets nothing",
               [e("meets: [N2, O2]", "meets: []")], at: "- id: S7"),
    FiringCase(.unableReasonMissing, "N2 with unable_because: []",
               [e("unable_because: [needs-help]\n", "unable_because: []\n")], at: "- id: N2"),
    // Budget and costs
    FiringCase(.budgetMissing, "no final",
               [e("  final: 16000.00\n", "")], at: "budget:"),
    FiringCase(.budgetPartsMismatch, "parts a penny short",
               [e("council_contribution: 15000.00", "council_contribution: 14999.99")], at: "final: 16000.00"),
    FiringCase(.overBudget, "final a penny below the counted cost",
               [e("final: 16000.00", "final: 15299.99"), e("council_contribution: 15000.00", "council_contribution: 14299.99")],
               at: "final: 15299.99"),
    FiringCase(.underspend, "a penny more than 10% unplanned",
               [e("final: 16000.00", "final: 17000.01"), e("council_contribution: 15000.00", "council_contribution: 16000.01")],
               at: "final: 17000.01"),
    FiringCase(.aboveIndicativeUnjustified, "no justification",
               [e("  justification: |\n    The first amount did not include the PA's employer costs.\n", "")], at: "budget:"),
    FiringCase(.authorisationLevel, "a penny above the team manager's £25,000",
               [e("final: 16000.00", "final: 25000.01"), e("council_contribution: 15000.00", "council_contribution: 24000.01"),
                e("indicative: 15500.00", "indicative: 25000.01")],
               at: "final: 25000.01"),
    FiringCase(.budgetCutUnexplained, "final below previous_final, no change_reason",
               [e("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  previous_final: 16500.00\n")], at: "budget:"),
    FiringCase(.reserveOverLimit, "8.01 weeks",
               [e("reserve_weeks: 4", "reserve_weeks: 8.01")], at: "reserve_weeks: 8.01"),
    FiringCase(.oneOffRecurringPeriod, "a weekly unit costed once",
               [e("rate: 90.00\n    unit: item\n    per: year", "rate: 90.00\n    unit: week\n    per: once")],
               at: "per: once"),
    // Direct payments and personal assistants
    FiringCase(.dpPaymentMissing, "no budget.payment",
               [e("  payment: four-weekly\n", "")], at: "budget:"),
    FiringCase(.dpAuthorisedPersonMissing, "lacks capacity, no authorised person",
               [e("has_capacity: true", "has_capacity: false"), e("best_interests: \"\"", "best_interests: Recorded.")],
               at: "authorised_person:"),
    FiringCase(.dpRelativeInHousehold, "a relative in the household, no exception",
               [e("relative_in_household: false", "relative_in_household: true")], at: "necessary_exception:"),
    FiringCase(.dpResidentialCare, "29 nights a year in a care home",
               [e(insertAt, RuleFixture.careHomeLine(quantity: "29") + insertAt)], at: "- id: S9"),
    FiringCase(.notAllowedItem, "rent, bought",
               [e("what: Cooking practice at home with a support worker", "what: Rent arrears"),
                e("kind: agency\n", "kind: other\n"), e("unit: hour\n    quantity: 2", "unit: item\n    quantity: 2")],
               at: "what: Rent arrears"),
    FiringCase(.paBelowMinimumWage, "a penny below £12.71",
               [e("rate: 13.00", "rate: 12.70")], at: "rate: 12.70"),
    FiringCase(.paELInsuranceMissing, "no el-insurance line",
               [e("on_cost: el-insurance", "on_cost: training")], at: "- id: S1"),
    FiringCase(.paOncostsMissing, "no payroll line",
               [e("on_cost: payroll", "on_cost: dbs")], at: "- id: S1"),
    FiringCase(.paPensionMissing, "no pension line, PA aged 30 costing £10,816",
               [e("on_cost: pension", "on_cost: training")], at: "- id: S1"),
    FiringCase(.paDateOfBirthMissing, "no age and no date of birth",
               [e("      age: 30\n", "")], at: "- id: S1"),
    FiringCase(.paNIUnderstated, "no allowance, NI line a penny a month",
               [e("employment_allowance: true", "employment_allowance: false"), e("rate: 40.00", "rate: 0.01")], at: "- id: S3"),
    FiringCase(.paPensionUnderstated, "pension line a penny a month",
               [e("rate: 11.44", "rate: 0.01")], at: "- id: S4"),
    FiringCase(.paHolidayCoverUnderstated, "holiday cover £1.01 short",
               [e("rate: 1170.00", "rate: 1163.79")], at: "- id: S2"),
    FiringCase(.wageTableEnds, "a budget period past the wage table",
               [e("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  period:\n    from: 2027-01-04\n    to: 2028-06-30\n")], at: "- id: S1"),
    FiringCase(.authorisedPersonBasis, "an authorised person with no basis",
               [e("authorised_person: \"\"", "authorised_person: Tom Morgan")], at: "authorised_person: Tom Morgan"),
    FiringCase(.personFundingExceedsContribution, "the agency line paid by the person",
               [e("funding: council\n    management: managed-account", "funding: person\n    management: managed-account")],
               at: "person_contribution: 1000.00"),
    FiringCase(.oneOffAuthorisation, "a £1,000.01 one-off",
               [e(insertAt, "  - id: S9\n    what: A hoist\n    kind: equipment\n    funding: council\n    management: council-managed\n    rate: 1000.01\n    unit: item\n    per: once\n    meets: [N2]\n" + insertAt)],
               at: "rate: 1000.01"),
    // Safety, rights and process
    FiringCase(.adviceMissing, "meet_or_reduce empty",
               [e("meet_or_reduce: Told Alex about the free travel training scheme.", "meet_or_reduce: \"\"")],
               at: "advice:"),
    FiringCase(.involvementMissing, "the person is not in planned_with",
               [e("    role: person\n", "    role: family\n")], at: "planned_with:"),
    FiringCase(.agreementMissing, "not-yet",
               [e("status: agreed", "status: not-yet")], at: "status: not-yet"),
    FiringCase(.disagreementWordsMissing, "partly agreed, no words",
               [e("status: agreed", "status: partly-agreed"),
                e("person_words: |\n    I am happy with my plan.\n", "person_words: ~\n")], at: "person_words: ~"),
    FiringCase(.contingencyMissing, "contingency: []",
               [e(RuleFixture.contingencyBlock, "contingency: []\n\n")], at: "contingency: []"),
    FiringCase(.riskUnmanaged, "a risk with no mitigation, not accepted",
               [e("mitigation: Travel training one route at a time with Lewis.", "mitigation: \"\"")],
               at: "- risk: Alex may get lost"),
    FiringCase(.reviewMissing, "no review.next",
               [e("  next: 2027-11-16\n", "")], at: "review:"),
    FiringCase(.reviewOver12Months, "a day past 12 months",
               [e("next: 2027-11-16", "next: 2028-01-05")], at: "next: 2028-01-05"),
    FiringCase(.firstReviewLate, "57 days after the start",
               [e("first: 2027-02-15", "first: 2027-03-02")], at: "first: 2027-03-02"),
    FiringCase(.bestInterestsMissing, "lacks capacity, no best-interests record",
               [e("has_capacity: true", "has_capacity: false"), e("authorised_person: \"\"", "authorised_person: Tom Morgan")],
               at: "best_interests:"),
    FiringCase(.advocateMissing, "substantial difficulty, nobody named",
               [e("substantial_difficulty: false", "substantial_difficulty: true")], at: "  advocate: \"\""),
    FiringCase(.topUpNotAccommodation, "a top-up on an agency line",
               [e("funding: council\n    management: managed-account", "funding: top-up\n    management: managed-account")],
               at: "funding: top-up"),
    FiringCase(.topUpMeetsEligibleNeed, "N2 met only by a top-up line",
               [e("funding: council\n    management: managed-account", "funding: top-up\n    management: managed-account"),
                e("meets: [N2]\n", "meets: [O1]\n")], at: "- id: N2"),
    FiringCase(.jargon, "'personal budget' in about_me",
               [e("I like football, music and my cat.", "I like football and my personal budget.")], at: "about_me:"),
]

@Suite("Rules: the fixture and every rule firing")
struct RuleTests: RuleTesting {
    @Test func basePlanHasNoFindingsAtAll() throws {
        let result = check(base)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description).joined(separator: "\n"))")
        #expect(!result.unreadable)
        #expect(result.plan != nil)
        let totals = try #require(result.totals)
        #expect(totals.countedAgainstBudgetPence == 1_530_000)
        #expect(totals.recurringAnnualPence == 1_530_000)
        #expect(totals.budgetFinalPence == 1_600_000)
        #expect(totals.remainingPence == 70_000)
    }

    @Test func ruleIDsAreExactlyTheSpecsWithTheSpecsSeverities() {
        #expect(Set(RuleID.allCases.map(\.rawValue)) == Set(SpecTable.severity.keys))
        for rule in RuleID.allCases {
            #expect(rule.severity == SpecTable.severity[rule.rawValue], "\(rule.rawValue)")
            #expect((rule.stage == .signOff) == SpecTable.signOff.contains(rule.rawValue), "\(rule.rawValue)")
            #expect((rule.stage == .reading) == SpecTable.reading.contains(rule.rawValue), "\(rule.rawValue)")
            #expect((rule.stage == .spend) == SpecTable.spend.contains(rule.rawValue), "\(rule.rawValue)")
        }
    }

    @Test(arguments: firingCases)
    func ruleFires(_ c: FiringCase) {
        let yaml = apply(c.edits)
        #expect(yaml != base)
        expectFires(c.rule, in: yaml, at: c.at)
        if c.rule != .syntax {
            expectQuiet(c.rule, in: base)
        }
    }

    /// Every rule `check` runs (all but the sign-off ones) has a case above that makes it fire.
    @Test func everyCheckRuleHasAFiringCase() {
        let checkRules = Set(RuleID.allCases.filter { $0.stage != .signOff && $0.stage != .spend })
        #expect(checkRules.count == SpecTable.severity.count - SpecTable.signOff.count - SpecTable.spend.count)
        var covered: Set<RuleID> = []
        for c in firingCases where fires(c.rule, in: apply(c.edits)) {
            covered.insert(c.rule)
        }
        #expect(covered == checkRules, "no firing case: \(checkRules.subtracting(covered).map(\.rawValue).sorted())")
        #expect(!firingCases.contains { $0.rule.stage == .signOff || $0.rule.stage == .spend })
    }

    /// The helpers fail a test rather than let it pass on an edit or anchor that did not apply.
    @Test func helpersRecordAnIssueForANoOpEditOrAnAmbiguousAnchor() {
        withKnownIssue("the edit's text is not in the plan") {
            _ = variant([("this text is not in the plan", "x")])
        }
        withKnownIssue("the anchor is on more than one line") {
            _ = line(of: "  - id: ", in: base)
        }
        #expect(line(of: "format: supportplan/1", in: base) == 1)
        #expect(position(of: "supportplan/1", in: base) == Position(line: 1, column: 9))
    }

    /// The base plan is silent on every rule (checked one by one, for a clear failure message).
    @Test(arguments: RuleID.allCases.filter { $0.stage != .signOff && $0.stage != .spend })
    func baseIsQuiet(_ rule: RuleID) {
        expectQuiet(rule, in: base)
    }

    /// Checking never leaves a finding without a place in the file.
    @Test func everyFiringCaseFindingHasALineAndColumn() {
        for c in firingCases {
            for f in check(apply(c.edits)).findings {
                #expect((f.position?.line ?? 0) >= 1 && (f.position?.column ?? 0) >= 1, "\(c.note): \(f)")
            }
        }
    }
}
