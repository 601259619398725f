/// `supportplan diff OLD NEW` and `supportplan log`.
import ArgumentParser
import PlanCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a plan: needs, outcomes, support lines and money."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The earlier version.", valueName: "OLD")) var old: String
    @Argument(help: ArgumentHelp("The later version.", valueName: "NEW")) var new: String

    func run() throws {
        var cache: [String: Policy] = [:]
        let a = try LoadedPlan.load(old, global, cache: &cache), b = try LoadedPlan.load(new, global, cache: &cache)
        print(SafeText.terminal(PlanDiff.compare(a.plan, b.plan).lines.joined(separator: "\n")))
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
