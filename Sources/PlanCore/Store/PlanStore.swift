/// A store: one folder a team shares (through git), and everything done to it. The layout,
/// how a store is found, its trusted config, the plans in it, the sign-off workflow
/// (`PlanStore+Workflow`), verification of every claim a signature makes (`+Verify`), the
/// audit record, the queries the screens need (`+Queries`) and editing locks (`+Editing`).
///
///     config.yaml          policy and signers, signed by the owner: config.yaml.minisig
///     owner.pub            the owner's public key (each user pins it once: `trust`)
///     plans/ID.yaml        plans being written or reviewed
///     signed/ID-vN.yaml    signed-off records (read-only) and their .minisig
///     audit/ID.log         each plan's hash-chained audit record
///     templates/           the store's own plan templates (optional)
///     .supportplan/        local state git ignores (locks, index)
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct PlanStore: Sendable {
    public let root: String
    public let user: UserFolders

    public init(root: String, user: UserFolders = .fromEnvironment()) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.user = user
    }

    // MARK: Layout

    public var configPath: String { root + "/config.yaml" }
    public var configSignaturePath: String { configPath + ".minisig" }
    public var ownerKeyPath: String { root + "/owner.pub" }
    public var plansFolder: String { root + "/plans" }
    public var signedFolder: String { root + "/signed" }
    public var auditFolder: String { root + "/audit" }
    public var templatesFolder: String { root + "/templates" }
    public var localFolder: String { root + "/.supportplan" }
    /// The single log of stores made before per-plan logs (converted on first use).
    public var legacyAuditPath: String { root + "/audit.log" }

    /// `plans/ID.yaml`; the id must have been checked (`PlanID.isValid`).
    public func planPath(_ id: String) -> String {
        precondition(PlanID.isValid(id), "unchecked plan id")
        return "\(plansFolder)/\(id).yaml"
    }

    public func signedPath(_ id: String, version: Int) -> String {
        precondition(PlanID.isValid(id), "unchecked plan id")
        return "\(signedFolder)/\(id)-v\(version).yaml"
    }

    public func audit(_ id: String) -> PlanAudit {
        precondition(PlanID.isValid(id), "unchecked plan id")
        return PlanAudit(path: "\(auditFolder)/\(id).log")
    }

    /// Is this path inside `signed/` (where nothing but `sign` ever writes)?
    public func isSignedRecord(_ path: String) -> Bool {
        let folder = Self.realFolder(of: path)
        return folder != nil && folder == Self.realPath(signedFolder)
    }

    /// Is this path a file directly inside `plans/`?
    public func isInPlans(_ path: String) -> Bool {
        let folder = Self.realFolder(of: path)
        return folder != nil && folder == Self.realPath(plansFolder)
    }

    // MARK: Finding a store

    /// A folder is a store's root when it holds `config.yaml` and a `plans/` or `.supportplan/`
    /// folder. A `config.yaml` anywhere else (in `plans/`, beside a loose plan) is not a store.
    /// A store's own folders (`plans/`, `signed/`, `audit/`, …) are never a root, whatever is
    /// put in them.
    public static func isRoot(_ folder: String) -> Bool {
        guard looksLikeRoot(folder) else { return false }
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let parent = AtomicFile.parentFolder(of: folder.hasPrefix("/") || folder.hasPrefix(".") ? folder : "./" + folder)
        return !(storeFolders.contains(name) && looksLikeRoot(parent))
    }

    static let storeFolders: Set<String> = ["plans", "signed", "audit", "templates", "keys", ".supportplan", "spend"]

    static func looksLikeRoot(_ folder: String) -> Bool {
        AtomicFile.isRegularFile(folder + "/config.yaml")
            && (AtomicFile.isFolder(folder + "/plans") || AtomicFile.isFolder(folder + "/.supportplan"))
    }

    /// The store: `--store`, else `$SUPPORTPLAN_STORE`, else the nearest folder at or above
    /// `cwd` that is a store's root (as git finds `.git`), else nil. Never from beside a file.
    public static func locate(explicit: String?, environment: [String: String], cwd: String,
                              user: UserFolders) -> PlanStore? {
        if let explicit, !explicit.isEmpty { return PlanStore(root: explicit, user: user) }
        if let env = environment["SUPPORTPLAN_STORE"], !env.isEmpty { return PlanStore(root: env, user: user) }
        var folder = realPath(cwd) ?? cwd
        while true {
            if isRoot(folder) { return PlanStore(root: folder, user: user) }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// The person's own store when no other is found: `$XDG_DATA_HOME/supportplan`.
    public static func personal(environment: [String: String], user: UserFolders) -> PlanStore {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? ".") + "/.local/share")
        return PlanStore(root: data + "/supportplan", user: user)
    }

    // MARK: Config

    /// The store's config as read, with whether its signature holds.
    public struct Config: Sendable {
        public var policy: Policy
        /// Problems in config.yaml that are not errors, as `file:line:column: …` lines.
        public var warnings: [String]
        /// nil when config.yaml is signed by a pinned owner key; else why it is not trusted,
        /// with what to do.
        public var untrusted: String?
        /// The owner key that signed it.
        public var ownerKeyID: String?
        /// The store's id and the config's version, from the owner's signature.
        public var storeID: String?
        public var version: Int?
    }

    /// Reads `config.yaml` (the built-in policy when there is none) and checks its signature
    /// against this user's pinned owner keys. Errors in the file throw (`file:line:column`).
    public func config() throws(StoreError) -> Config {
        guard AtomicFile.exists(configPath) else {
            return Config(policy: .standard, warnings: [], untrusted:
                "\(configPath): there is no config.yaml, so no signer is trusted. Make a store with "
                + "`supportplan init DIR --owner NAME`.", ownerKeyID: nil)
        }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(configPath) } catch { throw .file(error) }
        guard case .success(let text) = decodeUTF8(bytes) else {
            throw .unreadable("\(configPath):1:1: error[syntax]: config.yaml is not UTF-8 text")
        }
        let (policy, findings) = PolicyReader.read(text)
        func line(_ f: Finding) -> String {
            let p = f.position ?? .start
            return "\(configPath):\(p.line):\(p.column): \(f.severity.rawValue)[\(f.rule.rawValue)]: \(SafeText.visible(f.message))"
        }
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty { throw .unreadable(errors.map(line).joined(separator: "\n")) }
        var config = Config(policy: policy, warnings: findings.map(line), untrusted: nil, ownerKeyID: nil)
        FileModes.shareWithGroup(policy.sharedWithGroup)  // files made from now on follow the store's `shared:`
        let pins = TrustRoot.pinned(in: user)
        let signature = (try? AtomicFile.read(configSignaturePath)).flatMap { b -> String? in
            if case .success(let t) = decodeUTF8(b) { return t } else { return nil }
        }
        guard let signature else {
            config.untrusted = "\(configPath) is not signed (no config.yaml.minisig): nobody can be trusted to sign off "
                + "in this store. The store's owner signs it with `supportplan signer add` (or makes a store with `supportplan init`)."
            return config
        }
        guard !pins.isEmpty else {
            config.untrusted = "you have not pinned the key of this store's owner, so its config.yaml cannot be trusted. "
                + "Get the owner's public key from them in person or by a channel you trust, check its key id with them, "
                + "then run `supportplan trust OWNER.pub`."
            return config
        }
        do {
            let sig = try MinisignSignature(fileText: signature)
            let key = try sig.verify(bytes, keys: pins)
            config.ownerKeyID = key.keyIDHex
            guard let claims = ConfigClaims.parse(sig.trustedComment), claims.key == key.keyIDHex else {
                config.untrusted = "\(configSignaturePath) is not a store config's signature (it may be a plan's sign-off "
                    + "copied here): restore config.yaml and its signature from git, or ask the owner to sign it (`supportplan config sign`)"
                return config
            }
            if claims.sha256 != AuditLog.sha256(bytes) {
                config.untrusted = "\(configSignaturePath): its sha256 does not match config.yaml"
                return config
            }
            if let seen = StoreRecords.read(root, user) {
                if seen.store != claims.store {
                    config.untrusted = "\(configPath) is signed for another store (\(claims.store), not \(seen.store), the store "
                        + "you have used in this folder): someone copied another store's config here. Restore it from git"
                    return config
                }
                if claims.version < seen.version {
                    config.untrusted = "\(configPath) is version \(claims.version) of this store's config, older than version "
                        + "\(seen.version) you have already trusted: an old config was put back (it may bring back a removed "
                        + "signer). Restore the latest from git"
                    return config
                }
            }
            config.storeID = claims.store
            config.version = claims.version
            StoreRecords.write(root, store: claims.store, version: claims.version, user)
        } catch MinisignError.unknownKey(let id) {
            config.untrusted = "\(configSignaturePath): config.yaml is signed with key \(id), which is not an owner key you "
                + "have pinned. If this is your store's owner's key, pin it with `supportplan trust OWNER.pub`; otherwise "
                + "someone has replaced the store's config: restore it from git."
        } catch {
            config.untrusted = "\(configSignaturePath): config.yaml has changed since its owner signed it (\(error)). "
                + "Restore it from git, or ask the owner to re-sign it (`supportplan signer add`)."
        }
        return config
    }

    /// The config, refusing (exit 2) unless its signature holds: for `sign` and `verify`.
    public func trustedConfig() throws(StoreError) -> Config {
        let c = try config()
        if let why = c.untrusted { throw .untrustedConfig(why) }
        return c
    }

    // MARK: Plans

    /// A plan file read and checked under the store's policy.
    public struct LoadedPlan: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var result: CheckResult
        public var plan: Plan { result.plan ?? Plan() }
    }

    public func load(_ path: String, policy: Policy) throws(StoreError) -> LoadedPlan {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path, limit: policy.maxFileBytes) } catch { throw .file(error) }
        let result = Checker.check(bytes: bytes, file: path, policy: policy)
        guard !result.unreadable else { throw .unreadable(CheckOutput.text(result).trimmingCharacters(in: .newlines)) }
        return LoadedPlan(path: path, bytes: bytes, result: result)
    }

    /// The plan's checked id, or why it has none.
    static func id(of loaded: LoadedPlan) throws(StoreError) -> String {
        guard let id = loaded.plan.id, PlanID.isValid(id) else {
            throw .refused("\(loaded.path): the plan has no valid id (\(PlanID.rule)); add `id:` before it can be submitted or signed")
        }
        return id
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func realFolder(of path: String) -> String? {
        realPath(AtomicFile.parentFolder(of: path))
    }
}
