/// The root command and the options every subcommand shares.
import ArgumentParser
import PlanCore
import PlanUI
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

struct SupportPlanCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "supportplan",
        abstract: "Write, check, cost and sign off person-centred support plans.",
        discussion: HelpExamples.discussion("""
            Plans are plain YAML files (format supportplan/1). `check` validates them, `totals` \
            prints the costing, `new` starts one from a template. With no command, on a terminal: \
            the store's plans and review queue. `supportplan help COMMAND` for each command.
            """, examples),
        version: PlanCoreVersion.string,
        subcommands: [CheckCommand.self, TotalsCommand.self, NewCommand.self, RenderCommand.self, ExportCommand.self,
                      InitCommand.self, TrustCommand.self, SignerCommand.self, ListCommand.self, CaseloadCommand.self, ConfigCommand.self, SyncCommand.self,
                      SubmitCommand.self, ReturnCommand.self, WithdrawCommand.self, SignCommand.self, VerifyCommand.self,
                      DiffCommand.self, KeygenCommand.self, LogCommand.self, EditCommand.self, GuideCommand.self, SpendCommand.self, TerminalDemoCommand.self, SaveTrialCommand.self, TamperTrialCommand.self, FuzzTrialCommand.self]
    )

    static let examples = [
        "supportplan check plans/",
        "supportplan new --template self-written -o my-plan.yaml",
        "supportplan render my-plan.yaml --as html -o my-plan.html",
        "supportplan --store /srv/plans",
    ]

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard case .fullScreen = Backend.choose(plainFlag: global.plain) else {
            let text = HelpExamples.appended(to: SupportPlanCommand.helpMessage())
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        try PlanListCommand.run(global)
    }
}

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan store folder.", valueName: "DIR"))
    var store: String?

    @Flag(name: .customLong("no-color"), help: "No colour in output (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(name: .long, help: "Line-by-line prompts instead of the full screen.")
    var plain = false

    @Flag(name: .customLong("plain-language"), help: "Plain words instead of professional terms in the editor.")
    var plainLanguage = false
}

/// Bad input the person can fix: printed as given, exit code 2.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Standard error; control characters other than line ends and tabs shown visibly (`SafeText`),
/// except in `trusted` text the program itself made (the progress line's carriage return).
func printError(_ text: String, newline: Bool = true, trusted: Bool = false) {
    var err = StandardError()
    print(trusted ? text : SafeText.terminal(text), terminator: newline ? "\n" : "", to: &err)
}

struct StandardError: TextOutputStream {
    mutating func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
