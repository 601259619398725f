/// The guided questions on the full screen: one question, its choices, the answer box with
/// the cursor in it, and plain keys. Nothing here uses a professional term.
import PlanCore
import TerminalKit

public enum GuideEffect: Sendable, Equatable { case save, easyRead, stop }

public enum GuideProgram: ScreenProgram {
    public typealias State = GuideState

    public static let keys = KeyTable<String>(title: "Your plan, one question at a time", [
        KeyBinding([.key(.enter)], "enter", label: "Next", help: "Keep your answer and go on (for several lines: an empty line)."),
        KeyBinding([.key(.escape)], "back", label: "Back", help: "Go back to the question before."),
        KeyBinding([.key(.function(6)), .key(.ctrl("n"))], "skip", label: "Skip", help: "Leave this one for now."),
        KeyBinding([.key(.function(1))], "help", label: "Help", help: "This help."),
        KeyBinding([.key(.function(10)), .key(.ctrl("q"))], "stop", label: "Stop", help: "Stop here. Everything is saved; carry on later."),
    ])

    public static func action(for event: InputEvent, in s: GuideState) -> InputEvent? { event }

    public static func reduce(_ s: inout GuideState, _ e: InputEvent) -> [GuideEffect] {
        if case .signal = e { return [.save, .stop] }
        if s.status == "help" { s.status = ""; return [] }
        switch keys.action(for: e) {
        case "stop": return [.save, .stop]
        case "help": s.status = "help"; return []
        case "back": s.back(); return []
        case "skip": s.skip(); return [.save]
        default: break
        }
        if s.finished {
            if e == .text("e") || e == .text("E") { return [.easyRead] }
            return []
        }
        guard let step = s.step else { return [] }
        if case .lines = step.kind {
            if e == .key(.enter) {
                let text = s.area.text
                let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                if text.isEmpty || (lastLine.isEmpty && s.area.cursor == text.count) {
                    let was = s.step?.id
                    if s.answer(text) { s.status = ""; return [.save] }
                    _ = was
                    return []
                }
            }
            s.area.handle(e)
            return []
        }
        if e == .key(.enter) {
            var text = s.field.text
            if text.trimmed.isEmpty, case .date(let suggested?) = step.kind, step.current.isEmpty { text = suggested.description }
            if s.answer(text) { s.status = ""; return [.save] }
            return []
        }
        s.field.handle(e)
        return []
    }

    public static func render(_ s: GuideState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "F10") }
        var c = Canvas(size)
        let w = size.width
        if s.status == "help" {
            HelpOverlay.render(keys, into: &c, extra: ["", "Type your answer. Numbers choose from a list: 1, or 1 3 for several."])
            return c
        }
        guard let step = s.step else { return summary(s, size: size) }
        c.put(" Your plan · question \(s.number) of \(s.steps.count) · \(step.part)", row: 0, column: 0, style: .bold, limit: w)
        var y = 2
        for line in wrap(step.question, w - 4) { c.put(line, row: y, column: 2, style: .bold); y += 1 }
        for line in wrap(step.hint, w - 4) { c.put(line, row: y, column: 2); y += 1 }
        y += 1
        switch step.kind {
        case .choice(let options), .several(let options):
            for (i, o) in options.enumerated() where y < size.height - 7 {
                c.put("\(i + 1). \(o)", row: y, column: 4, limit: w - 6)
                y += 1
            }
            if case .several = step.kind { c.put("Type the numbers of all that are true, like 1 3.", row: y, column: 2); y += 1 }
            y += 1
        case .date(let suggested):
            if let suggested, step.current.isEmpty {
                c.put("Press Enter for \(suggested.spoken), or type a date like 2027-01-20.", row: y, column: 2)
                y += 2
            }
        default: break
        }
        c.put("Your answer:", row: y, column: 2, style: .bold)
        y += 1
        if case .lines = step.kind {
            var area = s.area
            area.wrapWidth = min(70, w - 14)
            let height = max(3, min(8, size.height - y - 4))
            c.cursor = area.render(into: &c, row: y, column: 4, height: height, style: .init(.underline))
            c.put("An empty line finishes.", row: y + height, column: 2, style: .dim)
        } else {
            c.cursor = Point(row: y, column: s.field.render(into: &c, row: y, column: 4, width: min(60, w - 8), style: .init(.underline)))
        }
        c.put(s.problem.map { "! \($0)" } ?? s.status, row: size.height - 2, column: 1, limit: w - 2)
        c.put(keys.hintBar(width: w - 2), row: size.height - 1, column: 1, style: .reverse)
        return c
    }

    static func summary(_ s: GuideState, size: Size) -> Canvas {
        var c = Canvas(size)
        c.put(" Your plan · all the questions are done", row: 0, column: 0, style: .bold)
        c.put("Your plan is saved in \(s.file).", row: 2, column: 2, limit: size.width - 4)
        let missing = GuideFlow.missing(s.plan, policy: s.policy)
        var y = 4
        if missing.isEmpty {
            c.put("✓ Your plan has everything it needs.", row: y, column: 2)
            y += 2
        } else {
            c.put("Still to do:", row: y, column: 2, style: .bold)
            y += 1
            for m in missing where y < size.height - 5 {
                for (n, line) in wrap(m, size.width - 8).enumerated() { c.put((n == 0 ? "- " : "  ") + line, row: y, column: 4); y += 1 }
            }
            y += 1
        }
        c.put("Press E for an easy-read copy of your plan (large print, for a web browser).", row: y, column: 2, limit: size.width - 4)
        c.put(s.status, row: size.height - 2, column: 1, limit: size.width - 2)
        c.put("Esc Back to the questions  E Easy read  F10 Finish", row: size.height - 1, column: 1, style: .reverse)
        c.cursor = Point(row: 2, column: 2)
        return c
    }

    static func wrap(_ text: String, _ width: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if DisplayWidth.of(line) + DisplayWidth.of(word) + 1 > width, !line.isEmpty { out.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { out.append(line) }
        return out
    }

    /// Without a session (tests, the demo): saving and the easy-read copy do nothing.
    @MainActor public static func perform(_ effect: GuideEffect, state: inout GuideState) -> Bool {
        GuideSession(save: { _ in }, easyRead: { _ in "" }).perform(effect, &state)
    }
}

/// Runs the guide with what it needs to save the plan and write the easy-read copy.
@MainActor public struct GuideSession {
    let save: (GuideState) -> Void
    let easyRead: (GuideState) -> String

    public init(save: @escaping (GuideState) -> Void, easyRead: @escaping (GuideState) -> String) {
        self.save = save
        self.easyRead = easyRead
    }

    func perform(_ effect: GuideEffect, _ state: inout GuideState) -> Bool {
        switch effect {
        case .save: save(state); return true
        case .easyRead: state.status = easyRead(state); return true
        case .stop: return false
        }
    }

    public func run(_ state: GuideState, on screen: CursesScreen) -> GuideState {
        UILoop.runToEnd(GuideProgram.self, state: state, screen: screen, perform: perform).state
    }
}
