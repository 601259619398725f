/// `supportplan totals`: the costing as a table people can read — each paid line's weekly and
/// annual cost, one-off costs, totals by funding source, the budget and what remains. Plan
/// text in it shows control characters visibly (`SafeText`).

public enum TotalsTable {
    /// `width`: the columns to fit (the "What" column takes what the others leave, at least 12);
    /// nil keeps "What" at 30 characters, as documents do.
    public static func render(_ plan: Plan, _ costing: Costing, policy: Policy = .standard, width: Int? = nil) -> String {
        var out = ""
        let who = (plan.person.preferredName ?? plan.person.name).map { SafeText.visible($0) }
        out += "Costing for \(plan.id.map { SafeText.visible($0) } ?? "this plan")\(who.map { " (\($0))" } ?? ""), \(costing.weeks.text) weeks a year\n\n"
        guard let t = costing.totals else {
            out += "This plan cannot be costed until these are put right: \(costing.unreadable.joined(separator: ", ")).\n"
            return out
        }
        let rows = costing.lines.map { line -> [String] in
            let s = plan.supports[line.index]
            return [SafeText.visible(s.id ?? "-"), clip(s.what ?? s.kind?.rawValue ?? "", Int.max), s.funding?.rawValue ?? "-",
                    line.weeklyPence.map(Money.pounds) ?? "", line.annualPence.map(Money.pounds) ?? "",
                    line.oneOffPence.map(Money.pounds) ?? ""]
        }
        var table: [[String]] = [["Line", "What", "Funding", "Weekly", "Annual", "One-off"]]
        table += rows
        table.append(["", "Total", "", Money.pounds(t.recurringWeeklyPence), Money.pounds(t.recurringAnnualPence),
                      Money.pounds(t.oneOffPence)])
        // "What" gets the width the other columns (and the two-space gaps) leave.
        let others = [0, 2, 3, 4, 5].map { c in table.map { $0[c].count }.max() ?? 0 }.reduce(0, +) + 2 * 5
        let whatWidth = width.map { max(12, $0 - others) } ?? 30
        for r in table.indices { table[r][1] = clip(table[r][1], whatWidth) }
        out += grid(table, rightAligned: [3, 4, 5], ruleBefore: table.count - 1)
        let weeklySum = costing.lines.compactMap(\.weeklyPence).reduce(0, +)
        if weeklySum != t.recurringWeeklyPence {
            out += "\nThe weekly total is the annual total ÷ \(costing.weeks.text) (\(Money.pounds(t.recurringWeeklyPence))); "
            out += "the weekly column adds up to \(Money.pounds(weeklySum)) because each line is rounded on its own.\n"
        }
        let unpaid = plan.supports.count - plan.supports.filter(\.isPaid).count
        if unpaid > 0 {
            out += "\n\(unpaid) more line\(unpaid == 1 ? "" : "s") cost nothing (unpaid help, free services or loans).\n"
        }
        out += "\nBy funding source\n"
        var byFunding: [[String]] = [["Funding", "Annual", "One-off", "Counted against the budget"]]
        byFunding += t.byFunding.map { [$0.funding.rawValue, Money.pounds($0.annualPence), Money.pounds($0.oneOffPence),
                                        $0.funding.isCounted ? "yes" : "no"] }
        out += grid(byFunding, rightAligned: [1, 2], ruleBefore: nil)
        out += "\n"
        var summary: [[String]] = [["Counted against the budget", Money.pounds(t.countedAgainstBudgetPence) + " a year"]]
        if let final = t.budgetFinalPence, let remaining = t.remainingPence {
            summary.append(["Budget (final)", Money.pounds(final) + " a year"])
            if remaining >= 0 {
                summary.append(["Remaining", Money.pounds(remaining) + " a year"])
            } else {
                summary.append(["Over budget by", Money.pounds(-remaining) + " a year  ✗"])
            }
        } else {
            summary.append(["Budget (final)", "not given"])
        }
        summary.append(["One-off costs (not counted)", Money.pounds(t.oneOffPence)])
        if let payment = t.payment, let commitment = t.commitmentPerPaymentPence {
            let each = paymentWords(payment)
            summary.append(["Commitment \(each)", Money.pounds(commitment)])
            if let dp = t.directPaymentPerPaymentPence {
                summary.append(["Direct payment \(each)", Money.pounds(dp)])
            }
        }
        out += grid(summary, rightAligned: [1], ruleBefore: nil, header: false)
        if let period = costing.period {
            out += "\nCosted over \(period.from) to \(period.to) (\(period.days) days).\n"
        }
        let parts = costing.lines.filter { $0.working != nil }
        for line in parts {
            out += "\(SafeText.visible(plan.supports[line.index].id ?? "-")): \(SafeText.visible(line.working!))\n"
        }
        if let m = EmployerModel.compute(plan, costing, policy: policy) { out += employer(m) }
        return out
    }

    /// "each week", "every 4 weeks", "each month".
    public static func paymentWords(_ p: PaymentFrequency) -> String {
        switch p {
        case .weekly: return "each week"
        case .fourWeekly: return "every 4 weeks"
        case .monthly: return "each month"
        }
    }

    /// The employer model's figures beside the plan's own on-cost lines.
    public static func employer(_ m: EmployerCosts) -> String {
        var rows: [[String]] = [["Employer cost", "Worked out", "In the plan"]]
        rows.append(["Employer NI\(m.allowancePence > 0 ? " (after allowance)" : "")", Money.pounds(m.niPence),
                     m.hasNILine ? Money.pounds(m.statedNIPence) : "no line"])
        rows.append(["Workplace pension", Money.pounds(m.pensionPence), m.hasPensionLine ? Money.pounds(m.statedPensionPence) : "no line"])
        rows.append(["Holiday cover", Money.pounds(m.holidayCoverPence),
                     m.hasHolidayCoverLine ? Money.pounds(m.statedHolidayCoverPence) : "no line"])
        var out = "\nEmployer (\(m.pas.count) PA\(m.pas.count == 1 ? "" : "s"), \(m.payroll.map { "\($0.rawValue) payroll" } ?? "yearly thresholds"))\n"
        out += grid(rows, rightAligned: [1, 2], ruleBefore: nil)
        for pa in m.pas {
            out += "- \(SafeText.visible(pa.name)): pay \(Money.pounds(pa.payPence)) from \(pa.from) to \(pa.to), NI category \(pa.category.rawValue)\n"
            out += "  NI: \(SafeText.visible(pa.niWorking))\n  Pension: \(SafeText.visible(pa.pensionWorking))\n"
                + "  Holiday cover: \(SafeText.visible(pa.holidayWorking))\n"
        }
        return out
    }

    static func clip(_ s: String, _ width: Int) -> String {
        let oneLine = SafeText.visible(s.split(whereSeparator: \.isNewline).joined(separator: " "))
        return oneLine.count <= width ? oneLine : String(oneLine.prefix(width - 1)) + "…"
    }

    /// Columns padded to their widest cell; a rule under the header and before `ruleBefore`.
    static func grid(_ rows: [[String]], rightAligned: Set<Int>, ruleBefore: Int?, header: Bool = true) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var out = ""
        for (r, row) in rows.enumerated() {
            if (header && r == 1) || r == ruleBefore {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
            var cells: [String] = []
            for (c, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                cells.append(rightAligned.contains(c) ? pad + cell : cell + pad)
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
