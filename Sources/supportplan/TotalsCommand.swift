/// `supportplan totals FILE`: the costing as a readable table.
import ArgumentParser
import PlanCore

struct TotalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: "Print the costing: each line's weekly and annual cost, totals and the budget left."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A plan file.", valueName: "FILE"))
    var file: String

    func run() throws {
        var cache: [String: Policy] = [:]
        let policy = try StoreLocation.policy(for: file, global, cache: &cache)
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(file, limit: policy.maxFileBytes) } catch { throw CLIError(error.readReport) }
        let result = Checker.check(bytes: bytes, file: file, policy: policy)
        guard let plan = result.plan, !result.unreadable else {
            print(SafeText.terminal(CheckOutput.text(result)), terminator: "")
            throw ExitCode(2)
        }
        let costing = result.costing ?? Coster.cost(plan)
        print(SafeText.terminal(TotalsTable.render(plan, costing, policy: policy)), terminator: "")
        if costing.totals == nil {
            let reading = result.findings.filter { $0.rule.stage == .reading && $0.severity == .error }
            print(SafeText.terminal(CheckOutput.text(CheckResult(file: file, plan: plan, findings: reading, costing: nil,
                                                                 unreadable: false))), terminator: "")
            throw ExitCode(1)
        }
    }
}
