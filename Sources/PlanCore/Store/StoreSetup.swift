/// Making a store and keeping its trust root: `init` (layout, config, the owner's key pair,
/// the config signed and the owner pinned), `signer add` (the owner adds, changes or ends a
/// signer and re-signs the config), and personal key pairs for `keygen`.
import Foundation

extension PlanStore {
    /// What `init` made.
    public struct Made: Sendable {
        public var store: PlanStore
        public var ownerKeyID: String
        public var secretKeyPath: String
    }

    /// A file name for a person's keys: lower-case letters, digits and dashes.
    public static func slug(_ name: String) -> String {
        let s = String(name.lowercased().unicodeScalars.map { c -> Character in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) ? Character(c) : "-"
        })
        let trimmed = s.split(separator: "-").joined(separator: "-")
        return trimmed.isEmpty ? "key" : String(trimmed.prefix(60))
    }

    /// Writes a new key pair for a person: the secret key in their config folder (0600, the
    /// folder 0700), the public key beside it. Never replaces a key unless `force`.
    public static func makeKeyPair(name: String, passphrase: String?, user: UserFolders, secretPath: String? = nil,
                                   force: Bool = false) throws(StoreError) -> (key: SecretKeyFile, secretPath: String, publicPath: String) {
        guard SignerText.isPlain(name) else {
            throw .refused("a name may not be blank or hold quotes, backslashes or control characters (it goes into signatures)")
        }
        let secret = secretPath ?? "\(user.secretKeys)/\(slug(name)).key"
        let pub = secret.hasSuffix(".key") ? String(secret.dropLast(4)) + ".pub" : secret + ".pub"
        for path in [secret, pub] where AtomicFile.exists(path) && !force {
            throw .refused("\(path) already exists; a key is never replaced (use --force only if you mean to lose the old one)")
        }
        let key = SecretKeyFile.generate(name: name)
        do {
            // The key folder is private (0700 when made here; one others can write to is refused)
            // and the secret key 0600, also when --force replaces a file with another mode.
            try AtomicFile.makePrivateFolder(AtomicFile.parentFolder(of: secret))
            let text = try key.fileText(passphrase: passphrase)
            try AtomicFile.write(Array(text.utf8), to: secret, exactMode: 0o600)
            try AtomicFile.write(Array(key.publicKey.fileText.utf8), to: pub, exactMode: 0o600)
        } catch let e as FileError { throw .file(e) } catch { throw .refused("the key could not be sealed: \(error)") }
        return (key, secret, pub)
    }

    /// Makes a store: its folders, a commented `config.yaml`, `.gitignore`, the owner's key
    /// pair, `owner.pub`, the config signed by the owner, and the owner key pinned for this user.
    public static func initialise(at root: String, owner: String, passphrase: String?, user: UserFolders,
                                  sharedWithGroup: Bool = false, now: String = Workflow.timestamp()) throws(StoreError) -> Made {
        let store = PlanStore(root: root, user: user)
        FileModes.shareWithGroup(sharedWithGroup)
        guard !AtomicFile.exists(store.configPath) else {
            throw .refused("\(store.configPath) already exists: \(root) is a store already")
        }
        let (key, secretPath, _) = try makeKeyPair(name: owner, passphrase: passphrase, user: user,
                                                   secretPath: "\(user.secretKeys)/\(slug(owner))-owner.key")
        do {
            for folder in [store.root, store.plansFolder, store.signedFolder, store.auditFolder, store.localFolder] {
                try AtomicFile.makeFolder(folder)
            }
            try AtomicFile.write(Self.starterConfig + (sharedWithGroup ? "shared: group\n" : ""), to: store.configPath)
            try AtomicFile.write("# local state: locks and the plan index (index.sqlite), rebuilt from the files\n.supportplan/\nplans/.*.lock\nplans/.*.recovery\nplans/.*.guide\n*.tmp\n", to: store.root + "/.gitignore")
            // `git diff` of a plan reads as words once `supportplan sync` has set the driver up.
            try AtomicFile.write("plans/*.yaml diff=supportplan\nsigned/*.yaml diff=supportplan\naudit/*.log -merge\n",
                                 to: store.root + "/.gitattributes")
            try AtomicFile.write(Array(key.publicKey.fileText.utf8), to: store.ownerKeyPath, mode: 0o600)
        } catch { throw .file(error) }
        try TrustRoot.pin(key.publicKey, in: user)
        try store.signConfig(with: key, now: now)
        return Made(store: store, ownerKeyID: key.publicKey.keyIDHex, secretKeyPath: secretPath)
    }

    static let starterConfig = """
        # This store's policy and its signers. Only the store's owner changes it, with
        # `supportplan signer add`, which signs it again (config.yaml.minisig). An edit by hand
        # makes the signature fail: sign and verify then refuse until the owner re-signs it.
        # Thresholds and lists that can be set here are in docs/format.md ("config.yaml").
        signers: []

        """

    /// Signs `config.yaml` with the owner's key (`config.yaml.minisig`, checkable with
    /// `minisign -Vm config.yaml -p owner.pub`).
    public func signConfig(with owner: SecretKeyFile, now: String = Workflow.timestamp()) throws(StoreError) {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(configPath) } catch { throw .file(error) }
        // The store id and the next version: from the signature there now (even one that no
        // longer matches the file after a hand edit), and from this user's own record.
        let previous = (try? AtomicFile.read(configSignaturePath)).flatMap { b -> ConfigClaims? in
            guard case .success(let t) = decodeUTF8(b), let sig = try? MinisignSignature(fileText: t) else { return nil }
            return ConfigClaims.parse(sig.trustedComment)
        }
        let record = StoreRecords.read(root, user)
        let store = record?.store ?? previous?.store ?? ConfigClaims.newStoreID()
        let version = max(record?.version ?? 0, previous?.store == store ? previous?.version ?? 0 : 0) + 1
        let claims = ConfigClaims(owner: owner.name, key: owner.publicKey.keyIDHex, store: store, version: version, time: now,
                                  sha256: AuditLog.sha256(bytes))
        let comment = claims.text
        do {
            let sig = try MinisignSignature.sign(bytes, with: owner.secret, keyID: owner.keyID, trustedComment: comment,
                                                 untrustedComment: "supportplan store config")
            try AtomicFile.write(Array(sig.fileText.utf8), to: configSignaturePath, followLinks: false)
        } catch let e as FileError { throw .file(e) } catch { throw .refused("the config could not be signed: \(error)") }
        StoreRecords.write(root, store: store, version: version, user)
        let (policy, _) = PolicyReader.read(String(decoding: bytes, as: UTF8.self))
        StoreRecords.writeOwnerSigners(root, ConfigText.signersBlock(policy.signers), user)
    }

    /// The owner adds a signer, or changes one (the same key id): name, role, level and the
    /// dates they may sign between (`until` ends a signer; their earlier sign-offs still
    /// verify). Refused unless the config is trusted and `owner` is the key that signed it.
    public func addSigner(_ signer: Signer, owner: SecretKeyFile, now: String = Workflow.timestamp()) throws(StoreError) -> Bool {
        let config = try trustedConfig()
        guard signer.keyID != owner.publicKey.keyIDHex,
              !TrustRoot.pinned(in: user).contains(where: { $0.keyIDHex == signer.keyID }) else {
            throw .refused("key \(signer.keyID) is a store owner's key; an owner key signs configs only. "
                           + "The owner makes a personal key pair with `supportplan keygen` to sign off plans")
        }
        guard config.ownerKeyID == owner.publicKey.keyIDHex else {
            throw .refused("only the store's owner (key \(config.ownerKeyID ?? "?")) can add signers; key "
                           + "\(owner.publicKey.keyIDHex) is not the owner's")
        }
        for (what, value) in [("name", signer.name), ("role", signer.role)] where !SignerText.isPlain(value) {
            throw .refused("the signer's \(what) may not be blank or hold quotes, backslashes or control characters")
        }
        guard config.policy.rank(ofLevel: signer.level) != nil else {
            throw .refused("'\(PlanID.shown(signer.level))' is not one of the signer levels: "
                           + config.policy.signerLevels.map(\.name).joined(separator: ", "))
        }
        if let f = signer.from, let u = signer.until, u < f { throw .refused("--until \(u) is before --from \(f)") }
        var signers = config.policy.signers
        if let i = signers.firstIndex(where: { $0.name == signer.name && $0.keyID != signer.keyID }) {
            throw .refused("\(signer.name) is already a signer with key \(signers[i].keyID); end that one first "
                           + "(signer add with its key and --until) or give another name")
        }
        let replaced = signers.firstIndex { $0.keyID == signer.keyID }
        if let replaced { signers[replaced] = signer } else { signers.append(signer) }
        let text: String
        do { text = String(decoding: try AtomicFile.read(configPath), as: UTF8.self) } catch { throw .file(error) }
        let updated = ConfigText.replacingTopLevel("signers", with: ConfigText.signersBlock(signers), in: text)
        let (_, findings) = PolicyReader.read(updated)
        if let e = findings.first(where: { $0.severity == .error }) {
            throw .refused("the config would not read after the change: \(e.message)")
        }
        do { try AtomicFile.write(updated, to: configPath, followLinks: false) } catch { throw .file(error) }
        try signConfig(with: owner, now: now)
        return replaced != nil
    }
}

extension PlanStore {
    /// The signers of `config.yaml` now that differ from those the owner last signed (added,
    /// changed — a different public key, name, role, level or dates — or removed), as lines;
    /// empty when nothing changed or this owner has no record of signing it.
    public func signerChangesSinceOwnerSigned() -> [String] {
        guard let before = StoreRecords.ownerSigners(root, user),
              let bytes = try? AtomicFile.read(configPath) else { return [] }
        let now = ConfigText.signersBlock(PolicyReader.read(String(decoding: bytes, as: UTF8.self)).0.signers)
        func entries(_ block: String) -> [String] {
            block.components(separatedBy: "\n  - ").dropFirst().map { "- " + $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ") }
        }
        let a = entries(before), b = entries(now)
        return a.filter { !b.contains($0) }.map { "removed or changed: \($0)" } + b.filter { !a.contains($0) }.map { "new or changed: \($0)" }
    }
}

/// Rewriting one top-level key of a config file, leaving the rest as the owner wrote it.
enum ConfigText {
    static func signersBlock(_ signers: [Signer]) -> String {
        guard !signers.isEmpty else { return "signers: []\n" }
        var out = "signers:\n"
        for s in signers {
            out += "  - name: \"\(s.name)\"\n    role: \"\(s.role)\"\n    level: \(s.level)\n"
            out += "    key_id: \(s.keyID)\n    public_key: \(s.publicKey)\n"
            if let f = s.from { out += "    from: \(f)\n" }
            if let u = s.until { out += "    until: \(u)\n" }
        }
        return out
    }

    /// Replaces the block of a top-level key (its line and every indented, blank or comment
    /// line after it) with `block`, or appends `block` when the key is not there.
    static func replacingTopLevel(_ key: String, with block: String, in text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let blockLines = block.split(separator: "\n").map(String.init)
        if let start = lines.firstIndex(where: { $0 == key + ":" || $0.hasPrefix(key + ": ") || $0.hasPrefix(key + ":\t") }) {
            var end = start + 1
            while end < lines.count, let first = lines[end].first, first == " " || first == "\t" || first == "-" { end += 1 }
            while end < lines.count, lines[end].isEmpty, end + 1 < lines.count,
                  lines[end + 1].first == " " || lines[end + 1].first == "-" { end += 1 }
            lines.replaceSubrange(start..<end, with: blockLines)
        } else {
            lines += blockLines
        }
        return lines.joined(separator: newline) + newline
    }
}
