/// `supportplan new`: each template makes a plan that checks with only the findings that say
/// what is still to fill in, written 0600, never over an existing file.
import Foundation
import Testing

@Suite(.serialized) struct NewCommandTests {
    /// Findings that tell the person what is still to fill in.
    static let fillIn: Set<String> = [
        "needs-missing", "need-eligibility-missing", "outcome-missing", "budget-missing", "advice-missing",
        "agreement-missing", "review-missing", "first-review-late", "contingency-missing",
        // The PA's date of birth is to fill in; the minimum wage table ends before a year from today.
        "pa-date-of-birth-missing", "wage-table-ends",
    ]

    @Test(arguments: ["older-person-home-care", "young-adult-pa", "self-written"])
    func templateNeedsOnlyFillingIn(_ name: String) throws {
        let dir = try Binary.tempDir()
        let file = dir.appendingPathComponent("\(name).yaml").path
        let made = try Binary.run(["new", "--template", name, "-o", file])
        #expect(made.status == 0, "\(made.err)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let r = try Binary.run(["check", "--json", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let rules = Set((object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(!rules.isEmpty)
        #expect(rules.isSubset(of: NewCommandTests.fillIn), "unexpected: \(rules.subtracting(NewCommandTests.fillIn))")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let today = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        let stamp = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
        #expect(text.contains("\ncreated: \(stamp)\n") && text.contains("\nupdated: \(stamp)\n"))
        #expect(!text.contains("id: NEW"))
        #expect(text.contains("# "), "the template's prompts are kept")
    }

    @Test func editWithAMissingTemplateWritesNothing() throws {
        let dir = try Binary.tempDir()
        let file = dir.appendingPathComponent("p.yaml").path
        let r = try Binary.run(["edit", "--template", "no-such-template", file])
        #expect(r.status != 0)
        #expect(r.err.contains("no template 'no-such-template' to start \(file) from"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: file), "no empty plan left behind")
    }

    @Test func refusesToOverwriteAndNamesTemplates() throws {
        let dir = try Binary.tempDir()
        let file = dir.appendingPathComponent("p.yaml").path
        #expect(try Binary.run(["new", "--template", "self-written", "-o", file, "--id", "AB-1"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\nid: AB-1\n"))
        let again = try Binary.run(["new", "--template", "self-written", "-o", file])
        #expect(again.status == 2)
        #expect(again.err.contains("already exists"))
        let unknown = try Binary.run(["new", "--template", "nope", "-o", dir.appendingPathComponent("q.yaml").path])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("older-person-home-care, self-written, young-adult-pa"))
    }

    @Test func withoutOutputItGoesIntoTheStore() throws {
        let store = try Binary.tempDir()
        let r = try Binary.run(["new", "--template", "self-written", "--id", "ZZ-9", "--store", store.path])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("plans/ZZ-9.yaml").path))
    }
}
