/// The sign-off workflow on a store: submit, return, withdraw and sign. Each step holds the
/// plan's audit-log lock, re-reads the plan under it, appends and fsyncs its entry, and only
/// then changes the plan; a change that then fails appends an entry saying so.
import Foundation

extension PlanStore {
    /// What a step did, for the command or screen to report.
    public struct StepDone: Sendable {
        public var id: String
        public var version: Int
        public var entry: AuditEntry
    }

    /// Submits a draft or returned plan; refused with the blocking findings while any remain.
    @discardableResult
    public func submit(_ path: String, by who: String, now: String = Workflow.timestamp()) throws(StoreError) -> StepDone {
        try changeStatus(path, from: [.draft, .returned], to: .submitted, action: "submit", who: who, now: now) { (loaded: LoadedPlan, _: Policy) throws(StoreError) -> (reason: String?, comment: String?) in
            let blocking = Workflow.readiness(loaded.result)
            if !blocking.isEmpty { throw .notReady(blocking) }
            return (nil, nil)
        }
    }

    /// Sends a submitted plan back with reasons (codes from `return_reasons`) and a comment.
    @discardableResult
    public func returnPlan(_ path: String, reasons: [String], comment: String, by who: String,
                           now: String = Workflow.timestamp()) throws(StoreError) -> StepDone {
        let policy = try config().policy
        let codes = policy.returnReasons.map(\.code)
        guard !reasons.isEmpty else { throw .refused("give at least one reason: \(codes.joined(separator: ", "))") }
        for r in reasons where !codes.contains(r) {
            throw .refused("'\(PlanID.shown(r))' is not a return reason; use one of: \(codes.joined(separator: ", "))")
        }
        guard comment.contains(where: { !$0.isWhitespace }) else { throw .refused("the comment must say what to change") }
        return try changeStatus(path, from: [.submitted], to: .returned, action: "return", who: who, now: now) { (_: LoadedPlan, _: Policy) throws(StoreError) -> (reason: String?, comment: String?) in
            (reasons.joined(separator: ","), comment)
        }
    }

    /// Takes a submitted plan back to a draft so the planner can change it (logged).
    @discardableResult
    public func withdraw(_ path: String, by who: String, now: String = Workflow.timestamp()) throws(StoreError) -> StepDone {
        try changeStatus(path, from: [.submitted], to: .draft, action: "withdraw", who: who, now: now) { (_: LoadedPlan, _: Policy) throws(StoreError) -> (reason: String?, comment: String?) in (nil, nil) }
    }

    func changeStatus(_ path: String, from: [PlanStatus], to status: PlanStatus, action: String, who: String, now: String,
                      _ decide: (LoadedPlan, Policy) throws(StoreError) -> (reason: String?, comment: String?))
        throws(StoreError) -> StepDone {
        guard isInPlans(path) else {
            throw .refused("\(path) is not in this store's plans/ folder (\(plansFolder)); \(action) works on plans in the store")
        }
        try convertLegacyAudit()
        let policy = try config().policy
        let first = try load(path, policy: policy)
        let id = try Self.id(of: first)
        return try withAuditLock(id) { held throws(StoreError) -> StepDone in
            try Self.requireRegular(path)
            let loaded = try load(path, policy: policy)  // again, under the lock
            guard loaded.plan.id == id else { throw .refused("\(path): the plan's id changed while it was being \(action)ted") }
            let current = loaded.plan.status ?? .draft
            guard from.contains(current) else {
                throw .refused("\(path): the plan is \(current.rawValue); only a \(from.map(\.rawValue).joined(separator: " or ")) plan can be \(Self.pastTense(action))")
            }
            let (reason, comment) = try decide(loaded, policy)
            let updated = try Workflow.setting(status: status, in: Self.text(loaded))
            let version = loaded.plan.version ?? 1
            let entry = AuditEntry(time: now, who: who, action: action, plan: id, version: version,
                                   fileSHA256: AuditLog.sha256(Array(updated.utf8)), reason: reason, comment: comment)
            try held.append(entry)
            do throws(FileError) { try AtomicFile.write(updated, to: path, followLinks: false) } catch {
                try? held.append(AuditEntry(time: Workflow.timestamp(), who: who, action: action + "-failed", plan: id,
                                            version: version, fileSHA256: AuditLog.sha256(loaded.bytes),
                                            comment: "the plan file could not be changed: \(error.what)"))
                throw .file(error)
            }
            return StepDone(id: id, version: version, entry: held.entries.last!)
        }
    }

    /// Runs a step under the plan's audit lock, mapping every error to `StoreError`.
    func withAuditLock<T>(_ id: String, _ body: (PlanAudit.Held) throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try audit(id).withLock { held in try body(held) }
        } catch let e as StoreError { throw e } catch let e as FileError { throw .file(e) } catch {
            throw .refused("\(error)")
        }
    }

    static func text(_ loaded: LoadedPlan) throws(StoreError) -> String {
        guard case .success(let text) = decodeUTF8(loaded.bytes) else { throw .unreadable("\(loaded.path): not UTF-8 text") }
        return text
    }

    static func pastTense(_ action: String) -> String {
        switch action {
        case "submit": return "submitted"
        case "return": return "returned"
        case "withdraw": return "withdrawn"
        default: return action + "ed"
        }
    }

    // MARK: Signing

    public struct Signed: Sendable {
        public var signedPath: String
        public var signer: Signer
        /// Warnings the signer should see (e.g. approving their own plan where allowed).
        public var warnings: [Finding]
        public var id: String
        public var version: Int
    }

    /// The signer a secret key belongs to in the store's trusted config, or why it signs nothing.
    public func signer(for keyID: String, on day: PlanDate) throws(StoreError) -> (Signer, Config) {
        let config = try trustedConfig()
        guard let signer = config.policy.signers.first(where: { $0.keyID == keyID }) else {
            throw .refused("key \(keyID) is not one of this store's signers; the store's owner adds signers with "
                           + "`supportplan signer add KEY.pub --name NAME --role ROLE --level LEVEL`")
        }
        guard signer.isActive(on: day) else {
            throw .refused("\(signer.name) may sign in this store only \(Self.dates(signer)); today is \(day)")
        }
        return (signer, config)
    }

    /// Signs off a submitted plan: the exact bytes whose `submit` the log records, by a signer
    /// of the trusted config whose level covers the plan. Writes `signed/ID-vN.yaml` (0400,
    /// never over an existing one) and its `.minisig`, and the same bytes to the plan.
    public func sign(_ path: String, key: SecretKeyFile, now: String = Workflow.timestamp()) throws(StoreError) -> Signed {
        guard isInPlans(path) else { throw .refused("\(path) is not in this store's plans/ folder (\(plansFolder))") }
        try convertLegacyAudit()
        let day = PlanDate(String(now.prefix(10))) ?? PlanDate.today()
        let (signer, config) = try signer(for: key.publicKey.keyIDHex, on: day)
        let policy = config.policy
        let first = try load(path, policy: policy)
        let id = try Self.id(of: first)
        return try withAuditLock(id) { held throws(StoreError) -> Signed in
            try Self.requireRegular(path)
            let loaded = try load(path, policy: policy)
            let plan = loaded.plan
            guard plan.id == id else { throw .refused("\(path): the plan's id changed while it was being signed") }
            guard plan.status == .submitted else {
                throw .refused("\(path): the plan is \(plan.status?.rawValue ?? "a draft"); it must be submitted before it is signed off")
            }
            let sha = AuditLog.sha256(loaded.bytes)
            let lastStep = held.entries.last { Self.statusActions.contains($0.action) }
            guard let lastStep, lastStep.action == "submit", lastStep.fileSHA256 == sha else {
                throw .refused("\(path): the audit log has no submit of the plan as it is now (sha256 \(sha.prefix(12))…); "
                               + "it changed after it was submitted. Return it, or submit it again, before signing")
            }
            let blocking = Workflow.readiness(loaded.result)
            if !blocking.isEmpty { throw .notReady(blocking) }
            let costing = loaded.result.costing ?? Coster.cost(plan)
            var findings = Workflow.signingFindings(plan: plan, costing: costing, signer: signer, policy: policy,
                                                    submitter: lastStep.who)
            if findings.contains(where: { $0.severity == .error }) { throw .notReady(findings.filter { $0.severity == .error }) }
            findings = findings.filter { $0.severity != .error }
            let version = plan.version ?? 1
            let signedPath = self.signedPath(id, version: version)
            guard !AtomicFile.anythingAt(signedPath), !AtomicFile.anythingAt(signedPath + ".minisig") else {
                throw .refused("\(signedPath) (or its .minisig) already exists: a signed record never changes. If version "
                               + "\(version) of \(id) is signed off, edit the plan to start version \(version + 1); if that file is "
                               + "not a real sign-off (see `supportplan verify` and git), remove it and sign again")
            }
            let bytes = Array(try Workflow.setting(status: .signedOff, in: Self.text(loaded)).utf8)
            let claims = SignatureClaims(plan: id, version: version, decision: "approved", signer: signer.name,
                                         role: signer.role, level: signer.level, key: signer.keyID, time: now,
                                         sha256: AuditLog.sha256(bytes), log: held.lastHash)
            let minisig: String
            do {
                minisig = try MinisignSignature.sign(bytes, with: key.secret, keyID: key.keyID, trustedComment: claims.text,
                                                     untrustedComment: "supportplan sign-off of \(id) v\(version)").fileText
            } catch { throw .refused("the signature could not be made: \(error)") }
            try held.append(AuditEntry(time: now, who: signer.name, action: "sign", plan: id, version: version,
                                       fileSHA256: claims.sha256, comment: "key \(signer.keyID), level \(signer.level)"))
            do throws(FileError) {
                try AtomicFile.makeFolder(signedFolder)
                try AtomicFile.writeNew(bytes, to: signedPath, mode: FileModes.signed)
                try AtomicFile.writeNew(Array(minisig.utf8), to: signedPath + ".minisig", mode: FileModes.signed)
                try AtomicFile.write(bytes, to: path, followLinks: false)
            } catch {
                try? held.append(AuditEntry(time: Workflow.timestamp(), who: signer.name, action: "sign-failed", plan: id,
                                            version: version, fileSHA256: claims.sha256,
                                            comment: "the signed record could not be written: \(error.what)"))
                throw .file(error)
            }
            return Signed(signedPath: signedPath, signer: signer, warnings: findings, id: id, version: version)
        }
    }

    /// A plan in a store is a regular file: a symbolic link there (which anyone who can write the
    /// store could plant, or swap in during a step) is refused, and steps replace the file itself.
    static func requireRegular(_ path: String) throws(StoreError) {
        if AtomicFile.isSymbolicLink(path) {
            throw .refused("\(path) is a symbolic link; a plan in a store must be a regular file. Replace the link with the plan itself")
        }
    }

    /// Actions that change a plan's status.
    static let statusActions: Set<String> = ["submit", "return", "withdraw", "sign"]

    static func dates(_ s: Signer) -> String {
        switch (s.from, s.until) {
        case (let f?, let u?): return "from \(f) until \(u)"
        case (let f?, nil): return "from \(f)"
        case (nil, let u?): return "until \(u)"
        case (nil, nil): return "at any time"
        }
    }
}
