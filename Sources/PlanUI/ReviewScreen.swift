/// The approver's read-only review of a submitted plan: everything they sign (`ReviewContent`),
/// wrapped to the screen and read a page at a time. The approver cannot edit: only sign off
/// (confirmed in one key; with one signer no key name is asked) or return the plan with reasons
/// and a comment (confirmed in one key).
import PlanCore
import TerminalKit

/// How signing goes for this approver, worked out before they press `s`.
public enum SignChoice: Sendable, Equatable {
    /// The store has one signer and their key is in the user's key folder: no name is asked.
    case key(path: String, signer: String, sealed: Bool)
    /// Several signers: the approver names their key.
    case askKey
    /// Signing cannot work (the level is too low, no key): said before any key is asked for.
    case refused(String)
}

public struct ReviewState: Sendable, Equatable {
    public var path: String
    public var title: String
    /// Whole lines (never cut); wrapped to the screen when drawn.
    public var lines: [String]
    /// The first wrapped line shown.
    public var top = 0
    /// The size last drawn at (scrolling is by wrapped lines of this width).
    public var size = Size(width: 80, height: 24)
    public var reasons: [ReturnReason]
    public var returning: ReturnForm?
    public var signing: SignForm?
    public var signChoice: SignChoice
    public var showHelp = false
    public var status = "Read every page (Space), then s signs off or r returns it with reasons."

    public struct ReturnForm: Sendable, Equatable {
        public var chosen: Set<String> = []
        public var selected = 0
        public var comment = TextField()
        public var onComment = false
        /// Asking "Return it? y".
        public var confirming = false
    }

    public struct SignForm: Sendable, Equatable {
        public var key = TextField()
        public var passphrase = TextField()
        public var onPassphrase = false
    }

    public init(path: String, plan: Plan, check: CheckResult, previous: Plan?, reasons: [ReturnReason],
                submission: [String] = [], signChoice: SignChoice = .askKey, money: SpendReport? = nil,
                plainWords: Bool = false) {
        self.path = path
        self.reasons = reasons
        self.signChoice = signChoice
        title = "Review: \(SafeText.visible(plan.person.preferredName ?? plan.person.name ?? "plan")) · "
            + "\(SafeText.visible(plan.id ?? "")) v\(plan.version ?? 1)"
        lines = ReviewContent.lines(plan: plan, check: check, previous: previous, submission: submission, money: money)
        // Plain words (`--plain-language`): every jargon-list term in its plain words.
        if plainWords { lines = lines.map { JargonRule.plainWords($0, Policy.defaultJargon) } }
    }

    /// The status line wrapped whole (at most 4 rows; a message is never cut).
    func statusLines(_ size: Size) -> [String] { Array(TextWrap.lines(status, width: size.width - 2).prefix(4)) }

    /// The text area's width and height at a screen size: the rows left by the title, the
    /// "more" line, the status and the key bar.
    func page(_ size: Size) -> (width: Int, height: Int) { (size.width - 2, size.height - 4 - statusLines(size).count) }

    /// The lines as drawn at a size: each whole line wrapped, with its style. A line starting
    /// with an entry's id ("S1 ") continues under its text.
    func wrapped(_ size: Size) -> [(text: String, style: Style)] {
        let width = page(size).width
        return lines.flatMap { line -> [(text: String, style: Style)] in
            let style: Style = line.hasPrefix("✗") ? .error
                : (line == line.uppercased() && line.first?.isLetter == true) ? .bold : .plain
            let id = line.prefix { $0 != " " }
            let hang = id.count <= 4 && id.first?.isUppercase == true && id.dropFirst().allSatisfy(\.isNumber) && id.count > 1
                ? id.count + 1 : nil
            return TextWrap.lines(line, width: width, hang: hang).map { ($0, style) }
        }
    }

    /// The last useful top line at a size.
    func lastTop(_ size: Size) -> Int { max(0, wrapped(size).count - page(size).height) }
}

public enum ReviewAction: Sendable, Equatable {
    case help, sign, returnPlan, down, up, pageDown, pageUp, first, last, back
    /// A key for the open box (return reasons, the key, a confirmation).
    case input(InputEvent)
    case resize(Size)
    case signal
}

public enum ReviewEffect: Sendable, Equatable {
    case back
    case sign(key: String, passphrase: String?)
    case returnPlan(reasons: [String], comment: String)
}

public enum ReviewProgram: ScreenProgram {
    public typealias State = ReviewState

    static let keys = KeyTable<ReviewAction>(title: "Reviewing a plan", [
        KeyBinding([.key(.function(1)), .text("?")], .help, label: "Help", help: "This help."),
        KeyBinding([.text("s"), .key(.function(5))], .sign, label: "Sign off", help: "Sign off (asks you to confirm)."),
        KeyBinding([.text("r"), .key(.function(6))], .returnPlan, label: "Return", help: "Send back to the planner with reasons."),
        KeyBinding([.key(.pageDown), .text(" ")], .pageDown, label: "Next page", help: "Next page."),
        KeyBinding([.key(.pageUp), .text("b")], .pageUp, label: "Prev", help: "Previous page (b or PgUp).", inHintBar: false),
        KeyBinding([.key(.down), .text("j")], .down, label: "Down", help: "One line down.", inHintBar: false),
        KeyBinding([.key(.up), .text("k")], .up, label: "Up", help: "One line up.", inHintBar: false),
        KeyBinding([.key(.home), .text("g")], .first, label: "Top", help: "The first page.", inHintBar: false),
        KeyBinding([.key(.end), .text("G")], .last, label: "End", help: "The last page.", inHintBar: false),
        KeyBinding([.key(.escape), .key(.function(10)), .key(.ctrl("q"))], .back, label: "Back", help: "Back to the queue."),
    ])

    public static func action(for event: InputEvent, in s: ReviewState) -> ReviewAction? {
        switch event {
        case .signal: return .signal
        case .resize(let size): return .resize(size)
        case .tick: return nil
        default: break
        }
        if s.showHelp || s.returning != nil || s.signing != nil { return .input(event) }
        return keys.action(for: event)
    }

    /// On the "too small" screen only Esc, F10 and Ctrl-Q (back) work, and resizes.
    public static func actionWhenTooSmall(for event: InputEvent, in s: ReviewState) -> ReviewAction? {
        switch event {
        case .signal: return .signal
        case .resize(let size): return .resize(size)
        case .key(.escape), .key(.function(10)), .key(.ctrl("q")): return .back
        default: return nil
        }
    }

    public static func reduce(_ s: inout ReviewState, _ a: ReviewAction) -> [ReviewEffect] {
        switch a {
        case .signal: return [.back]
        case .resize(let size):
            s.size = size
            s.top = min(s.top, s.lastTop(size))
            return []
        case .input(let e): return boxes(&s, e)
        case .help: s.showHelp = true
        case .sign:
            switch s.signChoice {
            case .refused(let why): s.status = "! Not signed: \(why)"
            case .key, .askKey: s.signing = ReviewState.SignForm()
            }
        case .returnPlan: s.returning = ReviewState.ReturnForm()
        case .down: s.top = min(s.lastTop(s.size), s.top + 1)
        case .up: s.top = max(0, s.top - 1)
        case .pageDown: s.top = min(s.lastTop(s.size), s.top + s.page(s.size).height)
        case .pageUp: s.top = max(0, s.top - s.page(s.size).height)
        case .first: s.top = 0
        case .last: s.top = s.lastTop(s.size)
        case .back: return [.back]
        }
        return []
    }

    /// Keys for the help, the return box and the sign box.
    static func boxes(_ s: inout ReviewState, _ e: InputEvent) -> [ReviewEffect] {
        if s.showHelp { s.showHelp = false; return [] }
        if var r = s.returning {
            if r.confirming {
                if e == .text("y") || e == .text("Y") {
                    s.returning = nil
                    return [.returnPlan(reasons: s.reasons.map(\.code).filter(r.chosen.contains), comment: r.comment.text)]
                }
                if e == .key(.escape) || e == .text("n") || e == .text("N") { r.confirming = false; s.returning = r }
                return []
            }
            if e == .key(.escape) { s.returning = nil; return [] }
            if e == .key(.tab) { r.onComment.toggle(); s.returning = r; return [] }
            if r.onComment {
                if e == .key(.enter) {
                    guard !r.chosen.isEmpty else { s.status = "! Tick at least one reason (Tab goes back to them)."; return [] }
                    guard r.comment.text.contains(where: { !$0.isWhitespace }) else { s.status = "! Write what to change."; return [] }
                    r.confirming = true
                    s.returning = r
                    return []
                }
                r.comment.handle(e)
            } else {
                switch e {
                case .key(.up): r.selected = max(0, r.selected - 1)
                case .key(.down): r.selected = min(s.reasons.count - 1, r.selected + 1)
                case .text(let t) where Int(t).map({ $0 >= 1 && $0 <= s.reasons.count }) == true:
                    r.selected = Int(t)! - 1  // a digit goes to that row, as in every list
                case .text(" "), .key(.enter):
                    let code = s.reasons[r.selected].code
                    if r.chosen.contains(code) { r.chosen.remove(code) } else { r.chosen.insert(code) }
                    if e == .key(.enter) { r.onComment = true }
                default: break
                }
            }
            s.returning = r
            return []
        }
        if var f = s.signing {
            if e == .key(.escape) { s.signing = nil; return [] }
            let asksKey = s.signChoice == .askKey
            if e == .key(.tab), asksKey { f.onPassphrase.toggle(); s.signing = f; return [] }
            if e == .key(.enter) {
                let passphrase = f.passphrase.text.isEmpty ? nil : f.passphrase.text
                switch s.signChoice {
                case .key(let path, _, let sealed):
                    if sealed && passphrase == nil { s.status = "! Type your key's passphrase."; return [] }
                    s.signing = nil
                    return [.sign(key: path, passphrase: passphrase)]
                case .askKey:
                    guard f.key.text.contains(where: { !$0.isWhitespace }) else { s.status = "! Type your key's name."; return [] }
                    s.signing = nil
                    return [.sign(key: f.key.text, passphrase: passphrase)]
                case .refused: s.signing = nil; return []
                }
            }
            if case .key(_, _, let sealed) = s.signChoice {
                if sealed { f.passphrase.handle(e) }
            } else if f.onPassphrase { f.passphrase.handle(e) } else { f.key.handle(e) }
            s.signing = f
            return []
        }
        return []
    }

    public static func render(_ s: ReviewState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "Esc") }
        var c = Canvas(size)
        let (_, height) = s.page(size)
        let status = s.statusLines(size)
        let all = s.wrapped(size)
        let top = min(s.top, max(0, all.count - height))
        let pages = max(1, (all.count + height - 1) / height)
        let page = min(pages, top / height + 1 + (top % height == 0 ? 0 : 1))
        let where_ = " page \(page) of \(pages) "
        c.put(EditorView.clipped(" " + s.title + " · read-only", size.width - where_.count - 1, atWord: true), row: 0, column: 0,
              style: .bold, limit: size.width - where_.count - 1)
        c.put(where_, row: 0, column: size.width - where_.count, style: .dim)
        for (i, line) in all.dropFirst(top).prefix(height).enumerated() {
            c.put(line.text, row: 2 + i, column: 1, style: line.style, limit: size.width - 2)
        }
        // The "more" line has a row of its own: it never covers text.
        let more = top + height < all.count ? "↓ \(all.count - top - height) more lines: Space or PgDn for the next page"
            : "— end of the plan —"
        c.put(more, row: 2 + height, column: 1, style: .dim, limit: size.width - 2)
        for (i, line) in status.enumerated() {
            c.put(line, row: size.height - 1 - status.count + i, column: 1, style: s.status.hasPrefix("!") ? .error : .plain,
                  limit: size.width - 2)
        }
        c.put(keys.hintBar(width: size.width - 2), row: size.height - 1, column: 1, style: .reverse)
        c.cursor = Point(row: 2, column: 1)
        if let r = s.returning { renderReturn(s, r, &c) }
        if let f = s.signing { renderSign(s, f, &c) }
        if s.showHelp { HelpOverlay.render(keys, into: &c) }
        return c
    }

    static func renderReturn(_ s: ReviewState, _ r: ReviewState.ReturnForm, _ c: inout Canvas) {
        let width = c.size.width - 10
        if r.confirming {
            let words = s.reasons.filter { r.chosen.contains($0.code) }.map(\.words).joined(separator: "; ")
            let lines = TextWrap.lines("Return this plan to the planner because: \(words)", width: width)
                + TextWrap.lines("Your comment: \(r.comment.text)", width: width)
                + ["", "y returns it · n or Esc goes back to change it"]
            c.cursor = EditorView.frame("Return the plan?", lines, &c, focusLine: lines.count - 1)
            return
        }
        var lines = s.reasons.map { reason in "\(r.chosen.contains(reason.code) ? "[x]" : "[ ]") \(reason.words)" }
        lines += ["", "What should the planner change?", "", "Space ticks · Enter ticks and goes to the comment",
                  "Tab switches · Esc cancels"]
        let p = EditorView.frame("Return the plan with reasons", lines, &c, focusLine: r.onComment ? s.reasons.count + 2 : r.selected)
        if r.onComment {
            c.cursor = Point(row: p.row, column: r.comment.render(into: &c, row: p.row, column: p.column,
                                                                  width: min(60, c.size.width - p.column - 4), style: .init(.underline)))
        } else {
            c.cursor = p
        }
    }

    static func renderSign(_ s: ReviewState, _ f: ReviewState.SignForm, _ c: inout Canvas) {
        switch s.signChoice {
        case .key(_, let signer, let sealed):
            var lines = TextWrap.lines("Sign off \(s.title.dropFirst("Review: ".count)) as \(signer)?", width: c.size.width - 10)
            let focus: Int
            if sealed {
                lines += ["", "Your key's passphrase:", ""]
                focus = lines.count - 1
                lines += ["", "Enter signs · Esc cancels"]
            } else {
                lines += ["", "Enter signs · Esc cancels"]
                focus = lines.count - 1
            }
            let p = EditorView.frame("Sign off?", lines, &c, focusLine: focus)
            if sealed {
                c.put(String(repeating: "•", count: min(40, f.passphrase.text.count)), row: p.row, column: p.column, style: .init(.underline))
                c.cursor = Point(row: p.row, column: p.column + min(40, f.passphrase.text.count))
            } else {
                c.cursor = p
            }
        case .askKey, .refused:
            let p = EditorView.frame("Sign off?", ["Your key (its name, e.g. ana-lopez):", "", "Passphrase, if your key has one (Tab):", "",
                                                   "Enter signs · Esc cancels"], &c, focusLine: f.onPassphrase ? 3 : 1)
            let keyRow = f.onPassphrase ? p.row - 2 : p.row
            let keyCol = f.key.render(into: &c, row: keyRow, column: p.column, width: 40, style: .init(.underline))
            c.put(String(repeating: "•", count: min(40, f.passphrase.text.count)), row: keyRow + 2, column: p.column, style: .init(.underline))
            c.cursor = f.onPassphrase ? Point(row: keyRow + 2, column: p.column + min(40, f.passphrase.text.count))
                : Point(row: keyRow, column: keyCol)
        }
    }

    /// Every effect of the review ends its loop: the caller signs or returns, then shows it again or goes back.
    @MainActor public static func perform(_ effect: ReviewEffect, state: inout ReviewState) -> Bool { false }
}

@MainActor public enum ReviewSession {
    public static func run(_ state: ReviewState, on screen: CursesScreen) -> (ReviewEffect, ReviewState) {
        var state = state
        state.size = screen.size
        let (final, ending) = UILoop.runToEnd(ReviewProgram.self, state: state, screen: screen, perform: ReviewProgram.perform)
        return (ending ?? .back, final)
    }
}
