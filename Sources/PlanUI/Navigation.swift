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
                s.status = s.defaultStatus
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
        case .undo: step(&s, from: \.undo, \.undoPlaces, to: \.redo, \.redoPlaces, done: "Undone", none: "Nothing to undo.")
        case .redo: step(&s, from: \.redo, \.redoPlaces, to: \.undo, \.undoPlaces, done: "Redone", none: "Nothing to redo.")
        case .findNext:
            guard let text = s.lastFind else { s.status = "Nothing to find again: / finds a field first."; return [] }
            Find.next(text, &s)
        case .find:
            s.overlay = .find(TextField())
        case .moneySoFar:
            return [.moneySoFar]
        case .plainWords:
            s.plainLanguage.toggle()
            s.status = s.plainLanguage ? "Plain words on (P or F9 turns them off)." : "Plain words off (P or F9 turns them on)."
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
    /// Undo or redo: the plan from one stack, the current one onto the other; the cursor goes
    /// to where the change was made, and back at the saved plan it is no longer "unsaved".
    static func step(_ s: inout EditorState, from: WritableKeyPath<EditorState, [Plan]>, _ fromPlaces: WritableKeyPath<EditorState, [EditorState.Place]>,
                     to: WritableKeyPath<EditorState, [Plan]>, _ toPlaces: WritableKeyPath<EditorState, [EditorState.Place]>,
                     done: String, none: String) {
        guard let plan = s[keyPath: from].popLast() else { s.status = none; return }
        let place = s[keyPath: fromPlaces].popLast() ?? s.place
        s[keyPath: to].append(s.plan)
        s[keyPath: toPlaces].append(place)
        s.plan = plan
        s.dirty = plan != s.savedPlan
        s.recoveryPending = s.dirty
        s.recheck()
        s.section = place.section
        s.entry = place.entry
        s.focus = place.focus
        clampFocus(&s)
        let row = s.section == .findings || s.focus >= s.rows.count ? nil : s.rows[s.focus]
        let label = row.map { s.plainLanguage ? PlainWords.label($0.label) : $0.label }
        s.status = "\(done)\(label.map { ": \($0)" } ?? "")." + (s.dirty ? "" : " Back as it was saved.")
    }

    static func goTo(_ s: inout EditorState, _ section: Section) {
        s.section = section
        s.entry = nil
        s.focus = 0
        s.status = s.defaultStatus  // a message about another section does not follow you
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
        if s.plainLanguage, row.path.hasPrefix("acknowledged["), row.path.hasSuffix(".rule") || row.path.hasSuffix(".target") {
            s.status = "This is filled in when a warning is accepted (8, then a); only the reason can be changed here."
            return
        }
        switch row.kind {
        case .action:
            switch row.action {
            case .openEntry(let list, let i):
                s.entry = OpenEntry(list: list, index: i)
                s.focus = 0
                if !s.submitted { s.status = s.defaultStatus }
            case .addEntry(let list):
                guard !s.readOnly else { return }
                var index = 0
                EditorReducer.change(&s) { index = list.add(to: &$0) }
                s.entry = OpenEntry(list: list, index: index)
                s.focus = list == .needs || list == .outcomes || list == .supports ? 1 : 0
                s.status = "Added \(list.article(plain: s.plainLanguage)) \(list.noun(plain: s.plainLanguage)). Fill in its fields; Esc goes back to the list."
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
        s.status = row.kind == .multiline ? "Type; Enter starts a new line; Tab keeps the text; Esc cancels."
            : row.kind == .date ? "Type a date like 2027-03-31 or 31/03/2027 (or today); Enter keeps it; Esc cancels."
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
