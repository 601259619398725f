/// `supportplan edit FILE`: the planner's full-screen editor on one plan (made from the
/// self-written template when the file does not exist yet).
import ArgumentParser
import PlanCore
import PlanUI
import TerminalKit

struct EditCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open a plan in the full-screen editor (creates it from a template if missing).",
        discussion: HelpExamples.discussion("""
            F1 in the editor lists its keys; docs/editor.md has them all. A missing FILE is \
            started from --template (self-written unless you name another).
            """, examples)
    )

    static let examples = [
        "supportplan edit plans/SP-2026-7KQ4XM.yaml",
        "supportplan edit --template older-person-home-care new-plan.yaml",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A plan file.", valueName: "FILE")) var file: String
    @Option(name: .long, help: "Template for a new file (see `supportplan new --list`).",
            completion: .custom { words, _, prefix in PlanTemplates.completionNames(words).filter { $0.hasPrefix(prefix) } })
    var template = "self-written"

    func run() throws {
        let isNew = !AtomicFile.exists(file)
        if isNew {
            let folder = try PlanTemplates.folder(override: nil, store: PlanTemplates.store(global, file: file))
            guard let plan = PlanTemplates.newPlan(template, in: folder) else {
                throw CLIError("no template '\(template)' to start \(file) from")
            }
            do { try AtomicFile.write(plan.text, to: file) } catch { throw CLIError("\(error)") }
        }
        var cache: [String: Policy] = [:]
        let policy = try StoreLocation.policy(for: file, global, cache: &cache)
        try MainActor.assumeIsolated {
            let store = try? StoreLocation.store(for: file, global)
            let session = EditorSession(submit: store.map(EditorSubmit.step), withdraw: store.map(EditorSubmit.withdraw), newPlan: isNew)
            guard case .fullScreen = Backend.choose(plainFlag: global.plain) else {
                throw CLIError("the editor needs a full-screen terminal; use `supportplan check` and `totals` in line mode")
            }
            var state: EditorState
            switch session.open(file, policy: policy, user: currentUser()) {
            case .success(let s): state = s
            case .failure(let e): throw CLIError(e.message)
            }
            state.plainLanguage = global.plainLanguage
            if let store = try? StoreLocation.store(for: file, global),
               let note = PlanListCommand.returnNote(store, id: state.plan.id, policy: policy) {
                state.status = note
            }
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else { throw CLIError("this terminal cannot run the full screen") }
            session.run(state, on: screen)
            screen.stop()
        }
    }
}
