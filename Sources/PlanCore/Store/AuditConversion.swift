/// Stores made before per-plan audit logs kept one `audit.log`. The first step on such a store
/// converts it, once, under a store-wide lock: each plan's entries go, in order and re-chained,
/// into `audit/ID.log` after a `converted` entry saying where they came from (how many, the old
/// file's SHA-256, and whether its chain held); the old file is kept as
/// `audit/converted-audit.log.old`.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PlanStore {
    public func convertLegacyAudit(now: String = Workflow.timestamp()) throws(StoreError) {
        guard AtomicFile.exists(legacyAuditPath) else { return }
        do { try AtomicFile.makeFolder(localFolder); try AtomicFile.makeFolder(auditFolder) } catch { throw .file(error) }
        let lockPath = localFolder + "/convert.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .file(FileError(lockPath, "cannot open")) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 { guard errno == EINTR else { throw .file(FileError(lockPath, "cannot lock")) } }
        defer { _ = flock(fd, LOCK_UN) }
        guard AtomicFile.exists(legacyAuditPath) else { return }  // another process converted it
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(legacyAuditPath) } catch { throw .file(error) }
        let reading = AuditLog.read(String(decoding: bytes, as: UTF8.self))
        let chain = reading.broken.map { "broken at line \($0.line) (\($0.why)); entries after it were not converted" } ?? "intact"
        var byPlan: [String: [AuditEntry]] = [:]
        var order: [String] = []
        var skipped = 0
        for e in reading.entries {
            guard PlanID.isValid(e.plan) else { skipped += 1; continue }
            if byPlan[e.plan] == nil { order.append(e.plan) }
            byPlan[e.plan, default: []].append(e)
        }
        for id in order {
            let entries = byPlan[id]!
            try withAuditLock(id) { held throws(StoreError) in
                try held.append(AuditEntry(time: now, who: "supportplan", action: "converted", plan: id,
                                           version: entries.last?.version ?? 1, fileSHA256: AuditLog.sha256(bytes),
                                           comment: "\(entries.count) entries converted from the store's old audit.log "
                                               + "(its chain \(chain); \(skipped) entries had no valid plan id)"))
                for e in entries { try held.append(e) }
            }
        }
        guard rename(legacyAuditPath, auditFolder + "/converted-audit.log.old") == 0 else {
            throw .file(FileError(legacyAuditPath, "cannot move the old audit log aside after converting it"))
        }
    }
}
