/// The plan list's loop (`supportplan` with no command): the list read from the store's index,
/// files that changed checked in the background while it shows, the hash check when a plan is
/// opened, and the caseload view; what needs the command's own knowledge (templates, keys, the
/// editor's store steps) comes in as `PlanListActions`.
import Foundation
import PlanCore
import TerminalKit

/// What the list asks the command to do; each returns the status line to show after.
public struct PlanListActions {
    /// Opens the plan in the editor until the person leaves it.
    public var edit: @MainActor (String) -> String
    /// The approver's review of a submitted plan.
    public var review: @MainActor (String) -> String
    /// Starts a plan from a template.
    public var create: @MainActor (String) -> String
    /// The "Money so far" screen of a plan.
    public var money: @MainActor (String) -> String
    /// What the folder scan skipped (FIFOs, folders named `*.yaml`), in words.
    public var skipped: () -> String?

    public init(edit: @escaping @MainActor (String) -> String, review: @escaping @MainActor (String) -> String,
                create: @escaping @MainActor (String) -> String, money: @escaping @MainActor (String) -> String,
                skipped: @escaping () -> String?) {
        self.edit = edit
        self.review = review
        self.create = create
        self.money = money
        self.skipped = skipped
    }
}

@MainActor public final class PlanListLoop {
    let store: PlanStore
    let policy: Policy
    let index: PlanIndex?
    let actions: PlanListActions
    var job: BackgroundCheck?
    /// The first frame was drawn from the index's rows: the files are still to be compared.
    var scanPending = false
    /// For the benchmark: `SUPPORTPLAN_EXIT_WHEN_CHECKED` ends the list once nothing is being checked.
    let exitWhenChecked = getenv("SUPPORTPLAN_EXIT_WHEN_CHECKED") != nil

    public init(store: PlanStore, policy: Policy, actions: PlanListActions) {
        self.store = store
        self.policy = policy
        self.actions = actions
        index = try? PlanIndex.open(store, policy: policy)
    }

    public func run(templates: [String], on screen: CursesScreen) {
        var state = PlanListState(store: store.root, plans: [], templates: templates)
        // The first frame comes from the index's rows as they are; the files are compared with
        // them on the first tick (50 ms), and what changed is marked "checking…" and checked in
        // the background. With no rows yet (a new index), the scan comes first, with progress.
        if let index, let rows = try? index.cached(), !rows.isEmpty {
            state.plans = rows
            state.pendingChecks = 1
            scanPending = true
        } else if reload(&state), let note = actions.skipped() {
            state.status = note
        }
        while screen.running {
            let (final, ending) = UILoop.runToEnd(PlanListProgram.self, state: state, screen: screen) { effect, s in
                effect == .poll ? self.poll(&s) : false
            }
            state = final
            switch ending ?? .quit {
            case .quit: return
            case .poll: return  // only for SUPPORTPLAN_EXIT_WHEN_CHECKED
            case .refresh:
                let skipped = reload(&state)
                state.status = "Read the store again: \(state.plans.count) plan\(state.plans.count == 1 ? "" : "s")."
                    + ((skipped ? actions.skipped() : nil).map { " " + $0 } ?? "")
                continue
            case .caseload:
                state.status = caseload(on: screen, state: &state)
            case .review(let path):
                verify(path, &state)
                state.status = actions.review(path)
            case .open(let path):
                verify(path, &state)
                state.status = actions.edit(path)
            case .create(let template):
                state.status = actions.create(template)
            case .money(let path):
                verify(path, &state)
                state.status = actions.money(path)
            }
            screen.invalidate()
            reload(&state)
        }
    }

    /// The list from the index: the files that changed since are shown as "checking…" and
    /// checked in the background. Without an index (it cannot be made), every file is read now.
    /// Returns whether something in `plans/` was left out (then `actions.skipped` says what).
    @discardableResult
    func reload(_ state: inout PlanListState) -> Bool {
        guard let index, let scan = try? index.scan() else {
            state.plans = store.planFiles().map { store.summary(of: $0, policy: policy) }
            state.pendingChecks = 0
            return true
        }
        state.plans = scan.summaries
        state.pendingChecks = scan.stale.count
        job = scan.stale.isEmpty ? nil : index.refreshInBackground(scan.stale)
        if scan.indexed == 0 && scan.stale.count > 100 {
            state.status = "Reading \(scan.stale.count) plans for the store's index (once): 0 read…"
        }
        return scan.skipped > 0
    }

    /// Takes what the background check finished; false ends the list (the benchmark's hook).
    func poll(_ state: inout PlanListState) -> Bool {
        if scanPending {
            scanPending = false
            if reload(&state), let note = actions.skipped() { state.status = note }
            return job != nil || !exitWhenChecked
        }
        guard let job else { state.pendingChecks = 0; return !exitWhenChecked }
        let (fresh, gone, done) = job.take()
        if state.status.hasPrefix("Reading ") && !done {
            state.status = "Reading \(state.pendingChecks) plans for the store's index (once): \(job.filesRead) read…"
        }
        if !fresh.isEmpty || !gone.isEmpty {
            let byPath = Dictionary(fresh.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            let goneSet = Set(gone)
            state.plans = state.plans.compactMap { p in goneSet.contains(p.path) ? nil : byPath[p.path] ?? p }
            state.pendingChecks = state.plans.filter(\.checking).count
        }
        if done {
            self.job = nil
            let wasBuilding = state.status.hasPrefix("Reading ")
            state.pendingChecks = 0
            for i in state.plans.indices where state.plans[i].checking { state.plans[i].checking = false }
            if wasBuilding { state.status = "The index is ready: \(state.plans.count) plans." }
            if exitWhenChecked { return false }
        }
        return true
    }

    /// The hash check when a plan is opened: a file changed behind the index's back (same size
    /// and time) is read again, and its row in the list put right.
    func verify(_ path: String, _ state: inout PlanListState) {
        guard let fresh = index?.verify(path), let i = state.plans.firstIndex(where: { $0.path == path }) else { return }
        state.plans[i] = fresh
    }

    /// The caseload until the person goes back; a row opens its plan, then the caseload again.
    func caseload(on screen: CursesScreen, state list: inout PlanListState) -> String {
        var state: CaseloadState?
        while screen.running {
            let plans = (try? index?.currentWithCosts()) ?? nil
                ?? store.planFiles().map { store.summary(of: $0, policy: policy) }
            let model = Caseload(plans, today: PlanDate.today(), underspendPercent: policy.underspendPercent)
            var s = state ?? CaseloadState(model)
            if state != nil { s.model = model }
            let (final, ending) = UILoop.runToEnd(CaseloadProgram.self, state: s, screen: screen) { _, _ in false }
            state = final
            screen.invalidate()
            switch ending ?? .back {
            case .back: return "Back from the caseload."
            case .open(let path):
                verify(path, &list)
                state?.status = actions.edit(path)
                screen.invalidate()
            }
        }
        return ""
    }
}
