/// Runs the editor on a real file: the lock beside it and the recovery file (from PlanStore),
/// conflict-checked atomic saves, and the effects `reduce` asks for. The only part of PlanUI
/// that does I/O. A signed record is never written: its edits become the next version in the
/// store's `plans/`.
import Crypto
import Foundation
import PlanCore
import TerminalKit

/// The files around a plan being edited: its lock and recovery file (kept by `PlanStore`).
struct PlanFileSet: Sendable {
    var plan: String
    var lock: String { PlanStore.lockPath(for: plan) }
    var recovery: String { PlanStore.recoveryPath(for: plan) }

    init(_ plan: String) { self.plan = plan }
}

public struct EditorOpenError: Error, Sendable { public var message: String }

public enum Digest {
    /// The SHA-256 of the bytes in lower-case hex (spelt out here: `String(format:)` would
    /// bring Foundation's formatting code into the editor's memory for 32 bytes).
    public static func of(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One editing session: the plan file, its lock, the screen, and how to submit (the store's
/// step, passed in). It performs the effects `EditorReducer` returns.
@MainActor
public final class EditorSession {
    var files = PlanFileSet("")
    var screen: CursesScreen?
    var ownsLock = false
    /// Submits the plan file for sign-off; returns what to tell the planner ("! …" for a refusal).
    let submit: ((String) -> String)?
    /// Withdraws the submitted plan file back to a draft (logged); what to tell the planner.
    let withdraw: ((String) -> String)?

    /// The plan file was made from a template just before opening: left untouched, it is not kept.
    let newPlan: Bool
    /// The file's digest when opened.
    var openedDigest = ""

    public init(submit: ((String) -> String)? = nil, withdraw: ((String) -> String)? = nil, newPlan: Bool = false) {
        self.submit = submit
        self.withdraw = withdraw
        self.newPlan = newPlan
    }

    /// The editor's starting state for a plan file, or why it cannot be edited.
    public func open(_ path: String, policy: Policy, user: String) -> Result<EditorState, EditorOpenError> {
        files = PlanFileSet(path)
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path, limit: policy.maxFileBytes) } catch {
            return .failure(EditorOpenError(message: SafeText.visible(error.readReport)))
        }
        let read: PlanReadResult
        switch decodeUTF8(bytes) {
        case .success(let text): read = PlanReader.read(text)
        case .failure(let e):
            return .failure(EditorOpenError(message: "\(path):\(e.position): not UTF-8 text; it cannot be edited here"))
        }
        guard let plan = read.plan else {
            let f = read.findings.first
            return .failure(EditorOpenError(message:
                "\(path):\(f?.position?.description ?? "1:1"): \(f?.message ?? "not YAML"); fix it in a text editor first"))
        }
        let today = PlanDate.today()
        openedDigest = Digest.of(bytes)
        var state = EditorState(plan: plan, file: path, policy: policy, diskDigest: Digest.of(bytes))
        if plan.status == .signedOff || plan.status == .superseded {
            // A signed plan is never changed: edits make the next version, a draft, saved in
            // plans/ (never into signed/), checked against what is there now.
            let target = Self.signedRecordTarget(path, plan) ?? path
            if target != path { files = PlanFileSet(target) }
            let there = target == path ? bytes : (try? AtomicFile.read(target))
            state = EditorState(plan: Workflow.newVersion(of: plan, today: today), file: target, policy: policy,
                                diskDigest: there.map(Digest.of) ?? "")
            state.status = "Signed off: your changes become version \((plan.version ?? 1) + 1), a draft. The signed copy stays in signed/."
        }
        state.today = today
        if plan.status == .submitted { state.status = EditorState.submittedNote }
        if let holder = PlanStore.takeEditLock(files.plan, user: user) {
            state.overlay = .locked(holder: holder)
            ownsLock = false
        } else {
            ownsLock = true
            if let saved = try? AtomicFile.read(files.recovery), saved != bytes,
               case .success(let text) = decodeUTF8(saved), let recovered = PlanReader.read(text).plan, recovered != plan {
                let when = (try? FileManager.default.attributesOfItem(atPath: files.recovery)[.modificationDate] as? Date)
                    .map { Workflow.timestamp($0) } ?? "earlier"
                let today = state.today
                state = EditorState(plan: recovered, file: path, policy: policy, diskDigest: Digest.of(bytes))
                state.today = today
                state.undo = [plan]
                state.undoPlaces = [state.place]
                state.savedPlan = plan
                state.dirty = true
                state.overlay = .recover(savedAt: when)
            }
        }
        return .success(state)
    }

    /// Runs the editor until it quits; the terminal is restored by the caller. False when an
    /// untouched new plan was not kept.
    @discardableResult
    public func run(_ state: EditorState, on screen: CursesScreen) -> Bool {
        self.screen = screen
        _ = UILoop.runToEnd(EditorProgram.self, state: state, screen: screen, perform: perform)
        let discarded = discardIfUntouched()
        if ownsLock { PlanStore.releaseEditLock(files.plan) }
        return !discarded
    }

    /// A new plan left as the template made it (never saved, no recovery file) is removed:
    /// `n` then F10 leaves no empty "(no name)" draft behind. True when it was removed.
    @discardableResult
    func discardIfUntouched() -> Bool {
        guard newPlan, ownsLock, !AtomicFile.exists(files.recovery),
              let bytes = try? AtomicFile.read(files.plan), Digest.of(bytes) == openedDigest else { return false }
        return unlink(files.plan) == 0
    }

    /// `plans/ID.yaml` of the store a signed record (`STORE/signed/ID-vN.yaml`) belongs to.
    static func signedRecordTarget(_ path: String, _ plan: Plan) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard folder.lastPathComponent == "signed", let id = plan.id, PlanID.isValid(id) else { return nil }
        return PlanStore(root: folder.deletingLastPathComponent().path).planPath(id)
    }

    /// Carries out one effect; false ends the loop.
    func perform(_ effect: EditorEffect, _ s: inout EditorState) -> Bool {
        switch effect {
        case .save(let path, let written, let expected):
            let onDisk = AtomicFile.exists(path) ? try? AtomicFile.read(path, limit: s.policy.maxFileBytes) : nil
            if let expected, AtomicFile.exists(path) {
                if onDisk.map(Digest.of) != expected { return follow(EditorReducer.reduce(&s, .conflict), &s) }
            }
            if URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent == "signed" {
                return follow(EditorReducer.reduce(&s, .saveFailed("\(path) is a signed record and is never changed; "
                                                                  + "save the next version in plans/ instead")), &s)
            }
            // The file keeps its line ends (a CRLF plan stays CRLF).
            let text = (onDisk.map(LineEnding.of) ?? .lf).apply(written)
            do {
                try AtomicFile.write(text, to: path)
                if path != files.plan {
                    if ownsLock { PlanStore.releaseEditLock(files.plan) }
                    files = PlanFileSet(path)
                    ownsLock = PlanStore.takeEditLock(files.plan, user: "you") == nil
                }
                return follow(EditorReducer.reduce(&s, .saved(digest: Digest.of(Array(text.utf8)))), &s)
            } catch {
                return follow(EditorReducer.reduce(&s, .saveFailed("\(error)")), &s)
            }
        case .writeRecovery(let text):
            guard ownsLock else { return true }
            try? AtomicFile.write(text, to: files.recovery, followLinks: false)  // never through a planted link
            return true
        case .deleteRecovery:
            guard ownsLock else { return true }  // only the editor holding the lock owns the recovery file
            unlink(files.recovery)
            return true
        case .reload:
            guard let bytes = try? AtomicFile.read(files.plan), case .success(let text) = decodeUTF8(bytes),
                  let plan = PlanReader.read(text).plan else {
                s.overlay = .message("The file on disk cannot be read now.")
                return true
            }
            var fresh = EditorState(plan: plan, file: s.file, policy: s.policy, diskDigest: Digest.of(bytes))
            fresh.today = s.today
            fresh.section = s.section
            fresh.status = "Reloaded from disk."
            s = fresh
            return true
        case .submit:
            guard !s.dirty else { return true }  // the save before it did not happen (conflict or failure)
            let message = submit?(s.file) ?? "Submitting is not available here."
            _ = perform(.reload, &s)
            if message.hasPrefix("!") { s.overlay = .message(String(message.dropFirst(2))) } else { s.status = message }
            return true
        case .withdraw:
            let message = withdraw?(s.file) ?? "! Withdrawing is not available here."
            _ = perform(.reload, &s)
            if message.hasPrefix("!") { s.overlay = .message(String(message.dropFirst(2))) } else { s.status = message }
            return true
        case .moneySoFar:
            showMoneySoFar(&s)
            return true
        case .quit:
            return false
        case .redraw:
            screen?.invalidate()
            return true
        }
    }

    /// The "Money so far" screen for the plan as it is now (unsaved edits included), over the
    /// editor; back to the editor when it is left.
    func showMoneySoFar(_ s: inout EditorState) {
        guard let store = MoneySoFarSession.store(forPlanFile: files.plan), let id = s.plan.id, PlanID.isValid(id) else {
            s.overlay = .message("Money so far needs the plan in a store (plans/ID.yaml) with an id; "
                                 + "import a statement with supportplan spend import ID FILE.csv")
            return
        }
        let policy = (try? store.config().policy) ?? s.policy
        let money = MoneySoFarSession(store: store, planID: id, plan: s.plan, policy: policy)
        switch money.open(plainLanguage: s.plainLanguage) {
        case .success(let state):
            guard let screen else { return }
            _ = money.run(state, on: screen)
            screen.invalidate()
            s.status = "Back from money so far."
        case .failure(let e):
            s.overlay = .message(e.message)
        }
    }

    func follow(_ effects: [EditorEffect], _ s: inout EditorState) -> Bool {
        for e in effects where !perform(e, &s) { return false }
        return true
    }
}

enum EditorProgram: ScreenProgram {
    static func action(for event: InputEvent, in state: EditorState) -> EditorAction? {
        EditorReducer.action(for: event, in: state)
    }

    static func reduce(_ state: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
        EditorReducer.reduce(&state, action)
    }

    static func render(_ state: EditorState, size: Size) -> Canvas { EditorView.render(state, size: size) }

    /// On the "too small" screen only F10 / Ctrl-Q work: they leave at once, any unsaved
    /// edits kept in the recovery file (offered back next time), as a hang-up does.
    static func actionWhenTooSmall(for event: InputEvent, in state: EditorState) -> EditorAction? {
        switch event {
        case .signal(let n): return .signal(n)
        case .tick: return .tick
        case .key(.function(10)), .key(.ctrl("q")): return .signal(0)
        default: return nil
        }
    }

    /// Without a session (tests): effects that need a file do nothing; quit ends the loop.
    @MainActor static func perform(_ effect: EditorEffect, state: inout EditorState) -> Bool {
        if case .quit = effect { return false }
        return true
    }

    /// Woken after 2 s of quiet only while edits are not yet in the recovery file.
    static func tickAfter(_ state: EditorState) -> Int32? { state.recoveryPending ? 2000 : nil }
}
