/// `supportplan keygen NAME`: a person's key pair, nothing more. The secret key goes to your
/// config folder (0600, the folder 0700), the public key beside it; give the `.pub` to the
/// store's owner, who makes you a signer with `supportplan signer add`.
import ArgumentParser
import PlanCore

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make your key pair for signing off (secret key 0600 in your config folder, minisign public key beside it)."
    )

    @Argument(help: "Your name, as it will appear on sign-offs.")
    var name: String

    @Flag(name: .long, help: "Seal the secret key with a passphrase (asked for, or --passphrase-file).")
    var passphrase = false

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "FILE"))
    var passphraseFile: String?

    @Option(name: .customLong("secret-key"), help: ArgumentHelp("Where to write the secret key.", valueName: "FILE"))
    var secretKeyPath: String?

    @Flag(name: .long, help: "Replace existing key files (the old key is lost).")
    var force = false

    func run() throws {
        var phrase: String?
        if passphrase || passphraseFile != nil {
            phrase = try Passphrase.read(file: passphraseFile, prompt: "Passphrase for the secret key: ", confirm: true)
            guard let p = phrase, !p.isEmpty else { throw CLIError("no passphrase given; nothing was written") }
        }
        let made = try PlanStore.makeKeyPair(name: name, passphrase: phrase, user: StoreLocation.user,
                                             secretPath: secretKeyPath, force: force)
        print("""
            Key \(made.key.publicKey.keyIDHex) for \(name).
            Secret key: \(made.secretPath) (keep it to yourself\(phrase == nil ? "" : "; sealed with your passphrase"))
            Public key: \(made.publicPath)
            Give the public key to the store's owner, who adds you as a signer:
              supportplan signer add \(made.publicPath) --name "\(name)" --role "team manager" --level team-manager
            """)
    }
}
