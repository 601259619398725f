/// `diff` exits like diff(1) (0 same, 1 different, 2 error) and warns when the ids differ;
/// `--json` on `diff` and `totals`; `totals` fits the terminal's width.
import Foundation
import Testing

@Suite(.serialized) struct DiffTotalsCommandTests {
    let peggyPath = Binary.examples.appendingPathComponent("older-person-home-care.yaml").path
    let calPath = Binary.examples.appendingPathComponent("young-adult-pa.yaml").path

    func variant(_ replacements: [(String, String)]) throws -> String {
        var text = try String(contentsOfFile: peggyPath, encoding: .utf8)
        for (a, b) in replacements {
            #expect(text.contains(a), "the example no longer has \(a)")
            text = text.replacingOccurrences(of: a, with: b)
        }
        let file = try Binary.tempDir().appendingPathComponent("peggy.yaml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func exitStatusSaysWhetherThePlansDiffer() throws {
        let same = try Binary.run(["diff", peggyPath, peggyPath])
        #expect(same.status == 0)
        #expect(same.out.contains("No changes"))
        #expect(same.err.isEmpty)
        // Only comments and layout differ: the same plan.
        let reformatted = try variant([("id: PW-2026-0117", "id: PW-2026-0117   # the council's reference")])
        #expect(try Binary.run(["diff", peggyPath, reformatted]).status == 0)
        // A support line, the budget, a need: each is a difference.
        for change in [("quantity: 5.25", "quantity: 6"), ("  final: 17250.00", "  final: 18000.00")] {
            let r = try Binary.run(["diff", peggyPath, try variant([change])])
            #expect(r.status == 1, "\(change)")
            #expect(!r.out.contains("No changes"))
        }
        // Something outside needs, outcomes, lines and money still differs, and says so.
        let renamed = try variant([("preferred_name: Peggy", "preferred_name: Meg")])
        let other = try Binary.run(["diff", peggyPath, renamed])
        #expect(other.status == 1)
        #expect(other.out.contains("other parts of the plan differ"))
        // A plan that cannot be read: 2.
        let broken = try Binary.tempDir().appendingPathComponent("broken.yaml")
        try "id: [oops\n".write(to: broken, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["diff", peggyPath, broken.path]).status == 2)
        #expect(try Binary.run(["diff", peggyPath, "/nonexistent/plan.yaml"]).status == 2)
    }

    @Test func differentIdsGetAWarning() throws {
        let r = try Binary.run(["diff", peggyPath, calPath])
        #expect(r.status == 1)
        #expect(r.err.contains("warning: the plans have different ids (PW-2026-0117 and CA-2026-0388)"))
        let sameID = try Binary.run(["diff", peggyPath, try variant([("quantity: 5.25", "quantity: 6")])])
        #expect(!sameID.err.contains("different ids"))
    }

    @Test func diffJSON() throws {
        let changed = try variant([("quantity: 5.25", "quantity: 6"), ("  final: 17250.00", "  final: 18000.00")])
        let r = try Binary.run(["diff", "--json", peggyPath, changed])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["old", "new", "same_id", "changed", "other_fields_differ", "sections"])
        #expect(object["changed"] as? Bool == true && object["same_id"] as? Bool == true)
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["title"] as? String } == ["Support lines", "Money"])
        let lineRows = try #require(sections[0]["rows"] as? [[String: Any]])
        #expect(lineRows.first?["id"] as? String == "S1" && lineRows.first?["change"] as? String == "changed")
        let old = try #require(object["old"] as? [String: Any]), new = try #require(object["new"] as? [String: Any])
        let oldTotals = try #require(old["totals"] as? [String: Any]), newTotals = try #require(new["totals"] as? [String: Any])
        #expect(newTotals["budget_final_pence"] as? Int == 1800000 && oldTotals["budget_final_pence"] as? Int == 1725000)
        #expect(try #require(newTotals["recurring_annual_pence"] as? Int) > (try #require(oldTotals["recurring_annual_pence"] as? Int)))
        // The same plan: changed false, exit 0, no sections.
        let same = try Binary.run(["diff", "--json", peggyPath, peggyPath])
        #expect(same.status == 0)
        let s = try #require(try JSONSerialization.jsonObject(with: Data(same.out.utf8)) as? [String: Any])
        #expect(s["changed"] as? Bool == false && (s["sections"] as? [Any])?.isEmpty == true)
    }

    @Test func totalsJSONAgreesWithCheck() throws {
        for path in [peggyPath, calPath] {
            let r = try Binary.run(["totals", "--json", path])
            #expect(r.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["file", "id", "version", "lines", "totals"])
            let totals = try #require(object["totals"] as? [String: Any])
            let check = try #require(try JSONSerialization.jsonObject(with: Data(try Binary.run(["check", "--json", path]).out.utf8))
                as? [String: Any])
            let checkTotals = try #require(check["totals"] as? [String: Any])
            #expect(checkTotals.count >= 9)
            for (key, value) in checkTotals { #expect("\(totals[key] ?? "missing")" == "\(value)", "\(key)") }
            // The lines add up to the totals.
            let lines = try #require(object["lines"] as? [[String: Any]])
            let annual = lines.compactMap { $0["annual_pence"] as? Int }.reduce(0, +)
            let oneOff = lines.compactMap { $0["one_off_pence"] as? Int }.reduce(0, +)
            #expect(annual == checkTotals["recurring_annual_pence"] as? Int)
            #expect(oneOff == checkTotals["one_off_pence"] as? Int)
            #expect(lines.allSatisfy { $0["what"] is String })
        }
        // A plan that cannot be costed: exit 1, totals null, the reason on standard error.
        let uncosted = try variant([("rate: 29.50", "rate: lots")])
        let r = try Binary.run(["totals", "--json", uncosted])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["totals"] is NSNull)
        #expect(r.err.contains("rate"))
    }

    /// The costing table's rows (between the header and the "By funding source" part).
    func tableLines(_ out: String) -> [Substring] {
        out.split(separator: "\n").prefix { !$0.hasPrefix("By funding source") }.filter { $0.hasPrefix("S") || $0.hasPrefix("Line") || $0.hasPrefix("-") }
    }

    @Test func totalsFitsTheWidth() throws {
        let text = try String(contentsOfFile: calPath, encoding: .utf8)
        let longest = text.split(separator: "\n").filter { $0.hasPrefix("    what: ") }.map { $0.dropFirst(10).count }.max() ?? 0
        #expect(longest > 60, "the example has long support descriptions")
        for width in [60, 100, 140, 250] {
            let r = try Binary.run(["totals", calPath], env: ["COLUMNS": String(width)])
            #expect(r.status == 0)
            let rows = tableLines(r.out)
            #expect(rows.count > 3)
            // Every row fits (the What column never goes below 12 characters).
            #expect(rows.allSatisfy { $0.count <= width }, "width \(width): \(rows.map(\.count))")
        }
        // Wide enough: nothing is cut; narrower: cut with an ellipsis, never at a fixed 30.
        let wide = try Binary.run(["totals", calPath], env: ["COLUMNS": "400"])
        #expect(!tableLines(wide.out).contains { $0.contains("…") })
        let hundred = try Binary.run(["totals", calPath], env: ["COLUMNS": "100"])
        let whatWidth = tableLines(hundred.out).first { $0.hasPrefix("----") }.map { $0.split(separator: " ")[1].count }
        #expect(whatWidth != nil && whatWidth! > 30)
        // Not a terminal and no COLUMNS: 80.
        let plain = try Binary.run(["totals", calPath], env: ["COLUMNS": ""])
        #expect(tableLines(plain.out).allSatisfy { $0.count <= 80 })
        #expect(tableLines(plain.out).contains { $0.count > 70 }, "it uses the width it has")
    }
}
