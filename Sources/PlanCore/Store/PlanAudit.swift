/// One plan's audit record, `audit/<ID>.log`: hash-chained JSON Lines (each entry carries the
/// SHA-256 of the line before it), one file per plan so a team's git merges only meet when two
/// people acted on the same plan. Every step holds an exclusive `flock` on the log while it
/// reads the chain, appends and fsyncs its entry and then changes the plan, so concurrent
/// commands serialise and the log is never behind the plan.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct PlanAudit: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// A log held open under an exclusive lock, for the length of one step.
    public final class Held {
        let fd: Int32
        let path: String
        /// The entries so far (the chain checked).
        public private(set) var entries: [AuditEntry]
        /// The SHA-256 of the last line, or the genesis hash for an empty log.
        public private(set) var lastHash: String

        init(fd: Int32, path: String, entries: [AuditEntry], lastHash: String) {
            self.fd = fd
            self.path = path
            self.entries = entries
            self.lastHash = lastHash
        }

        /// Appends an entry chained to the last, and fsyncs it; returns the new line's hash.
        @discardableResult
        public func append(_ entry: AuditEntry) throws(StoreError) -> String {
            var e = entry
            e.previous = lastHash
            let line = e.jsonLine
            let bytes = Array((line + "\n").utf8)
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    let code = errno
                    _ = ftruncate(fd, off_t(logSize))  // never leave half a line
                    throw .file(FileError(path, "cannot write the audit log; nothing was added", errno: code))
                }
                done += n
            }
            guard fsync(fd) == 0 else { throw .file(FileError(path, "cannot save the audit log")) }
            logSize += bytes.count
            lastHash = AuditLog.sha256(Array(line.utf8))
            entries.append(e)
            return lastHash
        }

        var logSize = 0
    }

    /// Runs `body` holding the log's exclusive lock. A broken chain refuses before `body` runs.
    public func withLock<T>(_ body: (Held) throws -> T) throws -> T {
        try AtomicFile.makeFolder(AtomicFile.parentFolder(of: path))
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, FileModes.file)
        guard fd >= 0 else { throw StoreError.file(FileError(path, "cannot open the audit log")) }
        defer { close(fd) }
        if FileModes.isGroupShared { _ = fchmod(fd, FileModes.file) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.file(FileError(path, "cannot lock the audit log")) }
        }
        defer { _ = flock(fd, LOCK_UN) }
        let bytes = try Self.readAll(fd, path)
        guard case .success(let text) = decodeUTF8(bytes) else {
            throw StoreError.auditBroken("\(path): the audit log is not UTF-8 text; nothing was added")
        }
        let reading = AuditLog.read(text)
        if let broken = reading.broken {
            throw StoreError.auditBroken("\(path):\(broken.line):1: the audit log is broken here (\(broken.why)); nothing was added. "
                                         + "Restore it from git (git checkout -- \(path)) or ask the store's owner.")
        }
        let held = Held(fd: fd, path: path, entries: reading.entries, lastHash: reading.lastHash)
        held.logSize = bytes.count
        return try body(held)
    }

    /// The log as it is, its chain checked (no lock: a reader sees whole lines, appended with
    /// one write each).
    public func read() throws(StoreError) -> AuditLog.Reading {
        guard AtomicFile.exists(path) else { return AuditLog.Reading(entries: [], broken: nil, lastHash: AuditLog.genesis) }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw .file(error) }
        guard case .success(let text) = decodeUTF8(bytes) else {
            return AuditLog.Reading(entries: [], broken: (1, "the log is not UTF-8 text"), lastHash: AuditLog.genesis)
        }
        return AuditLog.read(text)
    }

    static func readAll(_ fd: Int32, _ path: String) throws(StoreError) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, offset) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw .file(FileError(path, "cannot read the audit log")) }
            if n == 0 { break }
            out += buffer[0..<n]
            offset += off_t(n)
        }
        return out
    }
}
