/// `supportplan spend import` end to end: a statement into a store's ledger, the same again
/// (nothing added), standard input, a rules file, JSON, and refusals with exit code 2 and
/// `file:line:column` on standard error.
import Foundation
import Testing

@Suite(.serialized) struct SpendCommandTests {
    static let plan = "CA-2026-0388"
    static let statements = Binary.examples.appendingPathComponent("statements")

    /// A store with the young-adult example plan, and a private config folder.
    func store() throws -> URL {
        let root = try Binary.tempDir()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.examples.appendingPathComponent("young-adult-pa.yaml"),
                                         to: root.appendingPathComponent("plans/\(Self.plan).yaml"))
        return root
    }

    func run(_ store: URL, _ args: [String], stdin: String? = nil) throws -> RunResult {
        try Binary.run(["spend"] + args + ["--store", store.path], env: ["XDG_CONFIG_HOME": store.appendingPathComponent("cfg").path],
                       stdin: stdin)
    }

    @Test func importThenImportAgain() throws {
        let s = try store()
        let file = Self.statements.appendingPathComponent("lloyds.csv").path
        let first = try run(s, ["import", Self.plan, file])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "Imported \(file) (Lloyds, newest first) into CA-2026-0388: 7 rows from 1 April 2026 to 17 April 2026; "
                + "7 added. Every row agrees with the statement's balance.\n")
        let again = try run(s, ["import", Self.plan, file])
        #expect(again.status == 0)
        #expect(again.out.contains("; 0 added, 7 already in the ledger."))
        let ledger = s.appendingPathComponent("spend/\(Self.plan)/transactions.jsonl")
        #expect(try String(contentsOf: ledger, encoding: .utf8).split(separator: "\n").count == 7)
        let mode = try FileManager.default.attributesOfItem(atPath: ledger.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func standardInputAndJSON() throws {
        let s = try store()
        let text = try String(contentsOf: Self.statements.appendingPathComponent("starling.csv"), encoding: .utf8)
        let r = try run(s, ["import", Self.plan, "-", "--json"], stdin: text)
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "<stdin>")
        #expect(object["layout"] as? String == "Starling")
        #expect(object["order"] as? String == "oldest-first")
        #expect(object["balance_checked"] as? Bool == true)
        #expect(object["rows_read"] as? Int == 7)
        #expect(object["rows_added"] as? Int == 7)
        #expect((object["added"] as? [String])?.count == 7)
        #expect(object["from"] as? String == "2026-04-01")
        #expect(object["to"] as? String == "2026-04-17")
    }

    @Test func aRulesFile() throws {
        let s = try store()
        let r = try run(s, ["import", Self.plan, Self.statements.appendingPathComponent("prepaid-card.csv").path,
                            "--rules", Self.statements.appendingPathComponent("prepaid-card.yaml").path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(Acme prepaid card, oldest first)"))
        let bad = try Binary.tempDir().appendingPathComponent("bad.yaml")
        try "date: Posted\ndate_format: DD-MM-YYYY\ndescription: Merchant\nammount: Spent\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try run(s, ["import", Self.plan, Self.statements.appendingPathComponent("prepaid-card.csv").path, "--rules", bad.path])
        #expect(refused.status == 2)
        #expect(refused.err.hasPrefix("\(bad.path):4:1: error: `ammount` is not a rules-file key"))
    }

    @Test func refusedFilesExit2AndNameTheirPlace() throws {
        let s = try store()
        let dir = try Binary.tempDir()
        let unknown = dir.appendingPathComponent("card.csv")
        try "When,What,How much\n01/04/2026,Shop,-1.00\n".write(to: unknown, atomically: true, encoding: .utf8)
        let r = try run(s, ["import", Self.plan, unknown.path])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("\(unknown.path):1:1: error: this is not a statement layout the program knows"))
        #expect(r.err.contains("--rules FILE"))
        #expect(r.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: s.appendingPathComponent("spend/\(Self.plan)/transactions.jsonl").path))
        // A plan that is not in the store, and an id that is not one.
        let missing = try run(s, ["import", "CA-2026-9999", Self.statements.appendingPathComponent("lloyds.csv").path])
        #expect(missing.status == 2)
        #expect(missing.err.hasPrefix("CA-2026-9999: there is no such plan in the store"))
        let badID = try run(s, ["import", "../x", Self.statements.appendingPathComponent("lloyds.csv").path])
        #expect(badID.status == 2)
        #expect(badID.err.hasPrefix("../x: not a plan id"))
        // A statement that is not there.
        let gone = try run(s, ["import", Self.plan, dir.appendingPathComponent("gone.csv").path])
        #expect(gone.status == 2)
        #expect(gone.err.contains("gone.csv: cannot be read"))
    }

    @Test func aFileNameWithALineBreakIsShownVisibly() throws {
        let s = try store()
        let dir = try Binary.tempDir()
        let file = dir.appendingPathComponent("april\nforged.csv")
        try FileManager.default.copyItem(at: Self.statements.appendingPathComponent("lloyds.csv"), to: file)
        let r = try run(s, ["import", Self.plan, file.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("Imported \(dir.path)/april^Jforged.csv (Lloyds, newest first) into CA-2026-0388: 7 rows"))
        #expect(r.out.split(separator: "\n").count == 1)
    }

    @Test func aLinkedSpendFolderIsRefusedAndNothingWrittenOutside() throws {
        let s = try store()
        let outside = try Binary.tempDir()
        try FileManager.default.createSymbolicLink(at: s.appendingPathComponent("spend"), withDestinationURL: outside)
        let r = try run(s, ["import", Self.plan, Self.statements.appendingPathComponent("starling.csv").path])
        #expect(r.status == 2)
        #expect(r.err.contains("is a symbolic link, not a folder; the spend folder must be a real folder in the store"), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
    }
}
