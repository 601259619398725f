/// `reduce`: the editor's only way to change state. Pure: what should happen outside (save,
/// recovery file, quit) is returned as effects for the session to carry out.
import PlanCore
import TerminalKit

public enum EditorReducer {
    public static func action(for event: InputEvent, in s: EditorState) -> EditorAction? {
        switch event {
        case .signal(let n): return .signal(n)
        case .tick: return .tick
        case .resize: return nil
        default: break
        }
        if s.overlay != nil { return .input(event) }
        if let edit = s.edit {
            return EditorKeys.table(editing: edit).action(for: event) ?? .input(event)
        }
        if case .text(let t) = event, let n = Int(t), (1...Section.allCases.count).contains(n) {
            return .section(Section(rawValue: n - 1)!)
        }
        // Letters are commands here (u undo, a accept…): Enter opens a field for typing.
        return EditorKeys.navigation.action(for: event)
    }

    public static func reduce(_ s: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
        switch action {
        case .signal:
            if s.dirty || s.edit != nil { commitEdit(&s) }
            return s.recoveryPending || s.dirty ? [.writeRecovery(PlanWriter.write(s.plan)), .quit] : [.quit]
        case .tick:
            guard s.recoveryPending else { return [] }
            s.recoveryPending = false
            return [.writeRecovery(PlanWriter.write(previewPlan(s) ?? s.plan))]
        case .saved(let digest):
            s.dirty = false
            s.savedPlan = s.plan
            s.recoveryPending = false
            s.diskDigest = digest
            s.status = "Saved \(s.file)."
            if s.quitAfterSave { return [.deleteRecovery, .quit] }
            return [.deleteRecovery]
        case .saveFailed(let why):
            s.quitAfterSave = false
            s.overlay = .message("Not saved: \(why)")
            return []
        case .conflict:
            s.quitAfterSave = false
            s.overlay = .conflict
            return []
        case .redraw:
            return [.redraw]
        case .help:
            s.overlay = s.overlay == .help ? nil : .help
            return []
        default: break
        }
        if s.overlay != nil { return Overlays.reduce(&s, action) }
        if s.edit != nil { return Editing.reduce(&s, action) }
        return Navigation.reduce(&s, action)
    }

    /// The plan with the value being typed put in, if it reads; for the live budget bar.
    static func previewPlan(_ s: EditorState) -> Plan? {
        guard let edit = s.edit, let row = s.rows.first(where: { $0.path == edit.path }) else { return nil }
        var p = s.plan
        return row.set(&p, edit.text) == nil ? p : nil
    }

    /// Changes the plan as one undoable step and checks it again.
    static func change(_ s: inout EditorState, _ body: (inout Plan) -> Void) {
        var p = s.plan
        body(&p)
        guard p != s.plan else { return }
        guard !s.submitted else { s.status = EditorState.submittedNote; return }
        s.undo.append(s.plan)
        s.undoPlaces.append(s.place)
        if s.undo.count > 200 { s.undo.removeFirst(); s.undoPlaces.removeFirst() }
        s.redo.removeAll()
        s.redoPlaces.removeAll()
        s.plan = p
        s.dirty = true
        s.recoveryPending = true
        s.recheck()
    }

    /// Puts the field being edited into the plan; false (and a problem shown) when it does not read.
    @discardableResult
    static func commitEdit(_ s: inout EditorState) -> Bool {
        guard var edit = s.edit else { return true }
        guard let row = s.rows.first(where: { $0.path == edit.path }) else { s.edit = nil; return true }
        var p = s.plan
        if let problem = row.set(&p, edit.text) {
            edit.problem = problem
            s.edit = edit
            s.status = "! \(problem)"
            return false
        }
        s.edit = nil
        s.preview = nil
        change(&s) { $0 = p }
        return true
    }

    /// Moves focus to the field a plan path names (a finding's place).
    static func jump(_ s: inout EditorState, to path: String) {
        s.section = Section.of(path: path)
        s.entry = nil
        for list in EntryList.allCases where path.hasPrefix(list.rawValue + "[") {
            let digits = path.dropFirst(list.rawValue.count + 1).prefix { $0.isNumber }
            if let i = Int(digits), i < list.count(s.plan), path.contains("].") || Section.of(path: path) != .about {
                s.entry = OpenEntry(list: list, index: i)
            }
        }
        s.focus = FindingAnchor.row(for: path, in: s.rows) ?? 0
    }
}
