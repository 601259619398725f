/// Every command's `--help` ends with examples, each one a real `supportplan` command line
/// that names that command.
import Foundation
import Testing

@Suite(.serialized) struct HelpExamplesTests {
    /// The subcommands `supportplan --help` lists.
    static func listedCommands() throws -> [String] {
        let help = try Binary.run(["--help"]).out
        let section = (help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? "").components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                  !word.hasPrefix("-") else { return nil }
            return String(word)
        }.filter { $0 != "help" }
    }

    /// Every listed command is checked.
    static let rewrittenElsewhere: Set<String> = []

    /// The "EXAMPLES:" block at the end of a help text, one command a line.
    static func examples(_ help: String) -> [String]? {
        guard let range = help.range(of: "\nEXAMPLES:\n", options: .backwards) else { return nil }
        return help[range.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func theListIsTheRealOne() throws {
        let commands = try Self.listedCommands()
        #expect(commands.contains("check") && commands.contains("render") && commands.contains("diff"))
        #expect(!commands.contains("save-trial"), "hidden commands are not listed")
    }

    @Test func everyCommandsHelpEndsWithExamples() throws {
        let commands = try Self.listedCommands().filter { !Self.rewrittenElsewhere.contains($0) }
        #expect(commands.count >= 8)
        for command in [""] + commands {
            let r = try Binary.run(command.isEmpty ? ["--help"] : [command, "--help"])
            #expect(r.status == 0)
            // Examples come last: only OPTIONS and the like may come before the discussion.
            let examples = try #require(Self.examples(r.out), "\(command): no examples\n\(r.out)")
            #expect(examples.count >= 2, "\(command): \(examples)")
            for example in examples {
                #expect(example.contains("supportplan \(command)".trimmingCharacters(in: .whitespaces)),
                        "\(command): an example that does not run it: \(example)")
            }
            // Nothing but examples after the heading: no other section, every line indented.
            let tail = r.out.components(separatedBy: "\nEXAMPLES:\n").last ?? ""
            #expect(tail.split(separator: "\n").allSatisfy { $0.hasPrefix("  ") }, "\(command): the examples are not at the end")
            #expect(r.out.range(of: "OPTIONS:")!.lowerBound < r.out.range(of: "EXAMPLES:")!.lowerBound)
            // `supportplan help COMMAND` shows the same.
            if !command.isEmpty { #expect(try Binary.run(["help", command]).out == r.out) }
        }
    }

    @Test func theManualPageGetsTheExamplesToo() throws {
        let dump = try Binary.run(["--experimental-dump-help"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any])
        let subcommands = try #require((object["command"] as? [String: Any])?["subcommands"] as? [[String: Any]])
        let check = try #require(subcommands.first { $0["commandName"] as? String == "check" })
        #expect((check["discussion"] as? String)?.contains("Examples:\n  supportplan check plans/") == true)
        // --help itself has them once, at the end.
        #expect(try Binary.run(["check", "--help"]).out.components(separatedBy: "supportplan check plans/").count == 2)
    }

    @Test func examplesParse() throws {
        // Each example of these commands is a valid command line: `--help` added to it parses.
        for command in ["check", "totals", "new", "render", "export", "diff"] {
            let help = try Binary.run([command, "--help"]).out
            for example in Self.examples(help) ?? [] {
                // The supportplan part of a pipeline, split on spaces (the examples use no quotes there).
                guard let part = example.components(separatedBy: "| ").first(where: { $0.hasPrefix("supportplan ") }) else { continue }
                let words = part.split(separator: " ").dropFirst().map(String.init).filter { !$0.isEmpty }
                let r = try Binary.run(words + ["--help"])
                #expect(r.status == 0, "\(example): \(r.err)")
            }
        }
    }
}
