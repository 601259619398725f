/// Editing a plan file: the advisory lock beside it (`.ID.yaml.lock`: who, where, since,
/// pid), the recovery file (`.ID.yaml.recovery`) that only the lock's holder writes or
/// deletes, and where an edit is saved — never into `signed/`: a signed record opens as the
/// next version in `plans/`.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PlanStore {
    /// `.<name>.lock` beside the plan.
    public static func lockPath(for plan: String) -> String { sibling(plan, ".lock") }
    /// `.<name>.recovery` beside the plan.
    public static func recoveryPath(for plan: String) -> String { sibling(plan, ".recovery") }

    static func sibling(_ plan: String, _ suffix: String) -> String {
        let folder = AtomicFile.parentFolder(of: plan)
        let name = plan.split(separator: "/").last.map(String.init) ?? plan
        return "\(folder)/.\(name)\(suffix)"
    }

    /// Takes the edit lock, or says who holds it. A lock left by a dead process on this host is
    /// stale and taken over.
    public static func takeEditLock(_ plan: String, user: String) -> String? {
        let lock = lockPath(for: plan)
        let host = ProcessInfo.processInfo.hostName
        let text = "user: \(user)\nhost: \(host)\nsince: \(Workflow.timestamp())\npid: \(getpid())\n"
        for _ in 0..<2 {
            let fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                _ = text.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                return nil
            }
            guard let f = lockFields(plan) else { return "the lock file \(lock) cannot be read" }
            if f["host"] == host, let pid = f["pid"].flatMap(Int32.init), !isRunning(pid) {
                unlink(lock)  // stale: its editor is gone (crashed or killed)
                continue
            }
            return "\(PlanID.shown(f["user"] ?? "someone")) on \(PlanID.shown(f["host"] ?? "another computer")) has had this plan open since \(PlanID.shown(f["since"] ?? "a while"))."
        }
        return "the lock could not be taken"
    }

    /// The `key: value` lines of the plan's lock file (user, host, since, pid), or nil when
    /// there is none or it cannot be read.
    static func lockFields(_ plan: String) -> [String: String]? {
        guard let held = try? AtomicFile.read(lockPath(for: plan)) else { return nil }
        var f: [String: String] = [:]
        for line in String(decoding: held, as: UTF8.self).split(separator: "\n") {
            if let colon = line.firstIndex(of: ":") { f[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingSpaces() }
        }
        return f
    }

    /// Who holds the plan's edit lock, when a live editor does (nil when it is free or stale).
    public static func editLockHolder(_ plan: String) -> String? {
        guard let f = lockFields(plan) else { return nil }
        if f["host"] == ProcessInfo.processInfo.hostName, let pid = f["pid"].flatMap(Int32.init), !isRunning(pid) { return nil }
        return "\(PlanID.shown(f["user"] ?? "someone")) on \(PlanID.shown(f["host"] ?? "another computer")) since \(PlanID.shown(f["since"] ?? "a while"))"
    }

    /// Releases a lock this process holds (another's is left alone).
    public static func releaseEditLock(_ plan: String) {
        guard lockFields(plan)?["pid"] == String(getpid()) else { return }
        unlink(lockPath(for: plan))
    }

    /// A process that exists and is not a zombie (a killed editor its parent has not reaped).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].hasPrefix(") Z")
    }

    /// Where an edit of `path` is saved: the path itself, except for a signed record, whose
    /// edits start the next version as `plans/ID.yaml`.
    public func editTarget(for path: String, plan: Plan) -> String {
        guard isSignedRecord(path), let id = plan.id, PlanID.isValid(id) else { return path }
        return planPath(id)
    }
}
