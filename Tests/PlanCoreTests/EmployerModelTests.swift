/// The employer model, table-driven, with figures worked from published rates:
/// - HMRC, "Rates and thresholds for employers 2025 to 2026": employer Class 1 NI 15% above the
///   secondary threshold (£96 a week, £384 four-weekly, £417 a month, £5,000 a year); 0% up to the
///   upper secondary threshold for under-21s and the apprentice upper secondary threshold for
///   apprentices under 25 (£967 a week, £4,189 a month, £50,270 a year); Employment Allowance £10,500.
/// - The Pensions Regulator, automatic enrolment earnings thresholds 2025/26: trigger £10,000 a
///   year (£192 a week, £833 a month); qualifying earnings £6,240–£50,270 a year (£120–£967 a
///   week, £520–£4,189 a month); employer minimum 3% of qualifying earnings.
/// - Pensions Act 2014 sch. 12 / GOV.UK "Check your State Pension age": 66 for births before
///   6 April 1960, 66 and 1 month for 6 April–5 May 1960, … 67 from 6 March 1961.
/// - Working Time Regulations 1998 reg. 13 and 13A: 5.6 weeks' holiday.
/// Every plan here is costed over the tax year 2025/26 (6 April 2025 to 5 April 2026, 365 days).
import Testing
@testable import PlanCore

enum EmployerPlan {
    /// A plan with `employees` and PA `lines` (YAML list items), costed over 2025/26.
    static func yaml(employees: String, lines: String, budget: String = "") -> String {
        """
        format: supportplan/1
        id: EM-1
        version: 1
        created: 2025-03-01
        supports:
        \(lines)
        employees:
        \(employees)
        budget:
          weeks_per_year: 52
          period:
            from: 2025-04-06
            to: 2026-04-05
        \(budget)
        """
    }

    /// A PA line: `rate` × `hours` a week for `employee`.
    static func line(_ id: String, _ employee: String, rate: String, hours: String, extra: String = "") -> String {
        """
          - id: \(id)
            kind: pa
            employee: \(employee)
            funding: council
            management: direct-payment
            rate: \(rate)
            unit: hour
            quantity: \(hours)
            per: week
        \(extra)
        """
    }

    static func employee(_ id: String, born: String, extra: String = "") -> String {
        "  - id: \(id)\n    name: PA \(id)\n    date_of_birth: \(born)\n\(extra)"
    }

    static func model(_ yaml: String, policy: Policy = .standard, sourceLocation: SourceLocation = #_sourceLocation) -> EmployerCosts? {
        let r = Checker.check(text: yaml, file: "t.yaml", policy: policy)
        let reading = r.findings.filter { $0.rule.stage == .reading && $0.severity == .error }
        #expect(reading.isEmpty, "\(reading)", sourceLocation: sourceLocation)
        guard let plan = r.plan, let costing = r.costing else { return nil }
        return EmployerModel.compute(plan, costing, policy: policy)
    }
}

@Suite struct EmployerModelTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var employees: String
        var lines: String
        var budget: String = ""
        /// Employer NI after the allowance, pension, holiday cover, in pence.
        var ni: Int64, pension: Int64, holiday: Int64
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // 20 h × £13.45 × 52 = £13,988.00. NI 15% × (13,988 − 5,000) = 1,348.20;
        // pension 3% × (13,988 − 6,240) = 232.44; holiday 5.6 × 20 h × 13.45 = 1,506.40.
        Case(name: "aged 31, yearly thresholds", employees: EmployerPlan.employee("P1", born: "1994-06-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), ni: 134_820, pension: 23_244, holiday: 150_640),
        // The same pay under a weekly payroll: thresholds £96 × 52 = £4,992, so NI 15% × 8,996 = 1,349.40;
        // trigger £192 × 52 = £9,984, band from £120 × 52 = £6,240: pension 232.44.
        Case(name: "weekly payroll", employees: EmployerPlan.employee("P1", born: "1994-06-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), budget: "  payroll: weekly\n",
             ni: 134_940, pension: 23_244, holiday: 150_640),
        // Monthly payroll: £417 × 12 = £5,004, so NI 15% × 8,984 = 1,347.60; band from £520 × 12 = £6,240.
        Case(name: "monthly payroll", employees: EmployerPlan.employee("P1", born: "1994-06-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), budget: "  payroll: monthly\n",
             ni: 134_760, pension: 23_244, holiday: 150_640),
        // Four-weekly: £384 × 13 = £4,992, as weekly.
        Case(name: "four-weekly payroll", employees: EmployerPlan.employee("P1", born: "1994-06-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), budget: "  payroll: four-weekly\n",
             ni: 134_940, pension: 23_244, holiday: 150_640),
        // A 19-year-old on 30 h × £11.00 × 52 = £17,160: 0% up to £50,270 (the old calculator
        // charged 15% × 12,160 = £1,824.00); under 22, so no pension duty.
        Case(name: "under 21", employees: EmployerPlan.employee("P1", born: "2006-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "11.00", hours: "30"), ni: 0, pension: 0, holiday: 184_800),
        // Under 21 above the upper secondary threshold: 40 h × £25.00 × 52 = £52,000;
        // NI 15% × (52,000 − 50,270) = 259.50.
        Case(name: "under 21 above £50,270", employees: EmployerPlan.employee("P1", born: "2006-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "25.00", hours: "40"), ni: 25_950, pension: 0, holiday: 560_000),
        // An apprentice aged 23: no NI up to £50,270; pension 3% × (17,160 − 6,240) = 327.60.
        Case(name: "apprentice under 25", employees: EmployerPlan.employee("P1", born: "2002-01-01", extra: "    apprentice: true\n"),
             lines: EmployerPlan.line("S1", "P1", rate: "11.00", hours: "30"), ni: 0, pension: 32_760, holiday: 184_800),
        // The same 23-year-old not an apprentice: 15% × 12,160 = 1,824.00.
        Case(name: "aged 23, not an apprentice", employees: EmployerPlan.employee("P1", born: "2002-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "11.00", hours: "30"), ni: 182_400, pension: 32_760, holiday: 184_800),
        // Four PAs each paid 30 h × £19.23 × 52 = £29,998.80: NI 15% × 24,998.80 = 3,749.82 each,
        // 14,999.28 in all, less ONE Employment Allowance of £10,500 = 4,499.28 (not 0, and not
        // each PA's £3,749.82 less its own allowance).
        Case(name: "four PAs, one Employment Allowance",
             employees: ["P1", "P2", "P3", "P4"].map { EmployerPlan.employee($0, born: "1980-01-01") }.joined(),
             lines: ["P1", "P2", "P3", "P4"].enumerated().map { EmployerPlan.line("S\($0 + 1)", $1, rate: "19.23", hours: "30") }.joined(separator: "\n"),
             budget: "  employment_allowance: true\n",
             ni: 449_928, pension: 4 * 71_276, holiday: 4 * 323_064),
        // One PA on two lines (days £22,880, waking nights £6,240): pay £29,120 over both.
        // NI 15% × 24,120 = 3,618.00 (per line: 2,682 + 186 = 2,868); pension 3% × 22,880 = 686.40
        // (per line: 499.20). The finance officer's figures in issue 14.
        Case(name: "one PA on two lines", employees: EmployerPlan.employee("P1", born: "1980-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "22.00", hours: "20") + "\n"
                + EmployerPlan.line("S2", "P1", rate: "12.00", hours: "10"),
             ni: 361_800, pension: 68_640, holiday: 313_600),
        // Pension trigger: exactly £10,000.00 a year is not above it; £10,010.00 is:
        // 3% × (10,010 − 6,240) = 113.10.
        Case(name: "pay at the trigger", employees: EmployerPlan.employee("P1", born: "1980-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "10000.00", hours: "1", extra: "    per: year\n").replacingOccurrences(of: "    per: week\n", with: ""),
             ni: 75_000, pension: 0, holiday: 107_692),
        Case(name: "pay above the trigger", employees: EmployerPlan.employee("P1", born: "1980-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "10010.00", hours: "1", extra: "    per: year\n").replacingOccurrences(of: "    per: week\n", with: ""),
             ni: 75_150, pension: 11_310, holiday: 107_800),
        // Above the band: 3% × (50,270 − 6,240) = 1,320.90 on £60,000.
        Case(name: "pay above the band", employees: EmployerPlan.employee("P1", born: "1980-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "60000.00", hours: "1", extra: "    per: year\n").replacingOccurrences(of: "    per: week\n", with: ""),
             ni: 825_000, pension: 132_090, holiday: 646_154),
        // Born 20 May 1960: State Pension age 66 and 2 months, on 20 July 2026 — after this period,
        // so the duty runs all year: 3% × (20,800 − 6,240) = 436.80 on 20 h × £20.00 × 52.
        Case(name: "aged 65, before State Pension age", employees: EmployerPlan.employee("P1", born: "1960-05-20"),
             lines: EmployerPlan.line("S1", "P1", rate: "20.00", hours: "20"), ni: 237_000, pension: 43_680, holiday: 224_000),
        // Born 20 May 1959: State Pension age 66 on 20 May 2025. Duty from 6 April to 19 May 2025
        // (44 of 365 days): pay 20,800 × 44/365 = 2,507.40 > trigger 10,000 × 44/365 = 1,205.48;
        // 3% × (20,800 − 6,240) × 44/365 = 52.655… → 52.66. (Employer NI carries on past it.)
        Case(name: "reaches State Pension age in the period", employees: EmployerPlan.employee("P1", born: "1959-05-20"),
             lines: EmployerPlan.line("S1", "P1", rate: "20.00", hours: "20"), ni: 237_000, pension: 5_266, holiday: 224_000),
        // A shared PA (shared_by 2): their whole pay 30 h × £20.00 × 52 = £31,200 sets the figures;
        // NI 15% × 26,200 = 3,930 and pension 3% × 24,960 = 748.80, of which this plan pays half:
        // 1,965.00 and 374.40 (not 15% × (15,600 − 5,000) = 1,590.00). Holiday 5.6 × 600 ÷ 2 = 1,680.00.
        Case(name: "shared PA", employees: EmployerPlan.employee("P1", born: "1980-01-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "20.00", hours: "30", extra: "    shared_by: 2\n"),
             ni: 196_500, pension: 37_440, holiday: 168_000),
        // Irregular hours: the same hours give the same cover (5.6 weeks of the average week).
        Case(name: "irregular hours", employees: EmployerPlan.employee("P1", born: "1994-06-01", extra: "    regular_hours: false\n"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), ni: 134_820, pension: 23_244, holiday: 150_640),
        // Turns 21 on 1 October 2025 (178 of 365 days under 21): pay 20 h × £13.45 × 52 = 13,988.00;
        // NI on the 187 days from then: 15% × (13,988 − 5,000) × 187/365 = 690.72.
        Case(name: "turns 21 in the period", employees: EmployerPlan.employee("P1", born: "2004-10-01"),
             lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"), ni: 69_072, pension: 0, holiday: 150_640),
    ]

    @Test(arguments: cases)
    func employerCosts(_ c: Case) throws {
        let m = try #require(EmployerPlan.model(EmployerPlan.yaml(employees: c.employees, lines: c.lines, budget: c.budget)))
        #expect(m.niPence == c.ni, "NI: \(m.niWorking)")
        #expect(m.pensionPence == c.pension, "pension: \(m.pas.map(\.pensionWorking))")
        #expect(m.holidayCoverPence == c.holiday, "holiday: \(m.pas.map(\.holidayWorking))")
    }

    @Test func oldInlinePABlockReadsAsItsOwnEmployee() throws {
        let yaml = EmployerPlan.yaml(employees: "", lines: """
              - id: S1
                kind: pa
                funding: council
                rate: 13.45
                unit: hour
                quantity: 20
                per: week
                pa:
                  age: 20
        """)
        let m = try #require(EmployerPlan.model(yaml))
        #expect(m.pas.count == 1 && m.pas[0].category == .under21 && m.niPence == 0)
    }

    /// State Pension age by date of birth (GOV.UK's table).
    @Test(arguments: [("1960-04-05", "2026-04-05"), ("1960-04-06", "2026-05-06"), ("1960-05-20", "2026-07-20"),
                      ("1961-02-06", "2028-01-06"), ("1961-03-05", "2028-02-05"), ("1961-03-06", "2028-03-06"),
                      ("1977-04-05", "2044-04-05"), ("1978-04-06", "2046-04-06")])
    func statePensionAge(_ born: String, _ reaches: String) {
        #expect(Policy.standard.statePensionDate(bornOn: PlanDate(born)!) == PlanDate(reaches)!)
    }

    @Test func configAddsDatedEmployerRowsAndPensionAgeRows() throws {
        let (policy, findings) = PolicyReader.read("""
            employer_rates:
              - from: 2026-04-06
                employment_allowance: 12000.00
                ni_threshold: {year: 6000.00}
            state_pension_age:
              - born_from: 1970-01-01
                years: 70
            one_off_authorisation: 2500.00
            """)
        #expect(findings.isEmpty, "\(findings)")
        #expect(policy.employerRates.count == 2)
        let row = policy.employerRates(on: PlanDate("2026-05-01")!)
        #expect(row.employmentAllowance == Money(pence: 1_200_000) && row.niThreshold.year == Money(pence: 600_000))
        #expect(row.niThreshold.week == Money(pence: 9_600) && row.niPercent == Hundredths(whole: 15))  // kept from 2025
        #expect(policy.statePensionDate(bornOn: PlanDate("1971-02-03")!) == PlanDate("2041-02-03")!)
        #expect(policy.oneOffAuthorisation == Money(pence: 250_000))
        // A rate row that starts inside the period applies from its date: 5,000 then 6,000 a year.
        let yaml = EmployerPlan.yaml(employees: EmployerPlan.employee("P1", born: "1980-01-01"),
                                     lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20"))
            .replacingOccurrences(of: "from: 2025-04-06\n    to: 2026-04-05", with: "from: 2026-01-01\n    to: 2026-12-31")
        let m = try #require(EmployerPlan.model(yaml, policy: policy))
        // 95 days at £5,000 and 270 at £6,000: 15% × (13,988 − 5,000 × 95/365 − 6,000 × 270/365) = 1,237.24
        #expect(m.niPence == 123_724, "\(m.niWorking)")
    }
}

/// The new keys survive writing and reading back, and `--redact` hides an employee's name and
/// date of birth.
@Suite struct NewKeysRoundTripTests {
    static let text = EmployerPlan.yaml(
        employees: EmployerPlan.employee("P1", born: "1994-06-01", extra: "    apprentice: true\n    start: 2025-04-06\n"),
        lines: EmployerPlan.line("S1", "P1", rate: "13.45", hours: "20",
                                 extra: "    hours_per_unit: 1\n    night: waking\n    rate_changes:\n      - from: 2025-10-01\n        rate: 14.00\n"),
        budget: "  payroll: monthly\n") + "capacity:\n  authorised_person: Sam\n  authorised_person_basis: deputy\nreview:\n  last: 2025-01-10\n"

    @Test func writesAndReadsBack() throws {
        let plan = readPlan(Self.text)
        #expect(plan.employees.first?.apprentice == true && plan.supports[0].rateChanges.count == 1)
        #expect(plan.budget.payroll == .monthly && plan.budget.period.from == PlanDate("2025-04-06"))
        #expect(plan.review.last == PlanDate("2025-01-10") && plan.capacity.authorisedPersonBasis == .deputy)
        #expect(plan.supports[0].night == .waking && plan.supports[0].hoursPerUnit == Hundredths(whole: 1))
        let again = readPlan(PlanWriter.write(plan))
        #expect(again == plan)
    }

    @Test func redactionHidesEmployees() {
        let redacted = PlanWriter.write(Redaction.redact(readPlan(Self.text)))
        #expect(!redacted.contains("PA P1") && !redacted.contains("1994-06-01"), "\(redacted)")
    }
}
