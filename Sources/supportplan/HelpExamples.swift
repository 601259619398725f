/// Examples at the end of every command's `--help`: each command lists a few real command
/// lines (`static let examples`), and `main.swift` adds them as an EXAMPLES section after the
/// options. The manual page (made from `--experimental-dump-help`) gets them at the end of each
/// command's description, since the dump carries only the discussion.
import ArgumentParser
import Foundation

protocol HasExamples {
    static var examples: [String] { get }
}

enum HelpExamples {
    /// The commands with examples, by the name `USAGE: supportplan NAME` shows.
    static let byCommand: [String: [String]] = {
        let commands: [(ParsableCommand.Type, [String])] = [
            (CheckCommand.self, CheckCommand.examples), (TotalsCommand.self, TotalsCommand.examples),
            (NewCommand.self, NewCommand.examples), (RenderCommand.self, RenderCommand.examples),
            (ExportCommand.self, ExportCommand.examples), (DiffCommand.self, DiffCommand.examples),
            (EditCommand.self, EditCommand.examples), (GuideCommand.self, GuideCommand.examples),
        ]
        var out = ["": SupportPlanCommand.examples]
        // The store and sign-off commands (docs/sign-off.md).
        out["init"] = ["supportplan init team-store --owner \"Sam Senior\" --passphrase",
                       "supportplan init team-store --owner \"Sam Senior\" --shared group"]
        out["trust"] = ["supportplan trust team-store/owner.pub", "supportplan trust ~/Downloads/sam-senior-owner.pub"]
        out["signer"] = ["supportplan signer add ana-lopez.pub --name \"Ana Lopez\" --role \"team manager\" --level team-manager",
                         "supportplan signer add ana-lopez.pub --name \"Ana Lopez\" --role \"team manager\" --level team-manager --until 2027-03-31",
                         "supportplan signer list"]
        out["keygen"] = ["supportplan keygen \"Ana Lopez\" --passphrase", "supportplan keygen \"Ana Lopez\" --secret-key /media/usb/ana.key"]
        out["submit"] = ["supportplan submit plans/CA-2026-0388.yaml", "supportplan submit plans/CA-2026-0388.yaml --by \"Priya Shah\""]
        out["return"] = ["supportplan return plans/CA-2026-0388.yaml --reason costs-unclear --comment \"Show how S3 is worked out.\"",
                         "supportplan return plans/CA-2026-0388.yaml --reason over-budget --reason other --comment \"See me.\""]
        out["withdraw"] = ["supportplan withdraw plans/CA-2026-0388.yaml", "supportplan withdraw plans/CA-2026-0388.yaml --by \"Priya Shah\""]
        out["sign"] = ["supportplan sign plans/CA-2026-0388.yaml --key ana-lopez",
                       "supportplan sign plans/CA-2026-0388.yaml --key ana-lopez --passphrase-file ~/.ana-passphrase"]
        out["verify"] = ["supportplan verify signed/CA-2026-0388-v1.yaml", "supportplan verify --json signed/*.yaml"]
        out["log"] = ["supportplan log", "supportplan log --plan CA-2026-0388", "supportplan log --json --store team-store"]
        out["list"] = ["supportplan list", "supportplan list --status submitted", "supportplan list --review-due 30 --json"]
        out["caseload"] = ["supportplan caseload", "supportplan caseload --json --days 60", "supportplan caseload --store team-store"]
        out["config"] = ["supportplan config check", "supportplan config sign --store team-store"]
        out["sync"] = ["cd team-store && supportplan sync", "supportplan sync --message \"Visits for Peggy agreed\""]
        out["spend"] = SpendCommand.examples
        out["spend import"] = SpendImportCommand.examples
        out["spend show"] = SpendShowCommand.examples
        out["spend assign"] = SpendAssignCommand.examples
        out["spend return"] = SpendReturnCommand.examples
        out["spend export"] = SpendExportCommand.examples
        for (type, examples) in commands { out[type.configuration.commandName ?? ""] = examples }
        return out
    }()

    /// A command's discussion, with its examples added when the manual page is being made.
    static func discussion(_ text: String, _ examples: [String]) -> String {
        guard CommandLine.arguments.contains("--experimental-dump-help") else { return text }
        return text + "\n\nExamples:\n" + examples.map { "  " + $0 }.joined(separator: "\n")
    }

    /// `message` (a help text) with an EXAMPLES section at its end, if its command has examples.
    static func appended(to message: String) -> String {
        guard let usage = message.range(of: "USAGE: supportplan ") else { return message }
        // The command's words (`spend import`), up to the first argument or option.
        let line = message[usage.upperBound...].prefix { $0 != "\n" }
        let words = line.split(separator: " ").prefix { !($0.hasPrefix("[") || $0.hasPrefix("<") || $0.hasPrefix("-")) }.map(String.init)
        // The longest run of words that has examples (a subcommand's own, else its group's).
        let name = ((words.isEmpty ? 0 : 1)...words.count).reversed().map { words.prefix($0).joined(separator: " ") }
            .first { byCommand[$0] != nil } ?? "?"
        guard let examples = byCommand[name], !examples.isEmpty else { return message }
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n\nEXAMPLES:\n" + examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
