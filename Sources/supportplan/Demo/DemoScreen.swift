/// A demo screen that exercises TerminalKit end to end until the planner's editor exists:
/// text, money and multi-line fields, a choice, a scrolling list, the help overlay, the hint
/// bar, the too-small screen, paste and signals. `supportplan terminal-demo` runs it; the
/// tmux suite in `.ci/run` drives it.
import PlanCore
import TerminalKit

enum DemoScreen: ScreenProgram {
    enum Focus: Int, CaseIterable { case name, weekly, notes, kind, lines }

    struct State: Equatable {
        var name = TextField()
        var weekly = MoneyField(parse: Money.problem(in:))
        var notes = TextArea(wrapWidth: 50)
        var kind = SelectList(["Personal assistant", "Agency", "Day service", "Equipment"])
        var lines = ListView((1...30).map { "Support line \($0)" })
        var focus = Focus.name
        var showHelp = false
        var status = "Type in the fields. Tab moves on. F1 or ? (in the list) shows help."
        var allowCrash = false
        /// The signal that ended the demo, if one did (the exit code is then 128 + it).
        var stoppedBy: Int32?
    }

    enum Action {
        case edit(InputEvent), next, previous, help, closeHelp, quit, redraw, crash, stop(Int32)
    }

    enum Effect { case quit, redraw, crash }

    static let keys = KeyTable<Action>(title: "Demo screen", [
        KeyBinding([.key(.function(1)), .text("?")], .help, label: "Help",
                   help: "Show this help (? works outside text fields)."),
        KeyBinding([.key(.tab)], .next, label: "Next", help: "Go to the next field."),
        KeyBinding([.key(.backTab)], .previous, label: "Back", help: "Go to the previous field.", inHintBar: false),
        KeyBinding([.key(.ctrl("l"))], .redraw, label: "Redraw", help: "Draw the whole screen again.", inHintBar: false),
        KeyBinding([.key(.function(10)), .key(.ctrl("q"))], .quit, label: "Quit", help: "Leave the demo."),
    ])

    static func isTextField(_ f: Focus) -> Bool { f == .name || f == .weekly || f == .notes }

    static func action(for event: InputEvent, in state: State) -> Action? {
        if case .signal(let s) = event { return .stop(s) }
        if case .resize = event { return nil }
        if state.showHelp {
            if event == .key(.escape) || event == .key(.function(1)) || event == .text("?") { return .closeHelp }
            if let a = keys.action(for: event), case .quit = a { return a }
            return nil
        }
        if event == .key(.function(12)) && state.allowCrash { return .crash }
        if event == .text("?") && isTextField(state.focus) { return .edit(event) }
        if let a = keys.action(for: event) { return a }
        return .edit(event)
    }

    static func reduce(_ s: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .next: s.focus = Focus(rawValue: (s.focus.rawValue + 1) % Focus.allCases.count)!
        case .previous: s.focus = Focus(rawValue: (s.focus.rawValue + Focus.allCases.count - 1) % Focus.allCases.count)!
        case .help: s.showHelp = true
        case .closeHelp: s.showHelp = false
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .crash: return [.crash]
        case .stop(let sig):
            s.stoppedBy = sig
            return [.quit]
        case .edit(let e):
            if case .paste(let p) = e { s.status = "Pasted \(Paste.normalise(p).count) characters as text." }
            switch s.focus {
            case .name: s.name.handle(e)
            case .weekly:
                if s.weekly.handle(e) == .changed { s.status = State().status }
                if let why = s.weekly.refusal { s.status = "! Not typed: \(why)." }
            case .notes: s.notes.handle(e)
            case .kind: s.kind.handle(e)
            case .lines: s.lines.handle(e)
            }
        }
        return []
    }

    @MainActor static func perform(_ effect: Effect, state: inout State) -> Bool {
        switch effect {
        case .quit: return false
        case .redraw: DemoRunner.screen?.invalidate(); return true
        case .crash: fatalError("crash requested for the terminal-restore test")
        }
    }

    static func render(_ s: State, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "Ctrl-Q") }
        var c = Canvas(size)
        let w = size.width
        c.put("SupportPlan · terminal check (a demo screen until the editor is built)", row: 0, column: 1, style: .bold)
        var cursor = Point(row: 0, column: 0)
        func label(_ text: String, _ row: Int, _ f: Focus) {
            c.put((s.focus == f ? "> " : "  ") + text, row: row, column: 0, style: s.focus == f ? .bold : .plain)
        }
        label("Name", 2, .name)
        let nameCol = s.name.render(into: &c, row: 2, column: 16, width: w - 18, style: .init(.underline))
        if s.focus == .name { cursor = Point(row: 2, column: nameCol) }

        label("Weekly cost", 4, .weekly)
        let moneyCol = s.weekly.render(into: &c, row: 4, column: 16, width: 16, style: .init(.underline))
        if s.focus == .weekly { cursor = Point(row: 4, column: moneyCol) }
        switch Money.parse(s.weekly.text) {
        case .success(let m) where !s.weekly.text.isEmpty:
            let over = m.pence > 50_000
            c.put(over ? "✗ over the £500.00 a week budget" : "✓ within the £500.00 a week budget",
                  row: 4, column: 34, style: over ? .error : .good)
        case .failure(let p) where !s.weekly.text.isEmpty:
            c.put("! \(p.words)", row: 4, column: 34, style: .warning, limit: w - 35)
        default: break
        }

        label("Notes", 6, .notes)
        let notesCursor = s.notes.render(into: &c, row: 6, column: 16, height: 4, style: .init(.underline))
        if s.focus == .notes { cursor = notesCursor }

        label("Kind", 11, .kind)
        let kindCursor = s.kind.render(into: &c, row: 11, column: 16, width: 40, focused: s.focus == .kind)
        if s.focus == .kind { cursor = kindCursor }

        label("Lines", 16, .lines)
        var list = s.lines
        let listCursor = list.render(into: &c, row: 16, column: 16, width: 40, height: size.height - 16 - 3)
        if s.focus == .lines { cursor = listCursor }

        c.put(s.status, row: size.height - 2, column: 1, limit: w - 2)
        c.put(keys.hintBar(width: w - 2), row: size.height - 1, column: 1, style: .reverse)
        c.cursor = cursor
        if s.showHelp { HelpOverlay.render(keys, into: &c, extra: ["", "Fields: readline keys (Ctrl-A, Ctrl-E, Ctrl-K…)."]) }
        return c
    }
}

/// Holds the screen while the demo runs, so `perform` can ask for a full redraw.
@MainActor enum DemoRunner {
    static var screen: CursesScreen?
}
