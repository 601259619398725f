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
            EditorSubmit.install(global)
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else { throw CLIError("this terminal cannot run the full screen") }
            defer { screen.stop() }
            var state = PlanListState(store: store, plans: scan(store, policy), templates: PlanTemplates.names(in: templatesFolder))
            if let note = skippedNote(store) { state.status = note }
            while screen.running {
                let (choice, final) = PlanListSession.choose(state, on: screen)
                state = final
                var path: String
                switch choice {
                case .quit: return
                case .refresh:
                    state.plans = scan(store, policy)
                    state.status = "Read the store again: \(state.plans.count) plan\(state.plans.count == 1 ? "" : "s")."
                        + (skippedNote(store).map { " " + $0 } ?? "")
                    continue
                case .review(let p):
                    state.status = review(p, store: store, policy: policy, global, screen: screen)
                    state.plans = scan(store, policy)
                    continue
                case .open(let p): path = p
                case .create(let template):
                    guard let plan = PlanTemplates.newPlan(template, in: templatesFolder) else {
                        state.status = "! The template \(template) cannot be read."
                        continue
                    }
                    path = "\(store)/plans/\(plan.id).yaml"
                    do { try AtomicFile.write(plan.text, to: path) } catch {
                        state.status = "! \(error)"
                        continue
                    }
                    if template == "self-written", let plan = LoadedPlanText.read(path) {
                        // A person writing their own plan gets the guided questions first.
                        GuideSession.save = { s in try? GuideLineMode.save(s) }
                        GuideSession.easyRead = { _ in "The easy-read copy can be made later with supportplan render." }
                        _ = GuideSession.run(GuideState(plan: plan, file: path, policy: policy), on: screen)
                        screen.invalidate()
                        state.plans = scan(store, policy)
                        state.status = "Saved \(URL(fileURLWithPath: path).lastPathComponent). Enter opens it in the editor."
                        continue
                    }
                }
                switch EditorSession.open(path, policy: policy, user: currentUser()) {
                case .success(var editor):
                    editor.plainLanguage = global.plainLanguage
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

    /// What the plan list left out (FIFOs, devices, sockets, folders named `*.yaml`), in words.
    static func skippedNote(_ store: String) -> String? {
        let skipped = PlanFolder.list(store + "/plans", recursive: false).skipped
        guard let first = skipped.first else { return nil }
        return "! " + first.message + (skipped.count > 1 ? " (and \(skipped.count - 1) more skipped)" : "")
    }

    static func scan(_ store: String, _ policy: Policy) -> [PlanSummary] {
        let folder = store + "/plans"
        // Only regular files are read: a FIFO or a link to a device in plans/ is skipped.
        let names = PlanFolder.list(folder, recursive: false).files.map { String($0.dropFirst(folder.count + 1)) }
        let log = (try? AtomicFile.read(store + "/audit.log")).flatMap { b -> String? in
            if case .success(let t) = decodeUTF8(b) { return t } else { return nil }
        }.map { AuditLog.read($0).entries } ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { name in
            var s = PlanSummary.of(path: folder + "/" + name, policy: policy)
            s.submitted = log.last { $0.plan == s.id && $0.action == "submit" }?.time
            let plan = read(folder + "/" + name)
            let previous = lastSigned(store: store, plan: plan)
            switch (previous?.budget.final, plan?.budget.final) {
            case (nil, _): s.change = "new"
            case (let a?, let b?) where a == b: s.change = "same"
            case (let a?, let b?): s.change = (b > a ? "+" : "-") + Money.pounds(abs(b.pence - a.pence))
            default: s.change = "?"
            }
            return s
        }
    }

    static func read(_ path: String) -> Plan? {
        guard let bytes = try? AtomicFile.read(path), case .success(let text) = decodeUTF8(bytes) else { return nil }
        return PlanReader.read(text).plan
    }

    /// The latest signed-off version before this one, from `<store>/signed/<id>-v<n>.yaml`.
    static func lastSigned(store: String, plan: Plan?) -> Plan? {
        guard let plan, let id = plan.id else { return nil }
        let version = plan.version ?? 1
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store + "/signed")) ?? []
        let versions = files.compactMap { name -> Int? in
            guard name.hasPrefix(id + "-v"), name.hasSuffix(".yaml") else { return nil }
            return Int(name.dropFirst(id.count + 2).dropLast(5))
        }.filter { $0 < version }
        guard let latest = versions.max() else { return nil }
        return read("\(store)/signed/\(id)-v\(latest).yaml")
    }

    /// The approver's review: sign off or return, then back to the queue with what happened.
    @MainActor static func review(_ path: String, store: String, policy: Policy, _ global: GlobalOptions,
                                  screen: CursesScreen) -> String {
        guard let bytes = try? AtomicFile.read(path) else { return "! \(path) cannot be read." }
        let check = Checker.check(bytes: bytes, file: path, policy: policy)
        guard let plan = check.plan else { return "! \(path) cannot be read." }
        var state = ReviewState(path: path, plan: plan, check: check, previous: lastSigned(store: store, plan: plan),
                                reasons: policy.returnReasons)
        while true {
            let (effect, final) = ReviewSession.run(state, on: screen)
            state = final
            screen.invalidate()
            switch effect {
            case .back: return "Back from reviewing \(plan.id ?? path)."
            case .returnPlan(let reasons, let comment):
                do {
                    try SignOffService.returnPlan(path, reasons: reasons, comment: comment, by: nil, global)
                    return "Returned \(plan.id ?? path) to the planner (\(reasons.joined(separator: ", ")))."
                } catch let e as CLIError { state.status = "! \(e.message)" } catch { state.status = "! \(error)" }
            case .sign(let keyName, let passphrase):
                do {
                    let key = try SignOffService.loadKey(keyName) { passphrase }
                    switch try SignOffService.sign(path, key: key, global) {
                    case .signed(let signed):
                        let warning = signed.warnings.first.map { " (\($0.message))" } ?? ""
                        return "Signed off \(plan.id ?? path) as \(signed.signer.name): \(signed.signedPath)\(warning)"
                    case .refused(let findings):
                        state.status = "! Not signed: " + findings.map(\.message).joined(separator: "; ")
                    }
                } catch let e as CLIError { state.status = "! \(e.message)" } catch { state.status = "! \(error)" }
            }
        }
    }

    /// The approver's words when the plan was last returned, for the planner to see.
    static func returnNote(store: String, id: String?) -> String? {
        guard let id, let bytes = try? AtomicFile.read(store + "/audit.log"), case .success(let text) = decodeUTF8(bytes),
              let last = AuditLog.read(text).entries.last(where: { $0.plan == id }), last.action == "return" else { return nil }
        return "! Returned by \(last.who): \(last.reason ?? "") — \(last.comment ?? "")"
    }
}

/// The editor's "Submit" (F8): the same service as `supportplan submit`.
enum EditorSubmit {
    @MainActor static func install(_ global: GlobalOptions) {
        EditorSession.submit = { path in
            do {
                let blocking = try SignOffService.submit(path, by: nil, global)
                if blocking.isEmpty { return "Submitted for sign-off. An approver will see it in the review queue." }
                return "! Not submitted yet. First put right: " + blocking.prefix(4).map(\.plain).joined(separator: " ")
                    + (blocking.count > 4 ? " (and \(blocking.count - 4) more in Findings)" : "")
            } catch let e as CLIError {
                return "! \(e.message)"
            } catch {
                return "! \(error)"
            }
        }
    }
}

enum LoadedPlanText {
    static func read(_ path: String) -> Plan? { PlanListCommand.read(path) }
}
