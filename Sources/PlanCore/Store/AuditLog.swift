/// Audit entries and the hash chain: append-only JSON lines, each carrying the SHA-256 of the
/// line before it, so a removed, changed or re-ordered line breaks the chain from there on.
/// (`PlanAudit` keeps one such log per plan; a store's old single `audit.log` is read here to
/// convert it.)
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct AuditEntry: Sendable, Equatable {
    public var time: String
    public var who: String
    public var action: String
    public var plan: String
    public var version: Int
    public var fileSHA256: String
    public var reason: String?
    public var comment: String?
    public var previous: String

    public init(time: String, who: String, action: String, plan: String, version: Int, fileSHA256: String,
                reason: String? = nil, comment: String? = nil, previous: String = "") {
        self.time = time
        self.who = who
        self.action = action
        self.plan = plan
        self.version = version
        self.fileSHA256 = fileSHA256
        self.reason = reason
        self.comment = comment
        self.previous = previous
    }

    public var jsonLine: String {
        var w = JSONWriter()
        w.object {
            $0.field("time") { $0.string(time) }
            $0.field("who") { $0.string(who) }
            $0.field("action") { $0.string(action) }
            $0.field("plan") { $0.string(plan) }
            $0.field("version") { $0.int(Int64(version)) }
            $0.field("file_sha256") { $0.string(fileSHA256) }
            if let reason { $0.field("reason") { $0.string(reason) } }
            if let comment { $0.field("comment") { $0.string(comment) } }
            $0.field("previous_sha256") { $0.string(previous) }
        }
        return w.text
    }

    init?(jsonLine: String) {
        guard let o = try? JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any],
              let time = o["time"] as? String, let who = o["who"] as? String, let action = o["action"] as? String,
              let plan = o["plan"] as? String, let version = o["version"] as? Int, let sha = o["file_sha256"] as? String,
              let previous = o["previous_sha256"] as? String else { return nil }
        self.init(time: time, who: who, action: action, plan: plan, version: version, fileSHA256: sha,
                  reason: o["reason"] as? String, comment: o["comment"] as? String, previous: previous)
    }
}

public enum AuditLog {
    public static let genesis = String(repeating: "0", count: 64)

    public static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// What reading the log found: its entries, and the first line that breaks the chain.
    public struct Reading: Sendable {
        public var entries: [AuditEntry]
        /// 1-based line number of the first broken line, with why; nil when the chain holds.
        public var broken: (line: Int, why: String)?
        /// The SHA-256 of the last good line (the genesis hash when there is none).
        public var lastHash: String
        /// The hash of each entry's own line, in order.
        public var hashes: [String] = []
    }

    public static func read(_ text: String) -> Reading {
        var entries: [AuditEntry] = []
        var hashes: [String] = []
        var expected = genesis
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !(line.isEmpty && i == lines.count - 1) {
            guard let e = AuditEntry(jsonLine: String(line)) else {
                return Reading(entries: entries, broken: (i + 1, "the line is not an audit entry"), lastHash: expected, hashes: hashes)
            }
            guard e.previous == expected else {
                return Reading(entries: entries, broken: (i + 1, "its previous_sha256 does not match line \(i)"
                                                             + (i == 0 ? " (the first line must have \(genesis.prefix(8))…)" : "")),
                               lastHash: expected, hashes: hashes)
            }
            entries.append(e)
            expected = sha256(Array(line.utf8))
            hashes.append(expected)
        }
        return Reading(entries: entries, broken: nil, lastHash: expected, hashes: hashes)
    }
}
