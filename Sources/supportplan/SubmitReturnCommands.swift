/// `supportplan submit FILE` and `supportplan return FILE --reason CODE --comment TEXT`:
/// the plan's status changes (and only its `status:` line), and the audit log records it.
import ArgumentParser
import PlanCore

/// Rewrites a plan's status and logs the action in the store's audit log.
func changeStatus(_ loaded: LoadedPlan, to status: PlanStatus, action: String, who: String, reason: String? = nil,
                  comment: String? = nil, _ global: GlobalOptions) throws {
    guard case .success(let text) = decodeUTF8(loaded.bytes) else { throw CLIError("\(loaded.path): not UTF-8") }
    let updated = Workflow.setting(status: status, in: text)
    let store = StoreLocation.root(for: loaded.path, global)
    do {
        try AtomicFile.write(updated, to: loaded.path)
        _ = try AuditLog.append(AuditEntry(time: Workflow.timestamp(), who: who, action: action,
                                           plan: loaded.plan.id ?? "unknown", version: loaded.plan.version ?? 1,
                                           fileSHA256: AuditLog.sha256(Array(updated.utf8)), reason: reason, comment: comment),
                                to: store + "/audit.log")
    } catch let e as FileError { throw CLIError("\(e)") }
}

func currentUser() -> String { StoreLocation.environment("USER") ?? StoreLocation.environment("LOGNAME") ?? "unknown" }

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Mark a plan ready for sign-off (refused while errors or unacknowledged warnings remain)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A plan file in the store.", valueName: "FILE")) var file: String
    @Option(name: .long, help: "Who is submitting (default: your user name).") var by: String?

    func run() throws {
        let blocking = try SignOffService.submit(file, by: by, global)
        if !blocking.isEmpty {
            print(CheckOutput.text(CheckResult(file: file, plan: nil, findings: blocking, costing: nil, unreadable: false)),
                  terminator: "")
            print("Not submitted: put these right (or acknowledge the warnings with a reason) first.")
            throw ExitCode(1)
        }
        print("Submitted \(file) for sign-off.")
    }
}

struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Send a submitted plan back to the planner, with reasons; its content does not change."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A submitted plan file.", valueName: "FILE")) var file: String
    @Option(name: .long, help: "A reason code (repeat for several); the store's config.yaml lists them.") var reason: [String]
    @Option(name: .long, help: "What the planner should do, in your words.") var comment: String
    @Option(name: .long, help: "Who is returning it (default: your user name).") var by: String?

    func run() throws {
        try SignOffService.returnPlan(file, reasons: reason, comment: comment, by: by, global)
        var cache: [String: Policy] = [:]
        let policy = try StoreLocation.policy(for: file, global, cache: &cache)
        let words = reason.compactMap { r in policy.returnReasons.first { $0.code == r }?.words }
        print(SafeText.visible("Returned \(file) to the planner: \(words.joined(separator: " ")) \(comment)"))
    }
}
