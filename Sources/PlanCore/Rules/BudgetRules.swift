/// Budget and costs (domain §10 rules 8, 14–16, 40–44): the three budget figures agree,
/// the counted cost fits the budget without leaving much unplanned, and changes are explained.

public enum BudgetRules {
    static func check(_ c: RuleContext) -> [Finding] {
        let b = c.plan.budget
        var out: [Finding] = []
        // A paid line half filled in: never costed as if the blank were 1 or nothing.
        for (i, s) in c.plan.supports.enumerated() {
            let id = s.id ?? "line \(i + 1)"
            let counted: Set<CostUnit> = [.hour, .visit, .day, .night, .session]
            if s.rate != nil, s.quantity == nil, s.kept.raw["quantity"] == nil, let unit = s.unit, counted.contains(unit) {
                out.append(c.finding(.fieldInvalid, "supports[\(i)].quantity",
                    "support \(id) is paid by the \(unit.rawValue) but has no `quantity`; say how many (a blank is not counted as 1)",
                    plain: "Say how many hours, visits or items \(id) is for."))
            }
            if s.rate == nil, s.kept.raw["rate"] == nil, s.quantity != nil, s.funding != Funding.none, let unit = s.unit, counted.contains(unit) {
                out.append(c.finding(.fieldInvalid, "supports[\(i)].rate",
                    "support \(id) has a quantity but no `rate`; give the rate, or `funding: none` if it costs nothing",
                    plain: "Say what \(id) costs, or say it is free."))
            }
        }
        let finalUnread = b.kept.raw["final"] != nil
        if b.final == nil && !finalUnread {
            out.append(c.finding(.budgetMissing, "budget.final",
                "the plan has no final personal budget (`budget.final`)",
                plain: "Your plan does not say yet how much money you have for support."))
        }
        if let final = b.final, b.kept.raw["person_contribution"] == nil, b.kept.raw["council_contribution"] == nil {
            let person = b.personContribution?.pence ?? 0, council = b.councilContribution?.pence ?? 0
            if final.pence != person + council {
                let missing = [b.personContribution == nil ? "person_contribution" : nil,
                               b.councilContribution == nil ? "council_contribution" : nil].compactMap { $0 }
                let why = missing.isEmpty ? "" : " (\(listWords(missing)) not given)"
                out.append(c.finding(.budgetPartsMismatch, "budget.final",
                    "the final budget \(final) is not the person's contribution \(Money.pounds(person)) plus the council's \(Money.pounds(council)) = \(Money.pounds(person + council))\(why)",
                    plain: "The part you pay and the part the council pays should add up to your money for support."))
            }
        }
        if let t = c.costing.totals, let final = b.final {
            let counted = t.countedAgainstBudgetPence
            if counted > final.pence {
                out.append(c.finding(.overBudget, "budget.final",
                    "the supports cost \(Money.pounds(counted)) a year, \(Money.pounds(counted - final.pence)) more than the budget of \(final)",
                    plain: "Your plan costs \(Money.pounds(counted - final.pence)) a year more than your money."))
            } else if (final.pence - counted) * 10_000 > final.pence * c.policy.underspendPercent.value {
                let gap = final.pence - counted
                out.append(c.finding(.underspend, "budget.final",
                    "\(Money.pounds(gap)) of the \(final) budget is not planned (more than \(c.policy.underspendPercent)%); unplanned money is often taken back",
                    plain: "\(Money.pounds(gap)) a year of your money is not planned for. The council may take back money that is not used."))
            }
        }
        if let final = b.final, let indicative = b.indicative, final > indicative, !b.justification.hasWords {
            out.append(c.finding(.aboveIndicativeUnjustified, "budget.justification",
                "the final budget \(final) is above the indicative \(indicative) and there is no `justification`",
                plain: "Your plan needs more money than the first rough amount. Write down why."))
        }
        if let amount = authorisationAmount(c.plan, c.costing), let level = neededLevel(amount, c.policy),
           level != c.policy.signerLevels.first?.name {
            let lowest = c.policy.signerLevels.first
            let oneOff = countedOneOff(c.costing)
            let what = oneOff > 0 ? "a budget of \(b.final ?? amount) a year and one-off costs of \(Money.pounds(oneOff)), \(amount) in all," : "a budget of \(amount) a year"
            out.append(c.finding(.authorisationLevel, "budget.final",
                "\(what) is above the \(lowest?.name ?? "lowest") limit of \(lowest?.upTo?.description ?? "-"); it needs sign-off by \(level)",
                plain: "Because of the amount, a more senior manager needs to agree your plan."))
        }
        for (i, s) in c.plan.supports.enumerated() where s.per == .once {
            guard let cost = c.costing.line(i)?.oneOffPence, cost > c.policy.oneOffAuthorisation.pence else { continue }
            out.append(c.finding(.oneOffAuthorisation, "supports[\(i)].rate",
                "one-off line \(s.id ?? "\(i + 1)") costs \(Money.pounds(cost)), above the \(c.policy.oneOffAuthorisation) a manager must agree for a one-off cost; it counts towards the sign-off level",
                plain: "This one-off cost of \(Money.pounds(cost)) is large, so a manager must agree it."))
        }
        if let t = c.costing.totals {
            let personLines = c.costing.lines.filter { $0.funding == .person && $0.annualPence != nil }
            let person = personLines.compactMap(\.annualPence).reduce(0, +)
            let contribution = b.personContribution?.pence ?? 0
            if person > contribution, b.kept.raw["person_contribution"] == nil, t.budgetFinalPence != nil || b.personContribution != nil {
                let ids = personLines.map { c.plan.supports[$0.index].id ?? "\($0.index + 1)" }
                out.append(c.finding(.personFundingExceedsContribution, "budget.person_contribution",
                    "lines funded by the person (\(listWords(ids))) cost \(Money.pounds(person)) a year, \(Money.pounds(person - contribution)) more than the assessed contribution of \(Money.pounds(contribution))",
                    plain: "The plan has you paying \(Money.pounds(person - contribution)) a year more than the amount you were assessed to pay."))
            }
        }
        if let final = b.final, let previous = b.previousFinal, final < previous, !b.changeReason.hasWords {
            out.append(c.finding(.budgetCutUnexplained, "budget.change_reason",
                "the final budget \(final) is lower than the last signed-off \(previous) and there is no `change_reason`",
                plain: "Your money is going down from \(previous) to \(final). The plan must say why."))
        }
        if let weeks = b.reserveWeeks, weeks > c.policy.reserveWeeksLimit {
            out.append(c.finding(.reserveOverLimit, "budget.reserve_weeks",
                "a planned reserve of \(weeks) weeks is above the local limit of \(c.policy.reserveWeeksLimit) weeks; the excess may be recovered",
                plain: "You plan to keep back more money than the council allows (\(c.policy.reserveWeeksLimit) weeks). It may be taken back."))
        }
        for (i, s) in c.plan.supports.enumerated() where s.per == .once && s.unit == .week {
            out.append(c.finding(.oneOffRecurringPeriod, "supports[\(i)].per",
                "line \(s.id ?? "\(i + 1)") is costed once but its unit is a week: a weekly cost written as one-off",
                plain: "This looks like a weekly cost but it is written as paid only once."))
        }
        return out
    }

    /// The amount a signer's level is set by: the final budget (or, without one, the counted
    /// recurring cost) plus the one-off costs of the personal budget (funded by council or
    /// person). Nil when there is neither a final budget nor totals. Sign-off uses this too.
    public static func authorisationAmount(_ plan: Plan, _ costing: Costing) -> Money? {
        guard let recurring = plan.budget.final?.pence ?? costing.totals?.countedAgainstBudgetPence else { return nil }
        return Money(pence: recurring + countedOneOff(costing))
    }

    /// One-off costs funded by `council` or `person`.
    static func countedOneOff(_ costing: Costing) -> Int64 {
        costing.lines.filter { $0.funding?.isCounted ?? false }.compactMap(\.oneOffPence).reduce(0, +)
    }

    /// The lowest signer level whose limit covers the budget (the last level has no limit).
    static func neededLevel(_ final: Money, _ policy: Policy) -> String? {
        policy.signerLevels.first { level in level.upTo.map { final <= $0 } ?? true }?.name
            ?? policy.signerLevels.last?.name
    }
}
