/// `supportplan log [--plan ID] [--json]`: the store's audit record, each plan's hash chain
/// checked, and each sign-off's anchor found in its plan's log (so a cut or rewritten history
/// before a sign-off shows). Exit 1 naming the first broken line or missing anchor.
import ArgumentParser
import Foundation
import PlanCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The audit record: every plan's entries, chains and sign-off anchors checked (exit 1 if any is broken)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Only this plan's entries.") var plan: String?
    @Flag(name: .long, help: "JSON Lines: one object per entry, then one per problem.") var json = false

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        try store.convertLegacyAudit()
        if let plan, !PlanID.isValid(plan) { throw CLIError("'\(PlanID.shown(plan))' is not a plan id: \(PlanID.rule)") }
        let report = store.auditReport(only: plan)
        for (id, entry) in report.entries {
            if json {
                print(entry.jsonLine)
            } else {
                var line = "\(entry.time)  \(entry.action.padding(8))  \(id) v\(entry.version)  by \(entry.who)"
                if let r = entry.reason { line += "  reasons: \(r)" }
                if let c = entry.comment { line += "  \"\(c)\"" }
                print(SafeTerminal.visible(line))
            }
        }
        for p in report.problems {
            if json {
                var w = JSONWriter()
                w.object {
                    $0.field("problem") { $0.string(p.message) }
                    $0.field("file") { $0.string(p.file) }
                    $0.field("line") { $0.int(Int64(p.line)) }
                }
                print(w.text)
            } else {
                print(SafeTerminal.visible("\(p.file):\(p.line):1: error: \(p.message)"))
            }
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
        if !json {
            print("\(report.logs) plan log\(report.logs == 1 ? "" : "s"), \(report.entries.count) entr\(report.entries.count == 1 ? "y" : "ies"); "
                  + "every chain intact and every sign-off anchored.")
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
