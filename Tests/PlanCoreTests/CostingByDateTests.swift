/// Costs by date (docs/format.md, "Part of the period"): a line running the whole budget
/// period costs its annual cost exactly as before; a line running part of it is costed for its
/// paydays (every 7 or 28 days, or the same day each month, from the day it starts) or, paid
/// by the year, for its days; dated rate changes are costed piece by piece; one rounding per line.
/// Also the commitment per payment period and the direct payment per payment, and the
/// on-cost calculator filling the plan's own lines.
import Testing
@testable import PlanCore

@Suite struct CostingByDateTests {
    static func plan(_ line: String, period: String = "from: 2027-01-04\n    to: 2028-01-03", payment: String? = nil) -> String {
        """
        format: supportplan/1
        supports:
          - id: S1
            funding: council
            management: direct-payment
        \(line)
        budget:
          weeks_per_year: 52
          period:
            \(period)
        \(payment.map { "  payment: \($0)" } ?? "")
        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String, line: String, pence: Int64
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // £295 a week for the whole period: 295 × 52 = 15,340.00, as before.
        Case(name: "whole period", line: "    rate: 295.00\n    per: week\n    start: 2027-01-04", pence: 1_534_000),
        // 12 weeks (84 days, 4 January to 28 March): 12 paydays × 295 = 3,540.00 (the old costing
        // charged the whole year's 15,340.00: a false over-budget).
        Case(name: "twelve weeks", line: "    rate: 295.00\n    per: week\n    start: 2027-01-04\n    end: 2027-03-28", pence: 354_000),
        // Starting on the first Thursday, 7 January: 52 Thursdays to 3 January 2028 = 1,872.00 at 36.00.
        Case(name: "weekly from the fourth day", line: "    rate: 36.00\n    per: week\n    start: 2027-01-07", pence: 187_200),
        // Monthly from 15 June: June to December, 7 paydays × 50.00 = 350.00.
        Case(name: "monthly, part", line: "    rate: 50.00\n    per: month\n    start: 2027-06-15", pence: 35_000),
        // Every 4 weeks from 1 March to 3 January: 308 days, paydays on days 0, 28, … 308 → 12 × 80 = 960.00.
        Case(name: "four-weekly, part", line: "    rate: 80.00\n    per: 4-weeks\n    start: 2027-03-01", pence: 96_000),
        // By the year for 73 of 365 days: 365.00 × 73/365 = 73.00.
        Case(name: "yearly, part", line: "    rate: 365.00\n    per: year\n    start: 2027-10-23", pence: 7_300),
        // An April uprating on a whole-period line: 16 h × 13.00 × 52 × 87/365 + 16 h × 13.50 × 52
        // × 278/365 = 2,578.049… + 8,554.783… = 11,132.843… → 11,132.84, rounded once.
        Case(name: "rate change, whole period",
             line: "    rate: 13.00\n    quantity: 16\n    per: week\n    rate_changes:\n      - from: 2027-04-01\n        rate: 13.50",
             pence: 1_113_284),
        // Part period with a rate change: weekly from 1 March, 5 paydays at 100.00 in March and
        // 40 at 110.00 from April (45 in all) = 500.00 + 4,400.00 = 4,900.00.
        Case(name: "rate change, part period",
             line: "    rate: 100.00\n    per: week\n    start: 2027-03-01\n    rate_changes:\n      - from: 2027-04-01\n        rate: 110.00",
             pence: 490_000),
        // A line that ends before the period: nothing in this period.
        Case(name: "before the period", line: "    rate: 100.00\n    per: week\n    start: 2026-01-01\n    end: 2026-12-31", pence: 0),
        // Starting before the period and running through it: the whole period.
        Case(name: "started before", line: "    rate: 100.00\n    per: week\n    start: 2026-01-01", pence: 520_000),
    ]

    @Test(arguments: cases)
    func lineCost(_ c: Case) throws {
        let r = Checker.check(text: Self.plan(c.line), file: "t.yaml")
        #expect(!r.findings.contains { $0.rule.stage == .reading && $0.severity == .error }, "\(r.findings)")
        let line = try #require(r.costing?.line(0))
        #expect(line.annualPence == c.pence, "\(line.working ?? "whole period")")
    }

    @Test func noPeriodMeansAYearFromTheFirstRecurringStart() throws {
        let yaml = Self.plan("    rate: 295.00\n    per: week\n    start: 2027-01-04\n    end: 2027-03-28", period: "")
            .replacingOccurrences(of: "  period:\n", with: "")
        let costing = try #require(Checker.check(text: yaml, file: "t").costing)
        #expect(costing.period == CostPeriod(from: PlanDate("2027-01-04")!, to: PlanDate("2028-01-03")!))
        #expect(costing.line(0)?.annualPence == 354_000)
    }

    /// Commitment per payment period and the direct payment per payment.
    @Test(arguments: [("weekly", Int64(29_500)), ("four-weekly", Int64(118_000)), ("monthly", Int64(127_833))])
    func perPayment(_ payment: String, _ each: Int64) throws {
        // 15,340.00 a year: ÷ 52 = 295.00; ÷ 13 = 1,180.00; ÷ 12 = 1,278.333… → 1,278.33.
        let t = try #require(Checker.check(text: Self.plan("    rate: 295.00\n    per: week", payment: payment), file: "t").totals)
        #expect(t.commitmentPerPaymentPence == each && t.directPaymentPerPaymentPence == each)
        var w = JSONWriter()
        CheckOutput.totals(t, into: &w)
        #expect(w.text.contains("\"commitment_per_payment_pence\":\(each)") || w.text.contains("\"commitment_per_payment_pence\": \(each)"))
    }

    @Test func councilManagedLinesAreNotPartOfTheDirectPayment() throws {
        let yaml = Self.plan("    rate: 295.00\n    per: week", payment: "weekly")
            .replacingOccurrences(of: "management: direct-payment", with: "management: council-managed")
        let t = try #require(Checker.check(text: yaml, file: "t").totals)
        #expect(t.commitmentPerPaymentPence == 29_500 && t.directPaymentPerPaymentPence == 0)
    }
}

@Suite struct OnCostCalculatorTests: RuleTesting {
    @Test func fillsTheExistingLinesWithoutDuplicates() throws {
        var plan = readPlan(variant([("rate: 40.00", "rate: 1.00"), ("employment_allowance: true", "employment_allowance: false")]))
        let before = plan.supports.count
        let proposals = OnCostCalculator.propose(plan, support: 0, policy: RuleFixture.policy)
        // NI £872.40 a year → £72.70 a month, into S3; pension £137.28 → £11.44, into S4.
        #expect(proposals.first { $0.onCost == .employerNI }?.replaces == 2)
        let result = OnCostCalculator.apply(proposals, to: &plan, from: 0)
        #expect(plan.supports.count == before && result.added == 0)
        #expect(plan.supports[2].rate == Money(pence: 7_270) && plan.supports[3].rate == Money(pence: 1_144))
        // Holiday cover: 5.6 × 16 h = 89.6 hours at £13.00 = £1,164.80.
        #expect(plan.supports[1].unit == .hour && plan.supports[1].quantity == Hundredths(hundredths: 8_960))
        let check = Checker.check(text: PlanWriter.write(plan), file: "t", policy: RuleFixture.policy)
        #expect(!check.findings.contains { [.paNIUnderstated, .paPensionUnderstated, .paHolidayCoverUnderstated].contains($0.rule) })
    }

    @Test func addsOnlyTheLinesThatAreMissing() {
        var plan = readPlan(variant([("on_cost: payroll", "on_cost: dbs")]))
        let before = plan.supports.count
        let result = OnCostCalculator.apply(OnCostCalculator.propose(plan, support: 0), to: &plan, from: 0)
        #expect(result.added == 1 && plan.supports.count == before + 1)
        #expect(plan.supports.last?.onCost == .payroll)
    }
}

/// Norfolk County Council's published PA rates, 1 April 2023 to 31 March 2024: £11.00 an hour
/// plus "employer related on costs at 26.08%" of £2.87, £13.87 in all; nights £10.44 + £2.72 =
/// £13.16. Reproduced to the penny as plan lines (a PA line and an on-cost line an hour). Why
/// the employer model's figures differ from a flat 26.08% is in docs/decisions.md.
@Suite struct PublishedRatesTests {
    @Test(arguments: [(Int64(1_100), Int64(287), Int64(1_387)), (Int64(1_044), Int64(272), Int64(1_316))])
    func norfolkOnCostsPerHour(_ pay: Int64, _ onCost: Int64, _ total: Int64) throws {
        #expect(roundHalfUp(Int128(pay) * 2_608, 10_000) == onCost)  // 26.08%, rounded half-up to the penny
        let yaml = """
            format: supportplan/1
            supports:
              - id: S1
                kind: pa
                funding: council
                rate: \(Money(pence: pay).plainText)
                unit: hour
                per: week
              - id: S2
                kind: on-cost
                on_cost: holiday-cover
                funding: council
                rate: \(Money(pence: onCost).plainText)
                unit: hour
                per: week
            budget:
              weeks_per_year: 52
            """
        let t = try #require(Checker.check(text: yaml, file: "t").totals)
        #expect(t.recurringWeeklyPence == total && t.recurringAnnualPence == total * 52)
    }
}
