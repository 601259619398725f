/// `supportplan` with no command: the store's plan list, opening plans in the editor and
/// starting new ones from templates, until the person quits.
import Foundation
import PlanCore
import PlanUI
import TerminalKit

enum PlanListCommand {
    static func run(_ global: GlobalOptions) throws {
        let store = StoreLocation.resolve(global)
        do { try AtomicFile.makeFolder(store + "/plans") } catch { throw CLIError("\(error)") }
        let templatesFolder = try PlanTemplates.folder(override: nil)
        var cache: [String: Policy] = [:]
        let policy = try StoreLocation.policy(for: store + "/plans/x.yaml", global, cache: &cache)
        try MainActor.assumeIsolated {
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else { throw CLIError("this terminal cannot run the full screen") }
            defer { screen.stop() }
            var state = PlanListState(store: store, plans: scan(store, policy), templates: PlanTemplates.names(in: templatesFolder))
            while screen.running {
                let (choice, final) = PlanListSession.choose(state, on: screen)
                state = final
                var path: String
                switch choice {
                case .quit: return
                case .open(let p): path = p
                case .create(let template):
                    guard case .success(let text) = decodeUTF8((try? AtomicFile.read("\(templatesFolder)/plans/\(template).yaml")) ?? []) else {
                        state.status = "! The template \(template) cannot be read."
                        continue
                    }
                    let id = PlanTemplates.newID(today: Today.date)
                    path = "\(store)/plans/\(id).yaml"
                    do { try AtomicFile.write(PlanTemplates.instantiate(text, id: id, today: Today.date, author: nil), to: path) } catch {
                        state.status = "! \(error)"
                        continue
                    }
                }
                switch EditorSession.open(path, policy: policy, user: currentUser()) {
                case .success(var editor):
                    if let note = returnNote(store: store, id: editor.plan.id) { editor.status = note }
                    EditorSession.run(editor, on: screen)
                    screen.invalidate()
                    state.status = "Back from \(URL(fileURLWithPath: path).lastPathComponent)."
                case .failure(let e):
                    state.status = "! \(e.message)"
                }
                state.plans = scan(store, policy)
            }
        }
    }

    static func scan(_ store: String, _ policy: Policy) -> [PlanSummary] {
        let folder = store + "/plans"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            .map { PlanSummary.of(path: folder + "/" + $0, policy: policy) }
    }

    /// The approver's words when the plan was last returned, for the planner to see.
    static func returnNote(store: String, id: String?) -> String? {
        guard let id, let bytes = try? AtomicFile.read(store + "/audit.log"), case .success(let text) = decodeUTF8(bytes),
              let last = AuditLog.read(text).entries.last(where: { $0.plan == id }), last.action == "return" else { return nil }
        return "! Returned by \(last.who): \(last.reason ?? "") — \(last.comment ?? "")"
    }
}
