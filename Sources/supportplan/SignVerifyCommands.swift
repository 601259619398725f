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
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(file, global, cache: &cache)
        let plan = loaded.plan
        guard plan.status == .submitted else {
            throw CLIError("\(file): the plan is \(plan.status?.rawValue ?? "a draft"); it must be submitted before it is signed off")
        }
        let blocking = Workflow.readiness(loaded.result)
        if !blocking.isEmpty {
            print(CheckOutput.text(CheckResult(file: file, plan: plan, findings: blocking, costing: nil, unreadable: false)),
                  terminator: "")
            print("Not signed: the plan is not ready.")
            throw ExitCode(1)
        }
        let secret = try loadSecretKey()
        let store = StoreLocation.root(for: file, global)
        let keys = LoadedPlan.trustedKeys(in: store + "/keys")
        guard let signer = loaded.policy.signers.first(where: { s in keys[s.key]?.keyID == secret.keyID }) else {
            throw CLIError("key \(secret.publicKey.keyIDHex) (\(secret.name)) is not one of this store's signers; "
                           + "put its .pub in \(store)/keys/ and add it to signers in \(store)/config.yaml")
        }
        let findings = Workflow.signingFindings(plan: plan, signer: signer, policy: loaded.policy)
        for f in findings { printError("\(file): \(f.severity.rawValue)[\(f.rule.rawValue)]: \(f.message)") }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }

        guard case .success(let text) = decodeUTF8(loaded.bytes) else { throw CLIError("\(file): not UTF-8") }
        let bytes = Array(Workflow.setting(status: .signedOff, in: text).utf8)
        let signedPath = "\(store)/signed/\(plan.id ?? "plan")-v\(plan.version ?? 1).yaml"
        guard !AtomicFile.exists(signedPath) else { throw CLIError("\(signedPath) already exists: this version is signed off") }
        let time = Workflow.timestamp()
        let minisig = try Workflow.sign(bytes, plan: plan, key: secret, signer: signer, time: time)
        do {
            try AtomicFile.makeFolder(store + "/signed")
            try AtomicFile.write(bytes, to: signedPath, mode: 0o400)
            try AtomicFile.write(Array(minisig.utf8), to: signedPath + ".minisig", mode: 0o644)
            try AtomicFile.write(bytes, to: file)
            _ = try AuditLog.append(AuditEntry(time: time, who: signer.name, action: "sign", plan: plan.id ?? "unknown",
                                               version: plan.version ?? 1, fileSHA256: AuditLog.sha256(bytes)),
                                    to: store + "/audit.log")
        } catch let e as FileError { throw CLIError("\(e)") }
        print("""
            Signed off \(plan.id ?? "the plan") version \(plan.version ?? 1) as \(signer.name) (\(signer.role), \(signer.level)).
            \(signedPath)
            \(signedPath).minisig
            Anyone can check it: minisign -Vm \(signedPath) -p \(store)/keys/\(signer.key).pub
            """)
    }

    func loadSecretKey() throws -> SecretKeyFile {
        let path = key.contains("/") || key.hasSuffix(".key") ? key : "\(StoreLocation.secretKeyFolder)/\(key).key"
        var info = stat()
        guard stat(path, &info) == 0 else { throw CLIError("\(path): no such secret key (make one with `supportplan keygen NAME`)") }
        if info.st_mode & 0o077 != 0 { throw CLIError(SecretKeyFile.Problem.readableByOthers(path).description) }
        guard case .success(let text) = decodeUTF8(try AtomicFile.read(path)) else { throw CLIError("\(path): not a secret key") }
        let phrase = SecretKeyFile.isSealed(text) ? try Passphrase.read(file: passphraseFile, prompt: "Passphrase: ") : nil
        do { return try SecretKeyFile(fileText: text, passphrase: phrase) } catch { throw CLIError("\(path): \(error)") }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a signed plan against its .minisig and the store's trusted keys (exit 1 if it does not match)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A signed plan file (signed/<id>-v<n>.yaml).", valueName: "FILE")) var file: String

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(file) } catch { throw CLIError("\(error.path): cannot be read: \(error.what)") }
        guard let sig = try? AtomicFile.read(file + ".minisig"), case .success(let sigText) = decodeUTF8(sig) else {
            throw CLIError("\(file).minisig: no signature beside the plan; it has not been signed off")
        }
        let store = StoreLocation.root(for: file, global)
        let keys = Array(LoadedPlan.trustedKeys(in: store + "/keys").values)
        let (key, finding) = Workflow.verify(bytes, signatureText: sigText, keys: keys)
        if let finding {
            print("\(file):1:1: error[\(finding.rule.rawValue)]: \(finding.message)\n  plain: \(finding.plain)")
            throw ExitCode(1)
        }
        let comment = (try? MinisignSignature(fileText: sigText))?.trustedComment ?? ""
        print("\(file): signature verified with trusted key \(key!.keyIDHex) (\(key!.comment)).\n  \(comment)")
    }
}
