/// Moving around the form and starting edits, when no field is open and no box is showing.
import PlanCore
import TerminalKit

enum Navigation {
    static func reduce(_ s: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
        let rows = s.rows
        let count = s.section == .findings ? s.findings.count : rows.count
        switch action {
        case .next: s.focus = count == 0 ? 0 : min(count - 1, s.focus + 1)
        case .previous: s.focus = max(0, s.focus - 1)
        case .section(let section): goTo(&s, section)
        case .nextSection: goTo(&s, Section(rawValue: (s.section.rawValue + 1) % Section.allCases.count)!)
        case .previousSection:
            goTo(&s, Section(rawValue: (s.section.rawValue + Section.allCases.count - 1) % Section.allCases.count)!)
        case .back:
            if let entry = s.entry {
                s.entry = nil
                s.focus = s.rows.firstIndex { $0.action == .openEntry(entry.list, entry.index) } ?? 0
            }
        case .save:
            guard !s.readOnly else { s.status = "! This plan is open read-only; it cannot be saved here."; return [] }
            if let today = s.today, s.dirty, s.plan.updated != today {
                s.plan.updated = today  // part of this save, not a separate undo step
                s.recheck()
            }
            return [.save(path: s.file, text: PlanWriter.write(s.plan), expected: s.diskDigest)]
        case .quit:
            if s.dirty && !s.readOnly { s.overlay = .confirmQuit; return [] }
            return [.deleteRecovery, .quit]
        case .undo where refusedWhileSubmitted(&s), .redo where refusedWhileSubmitted(&s): return []
        case .undo: step(&s, from: \.undo, to: \.redo, done: "Undone.", none: "Nothing to undo.")
        case .redo: step(&s, from: \.redo, to: \.undo, done: "Redone.", none: "Nothing to redo.")
        case .find:
            s.overlay = .find(TextField())
        case .moneySoFar:
            return [.moneySoFar]
        case .plainWords:
            s.plainLanguage.toggle()
            s.status = s.plainLanguage ? "Plain words on (P turns them off)." : "Plain words off."
        case .submit:
            guard !s.readOnly else { s.status = "! Read-only: it cannot be submitted from here."; return [] }
            s.overlay = s.submitted ? .confirmWithdraw : .confirmSubmit
        case .acknowledge:
            guard !refusedWhileSubmitted(&s) else { return [] }
            guard s.section == .findings, s.focus < s.findings.count else {
                s.status = "Go to Findings (8) to accept a warning with a reason."
                return []
            }
            let f = s.findings[s.focus]
            guard f.rule.canBeAcknowledged else { s.status = "! Errors cannot be accepted; they must be put right."; return [] }
            s.overlay = .acknowledge(rule: f.rule, target: Acknowledgement.target(of: f, in: s.plan), reason: TextField())
        case .enter:
            if s.section == .findings {
                guard s.focus < s.findings.count else { return [] }
                let f = s.findings[s.focus]
                if f.rule == .outcomeUnsupported {
                    let id = Acknowledgement.target(of: f, in: s.plan)
                    // The fix is in a support: tick the outcome in its Meets list.
                    goTo(&s, .supports)
                    s.status = "Open the support that works towards \(id) and tick \(id) in its Meets list."
                    return []
                }
                EditorReducer.jump(&s, to: FindingAnchor.path(of: f))
                return []
            }
            guard s.focus < rows.count else { return [] }
            open(&s, rows[s.focus])
        default: break
        }
        return []
    }

    /// Undo or redo: the plan from one stack, the current one onto the other.
    static func step(_ s: inout EditorState, from: WritableKeyPath<EditorState, [Plan]>, to: WritableKeyPath<EditorState, [Plan]>,
                     done: String, none: String) {
        guard let plan = s[keyPath: from].popLast() else { s.status = none; return }
        s[keyPath: to].append(s.plan)
        s.plan = plan
        s.dirty = true
        s.recoveryPending = true
        s.recheck()
        s.status = done
        clampFocus(&s)
    }

    static func goTo(_ s: inout EditorState, _ section: Section) {
        s.section = section
        s.entry = nil
        s.focus = 0
    }

    static func clampFocus(_ s: inout EditorState) {
        if let e = s.entry, e.index >= e.list.count(s.plan) { s.entry = nil }
        let count = s.section == .findings ? s.findings.count : s.rows.count
        s.focus = max(0, min(s.focus, count - 1))
    }

    /// A submitted plan is read-only until it is withdrawn: says so, true when refused.
    static func refusedWhileSubmitted(_ s: inout EditorState) -> Bool {
        guard s.submitted else { return false }
        s.status = EditorState.submittedNote
        return true
    }

    static func open(_ s: inout EditorState, _ row: FieldRow) {
        if s.readOnly, row.kind != .action { s.status = "! Read-only: another editor has this plan open."; return }
        if s.submitted {
            if case .openEntry = row.action {} else { _ = refusedWhileSubmitted(&s); return }
        }
        switch row.kind {
        case .action:
            switch row.action {
            case .openEntry(let list, let i):
                s.entry = OpenEntry(list: list, index: i)
                s.focus = 0
            case .addEntry(let list):
                guard !s.readOnly else { return }
                var index = 0
                EditorReducer.change(&s) { index = list.add(to: &$0) }
                s.entry = OpenEntry(list: list, index: index)
                s.focus = list == .needs || list == .outcomes || list == .supports ? 1 : 0
                s.status = "Added a \(list.noun). Fill in its fields; Esc goes back to the list."
            case .deleteEntry(let list, let i):
                s.overlay = .confirmDelete(list, i)
            case .onCostCalculator(let i):
                s.overlay = .onCosts(support: i, lines: OnCostCalculator.propose(s.plan, support: i, policy: s.policy))
            case nil: break
            }
        case .choice(let options):
            s.overlay = .picker(Picker(path: row.path, title: row.label, options: options, multi: false,
                                       selected: options.firstIndex { $0.value == row.value } ?? 0, chosen: []))
        case .multi(let options):
            guard !options.isEmpty else { s.status = "! There is nothing to choose from yet."; return }
            s.overlay = .picker(Picker(path: row.path, title: row.label, options: options, multi: true, selected: 0,
                                       chosen: Set(row.value.split(separator: ",").map(String.init))))
        default:
            startEdit(&s, row)
        }
    }

    static func startEdit(_ s: inout EditorState, _ row: FieldRow) {
        var e = FieldEdit(path: row.path, kind: row.kind)
        switch row.kind {
        case .multiline: e.area = TextArea(row.value, wrapWidth: 50)
        case .money: e.money = MoneyField(row.value, parse: Money.problem(in:))
        default: e.line = TextField(row.value)
        }
        s.edit = e
        s.status = row.kind == .multiline ? "Type; Enter starts a new line; Tab keeps it; Esc cancels."
            : "Type; Enter keeps it; Esc cancels."
    }
}

enum Editing {
    static func reduce(_ s: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
        guard var edit = s.edit else { return [] }
        switch action {
        case .back:
            s.edit = nil
            s.preview = nil
            s.status = "Not changed."
        case .enter:
            if EditorReducer.commitEdit(&s) { s.status = "Kept." }
        case .next:
            if EditorReducer.commitEdit(&s) { s.focus = min(s.rows.count - 1, s.focus + 1) }
        case .save:
            if EditorReducer.commitEdit(&s) { return Navigation.reduce(&s, .save) }
        case .input(let event):
            let changed: Bool
            switch edit.kind {
            case .multiline: changed = edit.area.handle(event) == .changed
            case .money:
                changed = edit.money.handle(event) == .changed
                if let why = edit.money.refusal { s.status = "! Not typed: \(why)." }
            default: changed = edit.line.handle(event) == .changed
            }
            edit.problem = nil
            s.edit = edit
            if changed {
                s.recoveryPending = true
                if edit.kind == .money || edit.kind == .quantity || edit.path.hasSuffix(".per") {
                    s.preview = EditorReducer.previewPlan(s).map(Coster.cost)
                }
            }
        default: break
        }
        return []
    }
}
