/// The position and the forecast (docs/spend.md), table-driven: one small plan (a PA at
/// £150.00 a week, employer NI at £65.00 a month paid to HMRC each quarter, four-weekly
/// council payments of £660.00, a 4 weeks' reserve) and one statement, changed a little for
/// each case: a PA off sick, an agency covering, a quarterly HMRC payment, a council payment
/// late, a line ending mid-period, money running out, a surplus. Every figure is in pence and
/// worked out by hand in the comments.
import Testing
@testable import PlanCore

@Suite struct SpendPositionTests {
    /// The budget period is 2027-01-04 to 2028-01-02: 364 days, exactly 52 weeks.
    /// S1: 15.00 × 10 hours = 150.00 a week × 52 = 7,800.00. S2: 65.00 × 12 = 780.00.
    /// The direct payment: 8,580.00 × 4 ÷ 52 = 660.00 every 4 weeks, on 4 January, 1 February,
    /// 1 March, 29 March, … 6 December (13 payments). Reserve: 4 × 8,580.00 ÷ 52 = 660.00.
    static func plan(_ edits: [(String, String)] = []) -> Plan {
        var text = """
            format: supportplan/1
            id: SP-TEST
            supports:
              - id: S1
                what: Ann, my PA
                kind: pa
                funding: council
                management: direct-payment
                rate: 15.00
                unit: hour
                quantity: 10
                per: week
                start: 2027-01-04
                payee: [ANN PATEL]
              - id: S2
                what: Employer's National Insurance, paid to HMRC each quarter
                kind: on-cost
                on_cost: employer-ni
                funding: council
                management: direct-payment
                rate: 65.00
                unit: item
                per: month
                start: 2027-01-04
                payee: [HMRC]
            budget:
              weeks_per_year: 52
              payment: four-weekly
              payer: [Northgate Council]
              reserve_weeks: 4
              period:
                from: 2027-01-04
                to: 2028-01-02

            """
        for (a, b) in edits {
            #expect(text.contains(a), "edit not applied: \(a)")
            text = text.replacingOccurrences(of: a, with: b)
        }
        return readPlan(text)
    }

    static func d(_ s: String) -> PlanDate { PlanDate(s)! }

    /// A statement row; the id is its place, so the tests can name rows.
    static func row(_ id: String, _ date: String, _ text: String, _ pence: Int64, balance: Int64? = nil) -> Transaction {
        Transaction(id: id, date: d(date), description: text, amountPence: pence, balancePence: balance,
                    sourceSHA256: "test", sourceLine: 1)
    }

    /// The council's three payments (the first with the balance: 500.00 before it), Ann's
    /// wages on `fridays` (Fridays from 8 January, numbered 0, 1, …) at `wage`, and HMRC's
    /// quarterly 195.00 (3 × 65.00 for January to March) on 22 March when `hmrc`.
    static func statement(fridays: [Int] = Array(0..<12), wage: Int64 = 15_000, hmrc: Bool = true,
                          council: [String] = ["2027-01-04", "2027-02-01", "2027-03-01"]) -> [Transaction] {
        var out: [Transaction] = []
        for (k, day) in council.enumerated() {
            out.append(row("c\(k)", day, "NORTHGATE COUNCIL DIRECT PAYMENT", 66_000, balance: k == 0 ? 116_000 : nil))
        }
        for k in fridays {
            out.append(row("w\(k)", d("2027-01-08").adding(days: 7 * k).description, "FPS ANN PATEL WAGES", -wage))
        }
        if hmrc { out.append(row("h1", "2027-03-22", "HMRC PAYE CUMBERNAULD", -19_500)) }
        return out
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edits: [(String, String)] = []
        var transactions: [Transaction]
        var assigned: [String: Assignment] = [:]
        var asOf: String = "2027-03-28"
        var balance: Int64
        var s1Planned: Int64, s1Spent: Int64
        var end: Int64, aboveReserve: Int64
        var runsOut: String? = nil
        var late: Int = 0
        var unmatched: Int = 0
        var findings: [RuleID] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // On plan, as of Sunday 28 March (12 weeks). Balance: 500 + 3 × 660 − 12 × 150 − 195 = 485.00.
        // S1 planned: paydays 4 January + 7k up to 28 March, k = 0…11: 12 × 150 = 1,800.00.
        // Forecast: 10 payments to come (29 March … 6 December) = 6,600.00; S1 still costs
        // 7,800 − 1,800 = 6,000.00; S2 780 − 195 paid = 585.00. End: 485 + 6,600 − 6,585 = 500.00,
        // under the 660.00 reserve: nothing above it.
        Case(name: "on plan", transactions: statement(), balance: 48_500, s1Planned: 180_000, s1Spent: 180_000,
             end: 50_000, aboveReserve: 0),
        // Ann off sick for two weeks (no wages on 12 and 19 February, Fridays 5 and 6): 300.00 not
        // spent. Balance 785.00; S1 spent 1,500.00 of 1,800.00 planned. End: 785 + 6,600 − 6,585 =
        // 800.00, 140.00 above the 660.00 reserve: spend-surplus. 35 days since 19 February is
        // not more than 6 weeks (42 days): no spend-line-unpaid.
        Case(name: "PA off sick for two weeks", transactions: statement(fridays: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]),
             balance: 78_500, s1Planned: 180_000, s1Spent: 150_000, end: 80_000, aboveReserve: 14_000,
             findings: [.spendSurplus]),
        // An agency covers those two weeks at 160.00 a time: 320.00 to Kindred Care, in no line.
        // Balance 785 − 320 = 465.00; end 465 + 6,600 − 6,585 = 480.00; both are unmatched and
        // spend-unplanned.
        Case(name: "agency covering, not yet assigned",
             transactions: statement(fridays: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
                + [row("a1", "2027-02-12", "KINDRED CARE LTD", -16_000), row("a2", "2027-02-19", "KINDRED CARE LTD", -16_000)],
             balance: 46_500, s1Planned: 180_000, s1Spent: 150_000, end: 48_000, aboveReserve: 0, unmatched: 2,
             findings: [.spendUnplanned]),
        // The same, both assigned to S1: S1 spent 1,500 + 320 = 1,820.00, 20.00 over its
        // 1,800.00 (1.1%, within 10%): no finding. The forecast is unchanged: 480.00.
        Case(name: "agency covering, assigned to the PA line",
             transactions: statement(fridays: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
                + [row("a1", "2027-02-12", "KINDRED CARE LTD", -16_000), row("a2", "2027-02-19", "KINDRED CARE LTD", -16_000)],
             assigned: ["a1": .line("S1"), "a2": .line("S1")],
             balance: 46_500, s1Planned: 180_000, s1Spent: 182_000, end: 48_000, aboveReserve: 0),
        // Sunday 21 March, before HMRC's quarterly 195.00: S2 has had nothing of its 195.00 so
        // far (4 January, 4 February, 4 March), and that is still owed. Balance 500 + 1,980 −
        // 11 × 150 = 830.00. S1 planned: k = 0…10, 1,650.00. End: 830 + 6,600 − (6,150 + 780) =
        // 500.00, as on plan: no surplus from a bill not yet paid.
        Case(name: "quarterly HMRC payment not yet due", transactions: statement(fridays: Array(0..<11), hmrc: false),
             asOf: "2027-03-21", balance: 83_000, s1Planned: 165_000, s1Spent: 165_000, end: 50_000, aboveReserve: 0),
        // Sunday 7 March, the 1 March payment not in. Due by then: 4 January, 1 February,
        // 1 March (3); received 2: 1 late, taken to come on 8 March. Balance 500 + 1,320 −
        // 9 × 150 = 470.00. S1 planned: k = 0…8, 1,350.00. To come: 1 + 10 = 11 × 660 =
        // 7,260.00. End: 470 + 7,260 − (6,450 + 780) = 500.00: a late payment moves no money.
        // 8 March: 470 + 660 − 150 (S1) − 195 (S2 owed) = 785.00: it never runs out.
        Case(name: "council payment late", transactions: statement(fridays: Array(0..<9), hmrc: false, council: ["2027-01-04", "2027-02-01"]),
             asOf: "2027-03-07", balance: 47_000, s1Planned: 135_000, s1Spent: 135_000, end: 50_000, aboveReserve: 0, late: 1),
        // Ann's line ends on 28 February and an agency line (S3, 163.00 a week) starts on 1 March.
        // S1: paydays 4 January … 22 February, 8 × 150 = 1,200.00. S3: 1 March + 7k up to 2 January
        // 2028, k = 0…43: 44 × 163 = 7,172.00. The direct payment: (1,200 + 7,172 + 780) × 4 ÷ 52
        // = 704.00. Statement: 3 × 704, Ann's 8 wages to 26 February, the agency 4 × 163 on the
        // Fridays from 5 March, HMRC 195. Balance 500 + 2,112 − 1,200 − 652 − 195 = 565.00.
        // S3 planned: 1, 8, 15, 22 March = 652.00. End: 565 + 10 × 704 − (0 + 6,520 + 585) = 500.00;
        // reserve 4 × 9,152 ÷ 52 = 704.00. S1 was last paid 26 February, 2 days before it ended:
        // no spend-line-unpaid.
        Case(name: "a line ending mid-period",
             edits: [("    payee: [ANN PATEL]\n", "    end: 2027-02-28\n    payee: [ANN PATEL]\n  - id: S3\n    what: Kindred Care\n    kind: agency\n    funding: council\n    management: direct-payment\n    rate: 163.00\n    unit: item\n    per: week\n    start: 2027-03-01\n    payee: [KINDRED CARE]\n")],
             transactions: statement(fridays: Array(0..<8)).map { t in
                 var t = t
                 if t.amountPence == 66_000 { t.amountPence = 70_400; t.balancePence = t.balancePence.map { _ in 120_400 } }
                 return t
             } + (8..<12).map { k in row("k\(k)", d("2027-01-08").adding(days: 7 * k).description, "KINDRED CARE LTD", -16_300) },
             balance: 56_500, s1Planned: 120_000, s1Spent: 120_000, end: 50_000, aboveReserve: 0),
        // Money running out. As of 21 March, Ann paid 170.00 a week (a rise not in the plan) and
        // no money brought forward (the first balance 660.00). Balance 0 + 1,980 − 11 × 170 =
        // 110.00. S1 spent 1,870.00 of 1,650.00 planned: 220.00 over, 13.3% > 10%: spend-line-over.
        // The statement's last row is Friday 19 March, so the forecast runs from then: on
        // 20 March, 110 − 195 (S2 owed) = −85.00: runs out on 2027-03-20.
        // End: 110 + 6,600 − (6,150 + 780) = −220.00.
        Case(name: "money running out",
             transactions: statement(fridays: Array(0..<11), wage: 17_000, hmrc: false).map { t in
                 var t = t
                 if t.balancePence != nil { t.balancePence = 66_000 }
                 return t
             },
             asOf: "2027-03-21", balance: 11_000, s1Planned: 165_000, s1Spent: 187_000, end: -22_000, aboveReserve: 0,
             runsOut: "2027-03-20", findings: [.spendLineOver, .spendRunsOut]),
        // A surplus: Ann left after 5 February (5 wages, 750.00). Balance 500 + 1,980 − 750 − 195 =
        // 1,535.00. End: 1,535 + 6,600 − 6,585 = 1,550.00, 890.00 above the 660.00 reserve:
        // spend-surplus. 51 days from 5 February to 28 March, more than 42: spend-line-unpaid.
        Case(name: "a surplus (the PA left)", transactions: statement(fridays: Array(0..<5)),
             balance: 153_500, s1Planned: 180_000, s1Spent: 75_000, end: 155_000, aboveReserve: 89_000,
             findings: [.spendLineUnpaid, .spendSurplus]),
    ]

    @Test(arguments: cases)
    func positionAndForecast(_ c: Case) throws {
        let r = try SpendPosition.compute(plan: Self.plan(c.edits), transactions: c.transactions, assigned: c.assigned,
                                          asOf: Self.d(c.asOf))
        #expect(r.balancePence == c.balance)
        let s1 = try #require(r.lines.first { $0.id == "S1" })
        #expect(s1.plannedToDatePence == c.s1Planned)
        #expect(s1.spentToDatePence == c.s1Spent)
        #expect(r.forecast.endBalancePence == c.end)
        #expect(r.forecast.aboveReservePence == c.aboveReserve)
        #expect(r.forecast.runsOutOn == c.runsOut.map(Self.d))
        #expect(r.forecast.paymentsLate == c.late)
        #expect(r.unmatched.count == c.unmatched)
        #expect(r.findings.map(\.rule) == c.findings, "\(r.findings.map(\.message))")
        // The periods add up to the balance: opening + in − out (+ rows missing from the statement).
        let sum = r.periods.reduce(r.openingBalancePence) { $0 + $1.inPence - $1.outPence + $1.missingPence }
        #expect(sum == r.balancePence)
    }

    /// The periods of the plan on plan, to 28 March: four-weekly from 4 January.
    @Test func periodsOnPlan() throws {
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: Self.statement(), asOf: Self.d("2027-03-28"))
        #expect(r.openingBalancePence == 50_000)  // 1,160.00 after the first 660.00 came in
        #expect(r.periods.map { "\($0.from)…\($0.to)" } == ["2027-01-04…2027-01-31", "2027-02-01…2027-02-28", "2027-03-01…2027-03-28"])
        #expect(r.periods.map(\.inPence) == [66_000, 66_000, 66_000])
        // Wages on the Fridays 8–29 January, 5–26 February, 5–26 March; HMRC 195.00 in March.
        #expect(r.periods.map(\.outPence) == [60_000, 60_000, 79_500])
        #expect(r.periods.map(\.balancePence) == [56_000, 62_000, 48_500])
        #expect(r.periods[2].byLine == [SpendAmount(id: "S1", pence: 60_000), SpendAmount(id: "S2", pence: 19_500)])
        #expect(r.periods.allSatisfy { $0.unplannedPence == 0 })
        #expect(r.forecast.reservePence == 66_000)
        #expect(r.forecast.paymentsToCome == 10)
        #expect(r.forecast.paymentsToComePence == 660_000)
        #expect(r.forecast.plannedToComePence == 658_500)
        // S2: 4 January, 4 February, 4 March = 195.00, all paid by HMRC's quarterly payment.
        #expect(r.lines.map(\.plannedToDatePence) == [180_000, 19_500])
        #expect(r.lines.map(\.differencePence) == [0, 0])
    }

    /// The as-of date defaults to the newest transaction's; later rows are left out.
    @Test func asOfDefaultsToTheNewestTransaction() throws {
        let rows = Self.statement()
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: rows)
        #expect(r.asOf == Self.d("2027-03-26"))
        let early = try SpendPosition.compute(plan: Self.plan(), transactions: rows, asOf: Self.d("2027-01-31"))
        // 500 + 660 − 4 × 150 = 560.00.
        #expect(early.balancePence == 56_000)
        #expect(early.transactions.count == 5)
    }

    /// A configured share: 1,820.00 against 1,800.00 is 1.1% over; at 1% it fires.
    @Test func lineOverShareIsConfigurable() throws {
        var policy = Policy.standard
        policy.spendLineOverPercent = Hundredths(whole: 1)
        let rows = Self.statement(fridays: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
            + [Self.row("a1", "2027-02-12", "KINDRED CARE LTD", -16_000), Self.row("a2", "2027-02-19", "KINDRED CARE LTD", -16_000)]
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: rows, assigned: ["a1": .line("S1"), "a2": .line("S1")],
                                          asOf: Self.d("2027-03-28"), policy: policy)
        #expect(r.findings.map(\.rule) == [.spendLineOver])
        #expect(r.findings.first?.path == "supports[0]")
    }

    /// The unpaid weeks are configurable: Ann unpaid since 5 February is 45 days on 22 March
    /// (the statement's last day, HMRC's payment; 28 March is after it), more than 6 weeks
    /// (42 days) but not more than 8 (56 days).
    @Test func unpaidWeeksAreConfigurable() throws {
        var policy = Policy.standard
        policy.spendLineUnpaidWeeks = Hundredths(whole: 8)
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: Self.statement(fridays: Array(0..<5)),
                                          asOf: Self.d("2027-03-28"), policy: policy)
        #expect(!r.findings.contains { $0.rule == .spendLineUnpaid })
        let plain = try SpendPosition.compute(plan: Self.plan(), transactions: Self.statement(fridays: Array(0..<5)),
                                              asOf: Self.d("2027-03-28"))
        let f = try #require(plain.findings.first { $0.rule == .spendLineUnpaid })
        #expect(f.plain.contains("safeguarding"))
        #expect(f.message.contains("since 2027-02-05: 45 days to 2027-03-22"))
    }

    /// The council's payments are rounded: S1 £100.00 a week and S2 £0.01 a year make
    /// 5,200.01 ÷ 52 = 100.0001… → £100.00 a week, 1p short over the year. Paid and spent
    /// exactly to plan from £0.00, the forecast ends at −£0.01 (S2's penny, owed from when half
    /// the year has passed): rounding within a penny a payment (52p), not money running out.
    @Test func roundingOfThePaymentsIsNotRunningOut() throws {
        let plan = Self.plan([("    rate: 15.00\n", "    rate: 10.00\n"),
                              ("    rate: 65.00\n    unit: item\n    per: month\n", "    rate: 0.01\n    unit: item\n    per: year\n"),
                              ("  payment: four-weekly\n", "  payment: weekly\n")])
        var rows: [Transaction] = []
        for k in 0..<12 {
            let day = Self.d("2027-01-04").adding(days: 7 * k).description
            rows.append(Self.row("c\(k)", day, "NORTHGATE COUNCIL DP", 10_000, balance: k == 0 ? 10_000 : nil))
            rows.append(Self.row("w\(k)", day, "ANN PATEL", -10_000))
        }
        let r = try SpendPosition.compute(plan: plan, transactions: rows, asOf: Self.d("2027-03-28"))
        #expect(r.balancePence == 0)
        #expect(r.forecast.paymentsToCome == 40)  // 52 Mondays, 12 paid
        #expect(r.forecast.endBalancePence == -1)  // 0 + 40 × 100.00 − (4,000.00 + 0.01)
        #expect(r.forecast.runsOutOn == nil)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
        // One more penny spent now is a real shortfall: it runs out at once.
        let over = try SpendPosition.compute(plan: plan, transactions: rows + [Self.row("x", "2027-03-28", "BANK CHARGE", -1)],
                                             asOf: Self.d("2027-03-28"))
        #expect(over.forecast.runsOutOn == Self.d("2027-03-28"))
    }

    /// A plan without dates cannot be followed.
    @Test func noDatesIsAProblem() {
        let p = readPlan("format: supportplan/1\nsupports:\n  - id: S1\n    rate: 10.00\n    per: week\n")
        #expect(throws: SpendProblem.self) { try SpendPosition.compute(plan: p, transactions: []) }
    }

    /// The statement with the bank's balance on every row (500.00 brought forward).
    static func withBalances(_ rows: [Transaction]) -> [Transaction] {
        var balance: Int64 = 50_000
        return rows.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map { e in
            var t = e.element
            balance += t.amountPence
            t.balancePence = balance
            return t
        }
    }

    /// Rows missing between two imports (12 February to 5 March: two wages and the 1 March
    /// council payment) show in the bank's balance: the balance is the bank's (485.00, as on
    /// plan), the gap is an error in plain words, and no payment is called late and no surplus
    /// forecast from it.
    @Test func aGapInTheStatementIsFoundFromItsBalances() throws {
        let whole = Self.withBalances(Self.statement())
        let cut = whole.filter { !($0.date > Self.d("2027-02-05") && $0.date < Self.d("2027-03-12")) }
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: cut, asOf: Self.d("2027-03-28"))
        #expect(r.balancePence == 48_500)
        // Missing: 660.00 in, wages 12, 19, 26 February and 5 March (4 × 150.00): +60.00.
        #expect(r.gaps == [SpendGap(after: Self.d("2027-02-05"), before: Self.d("2027-03-12"), missingPence: 6_000)])
        #expect(r.periods.map(\.missingPence) == [0, 0, 6_000])
        #expect(r.forecast.paymentsLate == 0)
        #expect(r.forecast.aboveReservePence == 0)
        #expect(r.forecast.runsOutOn == nil)
        #expect(!r.forecast.unknown.isEmpty)
        #expect(r.findings.map(\.rule) == [.spendStatementGap])
        #expect(r.findings.first?.severity == .error)
        #expect(r.findings.first?.plain == "Some of the statement is missing between 5 February 2027 and 12 March 2027: import the statement for those days.")
        #expect(SpendOutput.sentence(r, reserveWeeks: nil).hasPrefix("The forecast cannot be made: some of the statement is missing"))
        // The whole statement has no gap.
        #expect(try SpendPosition.compute(plan: Self.plan(), transactions: whole, asOf: Self.d("2027-03-28")).gaps.isEmpty)
    }

    /// A budget period longer than a year is refused: the lines are costed for a year.
    @Test func aPeriodLongerThanAYearIsRefused() {
        let p = Self.plan([("    to: 2028-01-02\n", "    to: 2028-01-31\n")])
        #expect {
            try SpendPosition.compute(plan: p, transactions: Self.statement())
        } throws: { e in
            (e as? SpendProblem)?.message.contains("is longer than a year") == true
        }
        // A year exactly (to 2028-01-03) is followed.
        #expect(throws: Never.self) {
            try SpendPosition.compute(plan: Self.plan([("    to: 2028-01-02\n", "    to: 2028-01-03\n")]), transactions: Self.statement())
        }
    }

    /// A reversed period is said to be reversed.
    @Test func aReversedPeriodIsSaidToBeReversed() {
        let p = Self.plan([("    from: 2027-01-04\n    to: 2028-01-02\n", "    from: 2028-01-02\n    to: 2027-01-04\n")])
        #expect {
            try SpendPosition.compute(plan: p, transactions: Self.statement())
        } throws: { e in
            (e as? SpendProblem)?.message.contains("`budget.period` is reversed") == true
        }
    }

    /// An as-of date far after the statement's last day (26 March): the figures run to that day,
    /// no payment is late and no line unpaid after it, and the forecast is as on plan (500.00).
    @Test func asOfAfterTheStatementEnds() throws {
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: Self.statement(), asOf: Self.d("2099-01-01"))
        #expect(r.asOf == Self.d("2028-01-02"))
        #expect(r.statementEnd == Self.d("2027-03-26"))
        #expect(r.knownTo == Self.d("2027-03-26"))
        #expect(r.forecast.paymentsLate == 0)
        #expect(r.forecast.endBalancePence == 50_000)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
        // A row years after the period (a typing slip) leaves the same figures.
        let typo = try SpendPosition.compute(plan: Self.plan(), transactions: Self.statement() + [Self.row("t", "2207-04-24", "TYPO YEAR", 100)])
        #expect(typo.statementEnd == Self.d("2027-03-26"))
        #expect(typo.forecast.endBalancePence == 50_000)
        #expect(typo.findings.isEmpty, "\(typo.findings.map(\.message))")
    }

    /// A statement to the period's last day with the council's later payments missing: they
    /// would come the day after, outside the period, so none is added to the end balance.
    @Test func latePaymentsAfterThePeriodAreNotAdded() throws {
        let rows = Self.statement() + [Self.row("z", "2028-01-02", "BANK CHARGE", -100)]
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: rows)
        #expect(r.forecast.paymentsLate == 10)
        #expect(r.forecast.paymentsToCome == 0)
        #expect(r.forecast.endBalancePence == r.balancePence - r.forecast.plannedToComePence)
    }

    /// Without `budget.payer` the council's payments cannot be told from other money in, and
    /// without `budget.payment` its payments to come are not known: the forecast is not made.
    @Test func noPayerOrPaymentMeansNoForecast() throws {
        let noPayer = try SpendPosition.compute(plan: Self.plan([("  payer: [Northgate Council]\n", "")]),
                                                transactions: Self.statement(fridays: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]),
                                                asOf: Self.d("2027-03-28"))
        #expect(noPayer.findings.map(\.rule) == [.spendForecastUnknown])
        #expect(noPayer.findings[0].message.contains("`budget.payer`"))
        #expect(noPayer.forecast.aboveReservePence == 0)
        let noPayment = try SpendPosition.compute(plan: Self.plan([("  payment: four-weekly\n", "")]),
                                                  transactions: Self.statement(), asOf: Self.d("2027-03-28"))
        #expect(noPayment.findings.map(\.rule) == [.spendForecastUnknown])
        #expect(noPayment.findings[0].message.contains("`budget.payment`"))
        #expect(noPayment.forecast.runsOutOn == nil)
    }

    /// The return starts at the earlier of the period's first day and the first row.
    @Test func theReturnStartsAtTheFirstRowWhenEarlier() throws {
        let rows = [Self.row("early", "2026-12-20", "FPS ANN PATEL WAGES", -15_000)] + Self.statement()
        let r = try SpendPosition.compute(plan: Self.plan(), transactions: rows, asOf: Self.d("2027-03-28"))
        let ret = SpendReturn(r)
        #expect(ret.from == Self.d("2026-12-20"))
        #expect(ret.rows.count == rows.count)
        #expect(throws: SpendProblem.self) { try SpendReturn.check(r, from: Self.d("2027-04-01")) }
    }
}
