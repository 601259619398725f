/// `supportplan log` (`diff` is in DiffCommand.swift).
import ArgumentParser
import PlanCore

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
