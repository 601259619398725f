/// The PA on-cost calculator: from the employer model (all of the person's PAs together), the
/// employer's costs as ordinary on-cost lines the planner can see and change, each with its
/// working shown, never a hidden percentage. It fills the plan's existing on-cost line of
/// each kind, or adds one when there is none: never a duplicate.

public struct OnCostProposal: Sendable, Equatable {
    public var onCost: OnCostType
    public var what: String
    public var rate: Money?
    public var unit: CostUnit
    public var quantity: Hundredths
    public var per: Period
    /// How the figure was worked out, in words.
    public var working: String
    /// The plan's existing on-cost line of this kind that the proposal updates; nil adds a line.
    public var replaces: Int?

    /// The proposal as a support line meeting what the PA line meets.
    public func support(id: String, from pa: Support) -> Support {
        var s = Support(id: id)
        s.what = what
        s.kind = .onCost
        s.onCost = onCost
        s.funding = pa.funding
        s.management = pa.management
        s.rate = rate
        s.unit = unit
        s.quantity = quantity
        s.per = per
        s.meets = pa.meets
        return s
    }
}

public enum OnCostCalculator {
    /// Proposals for the employer of the PA on line `index` (every PA of the plan together).
    public static func propose(_ plan: Plan, support index: Int, policy: Policy = .standard) -> [OnCostProposal] {
        guard index < plan.supports.count else { return [] }
        let existing = { (t: OnCostType) -> Int? in
            plan.supports.firstIndex { $0.kind == .onCost && $0.onCost == t }
        }
        var out: [OnCostProposal] = []
        let costing = Coster.cost(plan)
        if let m = EmployerModel.compute(plan, costing, policy: policy) {
            let names = listWords(m.pas.map(\.name))
            let ni = monthly(m.niPence)
            out.append(OnCostProposal(onCost: .employerNI, what: "Employer's National Insurance for \(names)",
                                      rate: Money(pence: ni), unit: .item, quantity: Hundredths(whole: 1), per: .month,
                                      working: m.pas.map { $0.named(\.niWorking) }.joined(separator: "; ") + ". Together: " + m.niWorking
                                        + " → \(Money.pounds(ni)) a month", replaces: existing(.employerNI)))
            if m.pensionPence > 0 || existing(.pension) != nil {
                let pension = monthly(m.pensionPence)
                out.append(OnCostProposal(onCost: .pension, what: "Workplace pension for \(names)", rate: Money(pence: pension),
                                          unit: .item, quantity: Hundredths(whole: 1), per: .month,
                                          working: m.pas.map { $0.named(\.pensionWorking) }.joined(separator: "; ")
                                            + " → \(Money.pounds(pension)) a month", replaces: existing(.pension)))
            } else {
                out.append(OnCostProposal(onCost: .pension, what: "Workplace pension (not needed now)", rate: nil, unit: .item,
                                          quantity: Hundredths(whole: 1), per: .month,
                                          working: m.pas.map { $0.named(\.pensionWorking) }.joined(separator: "; "), replaces: nil))
            }
            let rates = Set(m.pas.flatMap(\.lines).compactMap { plan.supports[$0].rate })
            let hours = m.pas.compactMap(\.holidayCoverHours)
            let working = m.pas.map { $0.named(\.holidayWorking) }.joined(separator: "; ")
            if rates.count == 1, let rate = rates.first, hours.count == m.pas.count,
               Int128(rate.pence) * Int128(hours.reduce(0) { $0 + $1.value }) == Int128(m.holidayCoverPence) * 100 {
                let total = Hundredths(hundredths: hours.reduce(0) { $0 + $1.value })
                out.append(OnCostProposal(onCost: .holidayCover, what: "Holiday cover for \(names)", rate: rate, unit: .hour,
                                          quantity: total, per: .year,
                                          working: working + " = \(total) hours a year at \(rate)", replaces: existing(.holidayCover)))
            } else {
                out.append(OnCostProposal(onCost: .holidayCover, what: "Holiday cover for \(names)",
                                          rate: Money(pence: m.holidayCoverPence), unit: .item, quantity: Hundredths(whole: 1),
                                          per: .year, working: working, replaces: existing(.holidayCover)))
            }
        } else {
            out.append(OnCostProposal(onCost: .employerNI, what: "Employer's National Insurance", rate: nil, unit: .item,
                                      quantity: Hundredths(whole: 1), per: .month,
                                      working: "Give the PA line a rate, how often and a start date first.", replaces: nil))
        }
        if existing(.elInsurance) == nil {
            out.append(OnCostProposal(onCost: .elInsurance, what: "Employer's liability insurance", rate: nil, unit: .item,
                                      quantity: Hundredths(whole: 1), per: .year,
                                      working: "A legal requirement; put in the quote's yearly premium.", replaces: nil))
        }
        if existing(.payroll) == nil {
            out.append(OnCostProposal(onCost: .payroll, what: "Payroll service", rate: nil, unit: .item,
                                      quantity: Hundredths(whole: 1), per: .month,
                                      working: "Put in the payroll service's monthly fee.", replaces: nil))
        }
        return out
    }

    /// Fills the plan's existing on-cost lines (rate, unit, quantity, per) and adds the rest as
    /// new lines after the last one, meeting what the PA line meets. A proposal with no figure
    /// never overwrites an existing line. Returns how many lines were updated and added.
    @discardableResult
    public static func apply(_ proposals: [OnCostProposal], to plan: inout Plan, from pa: Int) -> (updated: Int, added: Int) {
        var updated = 0, added = 0
        let paLine = plan.supports[pa]
        for p in proposals {
            if let i = p.replaces, i < plan.supports.count {
                guard p.rate != nil else { continue }
                plan.supports[i].rate = p.rate
                plan.supports[i].unit = p.unit
                plan.supports[i].quantity = p.quantity
                plan.supports[i].per = p.per
                plan.supports[i].rateChanges = []
                updated += 1
            } else if p.rate != nil || p.onCost == .elInsurance || p.onCost == .payroll {
                var n = plan.supports.count + 1
                while plan.supports.contains(where: { $0.id == "S\(n)" }) { n += 1 }
                plan.supports.append(p.support(id: "S\(n)", from: paLine))
                added += 1
            }
        }
        return (updated, added)
    }

    /// A year's amount as a monthly rate, rounded half-up.
    static func monthly(_ annual: Int64) -> Int64 { roundHalfUp(Int128(annual), 12) }
}
