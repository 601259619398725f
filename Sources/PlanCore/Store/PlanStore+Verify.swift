/// Verifying a sign-off: a signature counts only when its key is a signer of the store's
/// signed config (pinned by key id), its time is within that signer's dates, and every field of
/// its trusted comment matches — the plan id and version (the bytes and the file name), the
/// signer's name, role, level and key (the config), the SHA-256 of the bytes, the level covering
/// the plan, and the audit log's anchor (the log still holds the history up to the sign-off).

extension PlanStore {
    public struct Verification: Sendable {
        public var path: String
        public var claims: SignatureClaims?
        public var signer: Signer?
        /// Empty when every claim holds.
        public var findings: [Finding]
        public var verified: Bool { findings.isEmpty }
    }

    /// Checks `path` (a signed record) and its `.minisig` against `config` (which must be
    /// trusted: see `trustedConfig`). Throws only when the files cannot be read.
    public func verify(_ path: String, config: Config) throws(StoreError) -> Verification {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw .file(error) }
        let sigBytes: [UInt8]
        do { sigBytes = try AtomicFile.read(path + ".minisig") } catch {
            throw .refused("\(path).minisig: no signature beside the plan; it has not been signed off")
        }
        return verify(bytes: bytes, signature: sigBytes, path: path, config: config)
    }

    /// The same checks on bytes in memory (`path` names the file, for its name and messages).
    public func verify(bytes: [UInt8], signature sigBytes: [UInt8], path: String, config: Config) -> Verification {
        var out = Verification(path: path, claims: nil, signer: nil, findings: [])
        func changed(_ why: String) -> Verification {
            out.findings.append(Finding(.signedPlanChanged, path: "", position: .start, message: why,
                                        plain: "This signed plan is not exactly what the manager agreed. Do not use it."))
            return out
        }
        func mismatch(_ field: String, _ why: String) {
            out.findings.append(Finding(.signatureClaimMismatch, path: field, position: .start,
                                        message: "the signature's \(field) claim does not hold: \(why)",
                                        plain: "This sign-off does not say truthfully who agreed what. Do not use it."))
        }
        guard case .success(let sigText) = decodeUTF8(sigBytes), let sig = try? MinisignSignature(fileText: sigText) else {
            return changed("\(path).minisig is not a minisign signature")
        }
        guard let signer = config.policy.signers.first(where: { $0.keyID == sig.keyIDHex }) else {
            mismatch("key", "it was signed with key \(sig.keyIDHex), which is not a signer in this store's config")
            return out
        }
        out.signer = signer
        guard let publicKey = try? MinisignPublicKey(base64Line: signer.publicKey) else {
            mismatch("key", "the config's public key for \(signer.name) cannot be read")
            return out
        }
        do { _ = try sig.verify(bytes, keys: [publicKey]) } catch {
            return changed("the bytes or the trusted comment are not what \(signer.name) signed (\(error))")
        }
        let claims: SignatureClaims
        switch SignatureClaims.parse(sig.trustedComment) {
        case .success(let c): claims = c
        case .failure(let p):
            mismatch(p.field, p.why)
            return out
        }
        out.claims = claims
        if claims.key != signer.keyID { mismatch("key", "it names key \(claims.key) but was signed with \(signer.keyID)") }
        if claims.signer != signer.name { mismatch("signer", "it names \"\(PlanID.shown(claims.signer))\" but key \(signer.keyID) is \(signer.name)'s") }
        if claims.role != signer.role { mismatch("role", "it names the role \"\(PlanID.shown(claims.role))\" but \(signer.name) is \(signer.role)") }
        if claims.level != signer.level { mismatch("level", "it names the level \(PlanID.shown(claims.level)) but \(signer.name) signs at \(signer.level)") }
        if claims.decision != "approved" { mismatch("decision", "\(PlanID.shown(claims.decision)) is not a sign-off decision") }
        if let day = Self.claimedDay(claims.time) {
            if !signer.isActive(on: day) { mismatch("time", "\(claims.time) is outside \(signer.name)'s dates as a signer (\(Self.dates(signer)))") }
        } else {
            mismatch("time", "\(PlanID.shown(claims.time)) is not a time like 2026-12-02T10:42:00Z")
        }
        let sha = AuditLog.sha256(bytes)
        if claims.sha256 != sha { mismatch("sha256", "it names \(claims.sha256.prefix(12))… but the file's SHA-256 is \(sha.prefix(12))…") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name != "\(claims.plan)-v\(claims.version).yaml" {
            mismatch("file name", "\(PlanID.shown(name)) is not \(PlanID.shown(claims.plan))-v\(claims.version).yaml")
        }
        let result = Checker.check(bytes: bytes, file: path, policy: config.policy)
        guard let plan = result.plan else {
            mismatch("plan", "the signed file is not a plan")
            return out
        }
        if plan.id != claims.plan { mismatch("plan", "it names \(PlanID.shown(claims.plan)) but the file's id is \(PlanID.shown(plan.id ?? "(none)"))") }
        if (plan.version ?? 1) != claims.version { mismatch("version", "it names version \(claims.version) but the file is version \(plan.version ?? 1)") }
        if plan.status != .signedOff { mismatch("status", "the file says \(plan.status?.rawValue ?? "no status"), not signed-off") }
        let amount = Workflow.authorisationAmount(plan: plan, costing: result.costing ?? Coster.cost(plan))
        if let needed = Workflow.neededLevel(amount, config.policy), let have = config.policy.rank(ofLevel: signer.level),
           let need = config.policy.rank(ofLevel: needed), have < need {
            mismatch("level", "\(signer.name) signs at \(signer.level), but \(amount) needs \(needed) or above")
        }
        if PlanID.isValid(claims.plan), out.findings.isEmpty {
            if let why = anchorProblem(claims) { mismatch("log", why) }
        }
        return out
    }

    /// Why the plan's audit log does not hold the history a signature anchors, or nil.
    func anchorProblem(_ claims: SignatureClaims) -> String? {
        let audit = self.audit(claims.plan)
        guard let reading = try? audit.read() else { return "\(audit.path) cannot be read" }
        if let broken = reading.broken { return "\(audit.path):\(broken.line): the audit log is broken (\(broken.why))" }
        guard let at = claims.log == AuditLog.genesis ? -1 : reading.hashes.firstIndex(of: claims.log) else {
            return "\(audit.path) no longer holds the entry the sign-off was anchored to (\(claims.log.prefix(12))…): "
                + "its history before the sign-off was cut or rewritten"
        }
        let signed = reading.entries[(at + 1)...].contains {
            $0.action == "sign" && $0.version == claims.version && $0.fileSHA256 == claims.sha256 && $0.who == claims.signer
        }
        return signed ? nil : "\(audit.path) has no sign entry for version \(claims.version) after its anchor: the log was cut"
    }

    static func claimedDay(_ time: String) -> PlanDate? {
        let b = Array(time.utf8)
        guard b.count == 20, b[10] == UInt8(ascii: "T"), b[19] == UInt8(ascii: "Z") else { return nil }
        return PlanDate(String(time.prefix(10)))
    }

    // MARK: What a plan file's sign-off status is

    /// For a document or a screen: is this plan signed off, and does it verify? A signed record
    /// (`signed/ID-vN.yaml`) is verified itself; a plan in `plans/` that says signed-off must be
    /// byte for byte its signed record.
    public func signOffStatus(of path: String, bytes: [UInt8], plan: Plan) -> SignOffStatus {
        var record = path
        if !AtomicFile.exists(path + ".minisig") {
            guard plan.status == .signedOff, let id = plan.id, PlanID.isValid(id) else { return .notSigned }
            record = signedPath(id, version: plan.version ?? 1)
            guard (try? AtomicFile.read(record)) == bytes else {
                return .signed(signer: "unknown", role: "", decision: "", time: "", keyID: "",
                               problem: "the plan says signed-off but is not its signed record \(record)")
            }
        }
        let config: Config
        do { config = try trustedConfig() } catch {
            return .signed(signer: "unknown", role: "", decision: "", time: "", keyID: "", problem: "\(error)")
        }
        guard let v = try? verify(record, config: config) else {
            return .signed(signer: "unknown", role: "", decision: "", time: "", keyID: "", problem: "\(record).minisig cannot be read")
        }
        let c = v.claims
        return .signed(signer: v.signer?.name ?? "unknown", role: v.signer?.role ?? "", decision: c?.decision ?? "",
                       time: c?.time ?? "", keyID: v.signer?.keyID ?? "",
                       problem: v.findings.isEmpty ? nil : v.findings.map(\.message).joined(separator: "; "))
    }

    /// `signed-plan-changed` for a plan in `plans/` that says signed-off but is not byte for
    /// byte its signed record.
    public func signedCopyProblem(path: String, bytes: [UInt8], plan: Plan) -> Finding? {
        guard plan.status == .signedOff, isInPlans(path), let id = plan.id, PlanID.isValid(id) else { return nil }
        let record = signedPath(id, version: plan.version ?? 1)
        if (try? AtomicFile.read(record)) == bytes { return nil }
        let why = AtomicFile.exists(record) ? "differs from its signed record \(record)" : "has no signed record (\(record) is missing)"
        return Finding(.signedPlanChanged, path: "status", position: .start,
                       message: "the plan says signed-off but \(why); start a new version instead of changing a signed plan",
                       plain: "This plan says it was agreed, but it is not what the manager agreed.")
    }
}
