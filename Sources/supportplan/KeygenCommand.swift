/// `supportplan keygen NAME`: an approver's key pair. The secret key goes to your config
/// folder (0600); the public key, in minisign's format, to the store's `keys/`.
import ArgumentParser
import PlanCore

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an approver's key pair (secret key 0600, minisign public key in the store)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The approver's name, as it will appear on sign-offs.")
    var name: String

    @Flag(name: .long, help: "Seal the secret key with a passphrase (asked for, or --passphrase-file).")
    var passphrase = false

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "FILE"))
    var passphraseFile: String?

    @Option(name: .customLong("secret-key"), help: ArgumentHelp("Where to write the secret key.", valueName: "FILE"))
    var secretKeyPath: String?

    @Flag(name: .long, help: "Replace existing key files.")
    var force = false

    func run() throws {
        let slug = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let store = StoreLocation.resolve(global)
        let pubPath = "\(store)/keys/\(slug).pub"
        let secretPath = secretKeyPath ?? "\(StoreLocation.secretKeyFolder)/\(slug).key"
        for path in [pubPath, secretPath] where AtomicFile.exists(path) && !force {
            throw CLIError("\(path) already exists; use --force to replace it")
        }
        var phrase: String?
        if passphrase || passphraseFile != nil {
            phrase = try Passphrase.read(file: passphraseFile, prompt: "Passphrase for the secret key: ", confirm: true)
            guard let p = phrase, !p.isEmpty else { throw CLIError("no passphrase given; nothing was written") }
        }
        let key = SecretKeyFile.generate(name: name)
        do {
            // The secret key's folder is private (0700 when made here; a folder others can
            // write to is refused) and the key is 0600, also when --force replaces a file.
            try AtomicFile.makePrivateFolder(StoreLocation.folder(of: secretPath))
            try AtomicFile.makeFolder(store + "/keys")
            try AtomicFile.write(Array(try key.fileText(passphrase: phrase).utf8), to: secretPath, exactMode: 0o600)
            try AtomicFile.write(Array(key.publicKey.fileText.utf8), to: pubPath)
        } catch let e as FileError { throw CLIError("\(e)") }
        print("""
            Key \(key.publicKey.keyIDHex) for \(name).
            Secret key: \(secretPath) (keep it to yourself\(phrase == nil ? "" : "; sealed with your passphrase"))
            Public key: \(pubPath)
            To let \(name) sign off, add to \(store)/config.yaml:
              signers:
                - key: \(slug)
                  name: \(name)
                  role: team manager
                  level: team-manager
            """)
    }
}
