/// Opens the "Money so far" screen (PlanUI `MoneySoFarSession`) from the plan list (`m`) and
/// from `supportplan spend PLAN --screen`; returns what to tell the person afterwards.
import Foundation
import PlanCore
import PlanUI
import TerminalKit

enum MoneySoFarLauncher {
    /// Shows the screen for the plan file at `path` on `screen`; the status line to show after.
    @MainActor static func show(_ path: String, store: PlanStore, policy: Policy, plainLanguage: Bool,
                                screen: CursesScreen) -> String {
        let loaded: PlanStore.LoadedPlan
        do { loaded = try store.load(path, policy: policy) } catch { return "! \(SafeTerminal.visible("\(error)"))" }
        guard let id = loaded.plan.id, PlanID.isValid(id) else { return "! \(path) has no plan id, so it has no ledger." }
        let session = MoneySoFarSession(store: store, planID: id, plan: loaded.plan, policy: policy)
        switch session.open(plainLanguage: plainLanguage) {
        case .success(let state):
            _ = session.run(state, on: screen)
            screen.invalidate()
            return "Back from money so far for \(id)."
        case .failure(let e):
            return "! \(e.message)"
        }
    }
}

extension MoneySoFarLauncher {
    /// The money in use for the easy-read copy's "Your money so far" part: from the store the
    /// plan file is in (or `--store`), when its ledger has a statement; nil otherwise.
    static func spend(file: String, plan: Plan, policy: Policy, _ global: GlobalOptions) -> SpendReport? {
        guard file != "-", let id = plan.id, PlanID.isValid(id) else { return nil }
        guard let store = PlanTemplates.store(global, file: file).map({ PlanStore(root: $0) })
            ?? MoneySoFarSession.store(forPlanFile: file) else { return nil }
        return (try? MoneySoFarSession.report(store: store, planID: id, plan: plan, policy: policy).get()) ?? nil
    }
}
