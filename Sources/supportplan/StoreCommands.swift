/// Setting up a store's trust: `init DIR --owner NAME`, `trust OWNER.pub`, and the owner's
/// `signer add KEY.pub …` and `signer list`.
import ArgumentParser
import Foundation
import PlanCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a store: its folders, a signed config.yaml and the owner's key pair (pinned for you).",
        discussion: """
            The owner's secret key goes to your config folder; owner.pub goes in the store. Everyone \
            else pins the owner's key once with `supportplan trust OWNER.pub`.
            """
    )

    @Argument(help: ArgumentHelp("The new store's folder.", valueName: "DIR")) var folder: String
    @Option(name: .long, help: "The store owner's name (who adds signers).") var owner: String
    @Flag(name: .long, help: "Seal the owner's secret key with a passphrase.") var passphrase = false
    @Option(name: .long, help: ArgumentHelp("private (files 0600, the default) or group (a team folder: 0660, folders 2770).", valueName: "HOW"))
    var shared = "private"
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "FILE"))
    var passphraseFile: String?

    func run() throws {
        var phrase: String?
        if passphrase || passphraseFile != nil {
            phrase = try Passphrase.read(file: passphraseFile, prompt: "Passphrase for the owner's key: ", confirm: true)
        }
        guard shared == "private" || shared == "group" else { throw CLIError("--shared \(shared): use private or group") }
        let made = try PlanStore.initialise(at: folder, owner: owner, passphrase: phrase, user: StoreLocation.user,
                                            sharedWithGroup: shared == "group")
        print("""
            Made the store \(folder), owned by \(owner) (key \(made.ownerKeyID)).
            Owner's secret key: \(made.secretKeyPath) (keep it safe: it decides who may sign off)
            Owner's public key: \(made.store.ownerKeyPath) (pinned for you; colleagues run `supportplan trust` on it
              after checking the key id \(made.ownerKeyID) with you)
            Add signers: supportplan signer add KEY.pub --name NAME --role ROLE --level team-manager --store \(folder)
            """)
    }
}

struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Pin a store owner's public key: only configs it signed are trusted for sign-off.",
        discussion: """
            Check the key id with the owner in person or by a channel you trust before pinning it.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The owner's minisign public key.", valueName: "OWNER.pub")) var file: String

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(file) } catch { throw CLIError("\(error)") }
        guard case .success(let text) = decodeUTF8(bytes), let key = try? MinisignPublicKey(fileText: text) else {
            throw CLIError("\(file):1:1: not a minisign public key")
        }
        let path = try TrustRoot.pin(key, in: StoreLocation.user)
        print("Trusted owner key \(key.keyIDHex) (\(SafeTerminal.visible(key.comment))): \(path)")
        // Inside a store, remember which store this is (its id and config version) from now on.
        if let store = StoreLocation.located(global), let c = try? store.config(), c.untrusted == nil, let id = c.storeID {
            print("This folder is store \(id), config version \(c.version ?? 0): a config from another store, or an older one, will be refused here.")
        }
    }
}

struct SignerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signer",
        abstract: "The store's signers: add, change or end one (the owner), or list them.",
        subcommands: [SignerAddCommand.self, SignerListCommand.self]
    )
}

struct SignerAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a signer, or change or end one (the same key), and re-sign config.yaml (the owner only)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The signer's minisign public key.", valueName: "KEY.pub")) var file: String
    @Option(name: .long, help: "Their name, as it appears on sign-offs.") var name: String
    @Option(name: .long, help: "Their role, e.g. \"team manager\".") var role: String
    @Option(name: .long, help: "Their level, one of the config's signer_levels.") var level: String
    @Option(name: .long, help: ArgumentHelp("The first day they may sign (YYYY-MM-DD).", valueName: "DATE")) var from: String?
    @Option(name: .long, help: ArgumentHelp("The last day they may sign (YYYY-MM-DD); ends a signer.", valueName: "DATE"))
    var until: String?
    @Option(name: .customLong("owner-key"), help: ArgumentHelp("The owner's secret key (default: the one init made).", valueName: "KEY"))
    var ownerKey: String?
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The owner key's passphrase, from a file.", valueName: "FILE"))
    var passphraseFile: String?

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(file) } catch { throw CLIError("\(error)") }
        guard case .success(let text) = decodeUTF8(bytes), let key = try? MinisignPublicKey(fileText: text) else {
            throw CLIError("\(file):1:1: not a minisign public key")
        }
        func date(_ s: String?, _ option: String) throws -> PlanDate? {
            guard let s else { return nil }
            guard let d = PlanDate(s) else { throw CLIError("--\(option) \(s): not a date like 2027-03-31") }
            return d
        }
        let signer = Signer(name: name, role: role, level: level, keyID: key.keyIDHex, publicKey: key.base64Line,
                            from: try date(from, "from"), until: try date(until, "until"))
        let config = try store.trustedConfig()
        let ownerPath = ownerKey ?? KeyFiles.path(forKeyID: config.ownerKeyID ?? "")
        let owner = try KeyFiles.load(ownerPath) { try Passphrase.read(file: passphraseFile, prompt: "Owner key passphrase: ") }
        let changed = try store.addSigner(signer, owner: owner)
        print("\(changed ? "Changed" : "Added") signer \(name) (\(role), \(level), key \(key.keyIDHex))"
              + (signer.until.map { " until \($0)" } ?? "") + "; \(store.configPath) signed again.")
    }
}

struct SignerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The store's signers, from its signed config.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let config = try store.trustedConfig()
        for s in config.policy.signers {
            print("\(s.keyID)  \(s.name) (\(s.role), \(s.level))" + (s.from.map { " from \($0)" } ?? "") + (s.until.map { " until \($0)" } ?? ""))
        }
        if config.policy.signers.isEmpty { print("No signers yet: the owner adds them with `supportplan signer add`.") }
    }
}
