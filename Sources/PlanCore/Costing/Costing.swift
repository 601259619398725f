/// The exact costing arithmetic of `shared/spec/plan-format.md`: integer pence, each line's
/// annual cost rounded half-up once, weekly figures derived from the rounded annual cost.

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

    public static func == (a: Totals, b: Totals) -> Bool {
        a.recurringAnnualPence == b.recurringAnnualPence && a.recurringWeeklyPence == b.recurringWeeklyPence
            && a.oneOffPence == b.oneOffPence && a.countedAgainstBudgetPence == b.countedAgainstBudgetPence
            && a.budgetFinalPence == b.budgetFinalPence && a.remainingPence == b.remainingPence
            && a.byFunding.map(\.funding) == b.byFunding.map(\.funding)
            && a.byFunding.map(\.annualPence) == b.byFunding.map(\.annualPence)
            && a.byFunding.map(\.oneOffPence) == b.byFunding.map(\.oneOffPence)
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
        var unreadable: [String] = []
        if plan.budget.kept.raw["weeks_per_year"] != nil { unreadable.append("budget.weeks_per_year") }
        var lines: [LineCost] = []
        for (i, s) in plan.supports.enumerated() where s.isPaid {
            let bad = ["rate", "quantity", "shared_by", "per"].filter { s.kept.raw[$0] != nil }
            if !bad.isEmpty { unreadable += bad.map { "supports[\(i)].\($0)" }; continue }
            guard let rate = s.rate, let per = s.per else { unreadable.append("supports[\(i)].per"); continue }
            lines.append(costLine(index: i, s, rate: rate, per: per, weeks: weeks))
        }
        if plan.budget.kept.raw["final"] != nil { unreadable.append("budget.final") }
        // Each line is below 2^53 (money ≤ £10m, quantity ≤ 100,000); only an absurd number of
        // such lines could pass 64 bits, and then no total is given rather than a wrong one.
        let sum = lines.reduce(Int128(0)) { $0 + Int128($1.annualPence ?? 0) + Int128($1.oneOffPence ?? 0) }
        if sum > Int128(Int64.max / 2) { unreadable.append("supports") }
        guard unreadable.isEmpty else { return Costing(lines: lines, totals: nil, unreadable: unreadable, weeks: weeks) }
        return Costing(lines: lines, totals: totals(lines, final: plan.budget.final, weeks: weeks),
                       unreadable: [], weeks: weeks)
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
