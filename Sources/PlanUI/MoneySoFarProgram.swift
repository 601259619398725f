/// The "Money so far" screen's keys and its pure `reduce`: choose an unmatched transaction,
/// assign it to a line from a picker (the lines named in words) or mark it "not for care" with
/// a reason typed in a box. Saving is an effect (`MoneySoFarSession` writes `assigned.yaml`
/// through `SpendAssignments` and feeds the new report back as an action).
import Foundation
import PlanCore
import TerminalKit

public enum MoneySoFarAction: Sendable, Equatable {
    case help, line, notForCare, down, up, pageDown, pageUp, first, last, plainWords, back
    /// A key for the open box (help, the line picker, the reason box).
    case input(InputEvent)
    case resize(Size)
    case signal
    /// Results of effects, fed back by the session: the report read again, and what to say.
    case saved(SpendReport?, String)
    case saveFailed(String)
}

public enum MoneySoFarEffect: Sendable, Equatable {
    /// Keep the choice for transaction `id` in `spend/PLAN/assigned.yaml`; `words` names the
    /// transaction in the message after.
    case assign(id: String, Assignment, words: String)
    case back
}

public enum MoneySoFarProgram: ScreenProgram {
    public typealias State = MoneySoFarState

    /// The smallest screen it is drawn on (smaller: "Terminal too small").
    public static let minimum = Size(width: 60, height: 20)

    static let keys = KeyTable<MoneySoFarAction>(title: "Money so far", [
        KeyBinding([.key(.function(1)), .text("?")], .help, label: "Help", help: "This help."),
        KeyBinding([.key(.enter), .text("l")], .line, label: "Line", help: "Assign it to a line."),
        KeyBinding([.text("n")], .notForCare, label: "Not for care", help: "Not for care, with why."),
        KeyBinding([.key(.down), .text("j")], .down, label: "Next", help: "Next unmatched payment.", inHintBar: false),
        KeyBinding([.key(.up), .text("k")], .up, label: "Prev", help: "Previous unmatched one.", inHintBar: false),
        KeyBinding([.key(.pageDown), .text(" ")], .pageDown, label: "More", help: "Scroll the page down."),
        KeyBinding([.key(.pageUp), .text("b")], .pageUp, label: "Up", help: "Scroll the page up.", inHintBar: false),
        KeyBinding([.key(.home), .text("g")], .first, label: "Top", help: "The top of the page.", inHintBar: false),
        KeyBinding([.key(.end), .text("G")], .last, label: "End", help: "The end of the page.", inHintBar: false),
        KeyBinding([.key(.function(9)), .text("p")], .plainWords, label: "Plain", help: "Plain words on or off.", inHintBar: false),
        KeyBinding([.key(.escape), .key(.function(10)), .key(.ctrl("q")), .text("q")], .back, label: "Back", help: "Go back."),
    ])

    public static func action(for event: InputEvent, in s: MoneySoFarState) -> MoneySoFarAction? {
        switch event {
        case .signal: return .signal
        case .resize(let size): return .resize(size)
        case .tick: return nil
        default: break
        }
        if s.showHelp || s.picking != nil || s.reason != nil { return .input(event) }
        return keys.action(for: event)
    }

    public static func reduce(_ s: inout MoneySoFarState, _ a: MoneySoFarAction) -> [MoneySoFarEffect] {
        let count = s.unmatched.count
        switch a {
        case .signal, .back: return [.back]
        case .resize(let size):
            s.size = size
            s.top = min(s.top, s.lastTop(size))
        case .input(let e): return boxes(&s, e)
        case .help: s.showHelp = true
        case .line:
            guard let t = chosen(s) else { s.status = "! " + s.words.allMatched; return [] }
            guard !s.lineChoices.isEmpty else { s.status = "! The plan has no paid line to assign it to."; return [] }
            s.picking = MoneySoFarState.Picking(transaction: t.transaction.id)
        case .notForCare:
            guard let t = chosen(s) else { s.status = "! " + s.words.allMatched; return [] }
            s.reason = MoneySoFarState.ReasonBox(transaction: t.transaction.id)
        case .down: s.selected = min(max(0, count - 1), s.selected + 1)
        case .up: s.selected = max(0, s.selected - 1)
        case .pageDown: s.top = min(s.lastTop(s.size), s.top + s.bodyHeight(s.size))
        case .pageUp: s.top = max(0, s.top - s.bodyHeight(s.size))
        case .first: s.top = 0
        case .last: s.top = s.lastTop(s.size)
        case .plainWords:
            s.plainLanguage.toggle()
            s.status = s.plainLanguage ? "Plain words on (p turns them off)." : "Plain words off."
        case .saved(let report, let message):
            s.report = report
            s.selected = min(s.selected, max(0, s.unmatched.count - 1))
            s.top = min(s.top, s.lastTop(s.size))
            s.status = message
        case .saveFailed(let why): s.status = "! Not saved: \(why)"
        }
        return []
    }

    static func chosen(_ s: MoneySoFarState) -> MatchedTransaction? {
        let u = s.unmatched
        return s.selected < u.count ? u[s.selected] : nil
    }

    /// A transaction in a few words: "KINDRED CARE LTD -£96.00".
    static func words(_ s: MoneySoFarState, _ id: String) -> String {
        guard let t = s.report?.transactions.first(where: { $0.transaction.id == id })?.transaction else { return id }
        return "\(SafeText.visible(t.description)) \(Money.pounds(t.amountPence))"
    }

    /// Keys for the help, the line picker and the reason box.
    static func boxes(_ s: inout MoneySoFarState, _ e: InputEvent) -> [MoneySoFarEffect] {
        if s.showHelp { s.showHelp = false; return [] }
        if var p = s.picking {
            let choices = s.lineChoices
            switch e {
            case .key(.escape): s.picking = nil; return []
            case .key(.up), .text("k"): p.selected = max(0, p.selected - 1)
            case .key(.down), .text("j"): p.selected = min(choices.count - 1, p.selected + 1)
            case .key(.home): p.selected = 0
            case .key(.end): p.selected = choices.count - 1
            case .key(.enter):
                s.picking = nil
                return [.assign(id: p.transaction, .line(choices[p.selected].id), words: words(s, p.transaction))]
            default: break
            }
            s.picking = p
            return []
        }
        if var r = s.reason {
            switch e {
            case .key(.escape): s.reason = nil; return []
            case .key(.enter):
                let why = r.field.text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
                guard why.hasWords else { s.status = "! Write why it was not for care (Esc cancels)."; return [] }
                s.reason = nil
                return [.assign(id: r.transaction, .notForCare(reason: why), words: words(s, r.transaction))]
            default:
                r.field.handle(e)
                s.reason = r
                return []
            }
        }
        return []
    }

    public static func render(_ s: MoneySoFarState, size: Size) -> Canvas { MoneySoFarView.render(s, size: size) }

    /// Without a session (tests): saving does nothing; back ends the loop.
    @MainActor public static func perform(_ effect: MoneySoFarEffect, state: inout MoneySoFarState) -> Bool {
        if case .back = effect { return false }
        return true
    }
}
