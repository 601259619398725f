/// The sign-off actions shared by the commands and the screens: submit, return, sign.
import Foundation
import PlanCore

enum SignOffService {
    /// Submits a plan: refused with the blocking findings while any remain.
    static func submit(_ path: String, by who: String?, _ global: GlobalOptions) throws -> [Finding] {
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(path, global, cache: &cache)
        let status = loaded.plan.status ?? .draft
        guard status == .draft || status == .returned else {
            throw CLIError("\(path): the plan is \(status.rawValue); only a draft or a returned plan can be submitted")
        }
        let blocking = Workflow.readiness(loaded.result)
        guard blocking.isEmpty else { return blocking }
        try changeStatus(loaded, to: .submitted, action: "submit", who: who ?? loaded.plan.author ?? currentUser(), global)
        return []
    }

    static func returnPlan(_ path: String, reasons: [String], comment: String, by who: String?, _ global: GlobalOptions) throws {
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(path, global, cache: &cache)
        guard loaded.plan.status == .submitted else {
            throw CLIError("\(path): the plan is \(loaded.plan.status?.rawValue ?? "a draft"); only a submitted plan can be returned")
        }
        let codes = loaded.policy.returnReasons.map(\.code)
        guard !reasons.isEmpty else { throw CLIError("give at least one reason: \(codes.joined(separator: ", "))") }
        for r in reasons where !codes.contains(r) {
            throw CLIError("'\(r)' is not a return reason; use one of: \(codes.joined(separator: ", "))")
        }
        guard comment.contains(where: { !$0.isWhitespace }) else { throw CLIError("the comment must say what to change") }
        try changeStatus(loaded, to: .returned, action: "return", who: who ?? currentUser(),
                         reason: reasons.joined(separator: ","), comment: comment, global)
    }

    struct Signed {
        var signedPath: String
        var signer: Signer
        var warnings: [Finding]
        var publicKeyPath: String
    }

    enum SignOutcome {
        case signed(Signed)
        case refused([Finding])
    }

    /// Signs off a submitted plan with a secret key; refused (CLIError, or the findings) when
    /// it is not ready or the signer may not sign it.
    static func sign(_ path: String, key: SecretKeyFile, _ global: GlobalOptions) throws -> SignOutcome {
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(path, global, cache: &cache)
        let plan = loaded.plan
        guard plan.status == .submitted else {
            throw CLIError("\(path): the plan is \(plan.status?.rawValue ?? "a draft"); it must be submitted before it is signed off")
        }
        let blocking = Workflow.readiness(loaded.result)
        if !blocking.isEmpty { return .refused(blocking) }
        let store = StoreLocation.root(for: path, global)
        let keys = LoadedPlan.trustedKeys(in: store + "/keys")
        guard let signer = loaded.policy.signers.first(where: { s in keys[s.key]?.keyID == key.keyID }) else {
            throw CLIError("key \(key.publicKey.keyIDHex) (\(key.name)) is not one of this store's signers; "
                           + "put its .pub in \(store)/keys/ and add it to signers in \(store)/config.yaml")
        }
        let findings = Workflow.signingFindings(plan: plan, signer: signer, policy: loaded.policy)
        if findings.contains(where: { $0.severity == .error }) { return .refused(findings) }
        guard case .success(let text) = decodeUTF8(loaded.bytes) else { throw CLIError("\(path): not UTF-8") }
        let bytes = Array(Workflow.setting(status: .signedOff, in: text).utf8)
        let signedPath = "\(store)/signed/\(plan.id ?? "plan")-v\(plan.version ?? 1).yaml"
        guard !AtomicFile.exists(signedPath) else { throw CLIError("\(signedPath) already exists: this version is signed off") }
        let time = Workflow.timestamp()
        let minisig = try Workflow.sign(bytes, plan: plan, key: key, signer: signer, time: time)
        do {
            try AtomicFile.makeFolder(store + "/signed")
            try AtomicFile.write(bytes, to: signedPath, mode: 0o400)
            try AtomicFile.write(Array(minisig.utf8), to: signedPath + ".minisig")
            try AtomicFile.write(bytes, to: path)
            _ = try AuditLog.append(AuditEntry(time: time, who: signer.name, action: "sign", plan: plan.id ?? "unknown",
                                               version: plan.version ?? 1, fileSHA256: AuditLog.sha256(bytes)),
                                    to: store + "/audit.log")
        } catch let e as FileError { throw CLIError("\(e)") }
        return .signed(Signed(signedPath: signedPath, signer: signer, warnings: findings,
                               publicKeyPath: "\(store)/keys/\(signer.key).pub"))
    }

    /// A secret key by path or by name in the user's config folder; refused when others can read it.
    static func loadKey(_ key: String, passphrase: () throws -> String?) throws -> SecretKeyFile {
        let path = key.contains("/") || key.hasSuffix(".key") ? key : "\(StoreLocation.secretKeyFolder)/\(key).key"
        var info = stat()
        guard stat(path, &info) == 0 else { throw CLIError("\(path): no such secret key (make one with `supportplan keygen NAME`)") }
        if info.st_mode & 0o077 != 0 { throw CLIError(SecretKeyFile.Problem.readableByOthers(path).description) }
        guard case .success(let text) = decodeUTF8(try AtomicFile.read(path)) else { throw CLIError("\(path): not a secret key") }
        let phrase = SecretKeyFile.isSealed(text) ? try passphrase() : nil
        do { return try SecretKeyFile(fileText: text, passphrase: phrase) } catch { throw CLIError("\(path): \(error)") }
    }
}
