/// Drives the editor's reducer with key events, as the loop does, for the tests.
import Foundation
import PlanCore
import TerminalKit
@testable import PlanUI

struct Driver {
    var state: EditorState
    var effects: [EditorEffect] = []

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A new plan from the blank self-written template, as `supportplan new` makes it.
    static func blank() -> Driver {
        let text = try! String(contentsOf: root.appendingPathComponent("templates/plans/self-written.yaml"), encoding: .utf8)
        let filled = TemplateFill.fill(text, values: ["id": "SP-TEST-1", "created": "2026-11-25", "updated": "2026-11-25"])
        return Driver(state: EditorState(plan: PlanReader.read(filled).plan!, file: "/tmp/plan.yaml", diskDigest: "d0"))
    }

    /// An example plan; `scrubbed`: ids and jargon in the plan's own prose (the planner's
    /// words, not the screen's) replaced, so a plain-words check sees only what the screens add.
    static func example(_ name: String, replacing: [(String, String)] = [], scrubbed: Bool = false) -> Driver {
        var text = try! String(contentsOf: root.appendingPathComponent("examples/\(name).yaml"), encoding: .utf8)
        if scrubbed {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let l = String(line)
                if l.range(of: #"^\s*(- )?(id|target|meets|needs|rule):|^\s*- [NOS][0-9]+\s*$"#, options: .regularExpression) != nil { return l }
                return JargonRule.plainWords(l.replacingOccurrences(of: #"\b[NOS][0-9]+\b"#, with: "it", options: .regularExpression),
                                             Policy.defaultJargon)
            }.joined(separator: "\n")
        }
        for (old, new) in replacing {
            precondition(text.contains(old), "examples/\(name).yaml has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Driver(state: EditorState(plan: PlanReader.read(text).plan!, file: "/tmp/\(name).yaml", diskDigest: "d0"))
    }

    @discardableResult
    mutating func send(_ events: InputEvent...) -> [EditorEffect] { send(events) }

    @discardableResult
    mutating func send(_ events: [InputEvent]) -> [EditorEffect] {
        var out: [EditorEffect] = []
        for e in events {
            guard let a = EditorReducer.action(for: e, in: state) else { continue }
            out += EditorReducer.reduce(&state, a)
        }
        effects += out
        return out
    }

    mutating func type(_ text: String) { send(InputEvent.typing(text)) }

    /// Moves focus to the row whose label starts with this text (in the current section or
    /// entry), by ↑/↓ as a person would.
    mutating func focus(_ label: String) {
        guard let i = state.rows.firstIndex(where: { $0.label.hasPrefix(label) }) else {
            fatalError("no row '\(label)' in \(state.rows.map(\.label))")
        }
        while state.focus < i { send(.key(.down)) }
        while state.focus > i { send(.key(.up)) }
        precondition(state.focus == i, "the keys did not reach '\(label)'")
    }

    /// Moves focus to row (or finding) `i` by ↑/↓.
    mutating func moveTo(_ i: Int) {
        while state.focus < i { let f = state.focus; send(.key(.down)); if state.focus == f { break } }
        while state.focus > i { let f = state.focus; send(.key(.up)); if state.focus == f { break } }
        precondition(state.focus == i, "the keys did not reach row \(i)")
    }

    /// In an open picker of several: unticks every ticked option by ↑/↓ and Space.
    mutating func untickAll() {
        guard case .picker(let p) = state.overlay else { fatalError("no picker open") }
        for (i, o) in p.options.enumerated() where p.chosen.contains(o.value) {
            func selected() -> Int { if case .picker(let q) = state.overlay { return q.selected }; return -1 }
            while selected() < i { send(.key(.down)) }
            while selected() > i { send(.key(.up)) }
            send(.text(" "))
        }
    }

    /// Edits the field with this label: Enter, clear, type, Enter.
    mutating func set(_ label: String, _ text: String) {
        focus(label)
        send(.key(.enter), .key(.ctrl("a")), .key(.ctrl("k")))
        if state.edit?.kind == .multiline { state.edit!.area = TextArea(wrapWidth: 50) }
        type(text)
        send(state.edit?.kind == .multiline ? .key(.tab) : .key(.enter))
    }

    /// Chooses in a picker by the option's label (or, for several, ticks each).
    mutating func choose(_ label: String, _ options: [String]) {
        focus(label)
        send(.key(.enter))
        guard case .picker(let p) = state.overlay else { fatalError("no picker for \(label)") }
        for o in options {
            guard let i = p.options.firstIndex(where: { [$0.label, $0.value].contains(o) }) else { fatalError("no option \(o)") }
            // ↑/↓ to the option, as a person would; Space ticks it in a list of several.
            func selected() -> Int { if case .picker(let q) = state.overlay { return q.selected }; return -1 }
            while selected() < i { send(.key(.down)) }
            while selected() > i { send(.key(.up)) }
            if p.multi { send(.text(" ")) }
        }
        send(.key(.enter))
    }

    var screen: Canvas { EditorView.render(state, size: Size(width: 80, height: 24)) }
}
