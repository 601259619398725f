/// `supportplan submit FILE`, `return FILE --reason CODE --comment TEXT` and `withdraw FILE`:
/// a plan's status changes (only its `status:` line), logged first in its audit record.
import ArgumentParser
import PlanCore
#if canImport(Glibc)
import Glibc
#endif

/// The person running the command: `--by`, else the login name from the password database
/// (not `$USER`, which anyone can set to anything).
func currentUser(_ by: String? = nil) -> String {
    if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return "uid \(getuid())"
}

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Mark a plan ready for sign-off (refused while errors or unacknowledged warnings remain)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A plan file in the store's plans/ folder.", valueName: "FILE")) var file: String
    @Option(name: .long, help: "Who is submitting (default: your login name).") var by: String?

    func run() throws {
        let store = try StoreLocation.store(for: file, global)
        do {
            try store.submit(file, by: currentUser(by))
        } catch .notReady(let blocking) {
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
    @Option(name: .long, help: "Who is returning it (default: your login name).") var by: String?

    func run() throws {
        let store = try StoreLocation.store(for: file, global)
        try store.returnPlan(file, reasons: reason, comment: comment, by: currentUser(by))
        let policy = try store.config().policy
        let words = reason.compactMap { r in policy.returnReasons.first { $0.code == r }?.words }
        print(SafeTerminal.visible("Returned \(file) to the planner: \(words.joined(separator: " ")) \(comment)"))
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Take a submitted plan back to a draft to change it (logged); submit it again after."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A submitted plan file.", valueName: "FILE")) var file: String
    @Option(name: .long, help: "Who is withdrawing it (default: your login name).") var by: String?

    func run() throws {
        let store = try StoreLocation.store(for: file, global)
        try store.withdraw(file, by: currentUser(by))
        print("Withdrawn \(file): it is a draft again.")
    }
}

/// Text from plans and people shown on a terminal: control characters made visible.
enum SafeTerminal {
    static func visible(_ s: String) -> String { SafeText.visible(s, keepNewlines: true) }
}
