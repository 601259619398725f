/// The costing arithmetic of plan-format.md, table-driven: every period, both annualisation
import Foundation
/// bases, shared_by pooling, half-up rounding once per line, totals by funding source.
import Testing
@testable import PlanCore

@Suite struct CostingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rate: String, quantity: String?, per: Period, sharedBy: Int?, weeks: WeeksPerYear
        var annual: Int64?, weekly: Int64?, oneOff: Int64?
        var testDescription: String { "\(rate)×\(quantity ?? "1") per \(per.rawValue) ÷\(sharedBy ?? 1) W=\(weeks.text)" }
    }

    static let cases: [Case] = [
        // Peggy's S1: 29.50 × 5.25 = 154.875 a week; × 52.143 = 8,075.647125 → 8,075.65; ÷ 52.143 → 154.88
        Case(rate: "29.50", quantity: "5.25", per: .week, sharedBy: nil, weeks: .fiftyTwoPointOneFourThree,
             annual: 807_565, weekly: 15_488, oneOff: nil),
        // Peggy's S3: 76.00 per four weeks × 52.143 ÷ 4 = 990.717 → 990.72
        Case(rate: "19.00", quantity: "4", per: .fourWeeks, sharedBy: nil, weeks: .fiftyTwoPointOneFourThree,
             annual: 99_072, weekly: 1_900, oneOff: nil),
        // 4-weekly at W = 52 is × 13
        Case(rate: "19.62", quantity: nil, per: .fourWeeks, sharedBy: nil, weeks: .fiftyTwo,
             annual: 25_506, weekly: 491, oneOff: nil),
        Case(rate: "165.52", quantity: "1", per: .month, sharedBy: nil, weeks: .fiftyTwo,
             annual: 198_624, weekly: 3_820, oneOff: nil),
        Case(rate: "13.45", quantity: "168", per: .year, sharedBy: nil, weeks: .fiftyTwo,
             annual: 225_960, weekly: 4_345, oneOff: nil),
        Case(rate: "49.50", quantity: "2", per: .once, sharedBy: nil, weeks: .fiftyTwo,
             annual: nil, weekly: nil, oneOff: 9_900),
        // shared_by 3: 100.00 a week ÷ 3 = 33.333… × 52 = 1,733.333… → 1,733.33
        Case(rate: "100.00", quantity: nil, per: .week, sharedBy: 3, weeks: .fiftyTwo,
             annual: 173_333, weekly: 3_333, oneOff: nil),
        // shared_by 3 at 52.143: 100 × 52.143 ÷ 3 = 1,738.1 → 1,738.10
        Case(rate: "100.00", quantity: nil, per: .week, sharedBy: 3, weeks: .fiftyTwoPointOneFourThree,
             annual: 173_810, weekly: 3_333, oneOff: nil),
        // half a penny rounds up, once: 1.01 × 0.5 = 50.5p → 51p
        Case(rate: "1.01", quantity: "0.5", per: .once, sharedBy: nil, weeks: .fiftyTwo,
             annual: nil, weekly: nil, oneOff: 51),
        Case(rate: "0.01", quantity: "0.5", per: .year, sharedBy: nil, weeks: .fiftyTwo,
             annual: 1, weekly: 0, oneOff: nil),
        // weekly figure ties: 26p a year ÷ 52 = 0.5p → 1p
        Case(rate: "0.26", quantity: nil, per: .year, sharedBy: nil, weeks: .fiftyTwo,
             annual: 26, weekly: 1, oneOff: nil),
        // just under half stays down: 0.01 × 0.49 = 0.49p → 0
        Case(rate: "0.01", quantity: "0.49", per: .year, sharedBy: nil, weeks: .fiftyTwo,
             annual: 0, weekly: 0, oneOff: nil),
        // the largest amounts stay exact (no overflow)
        Case(rate: "10000000.00", quantity: "100000", per: .week, sharedBy: nil, weeks: .fiftyTwoPointOneFourThree,
             annual: 5_214_300_000_000_000, weekly: 100_000_000_000_000, oneOff: nil),
    ]

    @Test(arguments: cases)
    func line(_ c: Case) throws {
        var s = Support(id: "S1")
        s.rate = try Money.parse(c.rate).get()
        s.quantity = try c.quantity.map { try Hundredths.parse($0).get() }
        s.sharedBy = c.sharedBy
        s.funding = .council
        let line = Coster.costLine(index: 0, s, rate: s.rate!, per: c.per, weeks: c.weeks)
        #expect(line.annualPence == c.annual)
        #expect(line.weeklyPence == c.weekly)
        #expect(line.oneOffPence == c.oneOff)
        #expect(line.counted == (c.per != .once))
    }

    @Test func totalsByFundingSource() {
        var p = Plan()
        p.budget.final = Money(pence: 1_000_000)
        func line(_ id: String, _ rate: Int64, _ per: Period, _ funding: Funding) -> Support {
            var s = Support(id: id)
            s.rate = Money(pence: rate)
            s.per = per
            s.funding = funding
            return s
        }
        p.supports = [line("S1", 10_000, .week, .council), line("S2", 5_000, .week, .person),
                      line("S3", 2_000, .week, .nhs), line("S4", 7_500, .once, .council),
                      line("S5", 1_000, .month, .family), Support(id: "S6")]
        let t = Coster.cost(p).totals!
        #expect(t.recurringAnnualPence == 520_000 + 260_000 + 104_000 + 12_000)
        #expect(t.countedAgainstBudgetPence == 780_000)
        #expect(t.oneOffPence == 7_500)
        #expect(t.remainingPence == 220_000)
        #expect(t.recurringWeeklyPence == 17_231)  // 896,000 ÷ 52 = 17,230.77 → 17,231
        #expect(t.byFunding.map(\.funding) == [.council, .person, .nhs, .family])
        #expect(t.byFunding.map(\.annualPence) == [520_000, 260_000, 104_000, 12_000])
        #expect(t.byFunding.map(\.oneOffPence) == [7_500, 0, 0, 0])
    }

    @Test func noFinalMeansNoRemaining() {
        var p = Plan()
        var s = Support(id: "S1")
        s.rate = Money(pence: 100)
        s.per = .week
        p.supports = [s]
        let t = Coster.cost(p).totals!
        #expect(t.budgetFinalPence == nil)
        #expect(t.remainingPence == nil)
    }

    @Test(arguments: [("rate", "12.345"), ("quantity", "lots"), ("shared_by", "0"), ("per", "fortnight")])
    func unreadableInputMeansNoTotals(_ key: String, _ value: String) {
        var fields = ["rate": "10.00", "per": "week", "quantity": "2", "shared_by": "1"]
        fields[key] = value
        let yaml = "format: supportplan/1\nsupports:\n  - id: S1\n"
            + fields.keys.sorted().map { "    \($0): \(fields[$0]!)\n" }.joined()
        let r = Checker.check(text: yaml, file: "t.yaml")
        #expect(r.plan != nil)
        #expect(r.totals == nil)
        #expect(r.costing?.unreadable == ["supports[0].\(key)"])
        #expect(r.findings.contains { $0.path == "supports[0].\(key)" && $0.severity == .error })
    }

    @Test func paidLineWithoutPeriodIsNotCosted() {
        let noPer = Checker.check(text: "format: supportplan/1\nsupports:\n  - id: S1\n    rate: 5.00\n", file: "t")
        #expect(noPer.totals == nil)
        #expect(noPer.findings.contains { $0.rule == .fieldInvalid && $0.path == "supports[0].per" })
    }

    @Test(arguments: zip(Paths.examples, [
        [1_703_614, 32_672, 7_500, 1_703_614, 1_725_000, 21_386],
        // Cal: Jade is 20, so S4 is Lewis's NI only: 112.35 × 12 = 1,348.20 (was 165.52 × 12).
        [2_817_586, 54_184, 32_900, 2_817_586, 2_940_000, 122_414],
    ] as [[Int64]]))
    func examplesMatchTheirREADME(_ url: URL, _ expected: [Int64]) throws {
        let r = Checker.check(text: try Paths.text(url), file: url.lastPathComponent)
        let t = try #require(r.totals)
        #expect([t.recurringAnnualPence, t.recurringWeeklyPence, t.oneOffPence, t.countedAgainstBudgetPence,
                 t.budgetFinalPence!, t.remainingPence!] == expected)
        #expect(r.count(.error) == 0)
        let warnings = r.findings.filter { $0.severity == .warning }
        #expect(!warnings.isEmpty && warnings.allSatisfy(\.acknowledged), "\(warnings)")
    }
}
