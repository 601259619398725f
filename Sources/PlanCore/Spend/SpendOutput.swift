/// `supportplan spend PLAN` output: a page for people (the periods, each line planned against
/// spent, what is unmatched, the forecast in a sentence, the findings) and `--json` with every
/// amount in pence (docs/spend.md, "The position and the forecast"). Text from the statement
/// or the plan is shown with control characters made visible (`SafeText`).

public enum SpendOutput {
    /// "4 Jan 2027".
    static func short(_ d: PlanDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(d.day) \(names[d.month - 1]) \(d.year)"
    }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let c = s.count
        if c >= n { return s }
        let fill = String(repeating: " ", count: n - c)
        return right ? fill + s : s + fill
    }

    static func cut(_ s: String, _ n: Int) -> String {
        let one = s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return one.count <= n ? one : String(one.prefix(n - 1)) + "…"
    }

    static func signed(_ pence: Int64) -> String { pence > 0 ? "+" + Money.pounds(pence) : Money.pounds(pence) }

    /// The forecast in one sentence, as the "Money so far" screen says it.
    public static func sentence(_ r: SpendReport, reserveWeeks: Hundredths?) -> String {
        let f = r.forecast
        if !f.unknown.isEmpty {
            let now = f.runsOutOn.map { " The money ran out on \($0.spoken)." } ?? ""
            return "The forecast cannot be made: \(f.unknown.joined(separator: "; ")).\(now)"
        }
        if let out = f.runsOutOn {
            return "At this rate the money runs out on \(out.spoken), before the budget ends on \(f.to.spoken)."
        }
        let keep = reserveWeeks.map { "the \($0) week\($0 == Hundredths(whole: 1) ? "" : "s") you may keep" } ?? "the reserve (none is planned)"
        if f.aboveReservePence > 0 {
            return "At this rate \(Money.pounds(f.endBalancePence)) will be left on \(f.to.spoken): \(Money.pounds(f.aboveReservePence)) more than \(keep)."
        }
        return "At this rate \(Money.pounds(f.endBalancePence)) will be left on \(f.to.spoken), within \(keep) (\(Money.pounds(f.reservePence)))."
    }

    /// The page for people. `file` and `positions` place the findings (`file:line:column`).
    public static func text(_ r: SpendReport, plan: Plan, planID: String, file: String,
                            position: (String) -> Position) -> String {
        var o = ""
        let who = plan.person.preferredName ?? plan.person.name
        o += "Money so far for \(planID)\(who.map { " (\($0))" } ?? ""), as of \(r.asOf.spoken)\n"
        o += "Budget period \(r.budgetPeriod.from.spoken) to \(r.budgetPeriod.to.spoken)"
        o += r.payment.map { "; the council pays \($0.rawValue).\n" } ?? "; no `budget.payment`, so periods of 4 weeks.\n"
        if let end = r.statementEnd {
            o += "The statement ends on \(end.spoken); money after that is not known, so the figures are to that day.\n"
        }
        for g in r.gaps {
            o += "Some of the statement is missing between \(g.after.spoken) and \(g.before.spoken): import the statement for those days."
                + " The bank's balance is used (\(signed(g.missingPence)) not in the rows).\n"
        }
        o += "\n"
        o += pad("Period", 26) + pad("Money in", 12, right: true) + pad("Money out", 12, right: true)
            + pad("Unplanned", 12, right: true) + pad("Balance", 13, right: true) + "\n"
        o += pad("Brought forward", 26) + pad("", 36) + pad(Money.pounds(r.openingBalancePence), 13, right: true) + "\n"
        for p in r.periods {
            let label = p.from.year == p.to.year ? "\(short(p.from).dropLast(5)) – \(short(p.to))" : "\(short(p.from)) – \(short(p.to))"
            o += pad(label, 26) + pad(Money.pounds(p.inPence), 12, right: true) + pad(Money.pounds(p.outPence), 12, right: true)
                + pad(Money.pounds(p.unplannedPence), 12, right: true) + pad(Money.pounds(p.balancePence), 13, right: true) + "\n"
        }
        o += "\n"
        o += pad("Line", 5) + pad("What", 30) + pad("Planned so far", 15, right: true) + pad("Spent so far", 14, right: true)
            + pad("Difference", 12, right: true) + "\n"
        for l in r.lines {
            o += pad(l.id, 5) + pad(cut(SafeText.visible(l.what ?? ""), 29), 30) + pad(Money.pounds(l.plannedToDatePence), 15, right: true)
                + pad(Money.pounds(l.spentToDatePence), 14, right: true) + pad(signed(l.differencePence), 12, right: true) + "\n"
        }
        let unmatched = r.unmatched
        o += "\n"
        if unmatched.isEmpty {
            o += "Every transaction is matched to a line, the council, or marked not for care.\n"
        } else {
            o += "Unmatched (\(unmatched.count)): say what each was for with\n"
            o += "  supportplan spend assign \(planID) ID --line S1   (or --not-for-care \"why\")\n"
            for m in unmatched {
                let t = m.transaction
                o += "  \(t.id)  \(t.date)  " + pad(cut(SafeText.visible(t.description), 28), 28) + pad(signed(t.amountPence), 11, right: true) + "\n"
                if case .unmatched(let note?) = m.match { o += "    \(note)\n" }
            }
        }
        let f = r.forecast
        o += "\nForecast: \(sentence(r, reserveWeeks: plan.budget.reserveWeeks))\n"
        if f.unknown.isEmpty {
            o += "  Balance now \(Money.pounds(r.balancePence)) + \(f.paymentsToCome) council payment\(f.paymentsToCome == 1 ? "" : "s") to come "
            + "\(Money.pounds(f.paymentsToComePence))\(f.paymentsLate > 0 ? " (\(f.paymentsLate) late)" : "") − the plan's lines to "
            + "\(f.to) \(Money.pounds(f.plannedToComePence)) = \(Money.pounds(f.endBalancePence)).\n"
        } else {
            o += "  Balance now \(Money.pounds(r.balancePence)).\n"
        }
        if !r.findings.isEmpty {
            o += "\n"
            for x in r.findings {
                let pos = position(x.path)
                o += "\(SafeText.visible(file)):\(pos.line):\(pos.column): \(x.severity.rawValue)[\(x.rule.rawValue)]: \(SafeText.visible(x.message))\n"
                o += "  plain: \(SafeText.visible(x.plain))\n"
            }
        }
        return o
    }

    public static func json(_ r: SpendReport, planID: String, file: String, position: (String) -> Position) -> String {
        var w = JSONWriter()
        w.object { o in
            o.field("plan") { $0.string(planID) }
            o.field("file") { $0.string(file) }
            o.field("as_of") { $0.string(r.asOf.description) }
            o.field("budget_period") { w in
                w.object {
                    $0.field("from") { $0.string(r.budgetPeriod.from.description) }
                    $0.field("to") { $0.string(r.budgetPeriod.to.description) }
                }
            }
            o.field("payment") { $0.optionalString(r.payment?.rawValue) }
            o.field("opening_balance_pence") { $0.int(r.openingBalancePence) }
            o.field("periods") { w in
                w.array(r.periods) { w, p in
                    w.object {
                        $0.field("from") { $0.string(p.from.description) }
                        $0.field("to") { $0.string(p.to.description) }
                        $0.field("in_pence") { $0.int(p.inPence) }
                        $0.field("out_pence") { $0.int(p.outPence) }
                        $0.field("unplanned_pence") { $0.int(p.unplannedPence) }
                        $0.field("missing_pence") { $0.int(p.missingPence) }
                        $0.field("balance_pence") { $0.int(p.balancePence) }
                        $0.field("by_line") { w in
                            w.object { o in for a in p.byLine { o.field(a.id) { $0.int(a.pence) } } }
                        }
                    }
                }
            }
            o.field("lines") { w in
                w.array(r.lines) { w, l in
                    w.object {
                        $0.field("id") { $0.string(l.id) }
                        $0.field("planned_to_date_pence") { $0.int(l.plannedToDatePence) }
                        $0.field("spent_to_date_pence") { $0.int(l.spentToDatePence) }
                        $0.field("difference_pence") { $0.int(l.differencePence) }
                        $0.field("planned_in_period_pence") { $0.int(l.plannedInPeriodPence) }
                        $0.field("last_paid") { $0.optionalString(l.lastPaid?.description) }
                    }
                }
            }
            o.field("balance_pence") { $0.int(r.balancePence) }
            o.field("statement_end") { $0.optionalString(r.statementEnd?.description) }
            o.field("known_to") { $0.string(r.knownTo.description) }
            o.field("gaps") { w in
                w.array(r.gaps) { w, g in
                    w.object {
                        $0.field("after") { $0.string(g.after.description) }
                        $0.field("before") { $0.string(g.before.description) }
                        $0.field("missing_pence") { $0.int(g.missingPence) }
                    }
                }
            }
            o.field("unmatched") { w in
                w.array(r.unmatched) { w, m in
                    w.object {
                        $0.field("id") { $0.string(m.transaction.id) }
                        $0.field("date") { $0.string(m.transaction.date.description) }
                        $0.field("description") { $0.string(m.transaction.description) }
                        $0.field("amount_pence") { $0.int(m.transaction.amountPence) }
                        if case .unmatched(let note) = m.match { $0.field("note") { $0.optionalString(note) } }
                    }
                }
            }
            o.field("forecast") { w in
                let f = r.forecast
                w.object {
                    $0.field("to") { $0.string(f.to.description) }
                    $0.field("payments_to_come") { $0.int(Int64(f.paymentsToCome)) }
                    $0.field("payments_to_come_pence") { $0.int(f.paymentsToComePence) }
                    $0.field("payments_late") { $0.int(Int64(f.paymentsLate)) }
                    $0.field("planned_to_come_pence") { $0.int(f.plannedToComePence) }
                    $0.field("end_balance_pence") { $0.int(f.endBalancePence) }
                    $0.field("reserve_pence") { $0.int(f.reservePence) }
                    $0.field("above_reserve_pence") { $0.int(f.aboveReservePence) }
                    $0.field("runs_out_on") { $0.optionalString(f.runsOutOn?.description) }
                    $0.field("unknown") { w in w.array(f.unknown) { w, x in w.string(x) } }
                }
            }
            o.field("findings") { w in
                w.array(r.findings) { w, f in
                    let pos = position(f.path)
                    w.object {
                        $0.field("rule") { $0.string(f.rule.rawValue) }
                        $0.field("severity") { $0.string(f.severity.rawValue) }
                        $0.field("line") { $0.int(Int64(pos.line)) }
                        $0.field("column") { $0.int(Int64(pos.column)) }
                        $0.field("path") { $0.string(f.path) }
                        $0.field("message") { $0.string(f.message) }
                        $0.field("plain") { $0.string(f.plain) }
                        $0.field("acknowledged") { $0.bool(f.acknowledged) }
                    }
                }
            }
        }
        return w.text
    }
}
