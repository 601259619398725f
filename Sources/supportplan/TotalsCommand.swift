/// `supportplan totals FILE`: the costing as a readable table (as wide as the terminal), or
/// as one JSON object with every amount in pence.
import ArgumentParser
import Foundation
import PlanCore

struct TotalsCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: "Print the costing: each line's weekly and annual cost, totals and the budget left.",
        discussion: HelpExamples.discussion("""
            The table is as wide as the terminal ($COLUMNS, else the window's width; 80 when the \
            output is not a terminal). --json gives the lines and totals in pence, as `export --as \
            json` does, without the plan. Exit status: 0 costed, 1 the plan cannot be costed, 2 it \
            cannot be read.
            """, examples)
    )

    static let examples = [
        "supportplan totals plans/SP-2026-7KQ4XM.yaml",
        "supportplan totals --json plan.yaml | jq .totals.remaining_pence",
        "cat plan.yaml | supportplan totals -",
    ]

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "One JSON object: each line's cost and the totals, in pence.")
    var json = false

    @Argument(help: ArgumentHelp("A plan file (- for standard input).", valueName: "FILE"))
    var file: String

    func run() throws {
        var cache: [String: Policy] = [:]
        let policy = try LoadedPlan.policy(for: file, global, cache: &cache)
        let bytes = try StandardStreams.read(file, limit: policy.maxFileBytes)
        let shown = StandardStreams.display(file)
        let result = Checker.check(bytes: bytes, file: shown, policy: policy)
        guard let plan = result.plan, !result.unreadable else {
            print(SafeText.terminal(CheckOutput.text(result)), terminator: "")
            throw ExitCode(2)
        }
        let costing = result.costing ?? Coster.cost(plan)
        if json {
            print(CostingJSON.json(plan, costing, file: shown))
        } else {
            print(SafeText.terminal(TotalsTable.render(plan, costing, policy: policy, width: StandardStreams.width)), terminator: "")
        }
        if costing.totals == nil {
            let reading = result.findings.filter { $0.rule.stage == .reading && $0.severity == .error }
            let text = SafeText.terminal(CheckOutput.text(CheckResult(file: shown, plan: plan, findings: reading, costing: nil, unreadable: false)))
            if json { printError(String(text.reversed().drop { $0 == "\n" }.reversed())) } else { print(text, terminator: "") }
            throw ExitCode(1)
        }
    }
}
