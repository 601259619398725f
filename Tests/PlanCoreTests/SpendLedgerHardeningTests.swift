/// The ledger's files against hand edits, bad merges, links and a stopped import: amounts past
/// a statement row's limit, numbers that are not whole, an id twice, lines out of date order,
/// `assigned.yaml` written through a link or left 0666, a linked `spend/` or `spend/ID/`, an
/// entry twice in `assigned.yaml`, and an import that stopped before recording itself.
import Foundation
import Testing
@testable import PlanCore

@Suite struct SpendLedgerHardeningTests {
    func ledger() throws -> SpendLedger { try SpendLedgerTests().ledger() }

    func edit(_ l: SpendLedger, _ change: (inout [String]) -> Void) throws {
        var lines = try String(contentsOfFile: l.transactionsPath, encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try (lines.joined(separator: "\n") + "\n").write(toFile: l.transactionsPath, atomically: true, encoding: .utf8)
    }

    func refusal(_ l: SpendLedger) -> String? {
        do { _ = try l.transactions(); return nil } catch { return error.description }
    }

    @Test func amountsPastTheLimitAreRefusedNotAdded() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        try edit(l) { $0[0] = $0[0].replacingOccurrences(of: "\"amount_pence\":248000", with: "\"amount_pence\":9223372036854775807") }
        #expect(refusal(l) == "\(l.transactionsPath):1:1: error: `amount_pence` is beyond the largest amount a statement row may "
                + "hold (100000000000 pence); the file was changed by hand or merged badly. Restore it from git "
                + "(git checkout -- \(l.transactionsPath)).")
        try edit(l) { $0[0] = $0[0].replacingOccurrences(of: "\"amount_pence\":9223372036854775807", with: "\"amount_pence\":248000")
            $0[1] = $0[1].replacingOccurrences(of: "\"balance_pence\":306750", with: "\"balance_pence\":-9223372036854775808") }
        #expect(refusal(l)?.hasPrefix("\(l.transactionsPath):2:1: error: `balance_pence` is beyond the largest amount") == true)
    }

    @Test func numbersThatAreNotWholeAreRefused() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        try edit(l) { $0[2] = $0[2].replacingOccurrences(of: "\"amount_pence\":-41250", with: "\"amount_pence\":-4.125e4") }
        let p = refusal(l)
        #expect(p?.hasPrefix("\(l.transactionsPath):3:") == true, "\(p ?? "")")
        #expect(p?.contains("a number that is not a whole number") == true)
        try edit(l) { $0[2] = $0[2].replacingOccurrences(of: "\"amount_pence\":-4.125e4", with: "\"amount_pence\":-41250") }
        try edit(l) { $0[3] = $0[3].replacingOccurrences(of: "\"amount_pence\":-1800", with: "\"amount_pence\":-18e2") }
        #expect(refusal(l)?.contains("a number that is not a whole number") == true)
        // e in a string, or in true/false, is not a number.
        #expect(SpendLedger.fractionalNumber(Array("{\"d\":\"1e5 3.5\",\"a\":12,\"b\":false,\"c\":true}".utf8)[...]) == nil)
    }

    @Test func anIdTwiceOrLinesOutOfOrderAreRefused() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        try edit(l) { $0.append($0[0]) }
        #expect(refusal(l)?.hasPrefix("\(l.transactionsPath):8:1: error: the transaction ") == true)
        #expect(refusal(l)?.contains("is in the ledger twice") == true)
        try edit(l) { $0.removeLast(); $0.swapAt(0, 3) }
        #expect(refusal(l)?.hasPrefix("\(l.transactionsPath):2:1: error: the date 2026-04-03 is before the line above's (2026-04-07)") == true)
    }

    @Test func assignedYamlIsNotWrittenThroughALinkAndIs0600() throws {
        let l = try ledger()
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        let id = try l.transactions()[5].id
        let plan = readPlan(try String(contentsOfFile: l.store.planPath(l.planID), encoding: .utf8))
        let outside = NSTemporaryDirectory() + "outside-\(UUID().uuidString).yaml"
        let path = l.folder + "/" + SpendAssignments.fileName
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        try l.assign(id, .notForCare(reason: "a test"), plan: plan)
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(!AtomicFile.isSymbolicLink(path))
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        try l.assign(id, nil, plan: plan)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    @Test(arguments: [false, true])
    func aLinkedSpendFolderIsRefused(planFolder: Bool) throws {
        let l = try ledger()
        let outside = NSTemporaryDirectory() + "outside-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let link = planFolder ? l.folder : l.store.root + "/spend"
        if planFolder { try FileManager.default.createDirectory(atPath: l.store.root + "/spend", withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
        let bytes = try Statements.bytes("starling.csv")
        do {
            try l.importStatement(bytes, name: "starling.csv")
            Issue.record("imported")
        } catch {
            #expect(error.description.hasPrefix("\(link) is a symbolic link, not a folder; the spend folder must be a real folder "
                    + "in the store"))
            #expect(error.description.contains("Remove it (rm \(link))"))
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: outside) == [])
        #expect(throws: StoreError.self) { try l.transactions() }
    }

    @Test func anExistingPlanFolderIsMadePrivate() throws {
        let l = try ledger()
        try FileManager.default.createDirectory(atPath: l.folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: l.folder)
        try l.importStatement(try Statements.bytes("starling.csv"), name: "starling.csv")
        #expect(try FileManager.default.attributesOfItem(atPath: l.folder)[.posixPermissions] as? Int == 0o700)
    }

    @Test func anEntryTwiceInAssignedIsRefused() {
        let text = "assigned:\n  - id: 8047292c5db922fe\n    line: S2\n  - id: 8047292c5db922fe\n    not_for_care: Bank charge\n"
        do { _ = try SpendAssignments.parse(text, path: "assigned.yaml"); Issue.record("read") } catch {
            #expect(error.description == "assigned.yaml:4:5: error: a second entry for 8047292c5db922fe (the first is at line 2); "
                    + "keep one entry per transaction and delete the other")
        }
    }

    @Test func anImportThatStoppedBeforeItsRecordIsRecordedWhenRunAgain() throws {
        let l = try ledger()
        let all = try Statements.bytes("starling.csv")
        try l.importStatement(try SpendLedgerTests().part("starling.csv", rows: 1...3), name: "a.csv", time: "2026-04-20T10:00:00Z")
        try l.importStatement(all, name: "b.csv", time: "2026-04-21T10:00:00Z")
        // As if the program stopped after writing b.csv's rows and before recording it.
        var records = try String(contentsOfFile: l.importsPath, encoding: .utf8).split(separator: "\n")
        records.removeLast()
        try (records.joined(separator: "\n") + "\n").write(toFile: l.importsPath, atomically: true, encoding: .utf8)
        let again = try l.importStatement(all, name: "b.csv", time: "2026-04-22T10:00:00Z")
        #expect(again.added.isEmpty)
        #expect(try l.imports().map(\.file) == ["a.csv", "b.csv"])
        #expect(try l.imports().map(\.rowsAdded) == [3, 4])
        // A third run of the same file adds and records nothing new.
        try l.importStatement(all, name: "b.csv", time: "2026-04-23T10:00:00Z")
        #expect(try l.imports().map(\.rowsAdded) == [3, 4, 0])
    }

    @Test func anUnreadableImportsFileStopsTheImportBeforeAnyRow() throws {
        let l = try ledger()
        try l.importStatement(try SpendLedgerTests().part("starling.csv", rows: 1...3), name: "a.csv", time: "2026-04-20T10:00:00Z")
        let saved = l.importsPath + ".saved"
        try FileManager.default.moveItem(atPath: l.importsPath, toPath: saved)
        try FileManager.default.createDirectory(atPath: l.importsPath, withIntermediateDirectories: false)
        let all = try Statements.bytes("starling.csv")
        #expect(throws: StoreError.self) { try l.importStatement(all, name: "b.csv", time: "2026-04-21T10:00:00Z") }
        #expect(try l.transactions().count == 3)
        try FileManager.default.removeItem(atPath: l.importsPath)
        try FileManager.default.moveItem(atPath: saved, toPath: l.importsPath)
        try l.importStatement(all, name: "b.csv", time: "2026-04-22T10:00:00Z")
        #expect(try l.imports().map(\.rowsAdded) == [3, 4])
    }
}
