/// The sign-off commands end to end in a temporary store: keygen, submit (refused, then
/// accepted), return with reasons, sign (level checks), verify and stock `minisign -V`
/// (every single-byte change caught), log with its chain.
import Foundation
import Testing

@Suite(.serialized) struct SignOffCommandTests {
    struct Store {
        let root: URL
        let env: [String: String]
        var path: String { root.path }
        func plan(_ id: String) -> String { root.appendingPathComponent("plans/\(id).yaml").path }
    }

    static let config = """
        signers:
          - key: ana-lopez
            name: Ana Lopez
            role: team manager
            level: team-manager
          - key: raj-patel
            name: Raj Patel
            role: service manager
            level: service-manager
        """

    func makeStore() throws -> Store {
        let root = try Binary.tempDir()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        for (id, example) in [("PW-2026-0117", "older-person-home-care"), ("CA-2026-0388", "young-adult-pa")] {
            try FileManager.default.copyItem(atPath: Binary.examples.appendingPathComponent("\(example).yaml").path,
                                             toPath: root.appendingPathComponent("plans/\(id).yaml").path)
        }
        try Self.config.write(to: root.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let store = Store(root: root, env: ["XDG_CONFIG_HOME": root.appendingPathComponent("cfg").path, "USER": "tester"])
        for name in ["Ana Lopez", "Raj Patel"] {
            let r = try Binary.run(["keygen", name, "--store", root.path], env: store.env)
            #expect(r.status == 0, "\(r.err)")
        }
        return store
    }

    func run(_ s: Store, _ args: [String]) throws -> RunResult { try Binary.run(args, env: s.env) }

    @Test func keygenWritesA0600SecretAndAMinisignPublicKey() throws {
        let s = try makeStore()
        let secret = s.root.appendingPathComponent("cfg/supportplan/keys/ana-lopez.key").path
        #expect((try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int) == 0o600)
        let pub = try String(contentsOfFile: s.root.appendingPathComponent("keys/ana-lopez.pub").path, encoding: .utf8)
        #expect(pub.hasPrefix("untrusted comment: "))
        #expect((try FileManager.default.attributesOfItem(atPath: s.root.appendingPathComponent("keys/ana-lopez.pub").path)[.posixPermissions] as? Int) == 0o600)
        #expect(try run(s, ["keygen", "Ana Lopez", "--store", s.path]).status == 2, "never overwrites a key")
        chmod(secret, 0o644)
        #expect(try run(s, ["submit", s.plan("PW-2026-0117")]).status == 0)
        let refused = try run(s, ["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("group or others can read this secret key"))
    }

    @Test func aMissingPassphraseFileIsAnErrorNotAnEmptyPassphrase() throws {
        let s = try makeStore()
        let missing = s.root.appendingPathComponent("no-such-passphrase").path
        let r = try run(s, ["keygen", "Sam Lee", "--store", s.path, "--passphrase", "--passphrase-file", missing])
        #expect(r.status != 0)
        #expect(r.err.contains("\(missing): cannot read the passphrase file"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: s.root.appendingPathComponent("cfg/supportplan/keys/sam-lee.key").path))
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
        let signedPath = s.root.appendingPathComponent("signed/PW-2026-0117-v1.yaml").path
        #expect((try FileManager.default.attributesOfItem(atPath: signedPath)[.posixPermissions] as? Int) == 0o400)
        #expect((try FileManager.default.attributesOfItem(atPath: signedPath + ".minisig")[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: signedPath, encoding: .utf8).contains("\nstatus: signed-off\n"))
        let verified = try run(s, ["verify", signedPath])
        #expect(verified.status == 0)
        #expect(verified.out.contains("decision=approved signer=\"Ana Lopez\" role=\"team manager\""))
        let pub = s.root.appendingPathComponent("keys/ana-lopez.pub").path
        #expect(try Self.minisign(signedPath, pub) == 0, "stock minisign accepts the signature")

        let log = try run(s, ["log", "--store", s.path])
        #expect(log.status == 0)
        #expect(log.out.contains("return  PW-2026-0117 v1  by tester  reasons: costs-unclear  \"Who pays for the key safe?\""))
        #expect(log.out.contains("4 entries, chain intact."))

        // Any single changed byte: both our verify and minisign refuse it.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: signedPath)))
        let tamper = s.root.appendingPathComponent("tamper/signed")
        try FileManager.default.createDirectory(at: tamper, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: s.root.appendingPathComponent("keys").path,
                                         toPath: s.root.appendingPathComponent("tamper/keys").path)
        let copy = tamper.appendingPathComponent("p.yaml")
        try FileManager.default.copyItem(atPath: signedPath + ".minisig", toPath: copy.path + ".minisig")
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
        #expect(low.err.contains("error[signer-level-too-low]"))
        #expect(!FileManager.default.fileExists(atPath: s.root.appendingPathComponent("signed/CA-2026-0388-v1.yaml").path))
        // The author signing her own plan: a warning, not a refusal.
        let own = try run(s, ["keygen", "Priya Shah", "--store", s.path])
        #expect(own.status == 0)
        try (Self.config + "\n  - key: priya-shah\n    name: Priya Shah\n    role: head of service\n    level: head-of-service\n")
            .write(to: s.root.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let signed = try run(s, ["sign", cal, "--key", "priya-shah"])
        #expect(signed.status == 0, "\(signed.err)")
        #expect(signed.err.contains("warning[approver-is-author]"))
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
        let log = s.root.appendingPathComponent("audit.log")
        var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "More detail please", with: "Looks fine")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let r = try run(s, ["log", "--store", s.path])
        #expect(r.status == 1)
        #expect(r.out.contains("audit.log:3:1: error: the audit chain is broken here"))
    }

    @Test func diffBetweenVersions() throws {
        let s = try makeStore()
        let old = s.plan("PW-2026-0117")
        let new = s.root.appendingPathComponent("plans/v2.yaml").path
        let text = try String(contentsOfFile: old, encoding: .utf8)
            .replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "    quantity: 3.5\n", with: "    quantity: 7\n")
        try text.write(toFile: new, atomically: true, encoding: .utf8)
        let r = try run(s, ["diff", old, new])
        #expect(r.status == 1, "diff exits 1 when the plans differ")
        #expect(r.out.contains("PW-2026-0117 version 1 → 2"))
        #expect(r.out.contains("~ S2 cost: £5,383.76 a year → £10,767.53 a year (+£5,383.77); quantity: 3.5 → 7"))
    }

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
