/// CSV read back with a real CSV reader sums to the `check` totals exactly; JSON validates
/// against docs/plan-export.schema.json; --redact leaves no names.
import CSV
import Foundation
import PlanCore
import Testing

@Suite struct ExportTests {
    @Test(arguments: Fixture.examples)
    func csvSumsEqualTheCheckTotals(_ example: String) throws {
        let (plan, result, _) = try Fixture.example(example)
        let text = PlanExport.csv(PlanExport.csvRows(plan, result.costing!), byteOrderMark: true)
        #expect(text.hasPrefix("\u{FEFF}plan_id,line_id,"))
        let reader = try CSVReader(string: String(text.dropFirst()), hasHeaderRow: true)
        var annual: Int64 = 0, oneOff: Int64 = 0, counted: Int64 = 0, rows = 0
        func pence(_ s: String?) throws -> Int64 {
            guard let s, !s.isEmpty else { return 0 }
            return try Money.parse(s).get().pence
        }
        while let row = reader.next() {
            rows += 1
            #expect(row.count == PlanExport.csvHeader.count)
            #expect(reader["plan_id"] == plan.id)
            annual += try pence(reader["annual"])
            oneOff += try pence(reader["one_off"])
            if reader["counted_against_budget"] == "yes" { counted += try pence(reader["annual"]) }
        }
        let t = try #require(result.totals)
        #expect(rows == plan.supports.count)
        #expect(annual == t.recurringAnnualPence)
        #expect(oneOff == t.oneOffPence)
        #expect(counted == t.countedAgainstBudgetPence)
    }

    @Test func csvQuotesCommasQuotesAndNewlines() throws {
        let text = PlanExport.csv([["a,b", "say \"hi\"", "two\nlines", "£1,234.50", "plain"]], header: false)
        #expect(text == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"£1,234.50\",plain\r\n")
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        #expect(reader.next() == ["a,b", "say \"hi\"", "two\nlines", "£1,234.50", "plain"])
    }

    static func validate(_ json: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(json.load(open(sys.argv[2])), schema)
            print("valid")
            """, Fixture.root.appendingPathComponent("docs/plan-export.schema.json").path, file.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test(arguments: Fixture.examples, [false, true])
    func jsonValidatesAgainstTheSchema(_ example: String, _ redact: Bool) throws {
        let (plan, result, _) = try Fixture.example(example)
        let json = PlanExport.json(redact ? Redaction.redact(plan) : plan, result.costing!, file: "\(example).yaml")
        let (status, output) = try Self.validate(json)
        #expect(status == 0, "\(output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["recurring_annual_pence"] as? Int == Int(result.totals!.recurringAnnualPence))
        let budget = try #require((object["plan"] as? [String: Any])?["budget"] as? [String: Any])
        #expect(budget["final_pence"] as? Int == Int(result.totals!.budgetFinalPence!))
    }

    @Test func schemaRejectsAWrongExport() throws {
        let (status, _) = try Self.validate("{\"file\": 3}")
        #expect(status != 0)
    }

    @Test(arguments: Fixture.examples)
    func redactionLeavesNoNames(_ example: String) throws {
        let (plan, result, _) = try Fixture.example(example)
        var names = [plan.person.name, plan.person.preferredName, plan.author] + plan.plannedWith.map(\.name)
            + plan.supports.map(\.provider)
        names += plan.agreement.copyTo.map { Optional($0) }
        let words = Set(names.compactMap { $0 }.flatMap { $0.split(whereSeparator: { !$0.isLetter }) }
            .map(String.init).filter { $0.count >= 3 && $0.first!.isUppercase && !["Person", "Provider"].contains($0) })
        #expect(words.count > 5)
        let redacted = Redaction.redact(plan)
        let costing = Coster.cost(redacted)
        let outputs = [PlanExport.json(redacted, costing, file: "[file]"), PlanExport.csv(PlanExport.csvRows(redacted, costing)),
                       PlanWriter.write(redacted)]
        for out in outputs {
            let leaked = words.filter { out.contains($0) }
            #expect(leaked.isEmpty, "leaked: \(leaked.sorted())")
        }
        #expect(costing.totals == result.totals, "money is kept")
        #expect(!PlanWriter.write(redacted).contains(plan.person.dateOfBirth!.description))
        #expect(PlanWriter.write(redacted).contains("[date of birth]"))
    }
}
