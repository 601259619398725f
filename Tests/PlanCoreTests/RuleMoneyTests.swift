/// The money rules of issue 14, each firing in one test and quiet in a near miss: on-cost
/// lines checked by amount against the employer model, NI not asked for when the Employment
/// Allowance covers it, insurance for close relatives, dates of birth, the wage table's end,
/// minimum wage on nights, reviews from the last review, person funding, one-off costs,
/// the authorised person's basis and not-allowed items bought (not support with a task).
/// The base plan's employer figures are in `RuleFixture` (NI £872.40, pension £137.28,
/// holiday cover £1,164.80 a year).
import Testing
@testable import PlanCore

@Suite struct RuleMoneyTests: RuleTesting {
    // MARK: on-cost lines by amount

    /// Without the Employment Allowance the base plan's NI is £872.40 a year.
    static let noAllowance = ("employment_allowance: true", "employment_allowance: false")

    @Test func niLineOfAPennyAMonthIsUnderstated() throws {
        let f = expectFires(.paNIUnderstated, in: variant([Self.noAllowance, ("rate: 40.00", "rate: 0.01")]), at: "- id: S3")
        let message = try #require(f.first?.message)
        // Both figures and the working.
        #expect(message.contains("£0.12") && message.contains("£872.40") && message.contains("15% × (£10,816.00 − £5,000.00"))
        // £72.62 a month is £871.44 a year: 96p short, inside the £1 allowed.
        expectQuiet(.paNIUnderstated, in: variant([Self.noAllowance, ("rate: 40.00", "rate: 72.62")]))
        expectFires(.paNIUnderstated, in: variant([Self.noAllowance, ("rate: 40.00", "rate: 72.61")]))  // £1.08 short
        // With the allowance, nothing is due: a penny a month is enough.
        expectQuiet(.paNIUnderstated, in: variant([("rate: 40.00", "rate: 0.01")]))
    }

    @Test func pensionLineShortOfTheModelIsUnderstated() {
        expectFires(.paPensionUnderstated, in: variant([("rate: 11.44", "rate: 0.01")]), at: "- id: S4")
        expectQuiet(.paPensionUnderstated, in: variant([("rate: 11.44", "rate: 11.36")]))  // 96p short
        expectFires(.paPensionUnderstated, in: variant([("rate: 11.44", "rate: 11.35")]))  // £1.08 short
    }

    @Test func holidayCoverShortOfFivePointSixWeeksIsAWarning() {
        expectFires(.paHolidayCoverUnderstated, in: variant([("rate: 1170.00", "rate: 13.00")]), at: "- id: S2")
        expectQuiet(.paHolidayCoverUnderstated, in: variant([("rate: 1170.00", "rate: 1163.81")]))  // 99p short
        expectFires(.paHolidayCoverUnderstated, in: variant([("rate: 1170.00", "rate: 1163.79")]))  // £1.01 short
    }

    @Test func niLineIsNotAskedForWhenTheAllowanceCoversIt() throws {
        let noNI = ("on_cost: employer-ni", "on_cost: recruitment")
        let f = expectFires(.paOncostsMissing, in: variant([noNI, Self.noAllowance]))
        #expect(f.first?.message.contains("employer-ni") == true)
        expectQuiet(.paOncostsMissing, in: variant([noNI]))
    }

    @Test func pensionMissingComesFromTheModel() {
        let noPension = ("on_cost: pension", "on_cost: training")
        expectFires(.paPensionMissing, in: variant([noPension]), at: "- id: S1")
        // Aged 21: no duty, so no finding; a date of birth making them 22 brings it back.
        expectQuiet(.paPensionMissing, in: variant([noPension, ("age: 30", "age: 21")]))
    }

    // MARK: employer's liability insurance, dates of birth

    @Test func insuranceIsAWarningWhenEveryPAIsACloseRelative() throws {
        let noInsurance = ("on_cost: el-insurance", "on_cost: training")
        let relative = ("relative_in_household: false\n      necessary_exception: \"\"",
                        "relative_in_household: true\n      necessary_exception: Only dad can lift Alex safely at night.")
        let warn = findings(of: .paELInsuranceMissing, in: variant([noInsurance, relative]))
        #expect(warn.count == 1 && warn.first?.severity == .warning, "\(warn)")
        let error = findings(of: .paELInsuranceMissing, in: variant([noInsurance]))
        #expect(error.count == 1 && error.first?.severity == .error)
        // The warning can be acknowledged; the error cannot.
        let ack = variant([noInsurance, relative, ("review:\n", "acknowledged:\n  - rule: pa-el-insurance-missing\n    reason: Dad is exempt as a close relative.\nreview:\n")])
        #expect(findings(of: .paELInsuranceMissing, in: ack).first?.acknowledged == true)
    }

    @Test func aPAWithNeitherDateOfBirthNorAgeIsAWarning() {
        expectFires(.paDateOfBirthMissing, in: variant([("      age: 30\n", "")]), at: "- id: S1")
        expectQuiet(.paDateOfBirthMissing, in: base)
        // The new way: an employee with a date of birth.
        let employees = "employees:\n  - id: P1\n    name: Lewis Carter\n    date_of_birth: 1996-03-02\nbudget:\n"
        expectQuiet(.paDateOfBirthMissing, in: variant([("      age: 30\n", ""), ("    kind: pa\n", "    kind: pa\n    employee: P1\n"),
                                                        ("budget:\n", employees)]))
        expectFires(.paDateOfBirthMissing, in: variant([("      age: 30\n", ""), ("    kind: pa\n", "    kind: pa\n    employee: P1\n"),
                                                        ("budget:\n", "employees:\n  - id: P1\n    name: Lewis Carter\nbudget:\n")]))
    }

    // MARK: minimum wage

    @Test func wageTableEndsWhenThePALineRunsPastIt() {
        // The built-in table's last row starts 2026-04-01, so it covers to 2027-03-31.
        expectFires(.wageTableEnds, in: base, at: "- id: S1", policy: .standard)
        expectQuiet(.wageTableEnds, in: base)  // the fixture's policy has a 2027 row
        expectQuiet(.wageTableEnds, in: variant([("    start: 2027-01-04\n    meets: [N1, O1]", "    start: 2027-01-04\n    end: 2027-03-31\n    meets: [N1, O1]")]),
                    policy: .standard)
    }

    static let night = """
          - id: S9
            what: Waking nights with Lewis
            kind: pa
            funding: council
            management: direct-payment
            rate: 60.00
            unit: night
            hours_per_unit: 10
            night: waking
            quantity: 1
            per: week
            start: 2027-01-04
            meets: [N1]
            pa:
              age: 30

        """

    @Test func aWakingNightIsWorkingTime() throws {
        let f = expectFires(.paBelowMinimumWage, in: insertingSupport(Self.night), at: "rate: 60.00")
        #expect(f.first?.message.contains("£6.00 an hour") == true)
        // £127.10 for 10 hours is £12.71 an hour: the minimum, lawful; a penny less is not.
        expectQuiet(.paBelowMinimumWage, in: insertingSupport(Self.night.replacingOccurrences(of: "60.00", with: "127.10")))
        expectFires(.paBelowMinimumWage, in: insertingSupport(Self.night.replacingOccurrences(of: "60.00", with: "127.09")))
        // A sleep-in is not all working time: not checked by the hour.
        expectQuiet(.paBelowMinimumWage, in: insertingSupport(Self.night.replacingOccurrences(of: "night: waking", with: "night: sleep-in")))
    }

    // MARK: reviews

    @Test func reviewCountsFromTheLastReview() throws {
        let longRunning = variant([("version: 1", "version: 3"), ("start: 2027-01-04", "start: 2019-05-01"),
                                   ("start: 2027-01-11", "start: 2019-05-06"), ("  first: 2027-02-15\n", "  last: 2026-01-10\n")])
        // Reviewed on 10 January 2026: the next may be as late as 10 January 2027.
        expectQuiet(.reviewOver12Months, in: longRunning.replacingOccurrences(of: "next: 2027-11-16", with: "next: 2027-01-10"))
        let f = expectFires(.reviewOver12Months, in: longRunning.replacingOccurrences(of: "next: 2027-11-16", with: "next: 2027-01-11"))
        let message = try #require(f.first?.message)
        #expect(message.contains("2027-01-10") && !message.contains("2019"), "\(message)")
        // Without `last`, a long-running plan counts from when this version was written,
        // 2026-11-16, never from 2019.
        let noLast = longRunning.replacingOccurrences(of: "  last: 2026-01-10\n", with: "")
        expectQuiet(.reviewOver12Months, in: noLast)
        let g = expectFires(.reviewOver12Months, in: noLast.replacingOccurrences(of: "next: 2027-11-16", with: "next: 2027-11-17"))
        #expect(g.first.map { !$0.message.contains("2019") && $0.message.contains("2026-11-16") } == true)
    }

    // MARK: budget

    @Test func personFundedLinesAboveTheContribution() throws {
        // S7, £2,444.00 a year, paid by the person, whose contribution is £1,000.00.
        let f = expectFires(.personFundingExceedsContribution,
                            in: variant([("    provider: Brightcare Ltd\n    funding: council", "    provider: Brightcare Ltd\n    funding: person")]))
        #expect(f.first?.message.contains("£1,444.00 more") == true)
        expectQuiet(.personFundingExceedsContribution,
                    in: variant([("    provider: Brightcare Ltd\n    funding: council", "    provider: Brightcare Ltd\n    funding: person"),
                                 ("person_contribution: 1000.00", "person_contribution: 2444.00"),
                                 ("council_contribution: 15000.00", "council_contribution: 13556.00")]))
    }

    static func adaptation(_ rate: String) -> String {
        """
          - id: S9
            what: A level-access shower
            kind: adaptation
            funding: council
            management: council-managed
            rate: \(rate)
            unit: item
            per: once
            meets: [N2]

        """
    }

    @Test func largeOneOffsNeedAManagerAndCountForTheSignerLevel() throws {
        expectFires(.oneOffAuthorisation, in: insertingSupport(Self.adaptation("30000.00")), at: "rate: 30000.00")
        expectQuiet(.oneOffAuthorisation, in: insertingSupport(Self.adaptation("1000.00")))  // not above £1,000
        expectFires(.oneOffAuthorisation, in: insertingSupport(Self.adaptation("1000.01")))
        // £16,000 a year and £30,000 once: £46,000 needs a service manager.
        let level = findings(of: .authorisationLevel, in: insertingSupport(Self.adaptation("30000.00")))
        #expect(level.first?.message.contains("service-manager") == true)
        expectQuiet(.authorisationLevel, in: base)
        let plan = readPlan(insertingSupport(Self.adaptation("30000.00")))
        #expect(BudgetRules.authorisationAmount(plan, Coster.cost(plan)) == Money(pence: 4_600_000))
    }

    // MARK: direct payments

    @Test func anAuthorisedPersonNeedsABasis() {
        let named = ("authorised_person: \"\"", "authorised_person: Tom Morgan (dad)")
        expectFires(.authorisedPersonBasis, in: variant([named]))
        expectQuiet(.authorisedPersonBasis, in: variant([named, ("authorised_person: Tom Morgan (dad)",
                                                                 "authorised_person: Tom Morgan (dad)\n  authorised_person_basis: deputy")]))
        expectQuiet(.authorisedPersonBasis, in: base)
    }

    static func item(_ what: String, kind: String, unit: String) -> String {
        """
          - id: S9
            what: \(what)
            kind: \(kind)
            funding: council
            management: direct-payment
            rate: 20.00
            unit: \(unit)
            quantity: 1
            per: week
            meets: [N2]

        """
    }

    @Test(arguments: [
        ("Weekly food shop", "other", "item", true),
        ("Support to shop for food", "agency", "hour", false),
        ("Support to shop for food", "other", "item", false),
        ("Taxi to see the debt adviser", "transport", "item", false),
        ("Paying off a debt", "other", "item", true),
        ("Help with budgeting and household bills", "other", "item", false),
    ])
    func notAllowedOnlyWhenBuyingTheItem(_ what: String, _ kind: String, _ unit: String, _ fires: Bool) {
        let yaml = insertingSupport(Self.item(what, kind: kind, unit: unit))
        #expect(self.fires(.notAllowedItem, in: yaml) == fires)
    }
}
