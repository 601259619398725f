/// `supportplan caseload [--json]`: the manager's view across the store's plans (reviews due
/// and late, over and under budget, waiting for sign-off, money committed by funding source,
/// provider and kind), read from the store's index; and the progress line a long index
/// build shows on standard error.
import ArgumentParser
import Foundation
import PlanCore
import Synchronization

struct CaseloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Reviews due and late, plans over or under budget, plans waiting for sign-off, money by provider and kind."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("Reviews due within DAYS days count as due (default 30).", valueName: "DAYS"))
    var days = 30
    @Flag(name: .long, help: "One JSON object, money in pence.") var json = false

    func run() throws {
        let store = StoreLocation.store(global)
        let policy = try store.config().policy
        let plans: [PlanSummary]
        if let rows = try? PlanIndex.reading(store, policy: policy, { try $0.currentWithCosts(progress: IndexProgress.line) }) {
            plans = rows
        } else {
            plans = store.planFiles().map { store.summary(of: $0, policy: policy) }
        }
        IndexProgress.end()
        let c = Caseload(plans, today: PlanDate.today(), underspendPercent: policy.underspendPercent, window: days)
        if json { print(CaseloadJSON.text(c)); return }
        // Plan text (names, providers) is shown with control characters made visible.
        func out(_ text: String) { print(SafeTerminal.visible(text)) }
        func money(_ p: Int64) -> String { Money.pounds(p) }
        func planCount(_ n: Int) -> String { n == 1 ? "1 plan" : "\(n) plans" }
        out("Caseload of \(store.root) on \(c.today): \(planCount(c.store.plans))")
        out("\nReviews due within \(days) days or late: \(c.reviewsDue.count)")
        for i in c.reviewsDue {
            out("  \(i.date)  \(i.days < 0 ? "late \(-i.days) d" : "in \(i.days) d")  \(i.id)  \(i.person)  (\(i.author))")
        }
        out("\nOver budget: \(c.overBudget.count)")
        for i in c.overBudget { out("  \(i.id)  \(i.person)  over \(money(i.pence)) of \(money(i.budgetPence ?? 0))") }
        out("\nMore than \(c.underspendPercent)% of the budget not planned: \(c.underBudget.count)")
        for i in c.underBudget { out("  \(i.id)  \(i.person)  \(money(i.pence)) of \(money(i.budgetPence ?? 0)) not planned") }
        out("\nWaiting for sign-off, oldest first: \(c.waiting.count)")
        for i in c.waiting { out("  \(i.date.isEmpty ? "—" : i.date)  \(i.days) d  \(i.id)  \(i.person)  (\(i.author))") }
        out("\nCommitted: \(money(c.store.annualPence)) a year, \(money(c.store.oneOffPence)) one-off")
        for (title, list) in [("funding source", c.store.byFunding), ("provider", c.store.byProvider), ("kind", c.store.byKind)] {
            out("  by \(title):")
            for t in list { out("    \(t.key): \(money(t.annualPence)) a year, \(money(t.oneOffPence)) one-off (\(planCount(t.plans)))") }
        }
        for a in c.authors {
            out("  \(a.author): \(planCount(a.totals.plans)), \(money(a.totals.annualPence)) a year, \(money(a.totals.oneOffPence)) one-off")
        }
        if c.checking > 0 { out("(\(planCount(c.checking)) could not be checked)") }
    }
}

/// "Reading plans for the store's index: 4,000 of 10,000" on standard error, rewritten in
/// place on a terminal; only for builds of more than 100 files.
enum IndexProgress {
    private static let shown = Mutex<Bool>(false)

    static let line: @Sendable (Int, Int) -> Void = { done, total in
        guard total > 100 else { return }
        let tty = isatty(2) == 1
        shown.withLock { $0 = true }
        printError("\(tty ? "\r" : "")Reading plans for the store's index (once): \(done) of \(total)", newline: !tty, trusted: true)
    }

    static func end() {
        if shown.withLock({ $0 }) && isatty(2) == 1 { printError("") }
    }
}
