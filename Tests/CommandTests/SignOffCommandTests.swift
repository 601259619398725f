/// The sign-off commands end to end in a temporary store: keygen, submit (refused, then
/// accepted), return with reasons, sign (level checks), verify and stock `minisign -V`
/// (every single-byte change caught), log with its chain.
import Foundation
import Testing

@Suite(.serialized) struct SignOffCommandTests {
    /// A store made as a team makes one (scripts/make-test-store): Sam Senior owns it, Ana Lopez
    /// (team manager) and Raj Patel (service manager) are signers, both examples are in plans/.
    struct Store {
        let root: URL
        let env: [String: String]
        var path: String { root.path }
        var keys: String { root.deletingLastPathComponent().appendingPathComponent("cfg/supportplan/keys").path }
        func plan(_ id: String) -> String { root.appendingPathComponent("plans/\(id).yaml").path }
        func signed(_ id: String, _ v: Int = 1) -> String { root.appendingPathComponent("signed/\(id)-v\(v).yaml").path }
    }

    static func makeStore() throws -> Store {
        let top = try Binary.tempDir()
        let root = top.appendingPathComponent("store")
        let env = ["XDG_CONFIG_HOME": top.appendingPathComponent("cfg").path, "USER": "tester"]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [Binary.root.appendingPathComponent("scripts/make-test-store").path, Binary.url.path, root.path]
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "make-test-store failed")
        return Store(root: root, env: env)
    }

    func makeStore() throws -> Store { try Self.makeStore() }

    /// Runs in the store's folder (the store is found by walking up, as git finds .git).
    func run(_ s: Store, _ args: [String]) throws -> RunResult { try Binary.run(args, in: s.root, env: s.env) }

    @Test func keygenWritesA0600SecretAndAMinisignPublicKey() throws {
        let s = try makeStore()
        let secret = s.keys + "/ana-lopez.key"
        #expect((try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int) == 0o600)
        let pub = try String(contentsOfFile: s.keys + "/ana-lopez.pub", encoding: .utf8)
        #expect(pub.hasPrefix("untrusted comment: "))
        #expect(try run(s, ["keygen", "Ana Lopez"]).status == 2, "never overwrites a key")
        chmod(secret, 0o644)
        #expect(try run(s, ["submit", s.plan("PW-2026-0117")]).status == 0)
        let refused = try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("group or others can read this secret key"))
    }

    @Test func aMissingPassphraseFileIsAnErrorNotAnEmptyPassphrase() throws {
        let s = try makeStore()
        let missing = s.root.appendingPathComponent("no-such-passphrase").path
        let r = try run(s, ["keygen", "Sam Lee", "--passphrase", "--passphrase-file", missing])
        #expect(r.status != 0)
        #expect(r.err.contains("\(missing): cannot read the passphrase file"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: s.keys + "/sam-lee.key"))
    }

    @Test func fullCycleWithReturnAndStockMinisign() throws {
        let s = try makeStore()
        let plan = s.plan("PW-2026-0117")
        #expect(try run(s, ["sign", plan, "--key", "ana-lopez"]).err.contains("must be submitted"))
        #expect(try run(s, ["submit", plan]).status == 0)
        let before = try String(contentsOfFile: plan, encoding: .utf8)
        let returned = try run(s, ["return", plan, "--reason", "costs-unclear", "--comment", "Who pays for the key safe?"])
        #expect(returned.status == 0, "\(returned.err)")
        let after = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "status: submitted", with: "status: returned"),
                "returning changes nothing but the status")
        #expect(try run(s, ["return", plan, "--reason", "nope", "--comment", "x"]).status == 2)
        #expect(try run(s, ["submit", plan]).status == 0)
        let signed = try run(s, ["sign", plan, "--key", "ana-lopez"])
        #expect(signed.status == 0, "\(signed.err)")
        let signedPath = s.signed("PW-2026-0117")
        #expect((try FileManager.default.attributesOfItem(atPath: signedPath)[.posixPermissions] as? Int) == 0o400)
        #expect((try FileManager.default.attributesOfItem(atPath: signedPath + ".minisig")[.posixPermissions] as? Int) == 0o400)
        #expect(try String(contentsOfFile: signedPath, encoding: .utf8).contains("\nstatus: signed-off\n"))
        let verified = try run(s, ["verify", signedPath])
        #expect(verified.status == 0)
        #expect(verified.out.contains("verified: PW-2026-0117 version 1 signed off by Ana Lopez (team manager, team-manager)"))
        let pub = s.keys + "/ana-lopez.pub"
        #expect(try Self.minisign(signedPath, pub) == 0, "stock minisign accepts the signature")

        let log = try run(s, ["log", "--store", s.path])
        #expect(log.status == 0)
        #expect(log.out.contains("return    PW-2026-0117 v1  by \(currentLogin())  reasons: costs-unclear  \"Who pays for the key safe?\""),
                "\(log.out)")
        #expect(log.out.contains("1 plan log, 4 entries; every chain intact and every sign-off anchored."), "\(log.out)")

        // Any single changed byte: both our verify and minisign refuse it.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: signedPath)))
        let tamper = s.root.appendingPathComponent("signed")
        let copy = tamper.appendingPathComponent("PW-2026-0117-v1.yaml")
        try FileManager.default.removeItem(atPath: signedPath)
        let positions = Array(Set([0, 1, bytes.count / 2, bytes.count - 1] + stride(from: 7, to: bytes.count, by: bytes.count / 12)))
        for i in positions.sorted() {
            var changed = bytes
            changed[i] ^= 0x20
            try Data(changed).write(to: copy)
            #expect(try run(s, ["verify", copy.path]).status == 1, "byte \(i)")
            #expect(try Self.minisign(copy.path, pub) != 0, "minisign, byte \(i)")
        }
    }

    @Test func signerLevelAndAuthorWarning() throws {
        let s = try makeStore()
        let cal = s.plan("CA-2026-0388")  // £29,400 a year: above the team manager's £25,000
        #expect(try run(s, ["submit", cal]).status == 0)
        let low = try run(s, ["sign", cal, "--key", "ana-lopez"])
        #expect(low.status == 1)
        #expect(low.out.contains("error[signer-level-too-low]"), "\(low.out)")
        #expect(!FileManager.default.fileExists(atPath: s.signed("CA-2026-0388")))
        // The author signing her own plan: refused unless the config allows it.
        #expect(try run(s, ["keygen", "Priya Shah"]).status == 0)
        #expect(try run(s, ["signer", "add", s.keys + "/priya-shah.pub", "--name", "Priya Shah", "--role", "head of service",
                            "--level", "head-of-service"]).status == 0)
        let own = try run(s, ["sign", cal, "--key", "priya-shah"])
        #expect(own.status == 1)
        #expect(own.out.contains("error[approver-is-author]"), "\(own.out)")
        let raj = try run(s, ["sign", cal, "--key", "raj-patel"])
        #expect(raj.status == 0, "\(raj.err)")
    }

    @Test func submitRefusesWithTheReasons() throws {
        let s = try makeStore()
        let plan = s.plan("PW-2026-0117")
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "review:\n  first: 2027-02-08\n  next: 2027-11-08",
                                                                                           with: "review:\n  first: 2027-02-08")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let r = try run(s, ["submit", plan])
        #expect(r.status == 1)
        #expect(r.out.contains("error[review-missing]"))
        #expect(r.out.contains("Not submitted"))
    }

    @Test func brokenAuditChainIsNamed() throws {
        let s = try makeStore()
        let plan = s.plan("PW-2026-0117")
        _ = try run(s, ["submit", plan])
        _ = try run(s, ["return", plan, "--reason", "other", "--comment", "More detail please"])
        _ = try run(s, ["submit", plan])
        let log = s.root.appendingPathComponent("audit/PW-2026-0117.log")
        var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "More detail please", with: "Looks fine")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let r = try run(s, ["log", "--store", s.path])
        #expect(r.status == 1)
        #expect(r.out.contains("PW-2026-0117.log:3:1: error: the audit chain is broken here"), "\(r.out)")
        // Nothing more is added to a broken log, and the plan does not change either.
        let before = try String(contentsOfFile: plan, encoding: .utf8)
        let refused = try run(s, ["return", plan, "--reason", "other", "--comment", "again"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("the audit log is broken"))
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == before)
    }

    @Test func diffBetweenVersions() throws {
        let s = try makeStore()
        let old = s.plan("PW-2026-0117")
        let new = s.root.appendingPathComponent("v2.yaml").path
        let text = try String(contentsOfFile: old, encoding: .utf8)
            .replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "    quantity: 3.5\n", with: "    quantity: 7\n")
        try text.write(toFile: new, atomically: true, encoding: .utf8)
        let r = try run(s, ["diff", old, new])
        #expect(r.status == 1, "diff exits 1 when the plans differ")
        #expect(r.out.contains("PW-2026-0117 version 1 → 2"))
        #expect(r.out.contains("~ S2 cost: £5,383.76 a year → £10,767.53 a year (+£5,383.77); quantity: 3.5 → 7"))
    }

    func currentLogin() -> String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    static func minisign(_ file: String, _ pub: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/minisign")
        p.arguments = ["-Vm", file, "-p", pub, "-q"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
