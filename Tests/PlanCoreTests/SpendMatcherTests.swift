/// Matching a statement to the plan (docs/spend.md, "Matching to the plan"): payee words as
/// whole words in any case, the council's payments by `budget.payer`, a transaction matching
/// two lines left unmatched with a note, and choices in `assigned.yaml` winning and reused.
import Foundation
import Testing
@testable import PlanCore

@Suite struct SpendMatcherTests {
    static let plan = readPlan("""
        format: supportplan/1
        supports:
          - id: S1
            kind: pa
            rate: 15.00
            per: week
            payee: [Ann Patel, "A PATEL"]
          - id: S2
            kind: agency
            rate: 20.00
            per: week
            payee: [KINDRED CARE]
          - id: S3
            kind: informal
            payee: [MUM]
        budget:
          payer: [NORTHGATE COUNCIL]
        """)

    static func t(_ id: String, _ text: String, _ pence: Int64) -> Transaction {
        Transaction(id: id, date: PlanDate("2027-02-01")!, description: text, amountPence: pence, balancePence: nil,
                    sourceSHA256: "x", sourceLine: 2)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String, pence: Int64, match: SpendMatch, source: SpendMatchSource
        var testDescription: String { "\(text) \(pence)" }
    }

    static let cases: [Case] = [
        Case(text: "FPS ANN PATEL WAGES", pence: -15_000, match: .line("S1"), source: .payee),
        Case(text: "fps ann patel", pence: -15_000, match: .line("S1"), source: .payee),  // any case
        Case(text: "To A Patel ref 12", pence: -15_000, match: .line("S1"), source: .payee),
        Case(text: "JOANN PATELS", pence: -15_000, match: .unmatched(note: nil), source: .none),  // not whole words
        Case(text: "Kindred Care Ltd inv 44", pence: -20_000, match: .line("S2"), source: .payee),
        Case(text: "KINDRED CARE refund", pence: 2_000, match: .line("S2"), source: .payee),  // a refund is the line's
        Case(text: "NORTHGATE COUNCIL DP", pence: 66_000, match: .payer, source: .payer),
        // Payer words on money going out are not a payment in: nothing in the plan.
        Case(text: "NORTHGATE COUNCIL PARKING", pence: -500, match: .unmatched(note: nil), source: .none),
        // An unpaid line (no rate) is never matched.
        Case(text: "MUM", pence: -1_000, match: .unmatched(note: nil), source: .none),
        Case(text: "KINDRED CARE FOR ANN PATEL", pence: -20_000,
             match: .unmatched(note: "matches the payee words of S1 and S2: assign it to one"), source: .none),
    ]

    @Test(arguments: cases)
    func matches(_ c: Case) {
        let m = SpendMatcher.match([Self.t("t", c.text, c.pence)], plan: Self.plan, assigned: [:])
        #expect(m.map(\.match) == [c.match])
        #expect(m.map(\.source) == [c.source])
    }

    @Test func assignedChoicesWinAndAreKept() throws {
        let rows = [Self.t("a", "KINDRED CARE FOR ANN PATEL", -20_000), Self.t("b", "TESCO", -1_250),
                    Self.t("c", "FPS ANN PATEL", -15_000), Self.t("d", "SOMETHING", -100)]
        let assigned: [String: Assignment] = ["a": .line("S2"), "b": .notForCare(reason: "Paid by mistake, repaid 3 Feb"),
                                              "c": .line("S2"), "d": .line("S9")]
        let m = SpendMatcher.match(rows, plan: Self.plan, assigned: assigned)
        #expect(m.map(\.match) == [.line("S2"), .notForCare(reason: "Paid by mistake, repaid 3 Feb"), .line("S2"),
                                   .unmatched(note: "assigned to S9, which is not a paid line of the plan")])
        #expect(m.map(\.source) == [.assigned, .assigned, .assigned, .none])

        // Written, read back the same; written again, the same bytes (sorted by id).
        let text = SpendAssignments.render(assigned)
        #expect(try SpendAssignments.parse(text, path: "assigned.yaml") == assigned)
        #expect(text.contains("  - id: b\n    not_for_care: Paid by mistake, repaid 3 Feb\n"))
        #expect(text.range(of: "id: a")!.lowerBound < text.range(of: "id: d")!.lowerBound)

        // Saved in a folder and loaded for a later import: 0600, and the same choices.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spend-assigned-\(UUID().uuidString)/spend/SP-X").path
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try SpendAssignments.save(assigned, folder: folder)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/assigned.yaml")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try SpendAssignments.load(folder: folder) == assigned)
        #expect(try SpendAssignments.load(folder: folder + "-none") == [:])
    }

    @Test func aBadAssignedFileNamesTheLineAndColumn() {
        #expect(throws: SpendAssignmentsError(path: "a.yaml", position: Position(line: 2, column: 5),
                                              problem: "the entry for x needs exactly one of `line:` (a line id) or `not_for_care:` (the reason)")) {
            try SpendAssignments.parse("assigned:\n  - id: x\n    line: S1\n    not_for_care: no\n", path: "a.yaml")
        }
    }
}

/// The store side: the report and assigning through the ledger (what a screen calls).
@Suite struct SpendLedgerPositionTests {
    @Test func reportAndAssignThroughTheLedger() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("spend-ledger-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/plans", withIntermediateDirectories: true)
        let text = try Paths.text(Paths.root.appendingPathComponent("examples/young-adult-pa.yaml"))
        try text.write(toFile: root + "/plans/CA-2026-0388.yaml", atomically: true, encoding: .utf8)
        let plan = readPlan(text)
        let ledger = try SpendLedger(store: PlanStore(root: root), planID: "CA-2026-0388")
        let bytes = Array(try Data(contentsOf: Paths.root.appendingPathComponent("examples/statements/young-adult-16-weeks.csv")))
        try ledger.importStatement(bytes, name: "young-adult-16-weeks.csv")

        let before = try ledger.report(plan: plan)
        #expect(before.asOf == PlanDate("2027-04-23")!)
        #expect(before.balancePence == 93_895)
        #expect(before.unmatched.map(\.transaction.description) == ["TESCO STORES 2231", "D ASHBY", "KINDRED CARE LTD"])
        #expect(before.findings.map(\.rule) == [.spendUnplanned])

        let kindred = before.unmatched[2].transaction.id
        #expect(try ledger.assign(kindred, .line("S2"), plan: plan).amountPence == -9_600)
        #expect(throws: StoreError.self) { try ledger.assign(kindred, .line("S13"), plan: plan) }  // unpaid line
        #expect(throws: StoreError.self) { try ledger.assign("0000000000000000", .line("S2"), plan: plan) }
        #expect(throws: StoreError.self) { try ledger.assign(kindred, .notForCare(reason: "  "), plan: plan) }
        let after = try ledger.report(plan: plan)
        #expect(after.unmatched.count == 2)
        #expect(after.lines.first { $0.id == "S2" }?.spentToDatePence == 197_900)  // 14 × 134.50 + 96.00
        #expect(try ledger.assignments() == [kindred: .line("S2")])
    }
}
