/// `supportplan spend PLAN` and `spend assign` end to end, on the young-adult example and its
/// 16-week statement (examples/statements/young-adult-16-weeks.csv, Nationwide's layout): the
/// page for people, `--json`, `--as-of`, assigning the three unmatched transactions (kept in
/// spend/ID/assigned.yaml, 0600, and used from then on) and the refusals.
import Foundation
import Testing

@Suite(.serialized) struct SpendPositionCommandTests {
    static let plan = "CA-2026-0388"
    static let statement = Binary.examples.appendingPathComponent("statements/young-adult-16-weeks.csv").path

    /// A store with the young-adult plan and its statement imported.
    func store() throws -> URL {
        let root = try Binary.tempDir()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.examples.appendingPathComponent("young-adult-pa.yaml"),
                                         to: root.appendingPathComponent("plans/\(Self.plan).yaml"))
        let r = try run(root, ["import", Self.plan, Self.statement])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("81 rows from 4 January 2027 to 23 April 2027; 81 added"))
        return root
    }

    func run(_ store: URL, _ args: [String]) throws -> RunResult {
        try Binary.run(["spend"] + args + ["--store", store.path], env: ["XDG_CONFIG_HOME": store.appendingPathComponent("cfg").path])
    }

    func json(_ r: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    /// The statement's story: four council payments of £2,167.37 and £329.00 for the set-up
    /// costs; Lewis paid every Friday, Jade off sick on 12 and 19 March (Kindred Care covered one
    /// evening, £96.00), no pottery at half term (18 February), HMRC's first quarter on 19
    /// April, a Tesco bill paid by mistake and paid back. Closing balance £938.95.
    @Test func thePositionReadsWell() throws {
        let s = try store()
        let r = try run(s, [Self.plan])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("Money so far for CA-2026-0388 (Cal), as of 23 April 2027\n"))
        #expect(r.out.contains("29 Mar – 25 Apr 2027         £2,167.37   £2,221.17       £0.00      £938.95\n"))
        // Jade: 16 Fridays × £134.50 = £2,152.00 planned; 14 paid = £1,883.00.
        #expect(r.out.contains("S2   Jade, my evening and Saturda…       £2,152.00     £1,883.00    -£269.00\n"))
        #expect(r.out.contains("Unmatched (3)"))
        #expect(r.out.contains("warning[spend-unplanned]: 2 payments out, £119.40, pay for nothing in the plan"))
        // Nothing in the plan's JSON is a fraction or a float.
        let j = try json(try run(s, [Self.plan, "--json"]))
        #expect(j["balance_pence"] as? Int == 93_895)
        #expect(j["as_of"] as? String == "2027-04-23")
        let periods = try #require(j["periods"] as? [[String: Any]])
        #expect(periods.map { $0["from"] as? String } == ["2027-01-04", "2027-02-01", "2027-03-01", "2027-03-29"])
        #expect(periods.map { $0["in_pence"] as? Int } == [249_637, 219_077, 216_737, 216_737])
        #expect((periods[0]["by_line"] as? [String: Int])?["S1"] == 107_600)  // 4 × £269.00
        let forecast = try #require(j["forecast"] as? [String: Any])
        // 13 payments in the year (14 dates, capped at 52 ÷ 4), 4 received: 9 × £2,167.37.
        #expect(forecast["payments_to_come_pence"] as? Int == 1_950_633)
        #expect(forecast["reserve_pence"] as? Int == 216_737)
        #expect(forecast["above_reserve_pence"] as? Int == 0)
        #expect(forecast["runs_out_on"] is NSNull)
        #expect((j["unmatched"] as? [[String: Any]])?.map { $0["description"] as? String } == ["TESCO STORES 2231", "D ASHBY", "KINDRED CARE LTD"])
        let findings = try #require(j["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["spend-unplanned"])
        #expect(findings.first?["line"] as? Int == 115)  // `supports:` in the plan
    }

    @Test func assigningTheUnmatchedKeepsTheChoice() throws {
        let s = try store()
        let ids = try #require((try json(try run(s, [Self.plan, "--json"]))["unmatched"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(ids.count == 3)
        let a = try run(s, ["assign", Self.plan, ids[2], "--line", "S2"])
        #expect(a.status == 0, "\(a.err)")
        #expect(a.out == "2027-03-13 KINDRED CARE LTD -£96.00 pays for S2. Kept in spend/CA-2026-0388/assigned.yaml.\n")
        #expect(try run(s, ["assign", Self.plan, ids[0], "--not-for-care", "Bought with the wrong card; paid back"]).status == 0)
        #expect(try run(s, ["assign", Self.plan, ids[1], "--not-for-care", "Donna paying back the Tesco bill"]).status == 0)
        let file = s.appendingPathComponent("spend/\(Self.plan)/assigned.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("  - id: \(ids[2])\n    line: S2\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)

        let j = try json(try run(s, [Self.plan, "--json"]))
        #expect((j["unmatched"] as? [Any])?.isEmpty == true)
        #expect((j["findings"] as? [Any])?.isEmpty == true)
        // Jade's line now has the agency's evening: 1,883.00 + 96.00.
        let s2 = (j["lines"] as? [[String: Any]])?.first { $0["id"] as? String == "S2" }
        #expect(s2?["spent_to_date_pence"] as? Int == 197_900)

        // Importing the statement again keeps the choices.
        #expect(try run(s, ["import", Self.plan, Self.statement]).status == 0)
        #expect((try json(try run(s, [Self.plan, "--json"]))["unmatched"] as? [Any])?.isEmpty == true)

        // --clear takes one back.
        #expect(try run(s, ["assign", Self.plan, ids[2], "--clear"]).status == 0)
        #expect((try json(try run(s, [Self.plan, "--json"]))["unmatched"] as? [Any])?.count == 1)
    }

    @Test func asOfAnEarlierDay() throws {
        let s = try store()
        let j = try json(try run(s, ["show", Self.plan, "--as-of", "2027-01-31", "--json"]))
        #expect(j["as_of"] as? String == "2027-01-31")
        #expect(j["balance_pence"] as? Int == 19_425)
        #expect((j["periods"] as? [Any])?.count == 1)
    }

    @Test func refusals() throws {
        let s = try store()
        let bad = try run(s, ["assign", Self.plan, "0000000000000000", "--line", "S1"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("0000000000000000: no such transaction"))
        let ids = try #require((try json(try run(s, [Self.plan, "--json"]))["unmatched"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        let unpaid = try run(s, ["assign", Self.plan, ids[0], "--line", "S13"])
        #expect(unpaid.err.contains("S13: not a paid line of CA-2026-0388"))
        let both = try run(s, ["assign", Self.plan, ids[0], "--line", "S1", "--not-for-care", "x"])
        #expect(both.status == 2)
        let date = try run(s, [Self.plan, "--as-of", "2027-02-30"])
        #expect(date.err.contains("--as-of 2027-02-30: not a date"))
        #expect(!FileManager.default.fileExists(atPath: s.appendingPathComponent("spend/\(Self.plan)/assigned.yaml").path))
    }

    /// The council's payment (money in) cannot be assigned to a line: it would take the
    /// line's spending below zero.
    @Test func moneyInIsNotAssignedToALine() throws {
        let s = try store()
        let j = try json(try run(s, [Self.plan, "--json"]))
        let money = try #require((j["unmatched"] as? [[String: Any]])?.first { ($0["amount_pence"] as? Int ?? 0) > 0 }?["id"] as? String)
        let r = try run(s, ["assign", Self.plan, money, "--line", "S2"])
        #expect(r.status == 2)
        #expect(r.err.contains("is money in: only money out is assigned to a line"))
        #expect(!FileManager.default.fileExists(atPath: s.appendingPathComponent("spend/\(Self.plan)/assigned.yaml").path))
    }

    /// With no statement imported, `spend`, `spend return` and `spend export` refuse in words
    /// (exit 2), as `render --as spend` does.
    @Test func noStatementIsRefused() throws {
        let root = try Binary.tempDir()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.examples.appendingPathComponent("young-adult-pa.yaml"),
                                         to: root.appendingPathComponent("plans/\(Self.plan).yaml"))
        for args in [[Self.plan], ["return", Self.plan], ["export", Self.plan]] {
            let r = try run(root, args)
            #expect(r.status == 2, "\(args)")
            #expect(r.err.contains("no statement has been imported for CA-2026-0388; run `supportplan spend import CA-2026-0388 STATEMENT.csv` first"), "\(r.err)")
            #expect(r.out.isEmpty)
        }
    }

    /// An --as-of after the statement's last day says where the statement ends.
    @Test func asOfAfterTheStatementSaysWhereItEnds() throws {
        let s = try store()
        let r = try run(s, [Self.plan, "--as-of", "2099-01-01"])
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("The statement ends on 23 April 2027; money after that is not known"))
        #expect(!r.out.contains(" late)"))
        #expect(!r.out.contains("spend-surplus"))
    }

}

/// The council's return and the CSV export of the same statement.
@Suite(.serialized) struct SpendReturnCommandTests {
    @Test func returnAndExport() throws {
        let t = SpendPositionCommandTests()
        let s = try t.store()
        let text = try t.run(s, ["return", SpendPositionCommandTests.plan, "--from", "2027-03-29"])
        #expect(text.status == 0, "\(text.err)")
        // 992.75 at the start of the last period, 2,167.37 in, 2,221.17 out: 938.95.
        #expect(text.out.contains("Balance at the start:         £992.75\n"))
        #expect(text.out.contains("Balance at the end:           £938.95\n"))
        #expect(text.out.contains("Reserve the plan allows:      £2,167.37 (4 weeks of the direct payment)\n"))
        #expect(text.out.contains("2027-04-19  HMRC CUMBERNAULD PAYE             -£337.05  S4: Employer's National Insurance for Lewis (15% of his pay…\n"))
        #expect(text.out.contains("Unplanned items\n\nNone.\n"))
        // A --from after the last day is refused, not a return of one day.
        for args in [["return", SpendPositionCommandTests.plan, "--from", "2027-05-01"],
                     ["export", SpendPositionCommandTests.plan, "--from", "2027-03-01", "--as-of", "2027-02-01"]] {
            let late = try t.run(s, args)
            #expect(late.status == 2, "\(args)")
            #expect(late.err.contains("is after the last day"), "\(late.err)")
        }

        let whole = try t.run(s, ["return", SpendPositionCommandTests.plan, "--as", "markdown"])
        #expect(whole.out.contains("| 2027-02-13 | TESCO STORES 2231 | £23.40 | Not yet explained |\n"))
        let html = try t.run(s, ["return", SpendPositionCommandTests.plan, "--as", "html"])
        #expect(html.out.hasPrefix("<!DOCTYPE html>"))
        #expect(html.out.contains("<td>KINDRED CARE LTD</td><td class=\"n\">-£96.00</td><td>Not yet explained</td>"))

        let csv = try t.run(s, ["export", SpendPositionCommandTests.plan, "--from", "2027-04-19"])
        #expect(csv.out == """
            date,description,amount,kind,line,matched_by,reason,transaction_id\r
            2027-04-19,HMRC CUMBERNAULD PAYE,-337.05,line,S4,payee,,55b361e5a92209fe\r
            2027-04-22,KILN YARD STUDIO,-36.00,line,S11,payee,,22c1004eb243ee24\r
            2027-04-22,NORTHGATE TAXIS,-23.00,line,S12,payee,,7c3c6deecf59dd5a\r
            2027-04-23,LEWIS CARTER WAGES,-269.00,line,S1,payee,,1b65809b7f971621\r
            2027-04-23,JADE MORRIS WAGES,-134.50,line,S2,payee,,f79605753719763f\r
            2027-04-23,NORTHGATE ILC PAYROLL,-14.50,line,S7,payee,,5aabd517c13c859d\r

            """)
    }

    /// The same return through `render FILE --as spend…` and `export FILE --as spend-csv`, for a
    /// plan file in the store; refused in words for a plan outside a store or with no statement.
    @Test func renderAndExportOfThePlanFile() throws {
        let t = SpendPositionCommandTests()
        let s = try t.store()
        let env = ["XDG_CONFIG_HOME": s.appendingPathComponent("cfg").path]
        let file = s.appendingPathComponent("plans/\(SpendPositionCommandTests.plan).yaml").path
        let byID = try t.run(s, ["return", SpendPositionCommandTests.plan])
        let text = try Binary.run(["render", file, "--as", "spend", "--store", s.path], env: env)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out == byID.out)
        let md = try Binary.run(["render", file, "--as", "spend-markdown", "--store", s.path], env: env)
        #expect(md.out == (try t.run(s, ["return", SpendPositionCommandTests.plan, "--as", "markdown"])).out)
        let html = try Binary.run(["render", file, "--as", "spend-html", "--store", s.path], env: env)
        #expect(html.out.hasPrefix("<!DOCTYPE html>"))
        let csv = try Binary.run(["export", file, "--as", "spend-csv", "--store", s.path], env: env)
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out == (try t.run(s, ["export", SpendPositionCommandTests.plan])).out)

        // Outside a store: no statement, said in words, exit 2.
        let outside = try Binary.run(["render", Binary.examples.appendingPathComponent("young-adult-pa.yaml").path, "--as", "spend"], env: env)
        #expect(outside.status == 2)
        #expect(outside.err.contains("not in a store, so it has no statement"))
        // In a store with no statement imported for the plan.
        let empty = try Binary.tempDir()
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.examples.appendingPathComponent("young-adult-pa.yaml"),
                                         to: empty.appendingPathComponent("plans/\(SpendPositionCommandTests.plan).yaml"))
        let none = try Binary.run(["render", empty.appendingPathComponent("plans/\(SpendPositionCommandTests.plan).yaml").path, "--as", "spend",
                                   "--store", empty.path], env: env)
        #expect(none.status == 2)
        #expect(none.err.contains("no statement has been imported for CA-2026-0388"))
        // Standard input has no store.
        let piped = try Binary.run(["export", "-", "--as", "spend-csv"], env: env, stdin: "id: CA-2026-0388\n")
        #expect(piped.status == 2)
        #expect(piped.err.contains("needs the plan's file in a store"))
    }
}
