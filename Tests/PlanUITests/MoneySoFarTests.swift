/// The "Money so far" screen on the young-adult example and its 16-week statement
/// (examples/statements/young-adult-16-weeks.csv) imported into a store: the whole screen at
/// 80×24, two unmatched transactions assigned by keys (a line from the picker, and "not for
/// care" with a reason) and `assigned.yaml` then holding them, plain words, the help, and the
/// smallest and a large screen with nothing cut without `…`.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@MainActor @Suite(.serialized) struct MoneySoFarTests {
    static let planID = "CA-2026-0388"

    /// A store in a fresh folder holding the example plan, with the statement imported.
    static func store() throws -> (PlanStore, Plan) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("money-so-far-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let store = PlanStore(root: root.path)
        let plan = Driver.root.appendingPathComponent("examples/young-adult-pa.yaml")
        try FileManager.default.copyItem(atPath: plan.path, toPath: store.planPath(planID))
        let statement = Driver.root.appendingPathComponent("examples/statements/young-adult-16-weeks.csv")
        let bytes = Array(try Data(contentsOf: statement))
        _ = try SpendLedger(store: store, planID: planID).importStatement(bytes, name: "young-adult-16-weeks.csv")
        let loaded = try store.load(store.planPath(planID), policy: .standard)
        return (store, loaded.plan)
    }

    /// The session and its first state at a size.
    static func open(_ size: Size = Size(width: 80, height: 24), plain: Bool = false) throws -> (MoneySoFarSession, MoneySoFarState, PlanStore) {
        let (store, plan) = try store()
        let session = MoneySoFarSession(store: store, planID: planID, plan: plan, policy: .standard)
        var state = try session.open(plainLanguage: plain).get()
        _ = MoneySoFarProgram.reduce(&state, .resize(size))
        return (session, state, store)
    }

    /// Keys as the loop sends them: event → action → reduce → the session performs each effect.
    static func send(_ session: MoneySoFarSession, _ s: inout MoneySoFarState, _ events: [InputEvent]) {
        for e in events {
            guard let a = MoneySoFarProgram.action(for: e, in: s) else { continue }
            for effect in MoneySoFarProgram.reduce(&s, a) { _ = session.perform(effect, &s) }
        }
    }

    @Test func theWholeScreenAt80x24() throws {
        let (_, s, _) = try Self.open()
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: Size(width: 80, height: 24)), """
            """, cursor: Point(row: 0, column: 0))
    }
}
