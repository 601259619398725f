/// Issue 13's attacks on sign-off, each tried with its neighbours: forged signers and claims,
/// a bundle's own keys and config, a copied version, ended and replaced signers, a config in
/// plans/, hostile ids, a broken or rewritten audit record, signed records overwritten, and
/// signing bytes that were never submitted. Every one must fail.
import Foundation
import PlanCore
import Synchronization
import Testing

@Suite(.serialized) struct SignOffAttackTests {
    typealias Store = SignOffCommandTests.Store

    func run(_ s: Store, _ args: [String], in dir: URL? = nil) throws -> RunResult {
        try Binary.run(args, in: dir ?? s.root, env: s.env)
    }

    /// A store with Peggy's plan submitted and signed by Ana; returns the signed record's path.
    func signedStore() throws -> (Store, String) {
        let s = try SignOffCommandTests.makeStore()
        #expect(try run(s, ["submit", s.plan("PW-2026-0117")]).status == 0)
        let r = try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"])
        #expect(r.status == 0, "\(r.err)")
        return (s, s.signed("PW-2026-0117"))
    }

    func secretKey(_ s: Store, _ name: String) throws -> SecretKeyFile {
        let text = try String(contentsOfFile: "\(s.keys)/\(name).key", encoding: .utf8)
        return try SecretKeyFile(fileText: text, passphrase: nil)
    }

    /// Writes `bytes` as `path` with a signature by `key` over them with `comment`.
    func forge(_ bytes: [UInt8], at path: String, key: SecretKeyFile, comment: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".minisig")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let sig = try MinisignSignature.sign(bytes, with: key.secret, keyID: key.keyID, trustedComment: comment)
        try sig.fileText.write(toFile: path + ".minisig", atomically: true, encoding: .utf8)
    }

    func claims(_ path: String) throws -> SignatureClaims {
        let sig = try MinisignSignature(fileText: try String(contentsOfFile: path + ".minisig", encoding: .utf8))
        guard case .success(let c) = SignatureClaims.parse(sig.trustedComment) else { throw CancellationError() }
        return c
    }

    @Test func aStrangersKeyClaimingASeniorSignerDoesNotVerify() throws {
        let (s, signed) = try signedStore()
        let stranger = SecretKeyFile.generate(name: "Mallory")
        // Even with its public key dropped into the store's keys/ folder.
        try FileManager.default.createDirectory(at: s.root.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try stranger.publicKey.fileText.write(toFile: s.root.appendingPathComponent("keys/sam-senior.pub").path,
                                              atomically: true, encoding: .utf8)
        var text = try String(contentsOfFile: signed, encoding: .utf8)
        text = text.replacingOccurrences(of: "final: 17250.00", with: "final: 99000.00")
        var c = try claims(signed)
        c.signer = "Sam Senior"; c.role = "head of service"; c.level = "head-of-service"; c.key = stranger.publicKey.keyIDHex
        c.sha256 = AuditLog.sha256(Array(text.utf8))
        let forged = s.signed("PW-2026-0117", 1)
        try FileManager.default.removeItem(atPath: forged)
        try forge(Array(text.utf8), at: forged, key: stranger, comment: c.text)
        let r = try run(s, ["verify", forged])
        #expect(r.status == 1)
        #expect(r.out.contains("error[signature-claim-mismatch]"), "\(r.out)")
        let render = try run(s, ["render", forged, "--as", "text"])
        #expect(!render.out.contains("Signature verified"), "\(render.out)")
    }

    /// A real signer's key claiming any other field: each is named.
    @Test(arguments: ["signer", "role", "level", "plan", "version", "sha256", "time", "log", "decision", "key"])
    func aSignersOwnKeyCannotClaimAnotherField(_ field: String) throws {
        let (s, signed) = try signedStore()
        let ana = try secretKey(s, "ana-lopez")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: signed)))
        var c = try claims(signed)
        switch field {
        case "signer": c.signer = "Raj Patel"
        case "role": c.role = "head of service"
        case "level": c.level = "head-of-service"
        case "plan": c.plan = "CA-2026-0388"
        case "version": c.version = 2
        case "sha256": c.sha256 = String(repeating: "a", count: 64)
        case "time": c.time = "2019-01-01T00:00:00Z"
        case "log": c.log = String(repeating: "b", count: 64)
        case "decision": c.decision = "returned"
        default: c.key = "0000000000000000"
        }
        try FileManager.default.removeItem(atPath: signed)
        try forge(bytes, at: signed, key: ana, comment: c.text)
        // The "time" neighbour needs Ana's dates to start after it.
        if field == "time" {
            #expect(try run(s, ["signer", "add", s.keys + "/ana-lopez.pub", "--name", "Ana Lopez", "--role", "team manager",
                                "--level", "team-manager", "--from", "2020-01-01"]).status == 0)
        }
        let r = try run(s, ["verify", signed])
        #expect(r.status == 1, "\(field): \(r.out)")
        #expect(r.out.contains("error[signature-claim-mismatch]") || r.out.contains("error[signed-plan-changed]"), "\(field): \(r.out)")
        #expect(!r.out.contains("verified:"))
    }

    @Test func quotesInAClaimCannotSmuggleAField() throws {
        let (s, signed) = try signedStore()
        let ana = try secretKey(s, "ana-lopez")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: signed)))
        let c = try claims(signed)
        let comment = c.text.replacingOccurrences(of: "signer=\"Ana Lopez\"", with: "signer=\"Ana Lopez\" signer=\"Raj Patel\"")
        try FileManager.default.removeItem(atPath: signed)
        try forge(bytes, at: signed, key: ana, comment: comment)
        let r = try run(s, ["verify", signed])
        #expect(r.status == 1)
        #expect(r.out.contains("given twice"), "\(r.out)")
    }

    @Test func aBundleBringingItsOwnKeysAndConfigDoesNotVerify() throws {
        let (s, signed) = try signedStore()
        // The attacker's own store: their owner key, their config naming their key "Ana Lopez".
        let evilEnv = ["XDG_CONFIG_HOME": s.root.appendingPathComponent("../evil-cfg").standardized.path]
        let bundle = s.root.deletingLastPathComponent().appendingPathComponent("bundle")
        #expect(try Binary.run(["init", bundle.path, "--owner", "Eve"], env: evilEnv).status == 0)
        try FileManager.default.copyItem(atPath: signed, toPath: bundle.appendingPathComponent("PW-2026-0117-v1.yaml").path)
        try FileManager.default.copyItem(atPath: signed + ".minisig", toPath: bundle.appendingPathComponent("PW-2026-0117-v1.yaml.minisig").path)
        // Verified from inside the bundle by a user who pinned only Sam's key: the bundle's config is not trusted.
        let r = try run(s, ["verify", "PW-2026-0117-v1.yaml"], in: bundle)
        #expect(r.status == 2)
        #expect(r.err.contains("not an owner key you have pinned"), "\(r.err)")
        // Outside any store, verify does not look beside the file.
        let loose = try Binary.run(["verify", signed], in: URL(fileURLWithPath: "/"), env: s.env)
        #expect(loose.status == 2)
        #expect(loose.err.contains("no store here"))
    }

    @Test func aSignedV1CopiedToV2DoesNotVerify() throws {
        let (s, signed) = try signedStore()
        let v2 = s.signed("PW-2026-0117", 2)
        try FileManager.default.copyItem(atPath: signed, toPath: v2)
        try FileManager.default.copyItem(atPath: signed + ".minisig", toPath: v2 + ".minisig")
        let r = try run(s, ["verify", v2])
        #expect(r.status == 1)
        #expect(r.out.contains("file name"), "\(r.out)")
        let other = s.root.appendingPathComponent("signed/CA-2026-0388-v1.yaml").path
        try FileManager.default.copyItem(atPath: signed, toPath: other)
        try FileManager.default.copyItem(atPath: signed + ".minisig", toPath: other + ".minisig")
        #expect(try run(s, ["verify", other]).status == 1)
    }

    @Test func aConfigEditedByHandOrWithASignerRemovedIsNotTrusted() throws {
        let (s, signed) = try signedStore()
        let config = s.root.appendingPathComponent("config.yaml").path
        let original = try String(contentsOfFile: config, encoding: .utf8)
        for edited in [original.replacingOccurrences(of: "level: team-manager", with: "level: head-of-service"),
                       original + "\nallow_self_approval: true\n", String(original.prefix(original.count / 2))] {
            try edited.write(toFile: config, atomically: true, encoding: .utf8)
            let r = try run(s, ["verify", signed])
            #expect(r.status == 2, "\(r.err)")
            #expect(r.err.contains("config.yaml has changed since its owner signed it") || r.err.contains("config.yaml:"), "\(r.err)")
            #expect(try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "raj-patel"]).status == 2)
        }
        try original.write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: config + ".minisig")
        let unsigned = try run(s, ["verify", signed])
        #expect(unsigned.status == 2)
        #expect(unsigned.err.contains("is not signed"), "\(unsigned.err)")
    }

    @Test func anEndedSignerCannotSignAndLaterSignaturesFail() throws {
        let (s, signed) = try signedStore()
        let yesterday = PlanDate.today().adding(days: -1).description
        #expect(try run(s, ["signer", "add", s.keys + "/ana-lopez.pub", "--name", "Ana Lopez", "--role", "team manager",
                            "--level", "team-manager", "--until", yesterday]).status == 0)
        let r = try run(s, ["verify", signed])
        #expect(r.status == 1)
        #expect(r.out.contains("time"), "\(r.out)")
        let cal = s.plan("CA-2026-0388")
        #expect(try run(s, ["submit", cal]).status == 0)
        let refused = try run(s, ["sign", cal, "--key", "ana-lopez"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("may sign in this store only until"), "\(refused.err)")
    }

    @Test func anyoneMakingANewKeyUnderASignersNameSignsNothing() throws {
        let s = try SignOffCommandTests.makeStore()
        #expect(try run(s, ["keygen", "Raj Patel", "--force"]).status == 0)
        #expect(try run(s, ["submit", s.plan("PW-2026-0117")]).status == 0)
        let r = try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "raj-patel"])
        #expect(r.status == 2)
        #expect(r.err.contains("is not one of this store's signers"), "\(r.err)")
        // And only the owner can add signers: Ana's key cannot re-sign the config.
        let add = try run(s, ["signer", "add", s.keys + "/raj-patel.pub", "--name", "Raj Two", "--role", "x",
                              "--level", "head-of-service", "--owner-key", s.keys + "/ana-lopez.key"])
        #expect(add.status == 2)
        #expect(add.err.contains("only the store's owner"), "\(add.err)")
    }

    @Test func aConfigInPlansIsIgnored() throws {
        let s = try SignOffCommandTests.makeStore()
        // Peggy leaves 1.2% unplanned: a 1% underspend limit in plans/config.yaml must not apply.
        try "underspend_percent: 1\nsigners: []\n".write(toFile: s.root.appendingPathComponent("plans/config.yaml").path,
                                                         atomically: true, encoding: .utf8)
        let r = try run(s, ["check", s.plan("PW-2026-0117")], in: s.root.appendingPathComponent("plans"))
        #expect(!r.out.contains("underspend"), "\(r.out)")
        #expect(r.err.contains("this config.yaml is ignored"), "\(r.err)")
        #expect(try run(s, ["submit", s.plan("PW-2026-0117")], in: s.root.appendingPathComponent("plans")).status == 0)
        let signed = try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"], in: s.root.appendingPathComponent("plans"))
        #expect(signed.status == 0, "\(signed.err)")
        #expect(FileManager.default.fileExists(atPath: s.signed("PW-2026-0117")), "the store is the root, not plans/")
    }

    @Test(arguments: ["../../outside/escaped", "CA-2026\\\"x", "A\\nB", "ca-2026-0001", "-START", "A", "A/B", "A.B",
                      String(repeating: "A", count: 41), "A B", "Ä-1"])
    func aBadPlanIDIsAFieldError(_ id: String) throws {
        let s = try SignOffCommandTests.makeStore()
        let plan = s.plan("PW-2026-0117")
        let text = try String(contentsOfFile: plan, encoding: .utf8)
            .replacingOccurrences(of: "id: PW-2026-0117", with: "id: \"\(id)\"")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let check = try run(s, ["check", plan])
        #expect(check.status == 1)
        #expect(check.out.contains("PW-2026-0117.yaml:2:5: error[field-invalid]: "), "\(id): \(check.out)")
        #expect(try run(s, ["submit", plan]).status != 0)
        let outside = s.root.deletingLastPathComponent().appendingPathComponent("outside")
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: s.root.appendingPathComponent("audit").path)) ?? []).isEmpty)
    }

    @Test func aSignedRecordIsNeverReplacedAndOnlySubmittedBytesAreSigned() throws {
        let (s, signed) = try signedStore()
        let before = try Data(contentsOf: URL(fileURLWithPath: signed))
        // Put the plan back to submitted by hand and sign again: the record exists, and no submit of these bytes is logged.
        let plan = s.plan("PW-2026-0117")
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "status: signed-off", with: "status: submitted")
        chmod(plan, 0o600)
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let again = try run(s, ["sign", plan, "--key", "raj-patel"])
        #expect(again.status == 2)
        #expect(again.err.contains("no submit of the plan as it is now"), "\(again.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: signed)) == before)
        // A submitted plan changed afterwards (still saying submitted) is not signed.
        let cal = s.plan("CA-2026-0388")
        #expect(try run(s, ["submit", cal]).status == 0)
        let changed = try String(contentsOfFile: cal, encoding: .utf8).replacingOccurrences(of: "final: 29400.00", with: "final: 29500.00")
        try changed.write(toFile: cal, atomically: true, encoding: .utf8)
        let r = try run(s, ["sign", cal, "--key", "raj-patel"])
        #expect(r.status == 2)
        #expect(r.err.contains("changed after it was submitted"), "\(r.err)")
    }

    @Test func checkReportsASignedOffPlanThatDiffersFromItsRecord() throws {
        let (s, _) = try signedStore()
        let plan = s.plan("PW-2026-0117")
        #expect(try run(s, ["check", plan]).status == 0)
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "final: 17250.00", with: "final: 19250.00")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let r = try run(s, ["check", plan])
        #expect(r.status == 1)
        #expect(r.out.contains("error[signed-plan-changed]"), "\(r.out)")
    }

    @Test func cuttingOrRewritingTheAuditLogIsDetected() throws {
        let (s, signed) = try signedStore()
        let log = s.root.appendingPathComponent("audit/PW-2026-0117.log").path
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // Cut the sign entry off the end.
        try (lines[0] + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        var r = try run(s, ["log"])
        #expect(r.status == 1)
        #expect(r.out.contains("no sign entry for version 1"), "\(r.out)")
        #expect(try run(s, ["verify", signed]).status == 1)
        // Rewrite the whole history with hashes recomputed: a different who, a valid chain.
        var entries: [String] = []
        var previous = AuditLog.genesis
        for line in lines {
            var o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            o["who"] = "someone else"
            o["previous_sha256"] = previous
            let data = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            entries.append(text)
            previous = AuditLog.sha256(Array(text.utf8))
        }
        try (entries.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        r = try run(s, ["log"])
        #expect(r.status == 1)
        #expect(r.out.contains("no longer holds the entry the sign-off was anchored to"), "\(r.out)")
        let v = try run(s, ["verify", signed])
        #expect(v.status == 1)
        #expect(v.out.contains("log"), "\(v.out)")
    }

    @Test func aFailedAppendChangesNothing() throws {
        let s = try SignOffCommandTests.makeStore()
        let plan = s.plan("PW-2026-0117")
        let before = try String(contentsOfFile: plan, encoding: .utf8)
        let audit = s.root.appendingPathComponent("audit").path
        chmod(audit, 0o500)
        defer { chmod(audit, 0o700) }
        guard getuid() != 0 else { return }  // root writes anyway; the broken-chain test covers root
        let r = try run(s, ["submit", plan])
        #expect(r.status == 2)
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == before)
    }

    @Test func concurrentSubmitsOfOnePlanSerialise() throws {
        let s = try SignOffCommandTests.makeStore()
        let plan = s.plan("PW-2026-0117")
        let results = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let r = try? Binary.run(["submit", plan], in: s.root, env: s.env)
            results.withLock { $0.append(r?.status ?? -1) }
        }
        #expect(results.withLock { $0.filter { $0 == 0 }.count } == 1, "exactly one submit wins")
        let log = try run(s, ["log"])
        #expect(log.status == 0, "\(log.out)")
        #expect(log.out.contains("1 plan log, 1 entry"), "\(log.out)")
    }

    @Test func anOldSingleAuditLogIsConvertedOnce() throws {
        let s = try SignOffCommandTests.makeStore()
        var lines: [String] = []
        var previous = AuditLog.genesis
        for (i, id) in ["PW-2026-0117", "CA-2026-0388", "PW-2026-0117"].enumerated() {
            let e = AuditEntry(time: "2026-11-0\(i + 1)T10:00:00Z", who: "old", action: i == 2 ? "return" : "submit", plan: id,
                               version: 1, fileSHA256: String(repeating: "c", count: 64), previous: previous)
            lines.append(e.jsonLine)
            previous = AuditLog.sha256(Array(e.jsonLine.utf8))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: s.root.appendingPathComponent("audit.log").path, atomically: true, encoding: .utf8)
        let r = try run(s, ["log"])
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("2 plan logs, 5 entries"), "\(r.out)")
        #expect(r.out.contains("converted"), "\(r.out)")
        #expect(!FileManager.default.fileExists(atPath: s.root.appendingPathComponent("audit.log").path))
        #expect(try run(s, ["log"]).out.contains("2 plan logs, 5 entries"), "converted once")
    }

    // MARK: The attacker round of 2026-12-02

    @Test func aPlanSignatureCannotStandInForTheConfigs() throws {
        let (s, signed) = try signedStore()
        let config = s.root.appendingPathComponent("config.yaml").path
        // Bytes the owner's key signed with a plan's sign-off comment (as if the owner were a signer).
        let owner = try secretKey(s, "sam-senior-owner")
        var evil = try String(contentsOfFile: config, encoding: .utf8)
        evil = evil.replacingOccurrences(of: "level: team-manager", with: "level: head-of-service")
        var c = try claims(signed)
        c.sha256 = AuditLog.sha256(Array(evil.utf8))
        try FileManager.default.removeItem(atPath: config)
        try forge(Array(evil.utf8), at: config, key: owner, comment: c.text)
        let r = try run(s, ["config", "check"])
        #expect(r.status == 1)
        #expect(r.out.contains("not a store config's signature"), "\(r.out)\(r.err)")
        #expect(try run(s, ["verify", signed]).status == 2)
    }

    @Test func anOlderSignedConfigOrAnotherStoresIsRefused() throws {
        let (s, signed) = try signedStore()
        let config = s.root.appendingPathComponent("config.yaml").path
        let oldConfig = try Data(contentsOf: URL(fileURLWithPath: config))
        let oldSig = try Data(contentsOf: URL(fileURLWithPath: config + ".minisig"))
        #expect(try run(s, ["config", "check"]).status == 0, "the user has now trusted this version")
        // The owner ends Raj; an attacker puts the older signed config back.
        #expect(try run(s, ["signer", "add", s.keys + "/raj-patel.pub", "--name", "Raj Patel", "--role", "service manager",
                            "--level", "service-manager", "--until", "2026-01-01"]).status == 0)
        #expect(try run(s, ["config", "check"]).status == 0)
        try oldConfig.write(to: URL(fileURLWithPath: config))
        try oldSig.write(to: URL(fileURLWithPath: config + ".minisig"))
        let rolled = try run(s, ["verify", signed])
        #expect(rolled.status == 2)
        #expect(rolled.err.contains("older than version"), "\(rolled.err)")
        // Another store of the same owner (also pinned): its signed config copied in is refused.
        let other = s.root.deletingLastPathComponent().appendingPathComponent("other")
        #expect(try Binary.run(["init", other.path, "--owner", "Sam Senior"], env: s.env.merging(
            ["XDG_CONFIG_HOME": s.root.deletingLastPathComponent().appendingPathComponent("cfg2").path]) { $1 }).status == 0)
        #expect(try run(s, ["trust", other.appendingPathComponent("owner.pub").path]).status == 0)
        for name in ["config.yaml", "config.yaml.minisig"] {
            try FileManager.default.removeItem(atPath: s.root.appendingPathComponent(name).path)
            try FileManager.default.copyItem(atPath: other.appendingPathComponent(name).path, toPath: s.root.appendingPathComponent(name).path)
        }
        let foreign = try run(s, ["verify", signed])
        #expect(foreign.status == 2)
        #expect(foreign.err.contains("signed for another store"), "\(foreign.err)")
    }

    @Test func anOwnerKeyCannotBeASigner() throws {
        let s = try SignOffCommandTests.makeStore()
        let r = try run(s, ["signer", "add", s.root.appendingPathComponent("owner.pub").path, "--name", "Sam Senior",
                            "--role", "head of service", "--level", "head-of-service"])
        #expect(r.status == 2)
        #expect(r.err.contains("owner's key"), "\(r.err)")
    }

    @Test func aStoresOwnFoldersAreNeverItsRoot() throws {
        let (s, signed) = try signedStore()
        // A config and plans/ planted inside signed/ and audit/ are not a store: verify from there uses the real one.
        for folder in ["signed", "audit", "plans"] {
            let f = s.root.appendingPathComponent(folder)
            try? FileManager.default.createDirectory(at: f.appendingPathComponent("plans"), withIntermediateDirectories: true)
            try "signers: []\n".write(to: f.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
            let r = try run(s, ["verify", signed], in: f)
            #expect(r.status == 0, "\(folder): \(r.out)\(r.err)")
        }
    }

    @Test func linksPlantedInTheStoreAreNeverWrittenThrough() throws {
        let s = try SignOffCommandTests.makeStore()
        let victim = s.root.deletingLastPathComponent().appendingPathComponent("victim-file").path
        // A plan swapped for a link: every step refuses it, and the link's target is untouched.
        let plan = s.plan("PW-2026-0117")
        let real = s.root.deletingLastPathComponent().appendingPathComponent("real.yaml").path
        try FileManager.default.moveItem(atPath: plan, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: plan, withDestinationPath: real)
        let r = try run(s, ["submit", plan])
        #expect(r.status == 2)
        #expect(r.err.contains("is a symbolic link"), "\(r.err)")
        // A dangling link where the signature will go: refused before anything is logged or written.
        try FileManager.default.removeItem(atPath: plan)
        try FileManager.default.moveItem(atPath: real, toPath: plan)
        #expect(try run(s, ["submit", plan]).status == 0)
        try FileManager.default.createDirectory(at: s.root.appendingPathComponent("signed"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.signed("PW-2026-0117") + ".minisig", withDestinationPath: victim)
        let sign = try run(s, ["sign", plan, "--key", "ana-lopez"])
        #expect(sign.status == 2)
        #expect(!FileManager.default.fileExists(atPath: victim))
        #expect(!FileManager.default.fileExists(atPath: s.signed("PW-2026-0117")))
        #expect(sign.err.contains("already exists"), "\(sign.err)")
        #expect(!(try run(s, ["log"]).out.contains("  sign ")), "the refused sign-off left no entry")
        // A link planted at config.yaml.minisig is replaced, not written through, when the owner signs.
        let sig = s.root.appendingPathComponent("config.yaml.minisig").path
        try FileManager.default.removeItem(atPath: sig)
        try FileManager.default.createSymbolicLink(atPath: sig, withDestinationPath: victim)
        #expect(try run(s, ["config", "sign"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: victim))
    }

    @Test func aForgedSignedOffPlanIsAnErrorInTheList() throws {
        let s = try SignOffCommandTests.makeStore()
        let plan = s.plan("PW-2026-0117")
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "status: draft", with: "status: signed-off")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let r = try run(s, ["list", "--json"])
        let rows = r.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let peggy = rows.first { $0["id"] as? String == "PW-2026-0117" }
        #expect(peggy?["status"] as? String == "signed-off")
        #expect((peggy?["errors"] as? Int ?? 0) >= 1, "\(r.out)")
    }

    @Test func aSignEntryNamingSomeoneElseBreaksTheAnchor() throws {
        let (s, signed) = try signedStore()
        let log = s.root.appendingPathComponent("audit/PW-2026-0117.log").path
        var lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        // Rewrite the sign entry's who (the chain recomputed from there, as an attacker would).
        var o = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        o["who"] = "Raj Patel"
        lines[1] = String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        #expect(try run(s, ["log"]).status == 1)
        #expect(try run(s, ["verify", signed]).status == 1)
    }

    @Test func aGitHookInTheStoreIsNeverRunBySync() throws {
        let s = try SignOffCommandTests.makeStore()
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", s.path]
        try git.run(); git.waitUntilExit()
        let hook = s.root.appendingPathComponent(".git/hooks/pre-commit")
        let marker = s.root.deletingLastPathComponent().appendingPathComponent("hook-ran").path
        try "#!/bin/sh\ntouch \(marker)\n".write(to: hook, atomically: true, encoding: .utf8)
        chmod(hook.path, 0o755)
        _ = try Binary.run(["sync"], in: s.root, env: s.env.merging(["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
                                                                     "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"]) { $1 })
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func aKeySwappedInTheConfigIsShownBeforeTheOwnerSignsAgain() throws {
        let s = try SignOffCommandTests.makeStore()
        let config = s.root.appendingPathComponent("config.yaml").path
        let text = try String(contentsOfFile: config, encoding: .utf8)
        // Ana's entry keeps her key id but gets Mallory's key bytes, a change the key id does not show.
        let mallory = SecretKeyFile.generate(name: "Mallory")
        let ana = try secretKey(s, "ana-lopez")
        let swapped = MinisignPublicKey(keyID: ana.keyID, key: mallory.publicKey.key, comment: "")
        let anaLine = ana.publicKey.base64Line
        #expect(text.contains(anaLine))
        try (text.replacingOccurrences(of: anaLine, with: swapped.base64Line) + "underspend_percent: 12\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let r = try run(s, ["config", "sign"])
        #expect(r.status == 2)
        #expect(r.out.contains("Ana Lopez") && r.err.contains("the signers changed"), "\(r.out)\(r.err)")
        #expect(try run(s, ["verify", s.plan("PW-2026-0117")]).status == 2, "the config is still not trusted")
        // A hand edit that leaves the signers alone is signed.
        try (text + "underspend_percent: 12\n").write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try run(s, ["config", "sign"]).status == 0)
    }
}
