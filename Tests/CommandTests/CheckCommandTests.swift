/// `supportplan check` and `totals` as in shared/spec/cli.md: text and JSON output, exit codes.
import Foundation
import Testing

@Suite(.serialized) struct CheckCommandTests {
    let examples = ["older-person-home-care", "young-adult-pa"].map { Binary.examples.appendingPathComponent("\($0).yaml").path }

    @Test func examplesHaveNoErrors() throws {
        let r = try Binary.run(["check"] + examples)
        #expect(r.status == 0)
        #expect(r.out.contains("older-person-home-care.yaml: 0 errors, 1 warning (1 acknowledged)"))
        // Cal's plan also acknowledges wage-table-ends for Lewis and Jade (no April 2027 rates yet).
        #expect(r.out.contains("young-adult-pa.yaml: 0 errors, 3 warnings (3 acknowledged)"))
    }

    @Test func jsonTotalsEqualTheExamplesREADME() throws {
        let r = try Binary.run(["check", "--json"] + examples)
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        // Commitment per payment (four-weekly): Peggy 17,036.14 × 4 ÷ 52.143 = 1,306.876… → 1,306.88;
        // Cal 28,175.86 ÷ 13 = 2,167.37, all of it council-funded direct payment.
        let expected: [[String: Int]] = [
            ["recurring_annual_pence": 1703614, "recurring_weekly_pence": 32672, "one_off_pence": 7500,
             "counted_against_budget_pence": 1703614, "budget_final_pence": 1725000, "remaining_pence": 21386,
             "commitment_per_payment_pence": 130688, "direct_payment_per_payment_pence": 0],
            ["recurring_annual_pence": 2817586, "recurring_weekly_pence": 54184, "one_off_pence": 32900,
             "counted_against_budget_pence": 2817586, "budget_final_pence": 2940000, "remaining_pence": 122414,
             "commitment_per_payment_pence": 216737, "direct_payment_per_payment_pence": 216737],
        ]
        for (line, want) in zip(lines, expected) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var totals = try #require(object["totals"] as? [String: Any])
            #expect(totals.removeValue(forKey: "payment") as? String == "four-weekly")
            #expect(totals.mapValues { $0 as? Int } == want.mapValues { Optional($0) })
            #expect(Array(object.keys).sorted() == ["file", "findings", "id", "summary", "totals", "version"])
            let summary = try #require(object["summary"] as? [String: Int])
            #expect(summary["errors"] == 0)
            let findings = try #require(object["findings"] as? [[String: Any]])
            for f in findings {
                #expect(Set(f.keys) == ["rule", "severity", "line", "column", "path", "message", "plain", "acknowledged"])
            }
        }
        // Key order as in the spec.
        #expect(lines[0].hasPrefix("{\"file\":"))
        #expect(lines[0].contains("\"totals\":{\"recurring_annual_pence\":1703614,\"recurring_weekly_pence\":32672,"))
    }

    @Test func errorsExitOneAndStrictCountsWarnings() throws {
        let dir = try Binary.tempDir()
        let over = try String(contentsOfFile: examples[0], encoding: .utf8)
            .replacingOccurrences(of: "  final: 17250.00\n  person_contribution: 4395.65\n  council_contribution: 12854.35",
                                  with: "  final: 16000.00\n  person_contribution: 4395.65\n  council_contribution: 11604.35")
        let file = dir.appendingPathComponent("over.yaml").path
        try over.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", file])
        #expect(r.status == 1)
        #expect(r.out.contains("error[over-budget]: the supports cost £17,036.14 a year, £1,036.14 more than the budget of £16,000.00"))
        #expect(r.out.contains("  plain: Your plan costs £1,036.14 a year more than your money."))
        let line = try #require(r.out.split(separator: "\n").first { $0.contains("over-budget") })
        #expect(line.hasPrefix("\(file):"))
        // An unacknowledged warning passes normally and fails with --strict.
        let warn = try String(contentsOfFile: examples[0], encoding: .utf8)
            .replacingOccurrences(of: "acknowledged:\n  - rule: first-review-late", with: "acknowledged:\n  - rule: underspend")
        let warnFile = dir.appendingPathComponent("warn.yaml").path
        try warn.write(toFile: warnFile, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["check", warnFile]).status == 0)
        #expect(try Binary.run(["check", "--strict", warnFile]).status == 1)
        #expect(try Binary.run(["check", "--strict", examples[0]]).status == 0)
    }

    @Test func unparseableFileExitsTwoAndStillGetsItsObject() throws {
        let dir = try Binary.tempDir()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "format: supportplan/1\nid: [oops\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", "--json", bad.path, examples[0]])
        #expect(r.status == 2)
        let first = try #require(r.out.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["totals"] is NSNull)
        #expect(object["id"] is NSNull)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "syntax")
        #expect((findings.first?["line"] as? Int ?? 0) >= 2)
        #expect(r.out.split(separator: "\n").count == 2)
    }

    @Test func folderIsCheckedRecursively() throws {
        let dir = try Binary.tempDir()
        let sub = dir.appendingPathComponent("plans/team-a")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: examples[0], toPath: sub.appendingPathComponent("a.yaml").path)
        try FileManager.default.copyItem(atPath: examples[1], toPath: dir.appendingPathComponent("plans/b.yaml").path)
        try "not: a plan".write(to: dir.appendingPathComponent("plans/notes.txt"), atomically: true, encoding: .utf8)
        try "underspend_percent: 10\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", "--json", dir.path])
        #expect(r.status == 0)
        let files = r.out.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b.yaml", "a.yaml"])
    }

    @Test func badInputExitsTwo() throws {
        let missing = try Binary.run(["check", "/nonexistent/plan.yaml"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("/nonexistent/plan.yaml"))
        let option = try Binary.run(["check", "--frobnicate", examples[0]])
        #expect(option.status == 2)
        #expect(option.err.contains("--frobnicate"))
        #expect(try Binary.run(["--version"]).status == 0)
        #expect(try Binary.run(["--help"]).out.contains("check"))
    }

    @Test func storeConfigChangesThresholds() throws {
        let store = try Binary.tempDir()
        try FileManager.default.createDirectory(at: store.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = store.appendingPathComponent("plans/peggy.yaml").path
        try FileManager.default.copyItem(atPath: examples[0], toPath: plan)
        // Peggy leaves £213.86 of £17,250 unplanned (1.2%): with a 1% limit that is an underspend.
        try "underspend_percent: 1\n".write(to: store.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let near = try Binary.run(["check", plan])
        #expect(near.out.contains("warning[underspend]"))
        let explicit = try Binary.run(["check", "--store", "/nonexistent-store", plan])
        #expect(!explicit.out.contains("underspend"))
        try "underspend_percent: lots\n".write(to: store.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let broken = try Binary.run(["check", plan])
        #expect(broken.status == 2)
        #expect(broken.err.contains("config.yaml:1:21: error[field-invalid]"))
    }

    @Test func totalsTable() throws {
        let r = try Binary.run(["totals", examples[0]])
        #expect(r.status == 0)
        for expected in ["S1    Morning visit", "£8,075.65", "£154.88", "£326.72  £17,036.14   £75.00",
                         "council  £15,787.42", "Budget (final)                £17,250.00 a year",
                         "Remaining                        £213.86 a year", "adds up to £326.73",
                         "Commitment every 4 weeks              £1,306.88", "Costed over 2026-12-10 to 2027-12-09"] {
            #expect(r.out.contains(expected), "missing: \(expected)\n\(r.out)")
        }
    }
}
