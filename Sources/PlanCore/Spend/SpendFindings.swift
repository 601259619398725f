/// The findings on money in use (docs/rules.md, "Money in use"): spending on nothing in the
/// plan, a line over its plan to date, money forecast above the reserve, money running out,
/// and a PA or care line nobody has been paid for (care that may not be happening).

public enum SpendFindings {
    /// Kinds of line where no payment can mean no care.
    static let careKinds: Set<SupportKind> = [.pa, .agency, .careHome, .supportedLiving, .sharedLives]

    static func findings(_ r: SpendReport, plan: Plan, policy: Policy) -> [Finding] {
        var out: [Finding] = []
        // spend-statement-gap: the bank's balances show rows that were not imported.
        for g in r.gaps {
            out.append(Finding(
                .spendStatementGap, path: "budget",
                message: "the statement's balance on \(g.before) is \(Money.pounds(g.missingPence)) away from its rows since \(g.after):"
                    + " rows are missing between \(g.after) and \(g.before). The bank's balance is used; import the statement for those days",
                plain: "Some of the statement is missing between \(g.after.spoken) and \(g.before.spoken): import the statement for those days."))
        }
        // spend-forecast-unknown: what the forecast needs and does not have.
        let needs = r.forecast.unknown.filter { !$0.hasPrefix("some of the statement") }
        if !needs.isEmpty {
            let field = [r.forecast.unknown.contains { $0.contains("`budget.payer`") } ? "budget.payer" : nil,
                         r.forecast.unknown.contains { $0.contains("`budget.payment`") } ? "budget.payment" : nil].compactMap { $0 }
            out.append(Finding(
                .spendForecastUnknown, path: "budget",
                message: "the forecast cannot be made: \(needs.joined(separator: "; ")). Give \(field.map { "`\($0)`" }.joined(separator: " and ")) in the plan",
                plain: "We cannot say how your money will last: the plan does not say "
                    + field.map { $0 == "budget.payer" ? "who the council's payments come from" : "how often the council pays" }.joined(separator: " or ")
                    + ". Ask whoever writes your plan to add it."))
        }
        let spentOut = r.transactions.filter { $0.transaction.amountPence < 0 }

        // spend-unplanned: money out matching no line (with those marked not for care, once
        // any is unexplained: an explained one alone does not fire).
        let unplanned = spentOut.filter { m in
            switch m.match {
            case .unmatched, .notForCare: return true
            case .line, .payer: return false
            }
        }
        if unplanned.contains(where: \.isUnmatched) {
            let sum = unplanned.reduce(0) { $0 - $1.transaction.amountPence }
            let open = unplanned.filter(\.isUnmatched)
            let shown = unplanned.prefix(3).map { "\($0.transaction.date) \($0.transaction.description) \(Money.pounds(-$0.transaction.amountPence))" }
            let more = unplanned.count > 3 ? " and \(unplanned.count - 3) more" : ""
            let explained = unplanned.count - open.count
            let tail = explained > 0 ? "; \(explained) of them marked not for care" : ""
            out.append(Finding(
                .spendUnplanned, path: "supports",
                message: "\(unplanned.count) payment\(unplanned.count == 1 ? "" : "s") out, \(Money.pounds(sum)), pay for nothing in the plan (\(shown.joined(separator: "; "))\(more))\(tail)",
                plain: "\(Money.pounds(sum)) was spent on things that are not in your plan. Say what each one was for,"
                    + " or the council may ask for the money back."))
        }

        for l in r.lines {
            let s = plan.supports[l.index]
            let name = s.what.map { "\(l.id) (\($0))" } ?? l.id
            // spend-line-over: over the plan to date by more than the share; a line paid when
            // billed (yearly, one-off, on-cost) only when over its cost for the whole period.
            let lumpy = SpendPosition.paidWhenBilled(s)
            let base = lumpy ? l.plannedInPeriodPence : l.plannedToDatePence
            let over = l.spentToDatePence - base
            if over > 0, Int128(over) * 10_000 > Int128(base) * Int128(policy.spendLineOverPercent.value) {
                let against = lumpy ? "its cost for the whole budget period" : "its plan to date"
                out.append(Finding(
                    .spendLineOver, path: "supports[\(l.index)]",
                    message: "\(l.id) has had \(Money.pounds(l.spentToDatePence)) to \(r.knownTo), \(Money.pounds(over)) over \(against) of \(Money.pounds(base)) (more than \(policy.spendLineOverPercent)% over)",
                    plain: "More has been spent on \(name) than planned: \(Money.pounds(l.spentToDatePence)) spent, \(Money.pounds(base)) planned so far."
                        + " Check the payments, or ask the council to change the plan."))
            }
            // spend-line-unpaid: a PA or care line running, and nobody paid for it for too long.
            guard let kind = s.kind, careKinds.contains(kind), s.per != .once else { continue }
            let runFrom = max(s.start ?? r.budgetPeriod.from, r.budgetPeriod.from)
            let runTo = min(s.end ?? r.budgetPeriod.to, r.budgetPeriod.to, r.knownTo)
            guard runFrom <= runTo else { continue }
            let firstSeen = r.transactions.first?.transaction.date ?? r.knownTo
            let since = [l.lastPaid, runFrom, firstSeen].compactMap { $0 }.max()!
            // Rows missing from the statement between may hold the payments.
            if r.gaps.contains(where: { $0.before > since && $0.after < runTo }) { continue }
            let gap = runTo.dayNumber - since.dayNumber
            if Int64(gap) * 100 > policy.spendLineUnpaidWeeks.value * 7 {
                let what = l.lastPaid.map { "since \($0)" } ?? "at all since \(since)"
                out.append(Finding(
                    .spendLineUnpaid, path: "supports[\(l.index)]",
                    message: "nothing has been paid for \(l.id) \(what): \(gap) days to \(runTo), more than \(policy.spendLineUnpaidWeeks) weeks."
                        + " The care may not be happening; find out, and treat it as a possible safeguarding matter",
                    plain: "Nobody has been paid for \(name) \(l.lastPaid.map { "since \($0.spoken)" } ?? "at all since \(since.spoken)")."
                        + " This may mean you are not getting the help in your plan. Tell someone you trust or the council:"
                        + " it can be a safeguarding matter."))
            }
        }

        let f = r.forecast
        if let out0 = f.runsOutOn {
            out.append(Finding(
                .spendRunsOut, path: "budget",
                message: "at this rate the money runs out on \(out0), before the budget period ends on \(f.to) (balance \(Money.pounds(r.balancePence)) on \(r.asOf), forecast \(Money.pounds(f.endBalancePence)) at the end)",
                plain: "At this rate your money runs out on \(out0.spoken), before your budget ends on \(f.to.spoken)."
                    + " Talk to the council now, so your support does not stop."))
        } else if f.unknown.isEmpty, f.aboveReservePence > 0 {
            let weeks = plan.budget.reserveWeeks.map { "the \($0) weeks' reserve of \(Money.pounds(f.reservePence))" } ?? "the reserve of £0.00 (no `reserve_weeks`)"
            out.append(Finding(
                .spendSurplus, path: "budget",
                message: "at this rate \(Money.pounds(f.endBalancePence)) will be left on \(f.to): \(Money.pounds(f.aboveReservePence)) more than \(weeks), which the council may take back",
                plain: "At this rate \(Money.pounds(f.endBalancePence)) will be left on \(f.to.spoken): \(Money.pounds(f.aboveReservePence)) more than you may keep."
                    + " Plan how to use it for your support, or the council may take it back."))
        }
        return out
    }
}
