/// The store's plan list: every plan with its person, status, budget, findings and next
/// review; sort, filter, open, or start a new one from a template.
import Foundation
import PlanCore
import TerminalKit

extension PlanSummary {
    /// The final budget as shown in the list.
    var budgetText: String { budget?.pounds ?? "—" }

    /// The budget's change from the last signed-off version, in words.
    var changeText: String {
        switch change {
        case .new: return "new"
        case .same: return "same"
        case .by(let m): return (m.pence > 0 ? "+" : "-") + Money.pounds(abs(m.pence))
        case .unknown: return "?"
        }
    }
}

public struct PlanListState: Sendable, Equatable {
    public enum SortKey: String, CaseIterable, Sendable { case name, status, review, errors }

    public var store: String
    public var plans: [PlanSummary]
    public var selected = 0
    public var sort = SortKey.name
    public var filter = ""
    public var filtering: TextField?
    public var choosingTemplate: SelectList?
    public var templates: [String]
    public var showHelp = false
    /// The approver's view: submitted plans only, oldest first.
    public var queue = false
    public var status = "Enter opens · n new · v queue · c caseload · / filter · s sort · F10 quits"
    /// Plans still being checked in the background (their rows say "checking…").
    public var pendingChecks = 0

    public init(store: String, plans: [PlanSummary], templates: [String]) {
        self.store = store
        self.plans = plans
        self.templates = templates
    }

    public var visible: [PlanSummary] {
        let f = filter.lowercased()
        var shown = f.isEmpty ? plans : plans.filter {
            "\($0.name) \($0.id) \($0.status)".lowercased().contains(f)
        }
        if queue {
            shown = shown.filter { $0.status == "submitted" }
            return shown.sorted { ($0.submitted ?? "", $0.name) < ($1.submitted ?? "", $1.name) }
        }
        switch sort {
        case .name:  // each name lowered once, not at every comparison (10,000 plans)
            let keys = shown.map { $0.name.lowercased() }
            return shown.indices.sorted { (keys[$0], shown[$0].path) < (keys[$1], shown[$1].path) }.map { shown[$0] }
        case .status: return shown.sorted { ($0.status, $0.name) < ($1.status, $1.name) }
        case .review: return shown.sorted { ($0.review, $0.name) < ($1.review, $1.name) }
        case .errors: return shown.sorted { ($1.errors, $1.warnings, $0.name) < ($0.errors, $0.warnings, $1.name) }
        }
    }
}

public enum PlanListEffect: Sendable, Equatable {
    case open(String), review(String), money(String), create(template: String), refresh, quit
    /// The caseload view.
    case caseload
    /// Take what the background check has finished (on a tick while plans are checked).
    case poll
}

public enum PlanListProgram: ScreenProgram {
    public typealias State = PlanListState

    static let keys = KeyTable<InputEvent>(title: "Plans in the store", [
        KeyBinding([.key(.function(1)), .text("?")], .text("?"), label: "Help", help: "This help."),
        KeyBinding([.key(.enter)], .key(.enter), label: "Open", help: "Open the plan in the editor."),
        KeyBinding([.text("n"), .key(.function(7))], .text("n"), label: "New", help: "Start a new plan from a template."),
        KeyBinding([.text("v"), .key(.function(8))], .text("v"), label: "Queue",
                   help: "Switch between all plans and the review queue (submitted plans, oldest first)."),
        KeyBinding([.text("c")], .text("c"), label: "Caseload",
                   help: "The caseload: reviews due, plans over or under budget, plans waiting, money by provider."),
        KeyBinding([.text("g"), .key(.function(5))], .text("g"), label: "Reload",
                   help: "Read the store again (after a teammate's changes arrive).", inHintBar: false),
        KeyBinding([.text("m")], .text("m"), label: "Money", help: "Money so far: the plan's spending and forecast.", inHintBar: false),
        KeyBinding([.text("/")], .text("/"), label: "Filter", help: "Show only plans whose name, id or status has the text."),
        KeyBinding([.text("s")], .text("s"), label: "Sort", help: "Sort by name, status, review date or errors."),
        KeyBinding([.key(.function(10)), .key(.ctrl("q")), .text("q")], .text("q"), label: "Quit", help: "Leave."),
    ])

    public static func action(for event: InputEvent, in s: PlanListState) -> InputEvent? { event }

    /// On the "too small" screen only the quit keys it names (F10, q, Ctrl-Q).
    public static func actionWhenTooSmall(for event: InputEvent, in s: PlanListState) -> InputEvent? {
        switch event {
        case .signal, .key(.function(10)), .key(.ctrl("q")), .text("q"): return event
        default: return nil
        }
    }

    public static func tickAfter(_ s: PlanListState) -> Int32? { s.pendingChecks > 0 ? 50 : nil }

    public static func reduce(_ s: inout PlanListState, _ e: InputEvent) -> [PlanListEffect] {
        if case .signal = e { return [.quit] }
        if e == .tick { return s.pendingChecks > 0 ? [.poll] : [] }
        if s.showHelp { s.showHelp = false; return [] }
        if s.filtering != nil {
            FilterEditing.handle(e, box: &s.filtering, filter: &s.filter)
            s.selected = 0
            return []
        }
        if var t = s.choosingTemplate {
            if e == .key(.escape) { s.choosingTemplate = nil; return [] }
            if e == .key(.enter) { s.choosingTemplate = nil; return [.create(template: t.value ?? "self-written")] }
            t.handle(e)
            s.choosingTemplate = t
            return []
        }
        let canonical = keys.action(for: e) ?? e
        switch canonical {
        case .key(.escape) where !s.filter.isEmpty:
            s.filter = ""
            s.selected = 0
            s.status = "Showing every plan."
        case .key(.up): s.selected = max(0, s.selected - 1)
        case .key(.down), .key(.tab): s.selected = min(max(0, s.visible.count - 1), s.selected + 1)
        case .key(.enter):
            if s.selected < s.visible.count { return [s.queue ? .review(s.visible[s.selected].path) : .open(s.visible[s.selected].path)] }
        case .text("v"):
            s.queue.toggle()
            s.selected = 0
            s.status = s.queue ? "Review queue: Enter reviews a plan · v all plans" : "All plans."
        case .text("m"): if s.selected < s.visible.count { return [.money(s.visible[s.selected].path)] }
        case .text("n"): s.choosingTemplate = SelectList(s.templates)
        case .text("/"): s.filtering = TextField(s.filter)
        case .text("s"):
            let all = PlanListState.SortKey.allCases
            s.sort = all[(all.firstIndex(of: s.sort)! + 1) % all.count]
            s.status = "Sorted by \(s.sort.rawValue)."
        case .text("g"): return [.refresh]
        case .text("c"): return [.caseload]
        case .text("?"): s.showHelp = true
        case .text("q"): return [.quit]
        default: break
        }
        return []
    }

    public static func render(_ s: PlanListState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "F10 or q") }
        var c = Canvas(size)
        c.put(" SupportPlan · \(s.queue ? "review queue" : "plans") in \(s.store)", row: 0, column: 0, style: .bold, limit: size.width)
        c.put(s.queue ? " Submitted plans, oldest first" : " Sorted by \(s.sort.rawValue)"
              + (s.filter.isEmpty ? "" : " · showing plans with “\(s.filter)”"), row: 1, column: 0)
        let rows = s.visible
        // The queue's ids and authors are never cut: their columns fit the longest; the name
        // gives way (with "…"), and the line below the list shows the focused plan whole.
        // (Measured only for the queue: the whole list's widths are fixed, and measuring 10,000
        // ids and authors was a third of the list's first frame.)
        let idWidth = s.queue ? max(2, rows.map { DisplayWidth.of($0.id) }.max() ?? 2) : 2
        let authorWidth = s.queue ? max(6, rows.map { DisplayWidth.of($0.author) }.max() ?? 6) : 6
        let nameWidth = max(8, size.width - 48 - idWidth - authorWidth)
        let header = s.queue ? "  \("Person".pad(nameWidth)) \("Id".pad(idWidth))      Budget  Change      ✗  \("Author".pad(authorWidth)) Submitted"
            : "  Person               Id              Status      Budget      ✗  !  Review"
        c.put(header, row: 3, column: 0, style: .bold, limit: size.width)
        var cursor = Point(row: 4, column: 0)
        for (i, p) in rows.enumerated() where i < size.height - 8 {
            let line = s.queue
                ? "\(i == s.selected ? ">" : " ") \(p.name.pad(nameWidth)) \(p.id.pad(idWidth))  \(p.budgetText.padLeft(10))  \(p.changeText.pad(10))"
                    + "  \(String(p.errors).padLeft(2))  \(p.author.pad(authorWidth)) \(p.submitted?.prefix(10) ?? "")"
                : "\(i == s.selected ? ">" : " ") \(p.name.pad(20)) \(p.id.pad(15)) \((p.checking ? "checking…" : p.status).pad(11)) \(p.budgetText.padLeft(10))"
                    + "  \(String(p.errors).padLeft(2)) \(String(p.warnings).padLeft(2))  \(p.review)"
            c.put(line, row: 4 + i, column: 0, style: i == s.selected ? .focus : p.errors > 0 ? .plain : .plain)
            if i == s.selected { cursor = Point(row: 4 + i, column: 0) }
        }
        if rows.isEmpty {
            c.put(s.queue ? "No plan is waiting to be signed off." : s.plans.isEmpty ? "No plans yet. Press n to start one."
                  : "No plan matches the filter.", row: 4, column: 2)
            cursor = Point(row: 4, column: 2)
        }
        if s.selected < rows.count, s.filtering == nil {
            // The focused plan whole, under the list.
            let p = rows[s.selected]
            let when = p.submitted.map { String($0.replacingOccurrences(of: "T", with: " ").prefix(16)) } ?? "?"
            let detail = s.queue ? "\(p.name) · \(p.id) · by \(p.author) · submitted \(when) · \(p.budgetText) (\(p.changeText))"
                : "\(p.name) · \(p.id) · \(p.status) · \(p.budgetText) · ✗ \(p.errors) ! \(p.warnings) · next review \(p.review)"
            let lines = TextWrap.lines(detail, width: size.width - 2).prefix(2)
            for (i, line) in lines.enumerated() {
                c.put(line, row: size.height - 2 - lines.count + i, column: 1, style: .dim, limit: size.width - 2)
            }
        }
        c.put(s.status, row: size.height - 2, column: 1, limit: size.width - 2)
        c.put(keys.hintBar(width: size.width - 2), row: size.height - 1, column: 1, style: .reverse)
        if let f = s.filtering {
            c.put("Filter: ", row: size.height - 3, column: 1, style: .bold)
            cursor = Point(row: size.height - 3, column: f.render(into: &c, row: size.height - 3, column: 9, width: 40, style: .init(.underline)))
        }
        if let t = s.choosingTemplate {
            let p = EditorView.frame("New plan from a template", t.options.map { "  \($0)" } + ["", "↑/↓ · Enter starts it · Esc cancels"],
                                     &c, focusLine: t.selected)
            _ = t.render(into: &c, row: p.row - t.selected, column: p.column, width: 50, focused: true)
            cursor = Point(row: p.row, column: p.column + 1)
        }
        if s.showHelp {
            HelpOverlay.render(keys, into: &c)
            cursor = c.cursor
        }
        c.cursor = cursor
        return c
    }

    /// Every effect of the list ends its loop: the caller carries it out and shows the list again.
    @MainActor public static func perform(_ effect: PlanListEffect, state: inout PlanListState) -> Bool { false }
}

@MainActor public enum PlanListSession {
    /// Shows the list until the person opens, creates or quits; returns what they chose.
    public static func choose(_ state: PlanListState, on screen: CursesScreen) -> (PlanListEffect, PlanListState) {
        let (final, ending) = UILoop.runToEnd(PlanListProgram.self, state: state, screen: screen, perform: PlanListProgram.perform)
        return (ending ?? .quit, final)
    }
}

extension String {
    func pad(_ n: Int) -> String {
        let w = DisplayWidth.of(self)
        if w > n { return String(prefix(n - 1)) + "…" }
        return self + String(repeating: " ", count: n - w)
    }
    func padLeft(_ n: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= n ? self : String(repeating: " ", count: n - w) + self
    }
}
