/// `list` (filters, JSON), `config check`, and a store found by walking up from any folder in it.
import Foundation
import Testing

@Suite(.serialized) struct ListConfigTests {
    @Test func listFiltersAndJSON() throws {
        let s = try SignOffCommandTests.makeStore()
        #expect(try Binary.run(["submit", s.plan("CA-2026-0388")], in: s.root, env: s.env).status == 0)
        let all = try Binary.run(["list"], in: s.root.appendingPathComponent("plans"), env: s.env)
        #expect(all.status == 0)
        #expect(all.out.split(separator: "\n").count == 2, "\(all.out)")
        #expect(all.err.contains("2 plans in"), "\(all.err)")
        let submitted = try Binary.run(["list", "--status", "submitted", "--json"], in: s.root, env: s.env)
        let rows = submitted.out.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 1)
        #expect(rows.first??["id"] as? String == "CA-2026-0388")
        #expect(rows.first??["budget_pence"] as? Int == 2_940_000)
        #expect(rows.first??["submitted_at"] is String)
        #expect(try Binary.run(["list", "--status", "nonsense"], in: s.root, env: s.env).status == 2)
        // Peggy's next review is 2027-11-08, Cal's later: a window up to Peggy's date lists only hers.
        let days = PlanDateDays.until("2027-11-08")
        let due = try Binary.run(["list", "--review-due", String(days)], in: s.root, env: s.env)
        #expect(due.out.contains("PW-2026-0117") && !due.out.contains("CA-2026-0388"), "\(due.out)")
        let none = try Binary.run(["list", "--review-due", String(days - 1)], in: s.root, env: s.env)
        #expect(!none.out.contains("PW-2026-0117"), "\(none.out)")
    }

    @Test func configCheckSaysWhetherTheConfigIsTrusted() throws {
        let s = try SignOffCommandTests.makeStore()
        let ok = try Binary.run(["config", "check"], in: s.root, env: s.env)
        #expect(ok.status == 0, "\(ok.out)\(ok.err)")
        #expect(ok.out.contains("2 signers"), "\(ok.out)")
        #expect(ok.out.contains("trusted for sign-off"))
        let stranger = try Binary.run(["config", "check"], in: s.root, env: ["XDG_CONFIG_HOME": s.root.appendingPathComponent("x").path])
        #expect(stranger.status == 1)
        #expect(stranger.out.contains("supportplan trust OWNER.pub"), "\(stranger.out)")
        try "underspend_percent: lots\n".write(to: s.root.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let broken = try Binary.run(["config", "check"], in: s.root, env: s.env)
        #expect(broken.status == 2)
        #expect(broken.err.contains("config.yaml:1:21: error[field-invalid]"), "\(broken.err)")
    }
}

/// Days from today to a date, for review windows.
enum PlanDateDays {
    static func until(_ iso: String) -> Int {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone.current
        let target = f.date(from: iso)!
        let today = f.date(from: f.string(from: Date()))!
        return Int((target.timeIntervalSince(today) / 86_400).rounded())
    }
}

@Suite(.serialized) struct SharedStoreTests {
    func mode(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int }

    @Test func aGroupStoreMakesFilesTheGroupCanUseAndAPrivateOneDoesNot() throws {
        let s = try SignOffCommandTests.makeStore()
        let config = s.root.appendingPathComponent("config.yaml").path
        // Private by default: a new plan 0600, its audit log 0600, the signed record 0400.
        let a = try Binary.run(["new", "--template", "self-written", "--id", "AA-0001"], in: s.root, env: s.env)
        #expect(a.status == 0, "\(a.err)")
        #expect(try mode(s.plan("AA-0001")) == 0o600)
        // The owner turns on group sharing and signs the config again.
        try (try String(contentsOfFile: config, encoding: .utf8) + "shared: group\n").write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"], in: s.root, env: s.env).status == 2,
                "the edited config is not trusted until it is signed again")
        let signedAgain = try Binary.run(["config", "sign"], in: s.root, env: s.env)
        #expect(signedAgain.status == 0, "\(signedAgain.err)")
        let b = try Binary.run(["new", "--template", "self-written", "--id", "BB-0001"], in: s.root, env: s.env)
        #expect(b.status == 0, "\(b.err)")
        #expect(try mode(s.plan("BB-0001")) == 0o660)
        #expect(try Binary.run(["submit", s.plan("PW-2026-0117")], in: s.root, env: s.env).status == 0)
        let signed = try Binary.run(["sign", s.plan("PW-2026-0117"), "--key", "ana-lopez"], in: s.root, env: s.env)
        #expect(signed.status == 0, "\(signed.err)")
        #expect(try mode(s.signed("PW-2026-0117")) == 0o440)
        #expect(try mode(s.root.appendingPathComponent("audit/PW-2026-0117.log").path) == 0o660)
        #expect(try mode(s.keys + "/ana-lopez.key") == 0o600, "secret keys stay private")
        // A bad value is an error at its line and column.
        try (try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "shared: group", with: "shared: everyone"))
            .write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try Binary.run(["config", "check"], in: s.root, env: s.env)
        #expect(bad.status == 2)
        #expect(bad.err.contains("config.yaml:16:9: error[field-invalid]"), "\(bad.err)")
    }

    @Test func initSharedGroupMakesATeamFolder() throws {
        let top = try Binary.tempDir()
        let env = ["XDG_CONFIG_HOME": top.appendingPathComponent("cfg").path]
        let store = top.appendingPathComponent("team").path
        #expect(try Binary.run(["init", store, "--owner", "Sam Senior", "--shared", "group"], env: env).status == 0)
        for folder in ["", "/plans", "/signed", "/audit"] { #expect(try mode(store + folder) == 0o2770, "\(folder)") }
        #expect(try mode(store + "/config.yaml") == 0o660)
        #expect(try mode(top.appendingPathComponent("cfg/supportplan/keys/sam-senior-owner.key").path) == 0o600)
        #expect(try Binary.run(["init", top.appendingPathComponent("x").path, "--owner", "S", "--shared", "world"], env: env).status == 2)
    }
}
