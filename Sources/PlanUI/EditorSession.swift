/// Runs the editor on a real file: the lock beside it, the recovery file, conflict-checked
/// atomic saves, and the effects `reduce` asks for. The only part of PlanUI that does I/O.
import Crypto
import Foundation
import PlanCore
import TerminalKit

public struct PlanFileSet: Sendable {
    public var plan: String
    public var lock: String { sibling(".lock") }
    public var recovery: String { sibling(".recovery") }

    public init(_ plan: String) { self.plan = plan }

    /// `.<name>.lock` beside the plan (hidden, inside the store).
    func sibling(_ suffix: String) -> String {
        let url = URL(fileURLWithPath: plan)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + suffix).path
    }
}

public enum EditLock {
    /// Takes the advisory lock, or says who holds it. A lock left by a dead process on this
    /// host is stale and taken over.
    public static func acquire(_ files: PlanFileSet, user: String) -> String? {
        let host = ProcessInfo.processInfo.hostName
        let text = "user: \(user)\nhost: \(host)\nsince: \(Workflow.timestamp())\npid: \(getpid())\n"
        for _ in 0..<2 {
            let fd = open(files.lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                _ = text.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                return nil
            }
            guard let held = try? String(contentsOfFile: files.lock, encoding: .utf8) else { return "the lock file cannot be read" }
            var f: [String: String] = [:]
            for line in held.split(separator: "\n") {
                if let colon = line.firstIndex(of: ":") {
                    f[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmed
                }
            }
            if f["host"] == host, let pid = f["pid"].flatMap(Int32.init), !isRunning(pid) {
                unlink(files.lock)  // stale: its editor is gone (crashed or killed)
                continue
            }
            return "\(f["user"] ?? "someone") on \(f["host"] ?? "another computer") has had this plan open since \(f["since"] ?? "a while")."
        }
        return "the lock could not be taken"
    }

    public static func release(_ files: PlanFileSet) { unlink(files.lock) }

    /// A process that exists and is not a zombie (a killed editor its parent has not reaped).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].hasPrefix(") Z")
    }
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

@MainActor
public enum EditorSession {
    static var files = PlanFileSet("")
    static var screen: CursesScreen?
    static var ownsLock = false
    /// Submits the plan file for sign-off; returns what to tell the planner. Set by the app.
    public static var submit: ((String) -> String)?

    /// The editor's starting state for a plan file, or why it cannot be edited.
    public static func open(_ path: String, policy: Policy, user: String) -> Result<EditorState, EditorOpenError> {
        files = PlanFileSet(path)
        guard let bytes = try? AtomicFile.read(path) else { return .failure(EditorOpenError(message: "\(path): cannot be read")) }
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
        var state = EditorState(plan: plan, file: path, policy: policy, diskDigest: Digest.of(bytes))
        if plan.status == .signedOff || plan.status == .superseded {
            // A signed plan is never changed: edits make the next version, a draft.
            state = EditorState(plan: Workflow.newVersion(of: plan, today: today), file: path, policy: policy,
                                diskDigest: Digest.of(bytes))
            state.status = "Signed off: your changes become version \((plan.version ?? 1) + 1), a draft. The signed copy stays in signed/."
        }
        state.today = today
        if let holder = EditLock.acquire(files, user: user) {
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
                state.dirty = true
                state.overlay = .recover(savedAt: when)
            }
        }
        return .success(state)
    }

    /// Runs the editor until it quits; the terminal is restored by the caller.
    public static func run(_ state: EditorState, on screen: CursesScreen) {
        self.screen = screen
        _ = UILoop.run(EditorProgram.self, state: state, screen: screen)
        if ownsLock { EditLock.release(files) }
    }

    /// Carries out one effect; false ends the loop.
    static func perform(_ effect: EditorEffect, _ s: inout EditorState) -> Bool {
        switch effect {
        case .save(let path, let text, let expected):
            if let expected, AtomicFile.exists(path) {
                let now = (try? AtomicFile.read(path)).map(Digest.of)
                if now != expected { return follow(EditorReducer.reduce(&s, .conflict), &s) }
            }
            do {
                try AtomicFile.write(text, to: path)
                if path != files.plan {
                    if ownsLock { EditLock.release(files) }
                    files = PlanFileSet(path)
                    ownsLock = EditLock.acquire(files, user: "you") == nil
                }
                return follow(EditorReducer.reduce(&s, .saved(digest: Digest.of(Array(text.utf8)))), &s)
            } catch {
                return follow(EditorReducer.reduce(&s, .saveFailed("\(error)")), &s)
            }
        case .writeRecovery(let text):
            guard ownsLock else { return true }
            try? AtomicFile.write(text, to: files.recovery)
            return true
        case .deleteRecovery:
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
        case .quit:
            return false
        case .redraw:
            screen?.invalidate()
            return true
        }
    }

    static func follow(_ effects: [EditorEffect], _ s: inout EditorState) -> Bool {
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

    @MainActor static func perform(_ effect: EditorEffect, state: inout EditorState) -> Bool {
        EditorSession.perform(effect, &state)
    }

    /// Woken after 2 s of quiet only while edits are not yet in the recovery file.
    static func tickAfter(_ state: EditorState) -> Int32? { state.recoveryPending ? 2000 : nil }
}
