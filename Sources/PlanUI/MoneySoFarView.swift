/// Draws the "Money so far" screen: the title, the forecast in one sentence, a scrolling body
/// (the balance, the payment periods, each line's spending against its plan with a bar, the
/// findings), the unmatched transactions to assign, the status and the key bar. Anything
/// longer than its place ends in `…`; the boxes (help, line picker, reason) are framed over it.
import PlanCore
import TerminalKit

enum MoneySoFarView {
    typealias Row = (text: String, style: Style)

    /// `text` cut to `width` columns, ending in `…` when cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func left(_ s: String, _ n: Int) -> String {
        let f = fit(s, n)
        return f + String(repeating: " ", count: max(0, n - DisplayWidth.of(f)))
    }

    static func right(_ s: String, _ n: Int) -> String {
        let f = fit(s, n)
        return String(repeating: " ", count: max(0, n - DisplayWidth.of(f))) + f
    }

    /// "4 Jan".
    static func dayMonth(_ d: PlanDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(d.day) \(names[d.month - 1])"
    }

    /// Ten cells: spent as a share of planned (full when over, with the overspend in figures).
    static func bar(spent: Int64, planned: Int64) -> String {
        let cells = 10
        let filled: Int
        if planned <= 0 { filled = spent > 0 ? cells : 0 } else {
            filled = Int(min(Int64(cells), max(0, (spent * Int64(cells) + planned / 2) / planned)))
        }
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: cells - filled) + "]"
    }

    /// The body's rows at a width (the screen's width less its margins).
    static func body(_ s: MoneySoFarState, width: Int) -> [Row] {
        let w = s.words
        guard let r = s.report else {
            return TextWrap.lines(w.noStatement(s.planID), width: width).map { ($0, .plain) }
        }
        var out: [Row] = [(fit(w.balance(r), width), .plain), ("", .plain)]

        // The periods: the unplanned column only where it fits.
        out.append((fit(w.periodsHeading(r.payment), width), .bold))
        let label = 16, money = w.plain ? 12 : 11
        let withUnplanned = width >= label + 4 * money
        func row(_ a: String, _ cols: [String]) -> String {
            left(a, label) + cols.map { right($0, money) }.joined()
        }
        var head = [w.moneyIn, w.moneyOut]
        if withUnplanned { head.append(w.unplanned) }
        head.append(w.balanceColumn)
        out.append((row(w.period, head), .bold))
        out.append((row(w.broughtForward, Array(repeating: "", count: head.count - 1) + [Money.pounds(r.openingBalancePence)]), .plain))
        for p in r.periods {
            var cols = [Money.pounds(p.inPence), Money.pounds(p.outPence)]
            if withUnplanned { cols.append(Money.pounds(p.unplannedPence)) }
            cols.append(Money.pounds(p.balancePence))
            out.append((row("\(dayMonth(p.from)) – \(dayMonth(p.to))", cols), .plain))
        }

        // Each line: a bar, spent of planned, the difference. One row when the name has room.
        out.append(("", .plain))
        out.append((fit(w.linesHeading, width), .bold))
        let diff = w.plain ? 13 : 10
        let figures = 12 + 2 + 10 + 4 + 10 + 2 + diff
        let nameWidth = width - 4 - figures - 1
        for l in r.lines {
            let what = SafeText.visible((l.what ?? "").split(whereSeparator: \.isNewline).joined(separator: " "))
            let fig = bar(spent: l.spentToDatePence, planned: l.plannedToDatePence) + "  "
                + right(Money.pounds(l.spentToDatePence), 10) + " of " + right(Money.pounds(l.plannedToDatePence), 10)
                + "  " + right(w.difference(l.differencePence), diff)
            let style: Style = l.differencePence > 0 ? .bold : .plain
            if nameWidth >= 16 {
                out.append((left(l.id, 4) + left(what, nameWidth) + " " + fig, style))
            } else {
                out.append((fit(left(l.id, 4) + what, width), .plain))
                out.append((fit("    " + fig, width), style))
            }
        }

        // The findings, whole, wrapped under their sign.
        out.append(("", .plain))
        out.append((fit(w.findingsHeading, width), .bold))
        if r.findings.isEmpty { out.append((w.noFindings, .plain)) }
        for f in r.findings {
            let sign = f.severity == .error ? "✗" : f.severity == .warning ? "!" : "i"
            let text = SafeText.visible(w.plain ? f.plain : "\(f.rule.rawValue): \(f.message)")
            for (i, line) in TextWrap.lines("\(sign) \(text)", width: width, hang: 2).enumerated() {
                out.append((line, f.severity == .error && i == 0 ? .error : .plain))
            }
        }
        return out
    }

    /// One unmatched transaction's row in the pane.
    static func unmatchedRow(_ m: MatchedTransaction, width: Int, chosen: Bool) -> String {
        let t = m.transaction
        let amount = Money.pounds(t.amountPence)
        let date = "\(t.date.day) \(dayMonth(t.date).split(separator: " ")[1]) \(t.date.year)"
        let mark = chosen ? "> " : "  "
        let descWidth = width - 2 - 12 - 12
        return mark + left(date, 12) + left(SafeText.visible(t.description), descWidth) + right(amount, 12)
    }

    static func render(_ s: MoneySoFarState, size: Size) -> Canvas {
        guard TooSmall.fits(size, need: MoneySoFarProgram.minimum) else {
            return TooSmall.render(size, need: MoneySoFarProgram.minimum, quitKeys: "Esc")
        }
        var c = Canvas(size)
        let w = s.words, width = size.width - 2
        let who = SafeText.visible(s.plan.person.preferredName ?? s.plan.person.name ?? "")
        let asOf = s.report.map { " as of \(dayMonth($0.asOf)) \($0.asOf.year) " } ?? ""
        let title = " \(w.title)" + (who.isEmpty ? "" : " · \(who)") + " · \(s.planID)"
        c.put(fit(title, size.width - asOf.count - 1), row: 0, column: 0, style: .bold)
        c.put(asOf, row: 0, column: size.width - asOf.count, style: .dim)

        // The forecast, whole, under the title.
        let forecast = s.forecastRows(size)
        let ruinous = s.report?.forecast.runsOutOn != nil
        for (i, line) in forecast.enumerated() {
            c.put(line, row: 1 + i, column: 1, style: ruinous ? .error : .bold)
        }

        // The body, scrolled; the "more" line has a row of its own.
        let bodyTop = 2 + forecast.count, height = s.bodyHeight(size)
        let all = body(s, width: width)
        let top = min(s.top, max(0, all.count - height))
        for (i, line) in all.dropFirst(top).prefix(height).enumerated() {
            c.put(line.text, row: bodyTop + i, column: 1, style: line.style, limit: width)
        }
        let moreRow = bodyTop + height
        let more = top + height < all.count ? "↓ \(all.count - top - height) more lines: Space or PgDn"
            : top > 0 ? "— end · PgUp goes back up —" : ""
        c.put(fit(more, width), row: moreRow, column: 1, style: .dim)

        // The unmatched transactions, the chosen one kept in view.
        let u = s.unmatched
        var cursor = Point(row: 1, column: 1)
        if s.report != nil {
            let paneTop = moreRow + 1, rows = s.paneRows(size)
            c.put(fit(w.unmatchedHeading(u.count), width), row: paneTop, column: 1, style: .bold)
            let first = max(0, min(s.selected - rows + 1, u.count - rows))
            for (k, m) in u.dropFirst(first).prefix(rows).enumerated() {
                let i = first + k
                c.put(unmatchedRow(m, width: width, chosen: i == s.selected), row: paneTop + 1 + k, column: 1,
                      style: i == s.selected ? .focus : .plain)
                if i == s.selected { cursor = Point(row: paneTop + 1 + k, column: 1) }
            }
        }

        c.put(fit(s.status, width), row: size.height - 2, column: 1, style: s.status.hasPrefix("!") ? .error : .plain)
        c.put(keys.hintBar(width: width), row: size.height - 1, column: 1, style: .reverse)
        c.cursor = cursor
        if let p = s.picking { renderPicker(s, p, &c) }
        if let r = s.reason { renderReason(s, r, &c) }
        if s.showHelp { HelpOverlay.render(MoneySoFarProgram.keys, into: &c) }
        return c
    }

    static var keys: KeyTable<MoneySoFarAction> { MoneySoFarProgram.keys }

    /// The transaction a box is for, in one line.
    static func describe(_ s: MoneySoFarState, _ id: String, width: Int) -> String {
        guard let m = s.report?.transactions.first(where: { $0.transaction.id == id }) else { return id }
        let t = m.transaction
        return fit("\(dayMonth(t.date)) \(t.date.year) · \(SafeText.visible(t.description)) · \(Money.pounds(t.amountPence))", width)
    }

    static func renderPicker(_ s: MoneySoFarState, _ p: MoneySoFarState.Picking, _ c: inout Canvas) {
        let inner = c.size.width - 4 - 6
        let choices = s.lineChoices
        let lines = [describe(s, p.transaction, width: inner), ""]
            + choices.enumerated().map { i, l in fit((i == p.selected ? "> " : "  ") + l.words, inner) }
            + ["", fit("↑/↓ choose · Enter keeps it · Esc cancels", inner)]
        let at = EditorView.frame(s.words.pickTitle, lines, &c, focusLine: 2 + p.selected)
        c.cursor = at
    }

    static func renderReason(_ s: MoneySoFarState, _ r: MoneySoFarState.ReasonBox, _ c: inout Canvas) {
        let inner = c.size.width - 4 - 6
        // The box is as wide as the field, so what is typed stays inside its frame.
        let fieldWidth = min(56, inner)
        let lines = [describe(s, r.transaction, width: inner), "", fit(s.words.reasonAsk, inner), "",
                     String(repeating: " ", count: fieldWidth), "", fit("Enter keeps it · Esc cancels", inner)]
        let at = EditorView.frame(s.words.reasonTitle, lines, &c, focusLine: 4)
        c.cursor = Point(row: at.row, column: r.field.render(into: &c, row: at.row, column: at.column, width: fieldWidth,
                                                             style: .init(.underline)))
    }
}
