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
