/// The easy-read copy's "Your money so far" part: present when the plan has spend data (the
/// young-adult example with its 16-week statement), in plain words with no jargon; absent
/// without it.
import Foundation
import PlanCore
import PlanDocuments
import Testing

@Suite struct EasyReadMoneyTests {
    /// The example's position from its statement, imported into a store in a fresh folder.
    static func report(_ plan: Plan) throws -> SpendReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("easy-read-money-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent("examples/young-adult-pa.yaml"),
                                         to: root.appendingPathComponent("plans/CA-2026-0388.yaml"))
        let ledger = try SpendLedger(store: PlanStore(root: root.path), planID: "CA-2026-0388")
        let bytes = Array(try Data(contentsOf: Fixture.root.appendingPathComponent("examples/statements/young-adult-16-weeks.csv")))
        let imported = try ledger.importStatement(bytes, name: "young-adult-16-weeks.csv")
        return try SpendPosition.compute(plan: plan, transactions: imported.transactions)
    }

    @Test func yourMoneySoFarInPlainWords() throws {
        let (plan, result, _) = try Fixture.example("young-adult-pa")
        let report = try Self.report(plan)
        let html = try Fixture.renderer().render(.easyRead, plan: plan, costing: result.costing!, findings: [],
                                                 signOff: .notSigned, policy: .standard, spend: report)
        let text = RenderTests.visibleText(html)
        #expect(html.contains("<h2>Your money so far</h2>"))
        for line in ["On 23 April 2027 there was £938.95 in your account.",
                     "If you keep spending like this, £912.93 will be left on 3 January 2028, within the 4 weeks you may keep (£2,167.37).",
                     "3 payments do not match your plan yet. Someone needs to say what they paid for."] {
            #expect(text.contains(line), "missing: \(line)")
        }
        #expect(JargonRule.matches(in: text, Policy.defaultJargon).isEmpty,
                "jargon: \(JargonRule.matches(in: text, Policy.defaultJargon).map(\.term))")
        let without = try Fixture.renderer().render(.easyRead, plan: plan, costing: result.costing!, findings: [],
                                                    signOff: .notSigned, policy: .standard)
        #expect(!without.contains("Your money so far"))
    }
}
