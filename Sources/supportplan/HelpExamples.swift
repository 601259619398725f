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
        let word = message[usage.upperBound...].prefix { $0 != " " && $0 != "\n" }
        let name = word.hasPrefix("[") || word.hasPrefix("<") || word.hasPrefix("-") ? "" : String(word)
        guard let examples = byCommand[name], !examples.isEmpty else { return message }
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n\nEXAMPLES:\n" + examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
