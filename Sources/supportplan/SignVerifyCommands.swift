/// `supportplan sign FILE --key KEY` and `supportplan verify FILE…`.
import ArgumentParser
import Foundation
import Foundation
import PlanCore

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign off a submitted plan: writes signed/<id>-v<version>.yaml (read-only) and its .minisig.",
        discussion: """
            Needs the store's config.yaml signed by an owner you trust (supportplan trust OWNER.pub), \
            and your key among its signers (the owner runs supportplan signer add).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A submitted plan file.", valueName: "FILE")) var file: String
    @Option(name: .long, help: ArgumentHelp("Your secret key: a file, or a name in your config folder.", valueName: "KEY"))
    var key: String
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The key's passphrase, from a file.", valueName: "FILE"))
    var passphraseFile: String?

    func run() throws {
        let store = try StoreLocation.store(for: file, global)
        let key = try KeyFiles.load(self.key) { try Passphrase.read(file: passphraseFile, prompt: "Passphrase: ") }
        let signed: PlanStore.Signed
        do {
            signed = try store.sign(file, key: key)
        } catch .notReady(let findings) {
            print(CheckOutput.text(CheckResult(file: file, plan: nil, findings: findings, costing: nil, unreadable: false)),
                  terminator: "")
            print("Not signed.")
            throw ExitCode(1)
        }
        for f in signed.warnings { printError("\(file): \(f.severity.rawValue)[\(f.rule.rawValue)]: \(f.message)") }
        print("""
            Signed off as \(signed.signer.name) (\(signed.signer.role), \(signed.signer.level)).
            \(signed.signedPath)
            \(signed.signedPath).minisig
            Check it: supportplan verify \(signed.signedPath)
            """)
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check signed plans: the signature, and every claim it makes, against the store's signed config.",
        discussion: """
            The store is --store, $SUPPORTPLAN_STORE, or the store folder you are in; never one beside the file. \
            Exit 0 when every file verifies, 1 when any does not, 2 when the store cannot be trusted.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Signed plan files (signed/<id>-v<n>.yaml).", valueName: "FILE")) var files: [String]
    @Flag(name: .long, help: "Print only the files that fail.") var quiet = false
    @Flag(name: .long, help: "One JSON object per file.") var json = false

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let config = try store.trustedConfig()
        var failed = false
        for file in files {
            let v = try store.verify(file, config: config)
            if json {
                var w = JSONWriter()
                w.object {
                    $0.field("file") { $0.string(file) }
                    $0.field("verified") { $0.bool(v.verified) }
                    if let c = v.claims {
                        $0.field("plan") { $0.string(c.plan) }
                        $0.field("version") { $0.int(Int64(c.version)) }
                        $0.field("signer") { $0.string(c.signer) }
                        $0.field("role") { $0.string(c.role) }
                        $0.field("time") { $0.string(c.time) }
                        $0.field("sha256") { $0.string(c.sha256) }
                    }
                    $0.field("findings") { a in
                        a.array(v.findings) { w, f in
                            w.object { o in
                                o.field("rule") { $0.string(f.rule.rawValue) }
                                o.field("field") { $0.string(f.path) }
                                o.field("message") { $0.string(f.message) }
                            }
                        }
                    }
                }
                print(w.text)
            } else if !v.verified {
                for f in v.findings {
                    print(SafeTerminal.visible("\(file):1:1: error[\(f.rule.rawValue)]: \(f.message)\n  plain: \(f.plain)"))
                }
            } else if !quiet, let c = v.claims {
                print(SafeTerminal.visible("\(file): verified: \(c.plan) version \(c.version) signed off by \(c.signer) (\(c.role), "
                                           + "\(c.level)) at \(c.time), key \(c.key)."))
            }
            if !v.verified { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Secret keys by path or by name in the person's config folder.
enum KeyFiles {
    /// The secret key in the config folder with this key id (as minisign shows it).
    static func path(forKeyID keyID: String) -> String {
        let folder = StoreLocation.user.secretKeys
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where name.hasSuffix(".key") {
            guard let b = try? AtomicFile.read(folder + "/" + name), case .success(let t) = decodeUTF8(b),
                  let line = t.split(separator: "\n").first(where: { $0.hasPrefix("key_id: ") }) else { continue }
            let id = Array(line.dropFirst(8))
            guard id.count == 16 else { continue }
            let hex = stride(from: 0, to: 16, by: 2).map { String(id[$0..<$0 + 2]) }.reversed().joined().uppercased()
            if hex == keyID { return folder + "/" + name }
        }
        return folder + "/owner.key"
    }

    /// Refused when group or others can read it.
    static func load(_ key: String, passphrase: () throws -> String?) throws -> SecretKeyFile {
        let path = key.contains("/") || key.hasSuffix(".key") ? key : "\(StoreLocation.user.secretKeys)/\(key).key"
        var info = stat()
        guard stat(path, &info) == 0 else { throw CLIError("\(path): no such secret key (make one with `supportplan keygen NAME`)") }
        if info.st_mode & 0o077 != 0 { throw CLIError(SecretKeyFile.Problem.readableByOthers(path).description) }
        guard case .success(let text) = decodeUTF8(try AtomicFile.read(path)) else { throw CLIError("\(path): not a secret key") }
        let phrase = SecretKeyFile.isSealed(text) ? try passphrase() : nil
        do { return try SecretKeyFile(fileText: text, passphrase: phrase) } catch { throw CLIError("\(path): \(error)") }
    }
}
