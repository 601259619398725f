/// Money in use (docs/spend.md, "The position and the forecast"): a direct-payment account's
/// transactions set against the plan, payment period by payment period, each line's spending
/// against its plan to date, and a forecast to the end of the budget period. Pure: the plan,
/// the transactions, the assignments and a date in; every figure exact in pence.
///
/// `SpendPosition.compute` is the one call a screen or a command needs.

/// One payment period of the plan (`budget.payment`), laid from `budget.period.from`.
public struct SpendPeriod: Sendable, Equatable {
    public var from: PlanDate
    public var to: PlanDate
    /// Money in that is not a line's (the council's payments, and anything else paid in).
    public var inPence: Int64
    /// Money out: the lines' spending plus unplanned spending.
    public var outPence: Int64
    /// Money out that matches nothing in the plan, or is marked not for care.
    public var unplannedPence: Int64
    /// The balance at the end of the period (at the as-of date for the period it falls in).
    public var balancePence: Int64
    /// Each line's spending in the period (refunds taken off), lines in plan order.
    public var byLine: [SpendAmount]
    /// Money the bank's balances show but no imported row does: a gap in the statement ending
    /// in this period (see `SpendGap`). Part of `balancePence`, not of in or out.
    public var missingPence: Int64 = 0
}

/// Rows missing from the imported statement: the bank's balance on `before` is not the
/// balance before it plus the rows imported since `after` (the last day its balance agreed).
public struct SpendGap: Sendable, Equatable {
    public var after: PlanDate
    public var before: PlanDate
    /// The bank's balance less what the imported rows come to: what the missing rows came to.
    public var missingPence: Int64
}

/// An amount for one line.
public struct SpendAmount: Sendable, Equatable {
    public var id: String
    public var pence: Int64
    public init(id: String, pence: Int64) {
        self.id = id
        self.pence = pence
    }
}

/// One line of the plan the account pays for.
public struct SpendLine: Sendable, Equatable {
    public var id: String
    /// The line's index in `plan.supports`.
    public var index: Int
    public var what: String?
    /// From the dated costing: what the line should have cost up to the as-of date.
    public var plannedToDatePence: Int64
    /// Payments matched or assigned to it up to the as-of date, less refunds.
    public var spentToDatePence: Int64
    /// The line's cost over the whole budget period (a one-off line's cost).
    public var plannedInPeriodPence: Int64
    /// The date of the last payment to it, if any.
    public var lastPaid: PlanDate?
    /// Spent − planned: above zero, more has been spent than planned so far.
    public var differencePence: Int64 { spentToDatePence - plannedToDatePence }
}

/// The forecast to the end of the budget period.
public struct SpendForecast: Sendable, Equatable {
    /// The day the forecast runs to: `budget.period.to`.
    public var to: PlanDate
    /// Council payments still to come (late ones included), and their total.
    public var paymentsToCome: Int
    public var paymentsToComePence: Int64
    /// Payments due by the as-of date that have not come in.
    public var paymentsLate: Int
    /// What the plan's lines still cost from the as-of date to the end of the period.
    public var plannedToComePence: Int64
    public var endBalancePence: Int64
    /// `reserve_weeks` × the weekly direct payment (docs/spend.md).
    public var reservePence: Int64
    /// The end balance above the reserve (never below zero): money at risk of being taken back.
    public var aboveReservePence: Int64
    /// The first day the balance is below zero, if it is on any day up to the period's end.
    public var runsOutOn: PlanDate?
    /// Why the forecast cannot be made, in words (a gap in the statement, no `budget.payer`, no
    /// `budget.payment`); empty when it can. When not empty, nothing above the reserve is
    /// forecast, no payment is called late, and `runsOutOn` is only the as-of date when the
    /// balance is already below zero.
    public var unknown: [String] = []
}

/// Everything a "Money so far" view shows, as of one date.
public struct SpendReport: Sendable, Equatable {
    public var asOf: PlanDate
    public var budgetPeriod: CostPeriod
    public var payment: PaymentFrequency?
    /// The account's balance before the budget period's first day (from the statement's
    /// balance column, with anything dated before the period).
    public var openingBalancePence: Int64
    public var periods: [SpendPeriod]
    public var lines: [SpendLine]
    /// The balance at the as-of date.
    public var balancePence: Int64
    /// The statement's last day in view, when it is before the as-of date: money after it is
    /// not known, so every figure is to that day (`knownTo`).
    public var statementEnd: PlanDate?
    /// The day the figures run to: the as-of date, or the statement's last day before it.
    public var knownTo: PlanDate
    /// Rows missing from the statement, found from its balances, oldest first.
    public var gaps: [SpendGap] = []
    /// Every transaction up to the as-of date, with its match, oldest first.
    public var transactions: [MatchedTransaction]
    /// Those matching nothing yet.
    public var unmatched: [MatchedTransaction] { transactions.filter(\.isUnmatched) }
    public var forecast: SpendForecast
    /// `spend-…` findings, without file positions (`Finding.position` is nil).
    public var findings: [Finding]
}

/// Why no position can be given.
public struct SpendProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum SpendPosition {
    /// Council payments dated up to this many days before the budget period count towards it
    /// (councils often pay in advance).
    public static let paidInAdvanceDays = 14

    /// The position and forecast of `plan` as of `asOf` (default: the newest transaction's
    /// date, or the period's first day when there are none). Transactions after the as-of date
    /// are left out; an as-of date after the period's end is taken as its last day.
    public static func compute(plan: Plan, costing: Costing? = nil, transactions: [Transaction],
                               assigned: [String: Assignment] = [:], asOf: PlanDate? = nil,
                               policy: Policy = .standard) throws(SpendProblem) -> SpendReport {
        let costing = costing ?? Coster.cost(plan)
        guard let period = costing.period else {
            if let f = plan.budget.period.from, let t = plan.budget.period.to, t < f {
                throw SpendProblem(message: "`budget.period` is reversed: it ends on \(t), before it starts on \(f); swap `from` and `to`")
            }
            throw SpendProblem(message: "the plan has no dates: give `budget.period` (from and to) so the money can be followed")
        }
        let yearEnd = period.from.adding(years: 1).adding(days: -1)
        guard period.to <= yearEnd else {
            throw SpendProblem(message: "`budget.period` (\(period.from) to \(period.to), \(period.days) days) is longer than a year:"
                + " the plan's lines are costed for a year and the council pays a year's payments, so the money can be"
                + " followed over a year at most; give a `budget.period` of a year or less (to \(yearEnd) at the latest)")
        }
        guard let totals = costing.totals else {
            throw SpendProblem(message: "the plan cannot be costed (\(costing.unreadable.joined(separator: ", "))): run `supportplan check` and fix it first")
        }
        let ordered = transactions.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
        let newest = ordered.last?.date ?? period.from
        let asked = min(asOf ?? newest, period.to)
        let upTo = ordered.filter { $0.date <= asked }
        // Money after the statement's last day is not known: the figures run to that day.
        let day = upTo.last.map { min($0.date, asked) } ?? asked
        let statementEnd: PlanDate? = day < asked ? day : nil
        let matched = SpendMatcher.match(upTo, plan: plan, assigned: assigned)

        // The lines: paid by direct payment, or given payee words, or paid something.
        var paidIDs = Set<String>()
        for m in matched { if let id = m.lineID { paidIDs.insert(id) } }
        var accountLines: [(index: Int, support: Support, cost: LineCost)] = []
        var seen = Set<String>()
        for (i, s) in plan.supports.enumerated() {
            guard let id = s.id, !seen.contains(id), let cost = costing.line(i) else { continue }
            guard s.isDirectPayment || !s.payee.isEmpty || paidIDs.contains(id) else { continue }
            seen.insert(id)
            accountLines.append((i, s, cost))
        }

        // The opening balance: the first balance the statement gives, less what came before it.
        var opening: Int64 = 0
        if let k = ordered.firstIndex(where: { $0.balancePence != nil }) {
            opening = ordered[k].balancePence! - ordered[...k].reduce(0) { $0 + $1.amountPence }
        }
        let gaps = findGaps(upTo, opening: opening)
        let before = matched.filter { $0.transaction.date < period.from }
        let openingInPeriod = opening + before.reduce(0) { $0 + $1.transaction.amountPence }
            + gaps.filter { $0.before < period.from }.reduce(0) { $0 + $1.missingPence }

        // Payment periods up to the as-of date.
        let starts = periodStarts(period, plan.budget.payment ?? .fourWeekly)
        var periods: [SpendPeriod] = []
        var balance = openingInPeriod
        var rest = matched.filter { $0.transaction.date >= period.from }[...]
        for (k, from) in starts.enumerated() where from <= day {
            let to = k + 1 < starts.count ? starts[k + 1].adding(days: -1) : period.to
            var p = SpendPeriod(from: from, to: to, inPence: 0, outPence: 0, unplannedPence: 0, balancePence: 0,
                                byLine: accountLines.map { SpendAmount(id: $0.support.id!, pence: 0) })
            while let m = rest.first, m.transaction.date <= to {
                rest.removeFirst()
                let amount = m.transaction.amountPence
                switch m.match {
                case .line(let id):
                    if let j = p.byLine.firstIndex(where: { $0.id == id }) { p.byLine[j].pence -= amount }
                    p.outPence -= amount
                case .payer, .notForCare, .unmatched:
                    if amount > 0 { p.inPence += amount } else { p.unplannedPence -= amount; p.outPence -= amount }
                }
            }
            p.missingPence = gaps.filter { $0.before >= from && $0.before <= to }.reduce(0) { $0 + $1.missingPence }
            balance += p.inPence - p.outPence + p.missingPence
            p.balancePence = balance
            periods.append(p)
        }
        let balanceNow = periods.last?.balancePence
            ?? (opening + matched.reduce(0) { $0 + $1.transaction.amountPence } + gaps.reduce(0) { $0 + $1.missingPence })

        // Each line to date.
        let weeks = costing.weeks
        var lines: [SpendLine] = accountLines.map { l in
            let mine = matched.filter { $0.lineID == l.support.id }
            return SpendLine(
                id: l.support.id!, index: l.index, what: l.support.what,
                plannedToDatePence: planned(through: day, l.support, l.cost, period: period, weeks: weeks),
                spentToDatePence: mine.reduce(0) { $0 - $1.transaction.amountPence },
                plannedInPeriodPence: l.cost.oneOffPence ?? l.cost.annualPence ?? 0,
                lastPaid: mine.last { $0.transaction.amountPence < 0 }?.transaction.date)
        }
        lines.sort { $0.index < $1.index }

        // Why the forecast cannot be made, if it cannot.
        var unknown: [String] = []
        for g in gaps {
            unknown.append("some of the statement is missing between \(g.after.spoken) and \(g.before.spoken)")
        }
        if plan.budget.payer.isEmpty {
            unknown.append("the plan does not say who the council's payments come from (`budget.payer`), so they cannot be told from other money in")
        }
        if plan.budget.payment == nil || totals.directPaymentPerPaymentPence == nil {
            unknown.append("the plan does not say how often the council pays (`budget.payment`: weekly, four-weekly or monthly), so its payments to come are not known")
        }

        // Payments to come: the capped payment dates, less the council payments received.
        let payment = plan.budget.payment
        let dates = payment.map { paymentDates(period, $0, weeks) } ?? []
        let due = dates.filter { $0 <= day }.count
        let perPayment = totals.directPaymentPerPaymentPence ?? 0
        // A payment from the council of at least half the payment is one of its payments; a
        // smaller one (for one-off costs, an adjustment) is extra money in.
        let received = matched.filter {
            $0.match == .payer && $0.transaction.date >= period.from.adding(days: -paidInAdvanceDays)
                && 2 * $0.transaction.amountPence >= perPayment
        }.count
        let late = unknown.isEmpty ? max(0, due - received) : 0
        let toCome = max(0, dates.count - received)
        var arrivals: [PlanDate] = Array(repeating: day.adding(days: 1), count: late) + dates.filter { $0 > day }
        // A late payment comes the day after the as-of date: one after the period's end is not in it.
        arrivals = Array(arrivals.prefix(toCome)).filter { $0 <= period.to }

        // What the lines still cost, and the day-by-day balance for the date it runs out.
        // A line paid on its paydays still costs what it is planned to cost after the as-of
        // date (what was not spent before it is saved); a line paid when billed still costs
        // what is planned up to each day and not yet paid (a bill not yet come is owed).
        func future(_ l: SpendLine, _ d: PlanDate) -> Int64 {
            let a = accountLines.first { $0.index == l.index }!
            let p = planned(through: d, a.support, a.cost, period: period, weeks: weeks)
            if paidWhenBilled(a.support) { return max(p, l.spentToDatePence) - l.spentToDatePence }
            return p - l.plannedToDatePence
        }
        let plannedToCome = lines.reduce(0) { $0 + future($1, period.to) }
        let end = balanceNow + Int64(arrivals.count) * perPayment - plannedToCome
        // The payments are rounded to the penny: over the period they can fall short of the
        // lines' cost by up to half a penny each. A forecast shortfall within a penny a payment
        // is that rounding, not money running out.
        let rounding = Int64(dates.count)
        var runsOut: PlanDate? = balanceNow < 0 ? day : nil
        if runsOut == nil, day < period.to, unknown.isEmpty {
            var d = day.adding(days: 1), paid: Int64 = 0, next = 0
            while d <= period.to {
                while next < arrivals.count, arrivals[next] <= d { paid += perPayment; next += 1 }
                let spent = lines.reduce(0) { $0 + future($1, d) }
                if balanceNow + paid - spent < -rounding { runsOut = d; break }
                d = d.adding(days: 1)
            }
        }
        let dpAnnual = costing.lines.filter { plan.supports[$0.index].isDirectPayment && $0.funding == .council }
            .compactMap(\.annualPence).reduce(0, +)
        let reserve = reservePence(annualDirectPayment: dpAnnual, reserveWeeks: plan.budget.reserveWeeks, weeks: weeks)
        let forecast = SpendForecast(
            to: period.to, paymentsToCome: arrivals.count, paymentsToComePence: Int64(arrivals.count) * perPayment,
            paymentsLate: late, plannedToComePence: plannedToCome, endBalancePence: end, reservePence: reserve,
            aboveReservePence: unknown.isEmpty ? max(0, end - reserve) : 0, runsOutOn: runsOut, unknown: unknown)

        var report = SpendReport(
            asOf: asked, budgetPeriod: period, payment: payment, openingBalancePence: openingInPeriod, periods: periods,
            lines: lines, balancePence: balanceNow, statementEnd: statementEnd, knownTo: day, gaps: gaps,
            transactions: matched, forecast: forecast, findings: [])
        report.findings = SpendFindings.findings(report, plan: plan, policy: policy)
        return report
    }

    /// Where the statement's balances disagree with its rows: day by day, the balance before
    /// the day plus the day's rows should be one of the balances the bank gives that day. When
    /// it is not, rows are missing since the last day a balance was given; from then on the
    /// bank's balance is the balance.
    static func findGaps(_ rows: [Transaction], opening: Int64) -> [SpendGap] {
        var gaps: [SpendGap] = []
        var running = opening
        var lastGiven: PlanDate?
        var i = 0
        while i < rows.count {
            let date = rows[i].date
            var j = i
            while j < rows.count, rows[j].date == date { j += 1 }
            let day = rows[i..<j]
            let dayEnd = running + day.reduce(0) { $0 + $1.amountPence }
            if let k = day.lastIndex(where: { $0.balancePence != nil }) {
                let given = day.compactMap(\.balancePence)
                let bank = day[k].balancePence! + day[(k + 1)...].reduce(0) { $0 + $1.amountPence }
                if !given.contains(dayEnd) && bank != dayEnd {
                    gaps.append(SpendGap(after: lastGiven ?? date, before: date, missingPence: bank - dayEnd))
                    running = bank
                } else {
                    running = dayEnd
                }
                lastGiven = date
            } else {
                running = dayEnd
            }
            i = j
        }
        return gaps
    }

    /// A yearly, one-off or on-cost line (insurance, employer NI paid each quarter, a payroll
    /// fee) is paid when the bill comes, not on its paydays. Holiday cover is not: it is spent
    /// as the PAs' pay while one covers for the other, week by week.
    public static func paidWhenBilled(_ s: Support) -> Bool {
        (s.per == .year || s.per == .once || s.kind == .onCost) && s.onCost != .holidayCover
    }

    /// `reserve_weeks` × the annual direct payment ÷ W, rounded half-up once.
    public static func reservePence(annualDirectPayment: Int64, reserveWeeks: Hundredths?, weeks: WeeksPerYear) -> Int64 {
        guard let rw = reserveWeeks, rw.value > 0 else { return 0 }
        return roundHalfUp(Int128(annualDirectPayment) * Int128(rw.value) * 1000, 100 * Int128(weeks.thousandths))
    }

    /// What a line should have cost from the period's start up to and including `day`: the
    /// dated costing of the line as if it stopped running that day (a one-off line: its whole
    /// cost from its `start`, or the period's first day).
    public static func planned(through day: PlanDate, _ s: Support, _ cost: LineCost, period: CostPeriod,
                               weeks: WeeksPerYear) -> Int64 {
        if let once = cost.oneOffPence { return (s.start ?? period.from) <= day ? once : 0 }
        guard let rate = s.rate, let per = s.per else { return 0 }
        if day >= period.to { return cost.annualPence ?? 0 }
        let runFrom = max(s.start ?? period.from, period.from)
        guard day >= runFrom else { return 0 }
        var cut = s
        cut.end = min(s.end ?? day, day)
        return Coster.costLine(index: cost.index, cut, rate: rate, per: per, weeks: weeks, period: period).annualPence ?? 0
    }

    /// The first day of each payment period: every 7 or 28 days, or the same day each month,
    /// from the budget period's first day.
    public static func periodStarts(_ period: CostPeriod, _ payment: PaymentFrequency) -> [PlanDate] {
        var out: [PlanDate] = []
        var k = 0
        while true {
            let d: PlanDate
            switch payment {
            case .weekly: d = period.from.adding(days: 7 * k)
            case .fourWeekly: d = period.from.adding(days: 28 * k)
            case .monthly: d = period.from.adding(months: k)
            }
            if d > period.to { return out }
            out.append(d)
            k += 1
        }
    }

    /// The council's payment dates: the periods' first days, no more than the payments a year
    /// makes (W weekly, W ÷ 4 four-weekly, 12 monthly, whole payments) in a year's period.
    public static func paymentDates(_ period: CostPeriod, _ payment: PaymentFrequency, _ weeks: WeeksPerYear) -> [PlanDate] {
        let starts = periodStarts(period, payment)
        let yearDays = period.from.adding(years: 1).dayNumber - period.from.dayNumber
        guard period.days <= yearDays else { return starts }
        let cap: Int
        switch payment {
        case .weekly: cap = Int(weeks.thousandths / 1000)
        case .fourWeekly: cap = Int(weeks.thousandths / 4000)
        case .monthly: cap = 12
        }
        return Array(starts.prefix(cap))
    }
}
