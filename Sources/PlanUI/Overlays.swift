/// The boxes over the form: help, choosing from a list, the reason for accepting a warning,
/// unsaved changes, deleting, recovery, a conflict with the file on disk, save-as, a plan
/// someone else has open, the on-cost proposal, and messages.
import PlanCore
import TerminalKit

enum Overlays {
    static func reduce(_ s: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
        guard let overlay = s.overlay, case .input(let event) = action else {
            if action == .back || action == .quit { s.overlay = nil }
            return []
        }
        let escape = event == .key(.escape)
        func letter(_ c: String) -> Bool { event == .text(c) || event == .text(c.uppercased()) }
        switch overlay {
        case .help, .message:
            s.overlay = nil
        case .picker(var p):
            switch event {
            case .key(.up), .key(.ctrl("p")): p.selected = max(0, p.selected - 1)
            case .key(.down), .key(.ctrl("n")), .key(.tab): p.selected = min(p.options.count - 1, p.selected + 1)
            case .text(" ") where p.multi:
                let v = p.options[p.selected].value
                if p.chosen.contains(v) { p.chosen.remove(v) } else { p.chosen.insert(v) }
            case .text(let t) where Int(t) != nil:
                // A digit goes to that row, as in every list; Space ticks, Enter chooses.
                let n = Int(t)! - 1
                if n >= 0 && n < p.options.count { p.selected = n }
            case .key(.enter):
                let value = p.multi ? p.options.map(\.value).filter(p.chosen.contains).joined(separator: ",")
                    : p.options[p.selected].value
                s.overlay = nil
                if let row = s.rows.first(where: { $0.path == p.path }) {
                    EditorReducer.change(&s) { _ = row.set(&$0, value) }
                    let plain = s.plainLanguage
                    let chosen = p.options.filter { p.multi ? p.chosen.contains($0.value) : $0 == p.options[p.selected] }
                        .map { $0.shown(plain: plain, onRow: false) }
                    s.status = "\(plain ? PlainWords.label(row.label) : row.label): "
                        + "\(chosen.isEmpty ? (plain ? "nothing" : "none") : chosen.joined(separator: "; "))."
                }
                return []
            case .key(.escape): s.overlay = nil; return []
            default: break
            }
            s.overlay = .picker(p)
        case .acknowledge(let rule, let target, var reason):
            if escape { s.overlay = nil; return [] }
            if event == .key(.enter) {
                guard reason.text.hasWords else { s.status = "! Write why this is all right first."; return [] }
                s.overlay = nil
                EditorReducer.change(&s) {
                    $0.acknowledged.append(Acknowledgement(rule: rule.rawValue, target: target, reason: reason.text))
                }
                s.status = "Accepted \(rule.rawValue) for \(target), with your reason; the others stay open."
                return []
            }
            reason.handle(event)
            s.overlay = .acknowledge(rule: rule, target: target, reason: reason)
        case .confirmQuit:
            if letter("s") {
                s.overlay = nil
                s.quitAfterSave = true
                return Navigation.reduce(&s, .save)
            }
            if letter("d") { return [.deleteRecovery, .quit] }
            if escape { s.overlay = nil }
        case .confirmSubmit:
            if letter("y") || event == .key(.enter) {
                s.overlay = nil
                if s.dirty { return [.save(path: s.file, text: PlanWriter.write(s.plan), expected: s.diskDigest), .submit] }
                return [.submit]
            }
            if escape || letter("n") { s.overlay = nil }
        case .confirmWithdraw:
            if letter("y") || event == .key(.enter) { s.overlay = nil; return [.withdraw] }
            if escape || letter("n") { s.overlay = nil }
        case .confirmDelete(let list, let i):
            if letter("y") || event == .key(.enter) {
                s.overlay = nil
                EditorReducer.change(&s) { list.delete(i, from: &$0) }
                s.entry = nil
                s.focus = 0
                s.status = "Deleted the \(list.noun(plain: s.plainLanguage)). Undo (u) brings it back."
            } else if escape || letter("n") {
                s.overlay = nil
            }
        case .recover:
            if letter("k") || event == .key(.enter) { s.overlay = nil; s.status = "Your unsaved edits are back. Save to keep them." }
            if letter("d") { s.overlay = nil; return [.reload, .deleteRecovery] }
        case .conflict:
            if letter("r") { s.overlay = nil; return [.reload] }
            if letter("a") { s.overlay = .saveAs(TextField(s.file.replacingSuffix(".yaml", with: "-mine.yaml"))) }
            if escape { s.overlay = nil }
        case .saveAs(var field):
            if escape { s.overlay = nil; return [] }
            if event == .key(.enter), field.text.hasWords {
                s.overlay = nil
                s.file = field.text
                return [.save(path: field.text, text: PlanWriter.write(s.plan), expected: nil)]
            }
            field.handle(event)
            s.overlay = .saveAs(field)
        case .locked:
            if letter("o") || event == .key(.enter) {
                s.overlay = nil
                s.readOnly = true
                s.status = "Open read-only: you can look, not change."
            }
            if letter("q") || escape { return [.quit] }
        case .find(var field):
            if escape { s.overlay = nil; return [] }
            if event == .key(.enter) {
                s.overlay = nil
                s.lastFind = field.text
                Find.next(field.text, &s, fromStart: true)
                return []
            }
            if event == .key(.function(3)) {
                // The next match behind the box; the box stays for another F3.
                s.lastFind = field.text
                Find.next(field.text, &s, fromStart: s.lastFindPlace == nil)
                return []
            }
            field.handle(event)
            s.overlay = .find(field)
        case .onCosts(let i, let lines):
            if escape { s.overlay = nil; return [] }
            if event == .key(.enter) {
                s.overlay = nil
                var result = (updated: 0, added: 0)
                EditorReducer.change(&s) { p in result = OnCostCalculator.apply(lines, to: &p, from: i) }
                s.status = "Updated \(result.updated) and added \(result.added) employer cost lines; look at each and fill in the blanks."
            }
        }
        return []
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with other: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + other : self + other
    }
}

/// `/`: the fields, in planning order, whose name or value has the text; Enter goes to the
/// first, `n` (or F3 in the box) to the next after the one you are on, round to the first.
enum Find {
    static func all(_ text: String, in plan: Plan) -> [EditorState.Place] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        func matches(_ r: FieldRow) -> Bool {
            r.kind != .action && (r.label.lowercased().contains(needle) || r.value.lowercased().contains(needle))
        }
        var out: [EditorState.Place] = []
        for section in Section.allCases where section != .findings {
            let rows = Form.rows(section, plan, entry: nil)
            for (i, r) in rows.enumerated() where matches(r) { out.append(.init(section: section, entry: nil, focus: i)) }
            for case .openEntry(let list, let index) in rows.compactMap(\.action) {
                let entry = OpenEntry(list: list, index: index)
                for (i, r) in Form.rows(section, plan, entry: entry).enumerated() where matches(r) {
                    out.append(.init(section: section, entry: entry, focus: i))
                }
            }
        }
        return out
    }

    static func first(_ text: String, in plan: Plan) -> (Section, OpenEntry?, Int)? {
        all(text, in: plan).first.map { ($0.section, $0.entry, $0.focus) }
    }

    /// Goes to the first match (or the next after the last one found) and says which of how many.
    static func next(_ text: String, _ s: inout EditorState, fromStart: Bool = false) {
        let hits = all(text, in: s.plan)
        guard !hits.isEmpty else { s.status = "! Nothing matches “\(text)”."; s.lastFindPlace = nil; return }
        var n = 0
        if !fromStart, let here = s.lastFindPlace, let i = hits.firstIndex(of: here) { n = (i + 1) % hits.count }
        let hit = hits[n]
        s.section = hit.section
        s.entry = hit.entry
        s.focus = hit.focus
        s.lastFindPlace = hit
        s.status = "Found “\(text)”: \(n + 1) of \(hits.count)" + (hits.count > 1 ? " (n finds the next)." : ".")
    }
}
