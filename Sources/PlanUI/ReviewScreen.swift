/// The approver's read-only review of a submitted plan: the readiness checklist (each rule
/// group ✓/✗), the costing, and what changed since the last signed-off version. The approver
/// cannot edit: only sign off, or return the plan with reasons and a comment.
import PlanCore
import TerminalKit

public struct ReviewState: Sendable, Equatable {
    public var path: String
    public var title: String
    public var lines: [String]
    public var top = 0
    public var reasons: [ReturnReason]
    public var returning: ReturnForm?
    public var signing: SignForm?
    public var showHelp = false
    public var status = "s sign off · r return with reasons · ↑/↓ read · Esc back to the queue"

    public struct ReturnForm: Sendable, Equatable {
        public var chosen: Set<String> = []
        public var selected = 0
        public var comment = TextField()
        public var onComment = false
    }

    public struct SignForm: Sendable, Equatable {
        public var key = TextField()
        public var passphrase = TextField()
        public var onPassphrase = false
    }

    public init(path: String, plan: Plan, check: CheckResult, previous: Plan?, reasons: [ReturnReason]) {
        self.path = path
        self.reasons = reasons
        title = "Review: \(plan.person.preferredName ?? plan.person.name ?? "plan") · \(plan.id ?? "") v\(plan.version ?? 1)"
        var out = ["Written by \(plan.author ?? "not given"); last updated \(plan.updated?.spoken ?? "not given").", "",
                   "READINESS"]
        for group in RuleGroup.allCases where group != .signOff {
            let open = check.findings.filter { $0.rule.group == group && !$0.acknowledged && $0.severity != .info }
            let accepted = check.findings.filter { $0.rule.group == group && $0.acknowledged }
            let e = open.filter { $0.severity == .error }.count, w = open.count - e
            var line = open.isEmpty ? "✓ \(group.rawValue)" : "✗ \(group.rawValue): \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
            if !accepted.isEmpty { line += " (\(accepted.count) accepted with a reason)" }
            out.append(line)
            for f in open { out.append("    \(f.severity == .error ? "✗" : "!") \(f.message)") }
            for f in accepted {
                let reason = plan.acknowledged.first { $0.rule == f.rule.rawValue }?.reason ?? ""
                out.append("    ✓ accepted \(f.rule.rawValue): \(reason.split(separator: "\n").joined(separator: " "))")
            }
        }
        for f in check.findings where f.severity == .info { out.append("i \(f.message)") }
        out += ["", "COSTING"]
        if let t = check.totals, let payment = t.payment, let commitment = t.commitmentPerPaymentPence {
            let each = TotalsTable.paymentWords(payment)
            out.append("Commitment \(each): \(Money.pounds(commitment)); direct payment \(each): "
                       + (t.directPaymentPerPaymentPence.map(Money.pounds) ?? "none"))
        }
        out += TotalsTable.render(plan, check.costing ?? Coster.cost(plan)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        out += ["", "CHANGES SINCE THE LAST SIGNED-OFF VERSION"]
        out += previous.map { PlanDiff.compare($0, plan).lines } ?? ["This is the first version to be signed off."]
        lines = out
    }
}

public enum ReviewEffect: Sendable, Equatable {
    case back
    case sign(key: String, passphrase: String?)
    case returnPlan(reasons: [String], comment: String)
}

public enum ReviewProgram: ScreenProgram {
    public typealias State = ReviewState

    static let keys = KeyTable<Character>(title: "Reviewing a plan", [
        KeyBinding([.key(.function(1)), .text("?")], "?", label: "Help", help: "This help."),
        KeyBinding([.text("s"), .key(.function(5))], "s", label: "Sign off", help: "Sign off with your key."),
        KeyBinding([.text("r"), .key(.function(6))], "r", label: "Return", help: "Send back to the planner with reasons."),
        KeyBinding([.key(.down), .key(.pageDown)], "d", label: "Read", help: "Scroll down (PgDn a page).", inHintBar: false),
        KeyBinding([.key(.up), .key(.pageUp)], "u", label: "Up", help: "Scroll up.", inHintBar: false),
        KeyBinding([.key(.escape), .key(.function(10)), .key(.ctrl("q"))], "b", label: "Back", help: "Back to the queue."),
    ])

    public static func action(for event: InputEvent, in s: ReviewState) -> InputEvent? { event }

    public static func reduce(_ s: inout ReviewState, _ e: InputEvent) -> [ReviewEffect] {
        if case .signal = e { return [.back] }
        if s.showHelp { s.showHelp = false; return [] }
        if var r = s.returning {
            if e == .key(.escape) { s.returning = nil; return [] }
            if e == .key(.tab) { r.onComment.toggle(); s.returning = r; return [] }
            if r.onComment {
                if e == .key(.enter) {
                    guard !r.chosen.isEmpty else { s.status = "! Tick at least one reason (Tab goes back to them)."; return [] }
                    guard r.comment.text.contains(where: { !$0.isWhitespace }) else { s.status = "! Write what to change."; return [] }
                    s.returning = nil
                    return [.returnPlan(reasons: s.reasons.map(\.code).filter(r.chosen.contains), comment: r.comment.text)]
                }
                r.comment.handle(e)
            } else {
                switch e {
                case .key(.up): r.selected = max(0, r.selected - 1)
                case .key(.down): r.selected = min(s.reasons.count - 1, r.selected + 1)
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
            if e == .key(.tab) { f.onPassphrase.toggle(); s.signing = f; return [] }
            if e == .key(.enter) {
                guard f.key.text.contains(where: { !$0.isWhitespace }) else { s.status = "! Type your key's name."; return [] }
                s.signing = nil
                return [.sign(key: f.key.text, passphrase: f.passphrase.text.isEmpty ? nil : f.passphrase.text)]
            }
            if f.onPassphrase { f.passphrase.handle(e) } else { f.key.handle(e) }
            s.signing = f
            return []
        }
        switch keys.action(for: e) {
        case "?": s.showHelp = true
        case "s": s.signing = ReviewState.SignForm()
        case "r": s.returning = ReviewState.ReturnForm()
        case "d": s.top = min(max(0, s.lines.count - 5), s.top + (e == .key(.pageDown) ? 15 : 1))
        case "u": s.top = max(0, s.top - (e == .key(.pageUp) ? 15 : 1))
        case "b": return [.back]
        default: break
        }
        return []
    }

    public static func render(_ s: ReviewState, size: Size) -> Canvas {
        guard TooSmall.fits(size) else { return TooSmall.render(size, quitKeys: "Esc") }
        var c = Canvas(size)
        c.put(" " + s.title + " · read-only", row: 0, column: 0, style: .bold, limit: size.width)
        let height = size.height - 4
        for (i, line) in s.lines.dropFirst(s.top).prefix(height).enumerated() {
            let style: Style = line.hasPrefix("✗") ? .error : line == line.uppercased() && !line.isEmpty && line.first!.isLetter ? .bold : .plain
            c.put(line, row: 2 + i, column: 1, style: style, limit: size.width - 2)
        }
        if s.top + height < s.lines.count { c.put("↓ more (↓/PgDn)", row: size.height - 3, column: size.width - 17, style: .dim) }
        c.put(s.status, row: size.height - 2, column: 1, limit: size.width - 2)
        c.put(keys.hintBar(width: size.width - 2), row: size.height - 1, column: 1, style: .reverse)
        c.cursor = Point(row: 2, column: 1)
        if let r = s.returning {
            var lines = s.reasons.enumerated().map { i, reason in
                "\(r.chosen.contains(reason.code) ? "[x]" : "[ ]") \(reason.words)"
            }
            lines += ["", "What should the planner change?", "", "Space ticks · Enter ticks and goes to the comment · Tab switches · Esc cancels"]
            let p = EditorView.frame("Return the plan with reasons", lines, &c, focusLine: r.onComment ? s.reasons.count + 2 : r.selected)
            if r.onComment {
                c.cursor = Point(row: p.row, column: r.comment.render(into: &c, row: p.row, column: p.column,
                                                                      width: min(60, size.width - p.column - 4), style: .init(.underline)))
            } else {
                c.cursor = p
            }
        }
        if let f = s.signing {
            let p = EditorView.frame("Sign off", ["Your key (its name, e.g. ana-lopez):", "", "Passphrase, if your key has one (Tab):", "",
                                                  "Enter signs · Esc cancels"], &c, focusLine: f.onPassphrase ? 3 : 1)
            let keyRow = f.onPassphrase ? p.row - 2 : p.row
            let keyCol = f.key.render(into: &c, row: keyRow, column: p.column, width: 40, style: .init(.underline))
            c.put(String(repeating: "•", count: f.passphrase.text.count), row: keyRow + 2, column: p.column, style: .init(.underline))
            c.cursor = f.onPassphrase ? Point(row: keyRow + 2, column: p.column + f.passphrase.text.count) : Point(row: keyRow, column: keyCol)
        }
        if s.showHelp {
            HelpOverlay.render(keys, into: &c)
        }
        return c
    }

    /// Every effect of the review ends its loop: the caller signs or returns, then shows it again or goes back.
    @MainActor public static func perform(_ effect: ReviewEffect, state: inout ReviewState) -> Bool { false }
}

@MainActor public enum ReviewSession {
    public static func run(_ state: ReviewState, on screen: CursesScreen) -> (ReviewEffect, ReviewState) {
        let (final, ending) = UILoop.runToEnd(ReviewProgram.self, state: state, screen: screen, perform: ReviewProgram.perform)
        return (ending ?? .back, final)
    }
}
