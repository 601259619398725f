/// What the owner's signature on a store's `config.yaml` claims: that it is a store config (not
/// a plan's sign-off signed by the same key), which store it belongs to (a random id made by
/// `init`), and its version (one more each time the owner signs). Each user keeps, in their own
/// config folder, the store id and the highest version they have trusted for each store folder
/// they use, so an older signed config (bringing back a removed signer) or another store's
/// signed config copied in is refused.
import Foundation

public struct ConfigClaims: Sendable, Equatable {
    public var owner: String
    public var key: String
    public var store: String
    public var version: Int
    public var time: String
    public var sha256: String

    public var text: String {
        "store-config owner=\"\(owner)\" key=\(key) store=\(store) version=\(version) time=\(time) sha256=\(sha256)"
    }

    /// Reads a comment written by `text`; nil for any other shape (a plan's sign-off included).
    public static func parse(_ comment: String) -> ConfigClaims? {
        guard comment.hasPrefix("store-config owner=\"") else { return nil }
        let rest = comment.dropFirst("store-config owner=\"".count)
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        let owner = String(rest[..<close])
        var fields: [String: String] = [:]
        for part in rest[rest.index(after: close)...].split(separator: " ") {
            guard let eq = part.firstIndex(of: "="), fields[String(part[..<eq])] == nil else { return nil }
            fields[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        guard fields.count == 5, let key = fields["key"], let store = fields["store"], let v = fields["version"],
              let version = Int(v), version >= 1, let time = fields["time"], let sha = fields["sha256"] else { return nil }
        let c = ConfigClaims(owner: owner, key: key, store: store, version: version, time: time, sha256: sha)
        return c.text == comment ? c : nil
    }

    /// A new random store id: 16 hex digits.
    public static func newStoreID() -> String {
        (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}

/// This user's record of the stores they trust: store folder → store id and highest version.
public enum StoreRecords {
    static func path(_ root: String, _ user: UserFolders) -> String {
        let real = PlanStore.realPath(root) ?? root
        return "\(user.config)/stores/\(AuditLog.sha256(Array(real.utf8)).prefix(32))"
    }

    public static func read(_ root: String, _ user: UserFolders) -> (store: String, version: Int)? {
        guard let bytes = try? AtomicFile.read(path(root, user)) else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count >= 2, let v = Int(parts[1]) else { return nil }
        return (String(parts[0]), v)
    }

    /// The signers (as `config.yaml` lists them) the last time this user signed the config as
    /// its owner, so a key swapped in by someone else shows before the owner signs again.
    public static func ownerSigners(_ root: String, _ user: UserFolders) -> String? {
        (try? AtomicFile.read(path(root, user) + ".signers")).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func writeOwnerSigners(_ root: String, _ block: String, _ user: UserFolders) {
        try? AtomicFile.write(Array(block.utf8), to: path(root, user) + ".signers", exactMode: 0o600, followLinks: false)
    }

    public static func write(_ root: String, store: String, version: Int, _ user: UserFolders) {
        if let seen = read(root, user), seen.store == store, seen.version == version { return }  // nothing new
        let p = path(root, user)
        try? AtomicFile.makePrivateFolder(AtomicFile.parentFolder(of: p))
        let real = PlanStore.realPath(root) ?? root
        try? AtomicFile.write(Array("\(store) \(version) \(real)\n".utf8), to: p, exactMode: 0o600, followLinks: false)
    }
}
