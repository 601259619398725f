/// Needs and outcomes, budget and costs: near misses and edges of each rule
/// (`shared/spec/rules.md`, including "Words every rule uses": Absent, Paid, Counted, Met).
import Testing
@testable import PlanCore

@Suite("Rules: needs and outcomes")
struct RuleNeedsTests: RuleTesting {
    /// Absent: a missing key, `null`/`~`, `""` and `[]` all read the same.
    @Test(arguments: ["eligible: ~", "eligible: null", "eligible: \"\"", ""])
    func needEligibilityMissingForEveryAbsentForm(_ absent: String) {
        let yaml = variant([("alone yet.\n    eligible: true\n", absent.isEmpty ? "alone yet.\n" : "alone yet.\n    \(absent)\n")])
        expectFires(.needEligibilityMissing, in: yaml, at: "- id: N1")
    }

    @Test func needMarkedNotEligibleIsMarked() {
        expectQuiet(.needEligibilityMissing, in: variant([("alone yet.\n    eligible: true\n", "alone yet.\n    eligible: false\n")]))
    }

    @Test func needsMissingWhenTheKeyIsAbsentIsAtLineOne() {
        let yaml = variant([(RuleFixture.needsBlock, "")])
        let found = expectFires(.needsMissing, in: yaml)
        #expect(found.first?.position?.line == 1)
    }

    @Test func eligibleNeedMetOnlyThroughAnOutcomeIsMet() {
        // S1 meets O1 only; O1's needs include N1.
        expectQuiet(.eligibleNeedUnmet, in: variant([("meets: [N1, O1]", "meets: [O1]")]))
    }

    @Test func eligibleNeedMetOnlyByUnpaidHelpIsMet() {
        // N2 is then met only by the informal line S8 (and N1 only by a free universal line).
        let universal = """
              - id: S9
                what: Free travel training scheme
                kind: universal
                funding: none
                meets: [N1]

            """
        let yaml = insertingSupport(universal, [("meets: [N2, O2]", "meets: [O1]"), ("    needs: [N2]\n", "    needs: []\n"),
                                                ("meets: [N1, O1]", "meets: [O1]"), ("    needs: [N1]\n", "    needs: []\n")])
        expectQuiet(.eligibleNeedUnmet, in: yaml)
        // Without S8 and S9 both needs are unmet: one finding each.
        let bare = variant([("meets: [N2]\n", "meets: [O2]\n"), ("meets: [N1]\n", "meets: [O1]\n")], of: yaml)
        expectFires(.eligibleNeedUnmet, in: bare, at: "- id: N1", count: 2)
    }

    @Test func needNotEligibleNeedNotBeMet() {
        // N3 (eligible: false) is met by nothing in the base plan; making it eligible makes it unmet.
        expectQuiet(.eligibleNeedUnmet, in: base)
        let yaml = variant([("tidy up, then does it.\n    eligible: false", "tidy up, then does it.\n    eligible: true\n    unable_because: [needs-help]")])
        expectFires(.eligibleNeedUnmet, in: yaml, at: "- id: N3")
    }

    @Test func unableReasonOnlyForEligibleNeeds() {
        expectQuiet(.unableReasonMissing, in: base)  // N3 is not eligible and has none
        expectFires(.unableReasonMissing, in: variant([("    unable_because: [needs-help]\n", "")]), at: "- id: N2")
        expectFires(.unableReasonMissing, in: variant([("unable_because: [needs-help]\n", "unable_because: ~\n")]), at: "- id: N2")
    }

    @Test func outcomeWithoutTheWellbeingKey() {
        expectFires(.outcomeWellbeingMissing, in: variant([("    wellbeing: [physical-mental-health]\n", "")]), at: "- id: O2")
    }

    @Test func outcomeSupportedByAnUnpaidLineIsSupported() {
        let yaml = variant([("meets: [N1, O1]", "meets: [N1]"), ("meets: [N2]\n", "meets: [N2, O1]\n")])
        expectQuiet(.outcomeUnsupported, in: yaml)
        expectFires(.outcomeUnsupported, in: variant([("meets: [N1, O1]", "meets: [N1]")]), at: "- id: O1")
    }

    @Test func onlyPaidLinesOtherThanOnCostsMustBeLinked() {
        // The on-cost lines S2–S6 have no meets in the base plan; the informal line may have none.
        expectQuiet(.supportUnlinked, in: base)
        expectQuiet(.supportUnlinked, in: variant([("meets: [N2]\n", "meets: []\n")]))
        // A line whose rate is absent is unpaid.
        let unpaid = variant([("rate: 23.50", "rate: ~"), ("meets: [N2, O2]", "meets: []")])
        expectQuiet(.supportUnlinked, in: unpaid)
        // The PA line is paid and not an on-cost line.
        expectFires(.supportUnlinked, in: variant([("    meets: [N1, O1]\n", "")]), at: "- id: S1")
    }
}

@Suite("Rules: budget and costs")
struct RuleBudgetTests: RuleTesting {
    func withFinal(_ final: String, council: String? = nil) -> String {
        variant([("final: 16000.00", "final: \(final)"),
                 ("council_contribution: 15000.00", "council_contribution: \(council ?? "15000.00")")])
    }

    @Test func budgetMissingForAbsentFinalButNotForUnreadableFinal() {
        expectFires(.budgetMissing, in: variant([("final: 16000.00", "final: ~")]), at: "final: ~")
        let unreadable = variant([("final: 16000.00", "final: lots")])
        expectQuiet(.budgetMissing, in: unreadable)
        expectFires(.moneyInvalid, in: unreadable, at: "final: lots")
    }

    @Test func partsMustAddUpToThePenny() {
        expectQuiet(.budgetPartsMismatch, in: variant([("final: 16000.00", "final: \"£16,000\""),
                                                       ("person_contribution: 1000.00", "person_contribution: 1000")]))
        expectFires(.budgetPartsMismatch, in: variant([("person_contribution: 1000.00", "person_contribution: 1000.01")]),
                    at: "final: 16000.00")
        expectFires(.budgetPartsMismatch, in: variant([("  council_contribution: 15000.00\n", "")]), at: "final: 16000.00")
    }

    @Test func overBudgetEdge() {
        // Counted cost is exactly 15,300.00.
        expectQuiet(.overBudget, in: withFinal("15300.00", council: "14300.00"))
        expectQuiet(.underspend, in: withFinal("15300.00", council: "14300.00"))
        let over = expectFires(.overBudget, in: withFinal("15299.99", council: "14299.99"), at: "final: 15299.99")
        #expect(over.first?.message.contains("£0.01") == true)
    }

    @Test func underspendAtExactlyTenPercentDoesNotFireJustOverDoes() {
        // 17,000.00 − 15,300.00 = 1,700.00: exactly 10%.
        expectQuiet(.underspend, in: withFinal("17000.00", council: "16000.00"))
        expectFires(.underspend, in: withFinal("17000.01", council: "16000.01"), at: "final: 17000.01")
    }

    @Test func onlyCouncilAndPersonFundedRecurringLinesAreCounted() {
        // The agency line (2,444.00) paid by the NHS is not counted: 12,856 of 16,000 is 19.7% unplanned.
        let nhs = variant([("funding: council\n    management: managed-account", "funding: nhs\n    management: managed-account")])
        expectFires(.underspend, in: nhs)
        #expect(check(nhs).totals?.countedAgainstBudgetPence == 1_285_600)
        #expect(check(nhs).totals?.recurringAnnualPence == 1_530_000)
        // Paid by the person, it is counted.
        let person = variant([("funding: council\n    management: managed-account", "funding: person\n    management: managed-account")])
        expectQuiet(.underspend, in: person)
        #expect(check(person).totals?.countedAgainstBudgetPence == 1_530_000)
    }

    @Test func oneOffLinesAreNeverCounted() {
        let oneOff = """
              - id: S9
                what: A new kettle tipper
                kind: equipment
                funding: council
                management: council-managed
                rate: 900.00
                unit: item
                per: once
                meets: [N2]

            """
        let yaml = insertingSupport(oneOff, [("final: 16000.00", "final: 15300.00"),
                                             ("council_contribution: 15000.00", "council_contribution: 14300.00")])
        expectQuiet(.overBudget, in: yaml)
        #expect(check(yaml).totals?.oneOffPence == 90_000)
        #expect(check(yaml).totals?.countedAgainstBudgetPence == 1_530_000)
    }

    @Test func aboveIndicativeNeedsAJustificationOnlyWhenAbove() {
        let noJustification = ("  justification: |\n    The first amount did not include the PA's employer costs.\n", "")
        expectQuiet(.aboveIndicativeUnjustified, in: variant([noJustification, ("indicative: 15500.00", "indicative: 16000.00")]))
        expectQuiet(.aboveIndicativeUnjustified, in: variant([noJustification, ("  indicative: 15500.00\n", "")]))
        expectFires(.aboveIndicativeUnjustified, in: variant([noJustification, ("indicative: 15500.00", "indicative: 15999.99")]))
        expectFires(.aboveIndicativeUnjustified,
                    in: variant([("justification: |\n    The first amount did not include the PA's employer costs.",
                                  "justification: \"\"")]), at: "justification:")
    }

    @Test(arguments: [("25000.00", nil), ("25000.01", "service-manager"), ("50000.00", "service-manager"),
                      ("50000.01", "head-of-service")])
    func authorisationLevelNamesTheLevelNeeded(_ final: String, _ level: String?) {
        let yaml = withFinal(final)
        if let level {
            let found = expectFires(.authorisationLevel, in: yaml, at: "final: \(final)")
            #expect(found.first?.message.contains(level) == true, "\(found)")
        } else {
            expectQuiet(.authorisationLevel, in: yaml)
        }
    }

    @Test func budgetCutNeedsAReason() {
        let cut = ("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  previous_final: 16000.01\n")
        expectFires(.budgetCutUnexplained, in: variant([cut]), at: "budget:")
        expectQuiet(.budgetCutUnexplained, in: variant([("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  previous_final: 16000.00\n")]))
        expectQuiet(.budgetCutUnexplained, in: variant([("  reserve_weeks: 4\n", "  reserve_weeks: 4\n  previous_final: 15000.00\n")]))
        let explained = variant([("  reserve_weeks: 4\n",
                                  "  reserve_weeks: 4\n  previous_final: 18000.00\n  change_reason: Alex now goes to college two days.\n")])
        expectQuiet(.budgetCutUnexplained, in: explained)
        expectFires(.budgetCutUnexplained, in: variant([("change_reason: Alex now goes to college two days.", "change_reason: \"\"")],
                                                       of: explained), at: "change_reason:")
    }

    @Test(arguments: [("8", false), ("8.00", false), ("8.01", true), ("12", true), ("0", false)])
    func reserveOverEightWeeks(_ weeks: String, _ fires: Bool) {
        let yaml = variant([("reserve_weeks: 4", "reserve_weeks: \(weeks)")])
        if fires {
            expectFires(.reserveOverLimit, in: yaml, at: "reserve_weeks:")
        } else {
            expectQuiet(.reserveOverLimit, in: yaml)
        }
    }

    @Test(arguments: [("item", "once", false), ("week", "once", true), ("week", "week", false), ("day", "once", false)])
    func oneOffWithAWeeklyUnit(_ unit: String, _ per: String, _ fires: Bool) {
        let yaml = variant([("rate: 90.00\n    unit: item\n    per: year", "rate: 90.00\n    unit: \(unit)\n    per: \(per)")])
        if fires {
            expectFires(.oneOffRecurringPeriod, in: yaml, at: "per: once")
        } else {
            expectQuiet(.oneOffRecurringPeriod, in: yaml)
        }
    }
}
