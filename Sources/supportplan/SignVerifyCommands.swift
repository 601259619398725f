/// `supportplan sign FILE --key KEY` and `supportplan verify FILE`.
import ArgumentParser
import Foundation
import PlanCore

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign off a submitted plan: writes signed/<id>-v<version>.yaml (read-only) and its .minisig."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A submitted plan file.", valueName: "FILE")) var file: String
    @Option(name: .long, help: ArgumentHelp("Your secret key: a file, or a name in your config folder.", valueName: "KEY"))
    var key: String
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The key's passphrase, from a file.", valueName: "FILE"))
    var passphraseFile: String?

    func run() throws {
        let key = try SignOffService.loadKey(self.key) {
            try Passphrase.read(file: passphraseFile, prompt: "Passphrase: ")
        }
        switch try SignOffService.sign(file, key: key, global) {
        case .refused(let findings):
            let blocking = findings.filter { $0.rule == RuleID.signerLevelTooLow }
            if blocking.isEmpty {
                print(CheckOutput.text(CheckResult(file: file, plan: nil, findings: findings, costing: nil, unreadable: false)),
                      terminator: "")
                print("Not signed: the plan is not ready.")
            } else {
                for f in blocking { printError("\(file): \(f.severity.rawValue)[\(f.rule.rawValue)]: \(f.message)") }
            }
            throw ExitCode(1)
        case .signed(let signed):
            for f in signed.warnings { printError("\(file): \(f.severity.rawValue)[\(f.rule.rawValue)]: \(f.message)") }
            print("""
                Signed off as \(signed.signer.name) (\(signed.signer.role), \(signed.signer.level)).
                \(signed.signedPath)
                \(signed.signedPath).minisig
                Anyone can check it: minisign -Vm \(signed.signedPath) -p \(signed.publicKeyPath)
                """)
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check signed plans against their .minisig and the store's trusted keys (exit 1 if any does not match)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Signed plan files (signed/<id>-v<n>.yaml).", valueName: "FILE")) var files: [String]
    @Flag(name: .long, help: "Print only the files that fail.") var quiet = false

    func run() throws {
        var failed = false
        var keysByStore: [String: [MinisignPublicKey]] = [:]
        for file in files {
            let bytes: [UInt8]
            do { bytes = try AtomicFile.read(file) } catch { throw CLIError("\(error.path): cannot be read: \(error.what)") }
            guard let sig = try? AtomicFile.read(file + ".minisig"), case .success(let sigText) = decodeUTF8(sig) else {
                throw CLIError("\(file).minisig: no signature beside the plan; it has not been signed off")
            }
            let store = StoreLocation.root(for: file, global)
            if keysByStore[store] == nil { keysByStore[store] = Array(LoadedPlan.trustedKeys(in: store + "/keys").values) }
            let (key, finding) = Workflow.verify(bytes, signatureText: sigText, keys: keysByStore[store]!)
            if let finding {
                print(SafeText.visible(file) + ":1:1: error[\(finding.rule.rawValue)]: \(SafeText.visible(finding.message))\n  plain: \(finding.plain)")
                failed = true
                continue
            }
            if !quiet {
                let comment = (try? MinisignSignature(fileText: sigText))?.trustedComment ?? ""
                // The comments come from key and signature files: shown with controls visible.
                print(SafeText.visible(file) + ": signature verified with trusted key \(key!.keyIDHex) (\(SafeText.visible(key!.comment))).\n  "
                      + SafeText.visible(comment))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
