/// The exact costing arithmetic of `docs/format.md`: integer pence, each line's cost over the
/// budget period rounded half-up once (part-period lines and rate changes costed piece by
/// piece), weekly figures derived from the rounded cost.

/// One paid line's cost.
public struct LineCost: Sendable, Equatable {
    public var index: Int
    public var id: String?
    public var funding: Funding?
    /// Rounded annual cost; nil for a one-off line.
    public var annualPence: Int64?
    /// Annual ÷ weeks per year, rounded half-up; nil for a one-off line.
    public var weeklyPence: Int64?
    /// The one-off cost; nil for a recurring line.
    public var oneOffPence: Int64?
    /// Funded by `council` or `person` and recurring: measured against `budget.final`.
    public var counted: Bool
    /// The days the line runs inside the budget period, when that is not the whole period
    /// or its rate changes in it (then it was costed piece by piece); nil otherwise.
    public var runs: (from: PlanDate, to: PlanDate)?
    /// How the line's cost was worked out, when costed piece by piece.
    public var working: String?

    public static func == (a: LineCost, b: LineCost) -> Bool {
        a.index == b.index && a.id == b.id && a.funding == b.funding && a.annualPence == b.annualPence
            && a.weeklyPence == b.weeklyPence && a.oneOffPence == b.oneOffPence && a.counted == b.counted
            && a.runs?.from == b.runs?.from && a.runs?.to == b.runs?.to && a.working == b.working
    }
}

/// The dates the costing covers, both days included.
public struct CostPeriod: Sendable, Equatable {
    public var from: PlanDate
    public var to: PlanDate
    public init(from: PlanDate, to: PlanDate) {
        self.from = from
        self.to = to
    }
    /// Days in the period, both ends included.
    public var days: Int { to.dayNumber - from.dayNumber + 1 }

    /// `budget.period`, or a year from the first start of a recurring paid line (else of any
    /// line, else `created`).
    public static func of(_ plan: Plan) -> CostPeriod? {
        let p = plan.budget.period
        switch (p.from, p.to) {
        case let (from?, to?): return to < from ? nil : CostPeriod(from: from, to: to)
        case let (from?, nil): return CostPeriod(from: from, to: from.adding(years: 1).adding(days: -1))
        case let (nil, to?): return CostPeriod(from: to.adding(days: 1).adding(years: -1), to: to)
        case (nil, nil):
            let recurring = plan.supports.filter { $0.isPaid && $0.per != .once }
            guard let from = recurring.compactMap(\.start).min() ?? plan.supports.compactMap(\.start).min() ?? plan.created
            else { return nil }
            return CostPeriod(from: from, to: from.adding(years: 1).adding(days: -1))
        }
    }
}

/// The plan's totals, all in integer pence.
public struct Totals: Sendable, Equatable {
    public var recurringAnnualPence: Int64
    public var recurringWeeklyPence: Int64
    public var oneOffPence: Int64
    public var countedAgainstBudgetPence: Int64
    public var budgetFinalPence: Int64?
    public var remainingPence: Int64?
    /// Annual and one-off totals by funding source, in the format's order of sources.
    public var byFunding: [(funding: Funding, annualPence: Int64, oneOffPence: Int64)]
    /// `budget.payment`, and how many payments it makes a year (nil when not given).
    public var payment: PaymentFrequency?
    /// The counted cost for one payment period (counted ÷ payments a year), rounded half-up.
    public var commitmentPerPaymentPence: Int64?
    /// The direct payment per payment: recurring council-funded direct-payment lines ÷ payments a year.
    public var directPaymentPerPaymentPence: Int64?

    public static func == (a: Totals, b: Totals) -> Bool {
        a.recurringAnnualPence == b.recurringAnnualPence && a.recurringWeeklyPence == b.recurringWeeklyPence
            && a.oneOffPence == b.oneOffPence && a.countedAgainstBudgetPence == b.countedAgainstBudgetPence
            && a.budgetFinalPence == b.budgetFinalPence && a.remainingPence == b.remainingPence
            && a.byFunding.map(\.funding) == b.byFunding.map(\.funding)
            && a.byFunding.map(\.annualPence) == b.byFunding.map(\.annualPence)
            && a.byFunding.map(\.oneOffPence) == b.byFunding.map(\.oneOffPence)
            && a.payment == b.payment && a.commitmentPerPaymentPence == b.commitmentPerPaymentPence
            && a.directPaymentPerPaymentPence == b.directPaymentPerPaymentPence
    }
}

public struct Costing: Sendable, Equatable {
    /// Every paid line that could be costed, in plan order.
    public var lines: [LineCost]
    /// Nil when any costing input could not be read: a partial sum would mislead.
    public var totals: Totals?
    /// Paths of the inputs that stopped the costing (empty when `totals` exists).
    public var unreadable: [String]
    public var weeks: WeeksPerYear
    /// The budget period the lines were costed over; nil when the plan has no date at all.
    public var period: CostPeriod?

    public func line(_ index: Int) -> LineCost? { lines.first { $0.index == index } }
}

/// `n ÷ d` rounded half-up, for n ≥ 0 and d > 0.
@inlinable
func roundHalfUp(_ n: Int128, _ d: Int128) -> Int64 {
    Int64((2 * n + d) / (2 * d))
}

public enum Coster {
    public static func cost(_ plan: Plan) -> Costing {
        let weeks = plan.budget.weeks
        let period = CostPeriod.of(plan)
        var unreadable: [String] = []
        if plan.budget.kept.raw["weeks_per_year"] != nil { unreadable.append("budget.weeks_per_year") }
        var lines: [LineCost] = []
        for (i, s) in plan.supports.enumerated() where s.isPaid {
            var bad = ["rate", "quantity", "shared_by", "per", "start", "end"].filter { s.kept.raw[$0] != nil }
            if s.kept.raw["rate_changes"] != nil || s.rateChanges.contains(where: { $0.from == nil || $0.rate == nil }) {
                bad.append("rate_changes")
            }
            if !bad.isEmpty { unreadable += bad.map { "supports[\(i)].\($0)" }; continue }
            guard let rate = s.rate, let per = s.per else { unreadable.append("supports[\(i)].per"); continue }
            lines.append(costLine(index: i, s, rate: rate, per: per, weeks: weeks, period: period))
        }
        if plan.budget.kept.raw["final"] != nil { unreadable.append("budget.final") }
        if plan.budget.period.kept.raw["from"] != nil || plan.budget.period.kept.raw["to"] != nil
            || plan.budget.kept.raw["period"] != nil { unreadable.append("budget.period") }
        // Each line is below 2^53 (money ≤ £10m, quantity ≤ 100,000); only an absurd number of
        // such lines could pass 64 bits, and then no total is given rather than a wrong one.
        let sum = lines.reduce(Int128(0)) { $0 + Int128($1.annualPence ?? 0) + Int128($1.oneOffPence ?? 0) }
        if sum > Int128(Int64.max / 2) { unreadable.append("supports") }
        guard unreadable.isEmpty else {
            return Costing(lines: lines, totals: nil, unreadable: unreadable, weeks: weeks, period: period)
        }
        var t = totals(lines, final: plan.budget.final, weeks: weeks)
        if let payment = plan.budget.payment {
            t.payment = payment
            t.commitmentPerPaymentPence = perPayment(t.countedAgainstBudgetPence, payment, weeks)
            let dp = lines.filter { plan.supports[$0.index].isDirectPayment && $0.funding == .council }
            t.directPaymentPerPaymentPence = perPayment(dp.compactMap(\.annualPence).reduce(0, +), payment, weeks)
        }
        return Costing(lines: lines, totals: t, unreadable: [], weeks: weeks, period: period)
    }

    /// An annual amount ÷ payments a year (W weekly, W ÷ 4 four-weekly, 12 monthly), half-up.
    public static func perPayment(_ annualPence: Int64, _ payment: PaymentFrequency, _ weeks: WeeksPerYear) -> Int64 {
        switch payment {
        case .weekly: return roundHalfUp(Int128(annualPence) * 1000, Int128(weeks.thousandths))
        case .fourWeekly: return roundHalfUp(Int128(annualPence) * 4000, Int128(weeks.thousandths))
        case .monthly: return roundHalfUp(Int128(annualPence), 12)
        }
    }

    /// The line's cost over the budget period. A line running the whole period at one rate
    /// costs its annual cost; otherwise each piece (days at one rate) is costed exactly over
    /// a common denominator and the sum is rounded once (docs/format.md, "Part of the period").
    public static func costLine(index: Int, _ s: Support, rate: Money, per: Period, weeks: WeeksPerYear,
                                period: CostPeriod?) -> LineCost {
        guard per != .once, let period else { return costLine(index: index, s, rate: rate, per: per, weeks: weeks) }
        let changes = s.rateChanges.compactMap { c in c.from.flatMap { f in c.rate.map { (f, $0) } } }.sorted { $0.0 < $1.0 }
        let runFrom = max(s.start ?? period.from, period.from), runTo = min(s.end ?? period.to, period.to)
        func rateOn(_ day: PlanDate) -> Money { changes.last { $0.0 <= day }?.1 ?? rate }
        let cuts = changes.map(\.0).filter { $0 > runFrom && $0 <= runTo }
        let whole = runFrom == period.from && runTo == period.to
        if whole && cuts.isEmpty {
            return costLine(index: index, s, rate: rateOn(runFrom), per: per, weeks: weeks)
        }
        var line = LineCost(index: index, id: s.id, funding: s.funding, annualPence: 0, weeklyPence: 0, oneOffPence: nil,
                            counted: s.funding?.isCounted ?? false, runs: (runFrom, runTo), working: nil)
        guard runFrom <= runTo else {
            line.working = "runs on no day of the budget period (\(period.from) to \(period.to)): £0.00"
            return line
        }
        let quantity = Int128((s.quantity ?? Hundredths(whole: 1)).value), shared = Int128(s.sharedBy ?? 1)
        let p = Int128(period.days), w = Int128(weeks.thousandths)
        var num: Int128 = 0, den: Int128
        var pieces: [String] = []
        let starts = [runFrom] + cuts
        // The days a weekly, 4-weekly or monthly line is paid: every 7 or 28 days, or the same
        // day each month, from the day it starts running in the period.
        func paydays(_ a: PlanDate, _ b: PlanDate) -> Int128 {
            switch per {
            case .week, .fourWeeks:
                let step = per == .week ? 7 : 28
                let first = (a.dayNumber - runFrom.dayNumber + step - 1) / step, last = (b.dayNumber - runFrom.dayNumber) / step
                return Int128(max(0, last - first + 1))
            case .month:
                var n: Int128 = 0, j = 0
                while true {
                    let day = runFrom.adding(months: j)
                    if day > b { break }
                    if day >= a { n += 1 }
                    j += 1
                }
                return n
            case .year, .once: return 0
            }
        }
        var total: Int128 = 0
        if whole {
            // The whole period with a rate change: W weeks (or 12 months) spread over its days.
            den = 100 * shared * 28_000 * p
            for (k, a) in starts.enumerated() {
                let b = k + 1 < starts.count ? starts[k + 1].adding(days: -1) : runTo
                let d = Int128(b.dayNumber - a.dayNumber + 1), r = rateOn(a)
                let base = Int128(r.pence) * quantity * d
                switch per {
                case .week: num += base * w * 28
                case .fourWeeks: num += base * w * 7
                case .month: num += base * 12 * 28_000
                case .year, .once: num += base * 28_000
                }
                let how: String
                switch per {
                case .week: how = "× \(weeks.text) weeks × \(d)/\(p) days"
                case .fourWeeks: how = "× \(weeks.text) ÷ 4 × \(d)/\(p) days"
                case .month: how = "× 12 × \(d)/\(p) days"
                case .year, .once: how = "× \(d)/\(p) days"
                }
                pieces.append("\(a) to \(b): \(r) × \(s.quantity ?? Hundredths(whole: 1))\(shared > 1 ? " ÷ \(shared)" : "") \(how)")
            }
        } else {
            // Part of the period: each payday at the rate of that day; a year line by its days.
            den = 100 * shared * p
            for (k, a) in starts.enumerated() {
                let b = k + 1 < starts.count ? starts[k + 1].adding(days: -1) : runTo
                let d = Int128(b.dayNumber - a.dayNumber + 1), r = rateOn(a)
                let n = paydays(a, b)
                total += n
                num += per == .year ? Int128(r.pence) * quantity * d : Int128(r.pence) * quantity * n * p
                let how = per == .year ? "× \(d)/\(p) days" : "× \(n) \(per == .month ? "month" : per == .week ? "week" : "4-week")\(n == 1 ? "" : "s")"
                pieces.append("\(a) to \(b): \(r) × \(s.quantity ?? Hundredths(whole: 1))\(shared > 1 ? " ÷ \(shared)" : "") \(how)")
            }
            // Never more paydays than a whole period has: W weeks, W ÷ 4, 12 months.
            let cap: (Int128, Int128)? = per == .week ? (w, 1000) : per == .fourWeeks ? (w, 4000) : per == .month ? (12, 1) : nil
            if let (c, scale) = cap, total * scale > c {
                num *= c
                den *= total * scale
                pieces.append("capped at \(per == .month ? "12 months" : per == .week ? "\(weeks.text) weeks" : "\(weeks.text) ÷ 4") (× \(c)/\(total * scale))")
            }
        }
        let cost = roundHalfUp(num, den)
        line.annualPence = cost
        line.weeklyPence = weekly(cost, weeks)
        line.working = pieces.joined(separator: "; ") + " = \(Money.pounds(cost))"
        return line
    }

    /// amount = rate × quantity ÷ shared_by, kept exact as a fraction of pence.
    public static func costLine(index: Int, _ s: Support, rate: Money, per: Period, weeks: WeeksPerYear) -> LineCost {
        let quantity = Int128((s.quantity ?? Hundredths(whole: 1)).value)
        let shared = Int128(s.sharedBy ?? 1)
        // amount (pence) = rate × quantity/100 ÷ shared
        let num = Int128(rate.pence) * quantity
        let den = 100 * shared
        let w = Int128(weeks.thousandths)
        var line = LineCost(index: index, id: s.id, funding: s.funding, annualPence: nil, weeklyPence: nil,
                            oneOffPence: nil, counted: false)
        let annual: Int64
        switch per {
        case .week: annual = roundHalfUp(num * w, den * 1000)
        case .fourWeeks: annual = roundHalfUp(num * w, den * 1000 * 4)
        case .month: annual = roundHalfUp(num * 12, den)
        case .year: annual = roundHalfUp(num, den)
        case .once:
            line.oneOffPence = roundHalfUp(num, den)
            return line
        }
        line.annualPence = annual
        line.weeklyPence = weekly(annual, weeks)
        line.counted = s.funding?.isCounted ?? false
        return line
    }

    public static func weekly(_ annualPence: Int64, _ weeks: WeeksPerYear) -> Int64 {
        roundHalfUp(Int128(annualPence) * 1000, Int128(weeks.thousandths))
    }

    static func totals(_ lines: [LineCost], final: Money?, weeks: WeeksPerYear) -> Totals {
        let annual = lines.compactMap(\.annualPence).reduce(0, +)
        let counted = lines.filter(\.counted).compactMap(\.annualPence).reduce(0, +)
        var byFunding: [(funding: Funding, annualPence: Int64, oneOffPence: Int64)] = []
        for f in Funding.allCases {
            let mine = lines.filter { $0.funding == f }
            guard !mine.isEmpty else { continue }
            byFunding.append((f, mine.compactMap(\.annualPence).reduce(0, +), mine.compactMap(\.oneOffPence).reduce(0, +)))
        }
        return Totals(
            recurringAnnualPence: annual,
            recurringWeeklyPence: weekly(annual, weeks),
            oneOffPence: lines.compactMap(\.oneOffPence).reduce(0, +),
            countedAgainstBudgetPence: counted,
            budgetFinalPence: final?.pence,
            remainingPence: final.map { $0.pence - counted },
            byFunding: byFunding)
    }
}
