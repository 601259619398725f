/// `supportplan` with no command: the store's plan list (its loop is `PlanListLoop` in PlanUI);
/// here what only the command knows: opening the editor, reviewing, starting from templates.
import Foundation
import PlanCore
import PlanUI
import TerminalKit

enum PlanListCommand {
    static func run(_ global: GlobalOptions) throws {
        let store = StoreLocation.store(global)
        do { try AtomicFile.makeFolder(store.plansFolder) } catch { throw CLIError("\(error)") }
        let templatesFolder = try PlanTemplates.folder(override: nil)
        let config = try store.config()
        for w in config.warnings { printError(w) }
        let policy = config.policy
        try MainActor.assumeIsolated {
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else { throw CLIError("this terminal cannot run the full screen") }
            defer { screen.stop() }
            var lineMode: GuideState?
            let actions = PlanListActions(
                edit: { path in edit(path, store: store, policy: policy, global, screen: screen) },
                review: { path in review(path, store: store, policy: policy, global, screen: screen) },
                create: { template in
                    create(template, in: templatesFolder, store: store, policy: policy, global, screen: screen) { lineMode = $0 }
                },
                money: { path in
                    MoneySoFarLauncher.show(path, store: store, policy: policy, plainLanguage: global.plainLanguage, screen: screen)
                },
                skipped: { skippedNote(store) })
            PlanListLoop(store: store, policy: policy, actions: actions)
                .run(templates: PlanTemplates.names(in: templatesFolder), on: screen)
            // The guide's small-window screen: L carries on in plain lines, in this terminal.
            if var state = lineMode {
                screen.stop()
                state.screen = nil
                state.status = ""
                let terminal = LineTerminal(write: { print(SafeText.visible($0)) })
                try GuideLineMode.run(&state, terminal, offerEasyRead: { _ in "The easy-read copy can be made later with supportplan render." })
            }
        }
    }

    /// Opens a plan in the editor until the person leaves it.
    @MainActor static func edit(_ path: String, store: PlanStore, policy: Policy, _ global: GlobalOptions,
                                screen: CursesScreen, isNew: Bool = false) -> String {
        let session = EditorSession(submit: EditorSubmit.step(store), withdraw: EditorSubmit.withdraw(store), newPlan: isNew)
        switch session.open(path, policy: policy, user: currentUser()) {
        case .success(var editor):
            editor.plainLanguage = global.plainLanguage
            if let note = returnNote(store, id: editor.plan.id, policy: policy) { editor.status = note }
            let kept = session.run(editor, on: screen)
            screen.invalidate()
            return kept ? "Back from \(URL(fileURLWithPath: path).lastPathComponent)." : "Nothing was written, so no new plan was kept."
        case .failure(let e):
            return "! \(e.message)"
        }
    }

    /// A new plan from a template; a person writing their own plan gets the guided questions
    /// first. A plan left before anything was written is not kept. `lineMode` receives the
    /// guide's state when the person chose plain lines on a window too small for the questions
    /// (the list then ends and the guide carries on in the terminal).
    @MainActor static func create(_ template: String, in templatesFolder: String, store: PlanStore, policy: Policy,
                                  _ global: GlobalOptions, screen: CursesScreen,
                                  lineMode: (GuideState) -> Void) -> String {
        guard let plan = PlanTemplates.newPlan(template, in: templatesFolder) else { return "! The template \(template) cannot be read." }
        let path = store.planPath(plan.id)
        do { try AtomicFile.write(plan.text, to: path) } catch { return "! \(error)" }
        let written = Array(plan.text.utf8)
        if template == "self-written", let plan = LoadedPlanText.read(path) {
            let guide = GuideSession(save: { s in try? GuideLineMode.save(s) },
                                     easyRead: { _ in "The easy-read copy can be made later with supportplan render." })
            let final = guide.run(GuideState(plan: plan, file: path, policy: policy), on: screen)
            screen.invalidate()
            if final.wantsLineMode {
                lineMode(final)
                screen.stop()
                return ""
            }
            if (try? AtomicFile.read(path)) == written {
                unlink(path)
                return "Nothing was written, so no new plan was kept."
            }
            return "Saved \(URL(fileURLWithPath: path).lastPathComponent). Enter opens it in the editor."
        }
        return edit(path, store: store, policy: policy, global, screen: screen, isNew: true)
    }

    /// What the plan list left out (FIFOs, devices, sockets, folders named `*.yaml`), in words.
    static func skippedNote(_ store: PlanStore) -> String? {
        let skipped = PlanFolder.list(store.plansFolder, recursive: false).skipped
        guard let first = skipped.first else { return nil }
        return "! " + first.message + (skipped.count > 1 ? " (and \(skipped.count - 1) more skipped)" : "")
    }

    /// The approver's review: sign off or return, then back to the queue with what happened.
    @MainActor static func review(_ path: String, store: PlanStore, policy: Policy, _ global: GlobalOptions,
                                  screen: CursesScreen) -> String {
        guard let bytes = try? AtomicFile.read(path) else { return "! \(path) cannot be read." }
        let check = Checker.check(bytes: bytes, file: path, policy: policy)
        guard let plan = check.plan else { return "! \(path) cannot be read." }
        var state = ReviewState(path: path, plan: plan, check: check, previous: store.lastSigned(before: plan),
                                reasons: policy.returnReasons, submission: submission(store, plan, bytes),
                                signChoice: signChoice(store, plan: plan, check: check, policy: policy),
                                money: plan.id.flatMap { id in
                                    try? MoneySoFarSession.report(store: store, planID: id, plan: plan, policy: policy).get()
                                },
                                plainWords: global.plainLanguage)
        while true {
            let (effect, final) = ReviewSession.run(state, on: screen)
            state = final
            screen.invalidate()
            switch effect {
            case .back: return "Back from reviewing \(plan.id ?? path)."
            case .returnPlan(let reasons, let comment):
                do {
                    try store.returnPlan(path, reasons: reasons, comment: comment, by: currentUser())
                    return "Returned \(plan.id ?? path) to the planner (\(reasons.joined(separator: ", ")))."
                } catch { state.status = "! \(SafeTerminal.visible("\(error)"))" }
            case .sign(let keyName, let passphrase):
                do {
                    let key = try KeyFiles.load(keyName) { passphrase }
                    let signed = try store.sign(path, key: key)
                    let warning = signed.warnings.first.map { " (\($0.message))" } ?? ""
                    return "Signed off \(signed.id) as \(signed.signer.name): \(signed.signedPath)\(warning)"
                } catch StoreError.notReady(let findings) {
                    state.status = "! Not signed: " + findings.map(\.message).joined(separator: "; ")
                } catch let e as CLIError { state.status = "! \(e.message)" } catch { state.status = "! \(SafeTerminal.visible("\(error)"))" }
            }
        }
    }

    /// Who submitted the plan and when, and whether the file is still what was submitted.
    static func submission(_ store: PlanStore, _ plan: Plan, _ bytes: [UInt8]) -> [String] {
        guard let id = plan.id, let entry = store.lastEntry(id, action: "submit") else { return [] }
        let same = entry.fileSHA256 == AuditLog.sha256(bytes)
        return ["Submitted by \(SafeTerminal.visible(entry.who)) at \(entry.time) (version \(entry.version))."]
            + [same ? "The plan has not changed since it was submitted: what you read is what was submitted."
                : "✗ The plan file changed after it was submitted; it cannot be signed until it is submitted again."]
    }

    /// How signing will go, worked out before the key is asked for: the level is checked
    /// first; with one signer whose key is in the user's key folder, no key name is asked.
    static func signChoice(_ store: PlanStore, plan: Plan, check: CheckResult, policy: Policy) -> SignChoice {
        let today = PlanDate.today()
        let signers = policy.signers.filter { $0.isActive(on: today) }
        guard !signers.isEmpty else { return .refused("this store has no signer for today; the owner adds one with `supportplan signer add`") }
        let costing = check.costing ?? Coster.cost(plan)
        let submitter = plan.id.flatMap { store.lastEntry($0, action: "submit")?.who }
        func stops(_ signer: Signer) -> [Finding] {
            Workflow.signingFindings(plan: plan, costing: costing, signer: signer, policy: policy, submitter: submitter)
                .filter { $0.severity == .error }
        }
        if signers.count == 1, let signer = signers.first {
            if let stop = stops(signer).first { return .refused(stop.message) }
            let path = KeyFiles.path(forKeyID: signer.keyID)
            guard let b = try? AtomicFile.read(path), case .success(let text) = decodeUTF8(b),
                  holds(text, keyID: signer.keyID) else {
                return .refused("your key folder (\(StoreLocation.user.secretKeys)) has no key \(signer.keyID) for \(signer.name)")
            }
            return .key(path: path, signer: "\(signer.name) (\(signer.role), level \(signer.level))", sealed: SecretKeyFile.isSealed(text))
        }
        if signers.allSatisfy({ stops($0).contains { $0.rule == .signerLevelTooLow } }) {
            return .refused("no signer of this store signs at a level that covers this plan's amount")
        }
        return .askKey
    }

    /// Whether a secret key file's text is the key with this id (as minisign shows it); the
    /// key folder's fallback (`owner.key`) may be someone else's.
    static func holds(_ text: String, keyID: String) -> Bool {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("key_id: ") }) else { return false }
        let id = Array(line.dropFirst(8))
        guard id.count == 16 else { return false }
        return stride(from: 0, to: 16, by: 2).map { String(id[$0..<$0 + 2]) }.reversed().joined().uppercased() == keyID
    }

    /// The approver's words when the plan was last returned, for the planner to see.
    static func returnNote(_ store: PlanStore, id: String?, policy: Policy) -> String? {
        guard let note = store.returnNote(id, policy: policy) else { return nil }
        return SafeTerminal.visible("! Returned by \(note.who): \(note.reasons.joined(separator: " ")) — \(note.comment)")
    }
}

/// The editor's "Submit" and "Withdraw" (F8): the same store steps as `supportplan submit`
/// and `supportplan withdraw`.
enum EditorSubmit {
    static func withdraw(_ store: PlanStore) -> (String) -> String {
        { path in
            do {
                try store.withdraw(path, by: currentUser())
                return "Withdrawn: a draft again (written in the log). Change it, then submit again with F8."
            } catch {
                return "! " + SafeTerminal.visible("\(error)")
            }
        }
    }

    static func step(_ store: PlanStore) -> (String) -> String {
        { path in
            do {
                try store.submit(path, by: currentUser())
                return "Submitted for sign-off. An approver will see it in the review queue."
            } catch StoreError.notReady(let blocking) {
                return "! Not submitted yet. First put right: " + blocking.prefix(4).map(\.plain).joined(separator: " ")
                    + (blocking.count > 4 ? " (and \(blocking.count - 4) more in Findings)" : "")
            } catch {
                return "! " + SafeTerminal.visible("\(error)")
            }
        }
    }
}

enum LoadedPlanText {
    static func read(_ path: String) -> Plan? {
        guard let bytes = try? AtomicFile.read(path), case .success(let text) = decodeUTF8(bytes) else { return nil }
        return PlanReader.read(text).plan
    }
}
