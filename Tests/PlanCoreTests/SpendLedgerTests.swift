/// The ledger in the store (`spend/ID/`): imports add each row once (re-imports, overlapping
/// statements, identical payments on one day), newest-first and oldest-first statements give
/// the same ledger, a refused file changes nothing, the files are 0600 and the plan must exist.
import Foundation
import Testing
@testable import PlanCore

@Suite struct SpendLedgerTests {
    static let plan = "CA-2026-0388"

    /// A store holding the young-adult example plan.
    func store() throws -> PlanStore {
        let root = NSTemporaryDirectory() + "spend-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/plans", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.root.appendingPathComponent("examples/young-adult-pa.yaml").path,
                                         toPath: root + "/plans/\(Self.plan).yaml")
        return PlanStore(root: root, user: UserFolders(config: root + "/user"))
    }

    func ledger() throws -> SpendLedger { try SpendLedger(store: try store(), planID: Self.plan) }

    /// The statement's lines 1 (the header) and `rows` (1-based data rows).
    func part(_ file: String, rows: ClosedRange<Int>) throws -> [UInt8] {
        let lines = try Statements.text(file).split(separator: "\n").map(String.init)
        return Array(([lines[0]] + lines[rows]).joined(separator: "\n").utf8)
    }

    @Test func reimportingAddsNothing() throws {
        let l = try ledger()
        let first = try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv", time: "2026-04-20T10:00:00Z")
        #expect(first.record.rowsRead == 7 && first.record.rowsAdded == 7)
        let again = try l.importStatement(try Statements.bytes("starling.csv"), name: "april.csv", time: "2026-04-21T10:00:00Z")
        #expect(again.record.rowsAdded == 0)
        #expect(again.added.isEmpty)
        #expect(try l.transactions().count == 7)
        let imports = try l.imports()
        #expect(imports.map(\.file) == ["starling.csv", "april.csv"])
        #expect(imports.map(\.rowsAdded) == [7, 0])
        #expect(imports.map(\.rowsRead) == [7, 7])
        #expect(imports[0].sha256 == AuditLog.sha256(try Statements.bytes("starling.csv")))
        #expect(imports[0].layout == "Starling")
        #expect(imports[1].time == "2026-04-21T10:00:00Z")
    }

    @Test func identicalPaymentsOnOneDayAreTwoTransactions() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("lloyds.csv"), name: "lloyds.csv")
        let kept = try l.transactions()
        let wages = kept.filter { $0.date == PlanDate("2026-04-03") }
        #expect(wages.count == 2)
        #expect(wages[0].id != wages[1].id)
        #expect(wages[0].id == SpendLedger.id(date: PlanDate("2026-04-03")!, amountPence: -41250, description: "G FENWICK WAGES", occurrence: 0))
        #expect(wages[1].id == SpendLedger.id(date: PlanDate("2026-04-03")!, amountPence: -41250, description: "G FENWICK WAGES", occurrence: 1))
        #expect(Set(kept.map(\.id)).count == 7)
        #expect(kept.allSatisfy { $0.id.count == 16 && $0.id.allSatisfy(\.isHexDigit) })
        // The balance after each row is kept, and where the row came from.
        #expect(wages.map(\.balancePence) == [306750, 265500])
        #expect(wages.map(\.sourceLine) == [7, 6])
        #expect(wages[0].sourceSHA256 == AuditLog.sha256(try Statements.bytes("lloyds.csv")))
    }

    @Test func overlappingStatementsAddOnlyWhatIsNew() throws {
        let l = try ledger()
        // 1–10 April, then 3–17 April: five days in both.
        let a = try l.importStatement(try part("starling.csv", rows: 1...5), name: "a.csv")
        let b = try l.importStatement(try part("starling.csv", rows: 2...7), name: "b.csv")
        #expect(a.record.rowsAdded == 5)
        #expect(b.record.rowsRead == 6 && b.record.rowsAdded == 2)
        let whole = try ledger()
        try whole.importStatement(try Statements.bytes("starling.csv"), name: "whole.csv")
        #expect(try l.transactions().map(\.id) == whole.transactions().map(\.id))
    }

    @Test func aStatementCutMidDayAddsTheSecondIdenticalPaymentLater() throws {
        // The first statement was exported after one of 3 April's two wage payments.
        let l = try ledger()
        try l.importStatement(try part("starling.csv", rows: 1...2), name: "a.csv")
        let b = try l.importStatement(try part("starling.csv", rows: 2...7), name: "b.csv")
        #expect(b.record.rowsAdded == 5)
        let kept = try l.transactions()
        #expect(kept.count == 7)
        #expect(kept.map(\.amountPence) == Statements.expected.map(\.1))
        #expect(kept.map(\.balancePence) == Statements.expected.map { $0.2 })
    }

    @Test func newestFirstAndOldestFirstGiveTheSameLedger() throws {
        let newest = try ledger(), oldest = try ledger()
        try newest.importStatement(try Statements.bytes("lloyds.csv"), name: "lloyds.csv")
        var lines = try Statements.text("lloyds.csv").split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        try oldest.importStatement(Array(([header] + lines.reversed()).joined(separator: "\n").utf8), name: "reversed.csv")
        let a = try newest.transactions(), b = try oldest.transactions()
        #expect(a.map(\.id) == b.map(\.id))
        #expect(a.map(\.balancePence) == b.map(\.balancePence))
        #expect(a.map { "\($0.date)" } == Statements.expected.map(\.0))
    }

    @Test func aRefusedFileChangesNothing() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        let before = try Data(contentsOf: URL(fileURLWithPath: l.transactionsPath))
        let importsBefore = try Data(contentsOf: URL(fileURLWithPath: l.importsPath))
        // A later statement whose last row's balance is wrong: its good rows are not imported either.
        let text = "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes\n"
            + "24/04/2026,G Fenwick,WAGES,FASTER PAYMENT,-412.50,1376.10,,\n"
            + "25/04/2026,Shop,X,CARD,-1.00,1375.00,,\n"
        #expect(throws: StoreError.self) { try l.importStatement(Array(text.utf8), name: "bad.csv") }
        do { try l.importStatement(Array(text.utf8), name: "bad.csv") } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.hasPrefix("bad.csv:3:30: error: the balance does not add up"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: l.transactionsPath)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: l.importsPath)) == importsBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: l.folder).sorted() == ["imports.jsonl", "transactions.jsonl"])
    }

    @Test func filesAre0600AndTheFolder0700() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("monzo.csv"), name: "monzo.csv")
        func mode(_ p: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? Int ?? -1 }
        #expect(try mode(l.transactionsPath) == 0o600)
        #expect(try mode(l.importsPath) == 0o600)
        #expect(try mode(l.folder) == 0o700)
        #expect(l.folder == l.store.root + "/spend/CA-2026-0388")
    }

    @Test func theLedgerFilesAsWritten() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("barclays.csv"), name: "barclays.csv", time: "2026-04-20T10:00:00Z")
        let lines = try String(contentsOfFile: l.transactionsPath, encoding: .utf8).split(separator: "\n")
        let sha = AuditLog.sha256(try Statements.bytes("barclays.csv"))
        let id = SpendLedger.id(date: PlanDate("2026-04-01")!, amountPence: 248000, description: "NORTHSHIRE CC DIRECT PAYMENT APR", occurrence: 0)
        #expect(lines.count == 7)
        #expect(lines[0] == "{\"id\":\"\(id)\",\"date\":\"2026-04-01\",\"description\":\"NORTHSHIRE CC DIRECT PAYMENT APR\","
                + "\"amount_pence\":248000,\"balance_pence\":null,\"source_sha256\":\"\(sha)\",\"source_line\":8}")
        #expect(try String(contentsOfFile: l.importsPath, encoding: .utf8) == "{\"file\":\"barclays.csv\",\"sha256\":\"\(sha)\","
                + "\"time\":\"2026-04-20T10:00:00Z\",\"layout\":\"Barclays\",\"rows_read\":7,\"rows_added\":7}\n")
    }

    @Test func aDamagedLedgerNamesItsLine() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        var text = try String(contentsOfFile: l.transactionsPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"amount_pence\":-1800", with: "\"amount_pence\":\"-18.00\"")
        try text.write(toFile: l.transactionsPath, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try l.transactions() }
        do { _ = try l.transactions() } catch {
            #expect(error.description.hasPrefix("\(l.transactionsPath):4:1: error: this line is not what the ledger writes (`amount_pence` is not valid)"))
        }
    }

    @Test func thePlanMustBeInTheStore() throws {
        let s = try store()
        #expect(throws: StoreError.self) { try SpendLedger(store: s, planID: "../etc") }
        do { _ = try SpendLedger(store: s, planID: "CA-2026-9999") } catch {
            #expect(error.description.hasPrefix("CA-2026-9999: there is no such plan in the store"))
        }
        do { _ = try SpendLedger(store: s, planID: "../etc") } catch {
            #expect(error.description.hasPrefix("../etc: not a plan id"))
        }
        #expect(!FileManager.default.fileExists(atPath: s.root + "/spend"))
    }

    @Test func everyLayoutImportsIntoTheLedger() throws {
        for file in ["lloyds.csv", "nationwide.csv", "natwest.csv", "barclays.csv", "monzo.csv", "starling.csv"] {
            let l = try ledger()
            let r = try l.importStatement(try Statements.bytes(file), name: file)
            #expect(r.record.rowsAdded == 7, "\(file)")
            #expect(try l.transactions().map(\.amountPence) == Statements.expected.map(\.1), "\(file)")
        }
        let l = try ledger()
        let r = try l.importStatement(try Statements.bytes("prepaid-card.csv"), name: "prepaid-card.csv", rules: try Statements.rules())
        #expect(r.record.layout == "Acme prepaid card" && r.record.rowsAdded == 7)
    }
}
