/// The guided questions on the full screen: one question, its choices, the answer box with
/// the cursor in it, and plain keys. Nothing here uses a professional term.
import PlanCore
import TerminalKit

/// `lineMode`: stop the full screen and carry on in plain line mode (offered when the screen
/// is too small for the questions).
public enum GuideEffect: Sendable, Equatable { case save, easyRead, stop, lineMode }

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
        if case .resize(let size) = e { s.screen = size; return [] }
        if let size = s.screen, !TooSmall.fits(size) {
            // Only the offer's keys: nothing typed here goes into the hidden answer.
            if e == .text("l") || e == .text("L") { s.wantsLineMode = true; return [.save, .lineMode] }
            if keys.action(for: e) == "stop" { return [.save, .stop] }
            return []
        }
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
            if case .text(let t) = e, let n = Int(t), n >= 1 {
                let list = s.toDo
                if n <= min(9, list.count) {
                    if let id = list[n - 1].step { s.jump(to: id) }
                    else { s.status = "There is no question for that one here: `supportplan check \(s.file)` says where it is." }
                }
            }
            return []
        }
        guard let step = s.step else { return [] }
        if case .lines = step.kind {
            if e == .key(.enter) {
                let text = s.area.text
                let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                if text.isEmpty || (lastLine.isEmpty && s.area.cursor == text.count) {
                    if s.answer(text) { return [.save] }
                    return []
                }
            }
            s.area.handle(e)
            return []
        }
        if e == .key(.enter) {
            var text = s.field.text
            if text.trimmed.isEmpty, case .date(let suggested?) = step.kind, step.current.isEmpty { text = suggested.description }
            if text.trimmed.isEmpty, !step.current.isEmpty, s.keepsByEnter { text = step.current }
            if s.answer(text) { return [.save] }
            return []
        }
        s.field.handle(e)
        return []
    }

    public static func render(_ s: GuideState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return tooSmall(size) }
        var c = Canvas(size)
        let w = size.width
        if s.status == "help" {
            HelpOverlay.render(keys, into: &c, extra: ["", "Type your answer. Choose from a list by number or words: 1, or Yes; 1 3 for several."])
            return c
        }
        guard let step = s.step else { return summary(s, size: size) }
        if let at = s.progress {
            c.put(" Your plan · " + at.words, row: 0, column: 0, style: .bold, limit: w)
            c.put(" " + at.partName, row: 1, column: 0, limit: w)
        }
        var y = 3
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
            else { c.put("Type the number or the words of your answer.", row: y, column: 2); y += 1 }
            y += 1
        case .date(let suggested):
            if let suggested, step.current.isEmpty {
                c.put("Press Enter for \(suggested.spoken), or type a date like 2027-01-20.", row: y, column: 2)
                y += 2
            }
        default: break
        }
        if s.keepsByEnter, !step.current.isEmpty {
            let now: String
            switch step.kind {
            case .several(let options):
                now = (GuideAnswers.several(step.current, options) ?? []).map { options[$0] }.joined(separator: ", ")
            case .money: now = (try? Money.parse(step.current).get()).map { GuideAnswers.pounds($0.pence) } ?? step.current
            case .date: now = PlanDate(step.current)?.spoken ?? step.current
            default: now = step.current
            }
            for line in wrap("Your answer now: \(now). Press Enter to keep it, or type a new one.", w - 4) {
                c.put(line, row: y, column: 2)
                y += 1
            }
            y += 1
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
        message(s.problem.map { "! \($0)" } ?? s.status, into: &c)
        c.put(keys.hintBar(width: w - 2), row: size.height - 1, column: 1, style: .reverse)
        return c
    }

    /// A message at the foot of the screen; a long one takes the line above too, so nothing
    /// of it is cut at 80 columns.
    static func message(_ text: String, into c: inout Canvas) {
        let w = c.size.width, lines = wrap(text, w - 2)
        if lines.count <= 1 { c.put(text, row: c.size.height - 2, column: 1, limit: w - 2); return }
        for (i, line) in lines.prefix(2).enumerated() {
            c.put(String(repeating: " ", count: w - 2), row: c.size.height - 3 + i, column: 1)
            c.put(line, row: c.size.height - 3 + i, column: 1, limit: w - 2)
        }
    }

    /// Below 80×24 the questions do not fit: the guide offers plain line mode instead.
    static func tooSmall(_ size: Size) -> Canvas {
        var c = Canvas(size)
        let width = max(10, size.width - 4)
        let text = ["This window is too small for the questions: they need 80×24, and this one is "
                        + "\(size.width)×\(size.height).",
                    "",
                    "Press L to answer them here one at a time, in plain lines.",
                    "",
                    "Or make the window bigger. F10 stops; your answers are saved."]
        var lines: [String] = []
        for t in text { lines += t.isEmpty ? [""] : wrap(t, width) }
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            c.put(line, row: top + i, column: 2, style: i == 0 ? .bold : .plain, limit: width)
        }
        c.cursor = Point(row: top, column: 2)
        return c
    }

    static func summary(_ s: GuideState, size: Size) -> Canvas {
        var c = Canvas(size)
        let w = size.width
        c.put(" Your plan · all the questions are done", row: 0, column: 0, style: .bold)
        c.put("Your plan is saved in \(s.file).", row: 2, column: 2, limit: w - 4)
        var y = 3
        if let money = GuideEnd.runningMoney(s.plan) {
            for line in wrap(money, w - 4) { c.put(line, row: y, column: 2); y += 1 }
        }
        y += 1
        let list = s.toDo
        if list.isEmpty {
            c.put("✓ Your plan has everything it needs.", row: y, column: 2)
            y += 2
        } else {
            c.put("Still to do. Press a number to go to that question:", row: y, column: 2, style: .bold)
            y += 1
            let last = size.height - 5
            for (n, item) in list.prefix(9).enumerated() {
                let lines = wrap(item.words, w - 10)
                guard y + lines.count <= last || n == 0 else {
                    c.put("… and \(list.count - n) more: press F10, and run the guide again when these are done.", row: y, column: 4,
                          limit: w - 6)
                    y += 1
                    break
                }
                for (i, line) in lines.enumerated() where y < last {
                    c.put(i == 0 ? (item.step == nil ? " -  " : " \(n + 1)  ") + line : "    " + line, row: y, column: 3)
                    y += 1
                }
            }
            if list.count > 9 && y < last {
                c.put("… and \(list.count - 9) more, shown when these are done.", row: y, column: 4, limit: w - 6)
                y += 1
            }
            y += 1
        }
        c.put("Press E for an easy-read copy of your plan (large print, for a web browser).", row: y, column: 2, limit: w - 4)
        message(s.status, into: &c)
        c.put(list.isEmpty ? "Esc Back to the questions  E Easy read  F10 Finish"
                           : "1-\(min(9, list.count)) Go to it  Esc Back  E Easy read  F10 Finish",
              row: size.height - 1, column: 1, style: .reverse)
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
        case .stop, .lineMode: return false
        }
    }

    public func run(_ state: GuideState, on screen: CursesScreen) -> GuideState {
        var state = state
        state.screen = screen.size  // later sizes arrive as `.resize`
        return UILoop.runToEnd(GuideProgram.self, state: state, screen: screen, perform: perform).state
    }
}
