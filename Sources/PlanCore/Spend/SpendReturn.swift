/// The direct-payment audit return for the council (docs/spend.md, "For the council"): for
/// the days asked, every statement line with what it paid for, the unplanned items with their
/// explanation, the balance and the reserve; as text, Markdown or one HTML page. And the
/// matched transactions as CSV. Built from a `SpendReport` computed as of the return's last day.

public enum SpendReturnFormat: String, Sendable, CaseIterable {
    case text, markdown, html
}

public struct SpendReturn: Sendable {
    public var report: SpendReport
    public var from: PlanDate
    public var to: PlanDate
    /// The statement lines from `from` to `to`, oldest first.
    public var rows: [MatchedTransaction]
    public var openingPence: Int64
    public var closingPence: Int64

    /// The return for `from`…`report.asOf` (`from` defaults to the budget period's first day,
    /// or the first transaction's when that is earlier, so no row is left out). A `from` after
    /// the last day is refused (`SpendReturn.check`); here it is taken as the last day.
    public init(_ report: SpendReport, from: PlanDate? = nil) {
        self.report = report
        self.to = report.asOf
        let first = report.transactions.first.map { min($0.transaction.date, report.budgetPeriod.from) } ?? report.budgetPeriod.from
        self.from = min(from ?? first, report.asOf)
        let start = self.from
        rows = report.transactions.filter { $0.transaction.date >= start }
        closingPence = report.balancePence
        openingPence = closingPence - rows.reduce(0) { $0 + $1.transaction.amountPence }
    }

    /// Why `from` cannot start a return as of `report`: it is after the last day.
    public static func check(_ report: SpendReport, from: PlanDate?) throws(SpendProblem) {
        guard let from, from > report.asOf else { return }
        throw SpendProblem(message: "--from \(from) is after the last day, \(report.asOf) (the --as-of date, or the newest transaction's):"
            + " give a --from on or before it")
    }

    /// What a row paid for, in words.
    public static func paidFor(_ m: MatchedTransaction, plan: Plan) -> String {
        switch m.match {
        case .line(let id):
            let what = plan.supports.first { $0.id == id }?.what.map { ": " + firstLine($0) } ?? ""
            return "\(id)\(what)\(m.source == .assigned ? " (assigned)" : "")"
        case .payer: return "The council's direct payment"
        case .notForCare(let reason): return "Not for care: \(reason)"
        case .unmatched(let note):
            return "Not yet explained\(note.map { " (\($0))" } ?? "")"
        }
    }

    static func firstLine(_ s: String) -> String { s.split(whereSeparator: \.isNewline).first.map(String.init) ?? "" }

    var unplanned: [MatchedTransaction] {
        rows.filter { m in
            switch m.match {
            case .notForCare, .unmatched: return m.transaction.amountPence < 0
            case .line, .payer: return false
            }
        }
    }

    public func render(_ format: SpendReturnFormat, plan: Plan, planID: String) -> String {
        let who = plan.person.name ?? plan.person.preferredName ?? ""
        let title = "Direct payment return: \(planID)\(who.isEmpty ? "" : ", \(who)")"
        let f = report.forecast
        let money = rows.map { ($0.transaction.date.description, $0.transaction.description,
                                SpendOutput.signed($0.transaction.amountPence), Self.paidFor($0, plan: plan)) }
        let unplannedRows = unplanned.map { ($0.transaction.date.description, $0.transaction.description,
                                             Money.pounds(-$0.transaction.amountPence), Self.paidFor($0, plan: plan)) }
        let summary: [(String, String)] = [
            ("Days covered", "\(from.spoken) to \(to.spoken)"),
            ("Budget period", "\(report.budgetPeriod.from.spoken) to \(report.budgetPeriod.to.spoken)"),
            ("Balance at the start", Money.pounds(openingPence)),
            ("Money in", Money.pounds(rows.filter { $0.transaction.amountPence > 0 && $0.lineID == nil }.reduce(0) { $0 + $1.transaction.amountPence })),
            ("Spent on the plan's lines", Money.pounds(rows.filter { $0.lineID != nil }.reduce(0) { $0 - $1.transaction.amountPence })),
            ("Spent on nothing in the plan", Money.pounds(unplanned.reduce(0) { $0 - $1.transaction.amountPence })),
            ("Balance at the end", Money.pounds(closingPence)),
            ("Reserve the plan allows", plan.budget.reserveWeeks.map { "\(Money.pounds(f.reservePence)) (\($0) weeks of the direct payment)" } ?? "none planned"),
            ("Balance above the reserve", Money.pounds(max(0, closingPence - f.reservePence))),
            ("Forecast", SpendOutput.sentence(report, reserveWeeks: plan.budget.reserveWeeks)),
        ]
        switch format {
        case .text:
            var o = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
            for (k, v) in summary { o += SpendOutput.pad(k + ":", 30) + v + "\n" }
            o += "\nStatement lines\n\n"
            for (d, t, a, w) in money {
                o += "\(d)  " + SpendOutput.pad(SpendOutput.cut(t, 30), 30) + SpendOutput.pad(a, 12, right: true) + "  \(SpendOutput.cut(w, 60))\n"
            }
            o += "\nUnplanned items\n\n"
            if unplannedRows.isEmpty { o += "None.\n" }
            for (d, t, a, w) in unplannedRows { o += "\(d)  \(t)  \(a)  \(w)\n" }
            return SafeText.visible(o, keepNewlines: true)
        case .markdown:
            let e = { (s: String) in SafeText.markdown(s).replacingAll("|", with: "\\|") }
            var o = "# \(e(title))\n\n| | |\n|---|---|\n"
            for (k, v) in summary { o += "| \(e(k)) | \(e(v)) |\n" }
            o += "\n## Statement lines\n\n| Date | Description | Amount | Paid for |\n|---|---|---:|---|\n"
            for (d, t, a, w) in money { o += "| \(d) | \(e(t)) | \(e(a)) | \(e(w)) |\n" }
            o += "\n## Unplanned items\n\n"
            if unplannedRows.isEmpty { o += "None.\n" } else {
                o += "| Date | Description | Amount | Explanation |\n|---|---|---:|---|\n"
                for (d, t, a, w) in unplannedRows { o += "| \(d) | \(e(t)) | \(e(a)) | \(e(w)) |\n" }
            }
            return o
        case .html:
            func h(_ s: String) -> String {
                SafeText.visible(s).replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;")
                    .replacingAll(">", with: "&gt;").replacingAll("\"", with: "&quot;")
            }
            var o = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(h(title))</title>\n"
            o += "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
                + "td,th{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}"
                + "@page{size:A4;margin:15mm}</style>\n</head>\n<body>\n"
            o += "<h1>\(h(title))</h1>\n<table>\n"
            for (k, v) in summary { o += "<tr><th>\(h(k))</th><td>\(h(v))</td></tr>\n" }
            o += "</table>\n<h2>Statement lines</h2>\n<table>\n<tr><th>Date</th><th>Description</th><th>Amount</th><th>Paid for</th></tr>\n"
            for (d, t, a, w) in money { o += "<tr><td>\(d)</td><td>\(h(t))</td><td class=\"n\">\(h(a))</td><td>\(h(w))</td></tr>\n" }
            o += "</table>\n<h2>Unplanned items</h2>\n"
            if unplannedRows.isEmpty { o += "<p>None.</p>\n" } else {
                o += "<table>\n<tr><th>Date</th><th>Description</th><th>Amount</th><th>Explanation</th></tr>\n"
                for (d, t, a, w) in unplannedRows { o += "<tr><td>\(d)</td><td>\(h(t))</td><td class=\"n\">\(h(a))</td><td>\(h(w))</td></tr>\n" }
                o += "</table>\n"
            }
            return o + "</body>\n</html>\n"
        }
    }

    /// The transactions as CSV (RFC 4180): date, description, amount (pounds, signed), what it
    /// is (`line`, `council`, `not-for-care`, `unmatched`), the line, how it was matched, the
    /// reason or note, the transaction id. A text cell starting with `=`, `+`, `-` or `@` gets a
    /// leading `'` so a spreadsheet shows it rather than runs it.
    public func csv(byteOrderMark: Bool = false) -> String {
        func cell(_ s: String) -> String {
            guard let c = s.first, "=+-@".contains(c) else { return s }
            return "'" + s
        }
        let header = ["date", "description", "amount", "kind", "line", "matched_by", "reason", "transaction_id"]
        let body: [[String]] = rows.map { m in
            let t = m.transaction
            let sign = t.amountPence < 0 ? "-" : ""
            let amount = "\(sign)\(t.amountPence.magnitude / 100).\(twoDigits(t.amountPence.magnitude % 100))"
            switch m.match {
            case .line(let id): return [t.date.description, cell(t.description), amount, "line", id, m.source.rawValue, "", t.id]
            case .payer: return [t.date.description, cell(t.description), amount, "council", "", m.source.rawValue, "", t.id]
            case .notForCare(let r): return [t.date.description, cell(t.description), amount, "not-for-care", "", m.source.rawValue, cell(r), t.id]
            case .unmatched(let n): return [t.date.description, cell(t.description), amount, "unmatched", "", "", cell(n ?? ""), t.id]
            }
        }
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + body { out += row.map(PlanExport.csvField).joined(separator: ",") + "\r\n" }
        return out
    }
}
