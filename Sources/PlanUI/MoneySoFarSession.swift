/// Runs the "Money so far" screen on a plan in a store: reads the plan's ledger
/// (`spend/ID/transactions.jsonl`) and choices (`assigned.yaml`), computes the position with
/// `SpendPosition.compute`, and performs the screen's effects — a choice is saved through
/// `SpendAssignments` under the ledger's lock, the report read again and fed back as an action.
import Foundation
import PlanCore
import TerminalKit

@MainActor
public final class MoneySoFarSession {
    let store: PlanStore
    let planID: String
    var plan: Plan
    let policy: Policy
    var screen: CursesScreen?

    public init(store: PlanStore, planID: String, plan: Plan, policy: Policy) {
        self.store = store
        self.planID = planID
        self.plan = plan
        self.policy = policy
    }

    /// The store a plan file is in (`STORE/plans/ID.yaml` or `STORE/signed/ID-vN.yaml`), if any.
    public nonisolated static func store(forPlanFile path: String) -> PlanStore? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard ["plans", "signed"].contains(folder.lastPathComponent) else { return nil }
        return PlanStore(root: folder.deletingLastPathComponent().path)
    }

    /// The position of `plan` from its ledger in `store`: nil when no statement has been
    /// imported; a `SpendProblem` or the ledger's error, in words, when it cannot be given.
    public nonisolated static func report(store: PlanStore, planID: String, plan: Plan, policy: Policy) -> Result<SpendReport?, EditorOpenError> {
        do {
            let ledger = try SpendLedger(store: store, planID: planID)
            guard try !ledger.transactions().isEmpty else { return .success(nil) }
            return .success(try ledger.report(plan: plan, policy: policy))
        } catch {
            return .failure(EditorOpenError(message: SafeText.visible("\(planID): \(error)")))
        }
    }

    /// The screen's first state, or why it cannot be shown.
    public func open(plainLanguage: Bool = false) -> Result<MoneySoFarState, EditorOpenError> {
        Self.report(store: store, planID: planID, plan: plan, policy: policy).map {
            MoneySoFarState(planID: planID, plan: plan, report: $0, plainLanguage: plainLanguage)
        }
    }

    /// Runs the screen until the person goes back; returns the final state. The terminal is
    /// the caller's.
    public func run(_ state: MoneySoFarState, on screen: CursesScreen) -> MoneySoFarState {
        self.screen = screen
        var state = state
        state.size = screen.size
        return UILoop.runToEnd(MoneySoFarProgram.self, state: state, screen: screen, perform: perform).state
    }

    /// Carries out one effect; false ends the loop.
    func perform(_ effect: MoneySoFarEffect, _ s: inout MoneySoFarState) -> Bool {
        switch effect {
        case .back: return false
        case .assign(let id, let choice, let words):
            do {
                try SpendLedger(store: store, planID: planID).assign(id, choice, plan: plan)
            } catch {
                return follow(MoneySoFarProgram.reduce(&s, .saveFailed(SafeText.visible("\(error)"))), &s)
            }
            let message: String
            switch choice {
            case .line(let line): message = s.words.assigned(words, line: line)
            case .notForCare: message = s.words.notForCare(words)
            }
            switch Self.report(store: store, planID: planID, plan: plan, policy: policy) {
            case .success(let report): return follow(MoneySoFarProgram.reduce(&s, .saved(report, message)), &s)
            case .failure(let e): return follow(MoneySoFarProgram.reduce(&s, .saveFailed(e.message)), &s)
            }
        }
    }

    func follow(_ effects: [MoneySoFarEffect], _ s: inout MoneySoFarState) -> Bool {
        for e in effects where !perform(e, &s) { return false }
        return true
    }
}
