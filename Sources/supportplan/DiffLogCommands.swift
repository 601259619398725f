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

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The store's audit log, with its hash chain checked (exit 1 naming the first broken line)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Only this plan's entries.") var plan: String?

    func run() throws {
        let path = StoreLocation.resolve(global) + "/audit.log"
        guard AtomicFile.exists(path) else { print("\(path): no audit log yet (nothing has been submitted or signed)"); return }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw CLIError("\(error)") }
        guard case .success(let text) = decodeUTF8(bytes) else { throw CLIError("\(path): not UTF-8 text") }
        let reading = AuditLog.read(text)
        for e in reading.entries where plan == nil || e.plan == plan {
            var line = "\(e.time)  \(e.action.padding(6))  \(e.plan) v\(e.version)  by \(e.who)"
            if let r = e.reason { line += "  reasons: \(r)" }
            if let c = e.comment { line += "  \"\(c)\"" }
            print(line)
        }
        if let broken = reading.broken {
            print("\(path):\(broken.line):1: error: the audit chain is broken here: \(broken.why)")
            throw ExitCode(1)
        }
        print("\(path): \(reading.entries.count) entr\(reading.entries.count == 1 ? "y" : "ies"), chain intact.")
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
