/// The editor's screen as a pure function of its state: title, budget bar, sections, the
/// form (or findings), the finding for the focused field, status and the hint bar; boxes on
/// top. The cursor always sits on the focused field, item or box (screen readers follow it).
/// At 120 columns and wider the findings stay in view beside the form.
import PlanCore
import TerminalKit

public enum EditorView {
    static let labelWidth = 26

    public static func render(_ s: EditorState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "F10 or Ctrl-Q") }
        var c = Canvas(size)
        let wide = size.width >= 120
        let formWidth = wide ? size.width - 42 : size.width
        header(s, &c, formWidth: formWidth)
        let bottom = bottomLines(s, width: size.width - 2)
        let bodyTop = 4, bodyHeight = size.height - 5 - bottom.note.count - bottom.status.count
        var cursor: Point
        if s.section == .findings {
            cursor = findingsList(s, &c, top: bodyTop, height: bodyHeight, width: formWidth)
        } else {
            cursor = form(s, &c, top: bodyTop, height: bodyHeight, width: formWidth)
        }
        // The panel ends where the finding and the message begin: it never covers them.
        if wide { sidePanel(s, &c, top: 3, height: bodyHeight + 1, left: formWidth + 1) }
        footer(s, bottom, &c)
        if let overlay = s.overlay { cursor = box(overlay, s, &c) }
        c.cursor = cursor
        return c
    }

    static func header(_ s: EditorState, _ c: inout Canvas, formWidth: Int) {
        let w = c.size.width
        let who = s.plan.person.preferredName ?? s.plan.person.name ?? "new plan"
        let title = " SupportPlan · \(who) · \(s.plan.id ?? "no id") v\(s.plan.version ?? 1) · \(s.plan.status?.rawValue ?? "draft")"
        c.put(clipped(title, w - 14, atWord: true), row: 0, column: 0, style: .bold, limit: w - 14)
        let flag = s.readOnly || s.submitted ? "read-only" : s.dirty ? "● unsaved" : "saved"
        c.put(flag, row: 0, column: w - DisplayWidth.of(flag) - 1, style: s.dirty ? .bold : .plain)
        let (bar, style) = BudgetBar.text(s.preview != nil ? EditorReducer.previewPlan(s) ?? s.plan : s.plan, s.preview ?? s.costing, typing: s.preview != nil, width: w - 1,
                                          plain: s.plainLanguage)
        c.put(" " + bar, row: 1, column: 0, style: style, limit: w)
        var col = 0
        for (section, label) in sectionBar(s.plainLanguage, width: w) {
            let current = section == s.section
            c.put(current ? "[\(label)]" : " \(label)", row: 2, column: col, style: current ? .reverse : .plain)
            col += DisplayWidth.of(label) + (current ? 2 : 1)
        }
        // This section's findings (every one in Findings).
        let open = s.findings.filter { !$0.acknowledged && (s.section == .findings || Section.of(path: $0.path) == s.section) }
        let errors = open.filter { $0.severity == .error }.count, warnings = open.filter { $0.severity == .warning }.count
        let counts = "✗ \(errors) error\(errors == 1 ? "" : "s")  ! \(warnings) warning\(warnings == 1 ? "" : "s")"
        // Over the form only (at 120 columns the findings panel has the right-hand side).
        let countsAt = formWidth - DisplayWidth.of(counts) - 1
        // "(Esc: back to the list)" only when it fits whole after the entry's name.
        let crumb = breadcrumb(s), hint = "  (Esc: back to the list)"
        let shown = s.entry != nil && DisplayWidth.of(crumb + hint) <= countsAt - 3 ? crumb + hint : clipped(crumb, countsAt - 3, atWord: true)
        c.put(shown, row: 3, column: 1, style: .bold, limit: countsAt - 2)
        c.put(counts, row: 3, column: countsAt, style: errors > 0 ? .error : .plain)
    }

    /// The sections' names, the longest set that fits the width with every number visible.
    static func sectionBar(_ plain: Bool, width: Int) -> [(Section, String)] {
        let sets: [(Section) -> String] = plain ? [PlainWords.section, PlainWords.shortSection] : [{ $0.title }, short]
        for name in sets {
            let labels = Section.allCases.map { ($0, "\($0.rawValue + 1) \(name($0))") }
            if labels.map({ DisplayWidth.of($0.1) + 1 }).reduce(1, +) <= width { return labels }
        }
        return Section.allCases.map { ($0, "\($0.rawValue + 1) \(plain ? PlainWords.shortSection($0) : short($0))") }
    }

    static func short(_ s: Section) -> String {
        switch s {
        case .about: return "About"
        case .safety: return "Safety"
        case .agreement: return "Review"
        default: return s.title
        }
    }

    static func breadcrumb(_ s: EditorState) -> String {
        let title = s.plainLanguage ? PlainWords.section(s.section) : s.section.title
        guard let e = s.entry, e.index < e.list.count(s.plan) else { return title }
        return "\(title) › \(e.list.summary(s.plan, e.index, plain: s.plainLanguage))"
    }

    /// ✗ error, ! warning, i info, ✓ accepted: a marker never carried by colour alone.
    static func marker(_ f: Finding) -> String {
        f.acknowledged ? "✓" : f.severity == .error ? "✗" : f.severity == .warning ? "!" : "i"
    }

    /// The findings whose marker sits on this row: each finding on exactly one row, the one
    /// Enter on the finding goes to (`FindingAnchor`), never a Delete row.
    static func findings(for row: FieldRow, _ s: EditorState) -> [Finding] {
        guard !row.path.isEmpty else { return [] }
        let rows = s.rows
        guard let i = rows.firstIndex(where: { $0.path == row.path && $0.label == row.label }) else { return [] }
        return s.findings.filter { FindingAnchor.row(for: $0, in: rows) == i }
    }

    static func display(_ row: FieldRow, plain: Bool = false) -> String {
        switch row.kind {
        case .choice(let options):
            return options.first { $0.value == row.value }?.shown(plain: plain, onRow: true) ?? row.value
        case .multi(let options):
            let values = row.value.split(separator: ",").map(String.init)
            guard !values.isEmpty else { return plain ? "(nothing chosen)" : "(none chosen)" }
            let shown = values.map { v in options.first { $0.value == v }?.shown(plain: plain, onRow: true) ?? v }
            return shown.joined(separator: options.contains { $0.short != nil } && !plain ? ", " : "; ")
        case .multiline:
            let lines = row.value.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count > 1 ? String(lines[0]) + " …" : row.value
        default: return row.value
        }
    }

    /// A button's words: in plain words without ids or codes when plain words are on.
    static func actionLabel(_ row: FieldRow, _ s: EditorState) -> String {
        guard s.plainLanguage, let action = row.action else { return row.label }
        switch action {
        case .openEntry(let list, let i): return list.summary(s.plan, i, plain: true)
        case .addEntry(let list): return "+ Add \(list.article(plain: true)) \(list.plainNoun)"
        case .deleteEntry(let list, _): return "Delete this \(list.plainNoun)"
        case .onCostCalculator: return "Work out what it costs to be an employer"
        }
    }

    /// A text value in plain words: an accepted warning's rule as its finding says it, and
    /// what it is about by its words rather than its id.
    static func plainValue(_ row: FieldRow, _ s: EditorState) -> String {
        guard s.plainLanguage, row.path.hasPrefix("acknowledged["), let i = Int(row.path.dropFirst(13).prefix { $0.isNumber }),
              i < s.plan.acknowledged.count else { return display(row, plain: s.plainLanguage) }
        let a = s.plan.acknowledged[i]
        if row.path.hasSuffix(".rule") {
            let f = s.findings.first { $0.acknowledged && $0.rule.rawValue == a.rule
                && (a.target == nil || Acknowledgement.target(of: $0, in: s.plan) == a.target) }
            return f?.plain ?? (a.rule ?? "").replacingOccurrences(of: "-", with: " ")
        }
        if row.path.hasSuffix(".target"), let target = a.target {
            for list in [EntryList.needs, .outcomes, .supports] {
                let ids: [String?] = list == .needs ? s.plan.needs.map(\.id) : list == .outcomes ? s.plan.outcomes.map(\.id)
                    : s.plan.supports.map(\.id)
                if let j = ids.firstIndex(of: target) { return list.summary(s.plan, j, plain: true) }
            }
        }
        return display(row, plain: true)
    }

    static func form(_ s: EditorState, _ c: inout Canvas, top: Int, height: Int, width: Int) -> Point {
        let rows = s.rows
        let editHeight = s.edit?.kind == .multiline ? 6 : 1
        var top = top, height = height
        // A list longer than the space scrolls: the first and last rows of the space are kept
        // for "↑ N more" and "↓ N more", so a marker never covers a field or a header.
        let scrolls = rows.count + editHeight - 1 > height
        if scrolls { top += 1; height -= 2 }
        var first = 0
        if s.focus >= first + height - editHeight { first = s.focus - height + editHeight }
        first = max(0, min(first, max(0, rows.count - 1)))
        var cursor = Point(row: top, column: labelWidth)
        var y = top
        if first > 0 { c.put("↑ \(first) more above", row: top - 1, column: 2, style: .dim) }
        for i in first..<rows.count {
            guard y < top + height else {
                c.put("↓ \(rows.count - i) more below", row: top + height, column: 2, style: .dim)
                break
            }
            let row = rows[i]
            let focused = i == s.focus && s.overlay == nil || i == s.focus
            let marks = findings(for: row, s)
            let worst = marks.filter { !$0.acknowledged }.min { $0.severity < $1.severity }
            c.put(worst.map(marker) ?? " ", row: y, column: 0, style: worst?.severity == .error ? .error : .plain)
            if row.kind == .action {
                let label = (i == s.focus ? "▸ " : "  ") + clipped(actionLabel(row, s), width - 5)
                c.put(label, row: y, column: 2, style: i == s.focus ? .focus : .plain, limit: width - 3)
                if focused { cursor = Point(row: y, column: 4) }
                y += 1
                continue
            }
            let label = s.plainLanguage ? PlainWords.label(row.label) : row.label
            c.put((i == s.focus ? "> " : "  ") + clipped(label, labelWidth - 5), row: y, column: 2, style: i == s.focus ? .bold : .plain,
                  limit: labelWidth - 3)
            let valueWidth = width - labelWidth - 1
            if let edit = s.edit, edit.path == row.path {
                switch edit.kind {
                case .multiline:
                    var area = edit.area
                    area.wrapWidth = max(10, min(50, valueWidth - 8))
                    let h = min(editHeight, top + height - y)
                    let p = area.render(into: &c, row: y, column: labelWidth, height: h, style: .init(.underline))
                    cursor = p
                    y += h
                    continue
                case .money:
                    cursor = Point(row: y, column: edit.money.render(into: &c, row: y, column: labelWidth, width: valueWidth,
                                                                     style: .init(.underline)))
                default:
                    cursor = Point(row: y, column: edit.line.render(into: &c, row: y, column: labelWidth, width: valueWidth,
                                                                    style: .init(.underline)))
                }
            } else {
                let value = plainValue(row, s)
                c.put(value.isEmpty ? "·" : clipped(value, valueWidth), row: y, column: labelWidth, style: value.isEmpty ? .dim : .plain,
                      limit: valueWidth)
                if i == s.focus { cursor = Point(row: y, column: labelWidth) }
            }
            y += 1
        }
        if rows.isEmpty { c.put("Nothing here yet.", row: top, column: 2) }
        return cursor
    }

    static func findingsList(_ s: EditorState, _ c: inout Canvas, top: Int, height: Int, width: Int) -> Point {
        let all = s.findings
        guard !all.isEmpty else {
            c.put("✓ No findings: the plan passes every check.", row: top, column: 2)
            return Point(row: top, column: 2)
        }
        var top = top, height = height
        // As in the form: the first and last rows are kept for the "more" markers.
        let scrolls = all.count > height
        if scrolls { top += 1; height -= 2 }
        var first = 0
        if s.focus >= height { first = s.focus - height + 1 }
        if first > 0 { c.put("↑ \(first) more above", row: top - 1, column: 2, style: .dim) }
        var cursor = Point(row: top, column: 1)
        for (n, i) in (first..<min(all.count, first + height)).enumerated() {
            let f = all[i]
            let text = "\(marker(f)) \(plainText(f, s))" + (f.acknowledged ? " (accepted)" : "")
            let style: Style = i == s.focus ? .focus : f.severity == .error && !f.acknowledged ? .error : .plain
            c.put(clipped(text, width - 2), row: top + n, column: 1, style: style, limit: width - 2)
            if i == s.focus { cursor = Point(row: top + n, column: 1) }
        }
        if first + height < all.count { c.put("↓ \(all.count - first - height) more below", row: top + height, column: 2, style: .dim) }
        return cursor
    }

    static func sidePanel(_ s: EditorState, _ c: inout Canvas, top: Int, height: Int, left: Int) {
        let width = c.size.width - left - 1
        for r in top..<(top + height) { c.put("│", row: r, column: left - 1, style: .dim) }
        c.put("Findings (\(s.findings.count))", row: top, column: left, style: .bold)
        let fits = s.findings.count <= height - 1 ? s.findings.count : height - 2
        for (n, f) in s.findings.prefix(fits).enumerated() {
            c.put(clipped("\(marker(f)) \(plainText(f, s))", width), row: top + 1 + n, column: left,
                  style: f.severity == .error && !f.acknowledged ? .error : .plain, limit: width)
        }
        if fits < s.findings.count {
            c.put("↓ \(s.findings.count - fits) more: 8 lists them all", row: top + height - 1, column: left, style: .dim, limit: width)
        }
    }

    /// A finding's words; in plain words its ids as what they name.
    static func plainText(_ f: Finding, _ s: EditorState) -> String {
        s.plainLanguage ? PlainWords.withoutIDs(f.plain, s.plan) : f.plain
    }

    /// The focused finding and the status, each whole, wrapped (the form gives up rows for them).
    static func bottomLines(_ s: EditorState, width: Int) -> (note: [String], status: [String]) {
        var note = ""
        if s.section == .findings, s.focus < s.findings.count {
            let f = s.findings[s.focus]
            note = "\(marker(f)) \(plainText(f, s))" + (s.plainLanguage ? "" : " (\(f.rule.rawValue): \(f.message))")
        } else if s.focus < s.rows.count,
                  let f = findings(for: s.rows[s.focus], s).min(by: { ($0.acknowledged ? 1 : 0, $0.severity) < ($1.acknowledged ? 1 : 0, $1.severity) }) {
            note = "\(marker(f)) \(plainText(f, s))"
        }
        var detail = ""
        if s.edit == nil, s.section != .findings, s.focus < s.rows.count {
            // The focused row whole, when the list cuts it (its label or its value ends in "…").
            let row = s.rows[s.focus]
            let formWidth = width + 2 >= 120 ? width + 2 - 42 : width + 2
            if row.kind == .action {
                let label = actionLabel(row, s)
                if DisplayWidth.of(label) > formWidth - 5 { detail = label }
            } else {
                let value = row.kind == .multiline ? row.value.oneLine : plainValue(row, s)
                let label = s.plainLanguage ? PlainWords.label(row.label) : row.label
                if DisplayWidth.of(plainValue(row, s)) > formWidth - labelWidth - 1 || row.value.contains("\n") || DisplayWidth.of(label) > labelWidth - 5 {
                    detail = "\(label): \(value)"
                }
            }
        }
        let status = s.edit?.problem.map { "! \($0)" } ?? s.status
        // The focused row whole (when the list cuts it), then its finding whole.
        let lines = (detail.isEmpty ? [] : TextWrap.lines(detail, width: width)) + (note.isEmpty ? [] : TextWrap.lines(note, width: width))
        return (Array(lines.prefix(6)), Array(TextWrap.lines(status, width: width).prefix(3)))
    }

    /// Text cut to a width with "…" where it is cut (the detail line below shows it whole).
    /// With `atWord`, the cut is at the end of a word (a heading never ends mid-word).
    static func clipped(_ text: String, _ width: Int, atWord: Bool = false) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        if atWord, let space = out.lastIndex(of: " "), out.distance(from: out.startIndex, to: space) > width / 3 {
            out = String(out[..<space])
            while let last = out.last, last == " " || last == "," || last == "·" || last == "-" { out.removeLast() }
        }
        return out + "…"
    }

    static func footer(_ s: EditorState, _ bottom: (note: [String], status: [String]), _ c: inout Canvas) {
        let h = c.size.height, w = c.size.width
        let statusTop = h - 1 - bottom.status.count, noteTop = statusTop - bottom.note.count
        for (i, line) in bottom.note.enumerated() { c.put(line, row: noteTop + i, column: 1, style: .dim, limit: w - 2) }
        for (i, line) in bottom.status.enumerated() { c.put(line, row: statusTop + i, column: 1, limit: w - 2) }
        c.put(EditorKeys.table(editing: s.edit).hintBar(width: w - 2), row: h - 1, column: 1, style: .reverse)
    }

    /// Draws a box; returns where the cursor goes in it.
    static func box(_ overlay: Overlay, _ s: EditorState, _ c: inout Canvas) -> Point {
        switch overlay {
        case .help:
            HelpOverlay.render(EditorKeys.table(editing: s.edit), into: &c,
                               extra: ["In a field: Ctrl-A/E start/end, Ctrl-K cut to end, Ctrl-_ undo."])
            return c.cursor
        case .picker(let p):
            var lines = p.options.enumerated().map { i, o -> String in
                let mark = p.multi ? (p.chosen.contains(o.value) ? "[x]" : "[ ]") : (i == p.selected ? "(•)" : "( )")
                return "\(mark) \(i < 9 ? "\(i + 1) " : "  ")\(o.shown(plain: s.plainLanguage, onRow: false))"
            }
            lines.append("")
            // The focused choice whole when the box cuts it.
            let inner = c.size.width - 10
            if p.selected < lines.count - 1, DisplayWidth.of(lines[p.selected]) > inner {
                lines += TextWrap.lines(p.options[p.selected].shown(plain: s.plainLanguage, onRow: false), width: inner) + [""]
            }
            lines.append(p.multi ? "↑/↓ or a digit move · Space ticks · Enter keeps · Esc cancels"
                         : "↑/↓ or a digit move · Enter chooses · Esc cancels")
            return frame(s.plainLanguage ? PlainWords.label(p.title) : p.title, lines, &c, focusLine: p.selected)
        case .acknowledge(let rule, let target, let reason):
            // The warning in its own words (never the rule's code), and a reason box inside the frame.
            let fieldWidth = min(60, c.size.width - 12)
            let f = s.findings.first { $0.rule == rule && Acknowledgement.target(of: $0, in: s.plan) == target }
            let words = TextWrap.lines("! " + (f?.plain ?? rule.rawValue.replacingOccurrences(of: "-", with: " ")), width: fieldWidth)
            let p = frame("Accept this warning", words + ["", "Why is this all right? (Enter keeps it, Esc cancels)", ""], &c,
                          focusLine: words.count + 2, minWidth: fieldWidth + 7)
            let col = reason.render(into: &c, row: p.row, column: p.column, width: fieldWidth, style: .init(.underline))
            return Point(row: p.row, column: col)
        case .confirmQuit:
            return frame("Unsaved changes", ["The plan has changes that are not saved.", "",
                                             "S  save, then leave", "D  leave without saving", "Esc  stay"], &c, focusLine: 0)
        case .confirmSubmit:
            return frame("Submit for sign-off?", ["Send this plan to a manager to sign off?" + (s.dirty ? " It is saved first." : ""),
                                                  "It cannot be changed while it waits (F8 withdraws it).", "",
                                                  "Y or Enter  submit", "N or Esc  not now"], &c, focusLine: 0)
        case .confirmWithdraw:
            return frame("Withdraw from sign-off?", ["This plan is waiting to be signed off.",
                                                     "Withdraw it (back to a draft, written in the log) to change it?", "",
                                                     "Y or Enter  withdraw", "N or Esc  leave it submitted"], &c, focusLine: 0)
        case .confirmDelete(let list, let i):
            return frame("Delete?", ["Delete \(list.summary(s.plan, i, plain: s.plainLanguage))?", "", "Y  delete (u undoes it)", "N or Esc  keep it"],
                         &c, focusLine: 0)
        case .recover(let at):
            return frame("Unsaved edits found", ["This plan was being edited when the program stopped (\(at)).",
                                                 "Your unsaved edits are on screen now.", "",
                                                 "K  keep them (then save)", "D  discard them and show the saved plan"], &c, focusLine: 0)
        case .conflict:
            return frame("The file changed on disk", ["Someone (or something) changed \(s.file) since you opened it.",
                                                      "Saving now would overwrite their change.", "",
                                                      "R  reload it (your edits are lost)", "A  save yours as another file",
                                                      "Esc  go back"], &c, focusLine: 0)
        case .saveAs(let field):
            let fieldWidth = min(60, c.size.width - 12)
            let p = frame("Save as", ["A new file name for your version:", "", ""], &c, focusLine: 2, minWidth: fieldWidth + 7)
            return Point(row: p.row, column: field.render(into: &c, row: p.row, column: p.column, width: fieldWidth,
                                                          style: .init(.underline)))
        case .locked(let holder):
            return frame("Plan in use", ["\(holder)", "", "O  open read-only", "Q or Esc  leave"], &c, focusLine: 0)
        case .onCosts(_, let lines):
            var text: [String] = []
            for l in lines {
                text.append("\(l.replaces == nil ? "add" : "update") \(l.what): \(l.rate.map { "\($0) × \(l.quantity) \(l.per.rawValue)" } ?? "amount to fill in")")
                text.append("   \(l.working)")
            }
            text += ["", "Enter fills the plan's on-cost lines (or adds them) · Esc cancels"]
            return frame("Employer costs (on-cost calculator)", text, &c, focusLine: 0)
        case .find(let field):
            let fieldWidth = min(50, c.size.width - 12)
            let p = frame("Find", ["A field's name or what it says:", "", "", "Enter finds · F3 finds the next · Esc closes"], &c,
                          focusLine: 2, minWidth: fieldWidth + 7)
            return Point(row: p.row, column: field.render(into: &c, row: p.row, column: p.column, width: fieldWidth,
                                                          style: .init(.underline)))
        case .message(let m):
            return frame("Note", TextWrap.lines(m, width: c.size.width - 10) + ["", "Any key closes this."], &c, focusLine: 0)
        }
    }

    /// A framed box in the middle of the screen; returns the start of line `focusLine`.
    @discardableResult
    static func frame(_ title: String, _ lines: [String], _ c: inout Canvas, focusLine: Int, minWidth: Int = 40) -> Point {
        let maxWidth = c.size.width - 4
        let width = min(maxWidth, max(minWidth, ([title] + lines).map { DisplayWidth.of($0) }.max()! + 6))
        let height = min(c.size.height - 2, lines.count + 4)
        let left = (c.size.width - width) / 2, top = max(1, (c.size.height - height) / 2)
        c.fill(row: top, column: left, width: width, height: height)
        c.put("+" + String(repeating: "-", count: width - 2) + "+", row: top, column: left)
        c.put("+" + String(repeating: "-", count: width - 2) + "+", row: top + height - 1, column: left)
        for r in (top + 1)..<(top + height - 1) {
            c.put("|", row: r, column: left)
            c.put("|", row: r, column: left + width - 1)
        }
        c.put(" \(title) ", row: top, column: left + 2, style: .bold, limit: width - 4)
        let visible = height - 4
        let start = max(0, min(focusLine - visible + 1, lines.count - visible))
        for (n, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            c.put(clipped(line, width - 6), row: top + 2 + n, column: left + 3, style: start + n == focusLine ? .bold : .plain,
                  limit: width - 6)
        }
        return Point(row: top + 2 + focusLine - start, column: left + 3)
    }
}
