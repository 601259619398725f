/// The caseload view (`c` from the plan list): reviews due and late, plans over or far under
/// budget, plans waiting for sign-off, and the money committed by funding source, provider and
/// kind of service with bar charts by kind and by month of review, for the whole store or one
/// author. Sortable, filterable; Enter opens the plan of a row. Fits 60×20 and up: a line too
/// long is cut with `…`.
import PlanCore
import TerminalKit

public struct CaseloadState: Sendable, Equatable {
    public enum Tab: String, CaseIterable, Sendable { case reviews = "Reviews", budget = "Budget", waiting = "Waiting", money = "Money" }
    public enum SortKey: String, CaseIterable, Sendable { case urgency, person, money }

    public var model: Caseload
    public var tab = Tab.reviews
    public var sort = SortKey.urgency
    public var filter = ""
    public var filtering: TextField?
    /// nil: the whole store; else one author's plans.
    public var author: String?
    public var selected = 0
    public var top = 0
    public var showHelp = false
    public var status = "Tab next list · Enter opens · a author · / filter · s sort · Esc back"

    public init(_ model: Caseload) { self.model = model }

    /// One line of the current tab: its text cells and the plan it opens (nil: a total).
    public struct Line: Sendable, Equatable {
        public var cells: [String]
        public var path: String?
        public var bold = false
    }

    func items(_ list: [Caseload.Item]) -> [Caseload.Item] {
        let f = filter.lowercased()
        var out = list.filter { (author == nil || $0.author == author)
            && (f.isEmpty || "\($0.person) \($0.id) \($0.author)".lowercased().contains(f)) }
        switch sort {
        case .urgency: break
        case .person: out.sort { ($0.person.lowercased(), $0.path) < ($1.person.lowercased(), $1.path) }
        case .money: out.sort { ($1.pence, $1.budgetPence ?? 0, $0.path) < ($0.pence, $0.budgetPence ?? 0, $1.path) }
        }
        return out
    }

    var totals: Caseload.Totals {
        guard let author else { return model.store }
        return model.authors.first { $0.author == author }?.totals ?? Caseload.Totals()
    }

    /// The columns that hold amounts and counts (aligned right) in the current tab.
    var rightAligned: Set<Int> {
        switch tab {
        case .reviews, .waiting: [3]
        case .budget: [2, 3]
        case .money: [1, 2, 3]
        }
    }

    /// The columns' headings and widths (0: takes what is left) and the lines of the tab.
    public var table: (headings: [String], widths: [Int], lines: [Line]) {
        switch tab {
        case .reviews:
            let rows = items(model.reviewsDue).map { i in
                Line(cells: [i.person, i.id, i.date, i.days < 0 ? "late \(-i.days) d" : i.days == 0 ? "today" : "in \(i.days) d", i.author],
                     path: i.path, bold: i.days < 0)
            }
            return (["Person", "Id", "Due", "When", "Author"], [0, 14, 10, 11, 12], rows)
        case .budget:
            let over = items(model.overBudget).map { i in
                Line(cells: [i.person, i.id, Money.pounds(i.budgetPence ?? 0), "over " + Money.pounds(i.pence), i.author],
                     path: i.path, bold: true)
            }
            let under = items(model.underBudget).map { i in
                Line(cells: [i.person, i.id, Money.pounds(i.budgetPence ?? 0), "under " + Money.pounds(i.pence), i.author], path: i.path)
            }
            return (["Person", "Id", "Budget", "Gap", "Author"], [0, 14, 11, 16, 12], over + under)
        case .waiting:
            let rows = items(model.waiting).map { i in
                Line(cells: [i.person, i.id, i.date.isEmpty ? "—" : i.date, "\(i.days) d", i.author], path: i.path)
            }
            return (["Person", "Id", "Submitted", "Waiting", "Author"], [0, 14, 10, 8, 12], rows)
        case .money:
            return (["Committed", "A year", "One-off", "Plans"], [0, 13, 11, 6], moneyLines)
        }
    }

    var moneyLines: [Line] {
        let t = totals
        let f = filter.lowercased()
        // Kinds of service and funding sources in words, never the file's codes (`day-service`).
        func kind(_ code: String) -> String { SupportKind(rawValue: code)?.words ?? code }
        func funding(_ code: String) -> String { Funding(rawValue: code)?.words ?? code }
        func rows(_ title: String, _ list: [Caseload.Total], _ shown: (String) -> String = { $0 }) -> [Line] {
            let kept = list.filter { f.isEmpty || shown($0.key).lowercased().contains(f) }
            let sorted = sort == .person ? kept.sorted { shown($0.key).lowercased() < shown($1.key).lowercased() } : kept
            return [Line(cells: [title, "", "", ""], bold: true)]
                + sorted.map { Line(cells: ["  " + shown($0.key), Money.pounds($0.annualPence), Money.pounds($0.oneOffPence), String($0.plans)]) }
        }
        var out = [Line(cells: ["All plans" + (author.map { " of \($0)" } ?? ""), Money.pounds(t.annualPence),
                                Money.pounds(t.oneOffPence), String(t.plans)], bold: true)]
        out += rows("By funding source", t.byFunding, funding)
        out += rows("By provider", t.byProvider)
        out += rows("By kind of service", t.byKind, kind)
        out += chart("Committed a year by kind", t.byKind.map { (kind($0.key), $0.annualPence) })
        if author == nil {
            out += chart("Committed a year by month of review due", model.byReviewMonth.map { ($0.key, $0.annualPence) })
        }
        return out
    }

    /// A bar chart as lines: the name, a bar of █ as long as its share of the largest, the money.
    func chart(_ title: String, _ values: [(String, Int64)]) -> [Line] {
        guard let most = values.map(\.1).max(), most > 0 else { return [] }
        return [Line(cells: [""], bold: false), Line(cells: [title], bold: true)] + values.map { key, pence in
            Line(cells: ["\u{0}bar", key, String(pence), String(most)])
        }
    }
}

public enum CaseloadEffect: Sendable, Equatable { case open(String), back }

public enum CaseloadProgram: ScreenProgram {
    public typealias State = CaseloadState
    public static let need = Size(width: 60, height: 20)

    static let keys = KeyTable<InputEvent>(title: "Caseload", [
        KeyBinding([.key(.function(1)), .text("?")], .text("?"), label: "Help", help: "This help."),
        KeyBinding([.key(.tab), .key(.right)], .key(.tab), label: "Next", help: "The next list: reviews, budget, waiting, money."),
        KeyBinding([.key(.backTab), .key(.left)], .key(.backTab), label: "Back", help: "The list before.", inHintBar: false),
        KeyBinding([.key(.enter)], .key(.enter), label: "Open", help: "Open the plan of the row in the editor."),
        KeyBinding([.text("a")], .text("a"), label: "Author", help: "The whole store, or one author's plans in turn."),
        KeyBinding([.text("/")], .text("/"), label: "Filter", help: "Show only rows whose person, id, author or name has the text."),
        KeyBinding([.text("s")], .text("s"), label: "Sort", help: "Sort by urgency (the list's own order), person, or money."),
        KeyBinding([.key(.escape), .key(.function(10)), .text("q")], .text("q"), label: "Back", help: "Back to the plan list."),
    ])

    public static func action(for event: InputEvent, in s: CaseloadState) -> InputEvent? { event }

    public static func reduce(_ s: inout CaseloadState, _ e: InputEvent) -> [CaseloadEffect] {
        if case .signal = e { return [.back] }
        if s.showHelp { s.showHelp = false; return [] }
        if s.filtering != nil {
            FilterEditing.handle(e, box: &s.filtering, filter: &s.filter)
            s.selected = 0
            s.top = 0
            return []
        }
        let count = s.table.lines.count
        switch keys.action(for: e) ?? e {
        case .key(.up): s.selected = max(0, s.selected - 1)
        case .key(.down): s.selected = min(max(0, count - 1), s.selected + 1)
        case .key(.pageDown): s.selected = min(max(0, count - 1), s.selected + 10)
        case .key(.pageUp): s.selected = max(0, s.selected - 10)
        case .key(.tab), .key(.backTab):
            let all = CaseloadState.Tab.allCases
            let step = e == .key(.backTab) || e == .key(.left) ? all.count - 1 : 1
            s.tab = all[(all.firstIndex(of: s.tab)! + step) % all.count]
            s.selected = 0
            s.top = 0
        case .key(.enter):
            let lines = s.table.lines
            if s.selected < lines.count, let path = lines[s.selected].path { return [.open(path)] }
            s.status = "This row is a total: it opens no plan."
        case .text("a"):
            let names = s.model.authors.map(\.author)
            if let a = s.author, let i = names.firstIndex(of: a) { s.author = i + 1 < names.count ? names[i + 1] : nil } else { s.author = names.first }
            s.selected = 0
            s.top = 0
            s.status = s.author.map { "Plans of \($0)." } ?? "The whole store."
        case .text("/"): s.filtering = TextField(s.filter)
        case .text("s"):
            let all = CaseloadState.SortKey.allCases
            s.sort = all[(all.firstIndex(of: s.sort)! + 1) % all.count]
            s.status = "Sorted by \(s.sort.rawValue)."
        case .text("?"): s.showHelp = true
        case .text("q"): return [.back]
        default: break
        }
        return []
    }

    public static func render(_ s: CaseloadState, size: Size) -> Canvas {
        guard TooSmall.fits(size, need: need) else { return TooSmall.render(size, need: need, quitKeys: "Esc or q") }
        var c = Canvas(size)
        let w = size.width
        let m = s.model
        func line(_ text: String, _ row: Int, _ style: Style = .plain) { c.put(text.pad(w), row: row, column: 0, style: style) }
        line(" Caseload · \(s.author ?? "whole store") · today \(m.today)", 0, .bold)
        let tabs = CaseloadState.Tab.allCases.map { t -> String in
            let n: Int? = switch t {
            case .reviews: s.items(m.reviewsDue).count
            case .budget: s.items(m.overBudget).count + s.items(m.underBudget).count
            case .waiting: s.items(m.waiting).count
            case .money: nil
            }
            let label = t.rawValue + (n.map { " \($0)" } ?? "")
            return t == s.tab ? "[\(label)]" : " \(label) "
        }.joined(separator: " ")
        line(" " + tabs, 1)
        let note: String = switch s.tab {
        case .reviews: "Next review within \(m.window) days, or late"
        case .budget: "Over budget, then more than \(m.underspendPercent)% not planned"
        case .waiting: "Submitted, waiting for sign-off, oldest first"
        case .money: "Money committed by plans (not superseded)"
        }
        line(" " + note + (s.filter.isEmpty ? "" : " · with “\(s.filter)”") + (m.checking > 0 ? " · \(m.checking) checking…" : ""), 2)
        let (headings, widths, lines) = s.table
        // The first column takes what the others leave; narrow screens drop the last column.
        var cols = widths
        var heads = headings
        while cols.count > 2 && cols.dropFirst().reduce(0, +) + cols.count + 12 > w { cols.removeLast(); heads.removeLast() }
        let first = max(8, w - 2 - cols.dropFirst().reduce(0, +) - (cols.count - 1))
        cols[0] = first
        func cells(_ cs: [String]) -> String {
            zip(cs, cols).enumerated().map { i, p in s.rightAligned.contains(i) ? p.0.padLeft(p.1).pad(p.1) : p.0.pad(p.1) }
                .joined(separator: " ")
        }
        line("  " + cells(heads), 4, .bold)
        let height = size.height - 8
        let top = min(max(s.top, s.selected - height + 1), s.selected)
        var cursor = Point(row: 5, column: 0)
        for (k, l) in lines.enumerated().dropFirst(max(0, top)).prefix(height) {
            let row = 5 + k - max(0, top)
            let mark = k == s.selected ? ">" : " "
            let text: String
            if l.cells.first == "\u{0}bar", l.cells.count == 4, let pence = Int64(l.cells[2]), let most = Int64(l.cells[3]) {
                let amount = Money.pounds(pence)
                let label = min(16, w / 4)
                let room = max(1, w - 2 - label - 2 - amount.count - 1)
                let bar = String(repeating: "█", count: max(pence > 0 ? 1 : 0, Int(Int64(room) * pence / most)))
                text = l.cells[1].pad(label) + "  " + bar + " " + amount
            } else if l.cells.count == 1 || (l.cells.count > 1 && l.cells.dropFirst().allSatisfy(\.isEmpty)) {
                text = l.cells[0]
            } else {
                text = cells(l.cells)
            }
            line(mark + " " + text, row, k == s.selected ? .focus : l.bold ? .bold : .plain)
            if k == s.selected { cursor = Point(row: row, column: 0) }
        }
        if lines.isEmpty {
            line("  " + (s.filter.isEmpty ? "Nothing here." : "No row matches the filter."), 5)
            cursor = Point(row: 5, column: 2)
        }
        line(" " + s.status, size.height - 2)
        c.put(" " + keys.hintBar(width: w - 2), row: size.height - 1, column: 0, style: .reverse, limit: w)
        if let f = s.filtering {
            c.put(" Filter: ", row: size.height - 3, column: 0, style: .bold)
            cursor = Point(row: size.height - 3, column: f.render(into: &c, row: size.height - 3, column: 9, width: min(40, w - 10),
                                                                  style: .init(.underline)))
        }
        if s.showHelp {
            HelpOverlay.render(keys, into: &c)
            cursor = c.cursor
        }
        c.cursor = cursor
        return c
    }

    @MainActor public static func perform(_ effect: CaseloadEffect, state: inout CaseloadState) -> Bool { false }
}
