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
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(file, global, cache: &cache)
        let status = loaded.plan.status ?? .draft
        guard status == .draft || status == .returned else {
            throw CLIError("\(file): the plan is \(status.rawValue); only a draft or a returned plan can be submitted")
        }
        let blocking = Workflow.readiness(loaded.result)
        if !blocking.isEmpty {
            print(CheckOutput.text(CheckResult(file: file, plan: loaded.plan, findings: blocking, costing: nil, unreadable: false)),
                  terminator: "")
            print("Not submitted: put these right (or acknowledge the warnings with a reason) first.")
            throw ExitCode(1)
        }
        try changeStatus(loaded, to: .submitted, action: "submit", who: by ?? loaded.plan.author ?? currentUser(), global)
        print("Submitted \(loaded.plan.id ?? file) version \(loaded.plan.version ?? 1) for sign-off.")
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
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(file, global, cache: &cache)
        guard loaded.plan.status == .submitted else {
            throw CLIError("\(file): the plan is \(loaded.plan.status?.rawValue ?? "a draft"); only a submitted plan can be returned")
        }
        let codes = loaded.policy.returnReasons.map(\.code)
        for r in reason where !codes.contains(r) {
            throw CLIError("'\(r)' is not a return reason; use one of: \(codes.joined(separator: ", "))")
        }
        guard !reason.isEmpty else { throw CLIError("give at least one --reason: \(codes.joined(separator: ", "))") }
        guard comment.contains(where: { !$0.isWhitespace }) else { throw CLIError("--comment must say what to change") }
        try changeStatus(loaded, to: .returned, action: "return", who: by ?? currentUser(),
                         reason: reason.joined(separator: ","), comment: comment, global)
        let words = reason.compactMap { r in loaded.policy.returnReasons.first { $0.code == r }?.words }
        print("Returned \(loaded.plan.id ?? file) to the planner: \(words.joined(separator: " ")) \(comment)")
    }
}
