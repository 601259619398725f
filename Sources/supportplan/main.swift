/// The `supportplan` command: parses arguments, runs the subcommand, and maps every outcome to
/// the exit codes of `shared/spec/cli.md` (0 done, 1 findings, 2 bad input).
import ArgumentParser
import PlanCore
#if canImport(Glibc)
import Glibc
#endif

do {
    var command = try SupportPlanCommand.parseAsRoot()
    try command.run()
} catch let error as StoreError {
    if case .notReady(let findings) = error {
        for f in findings { printError(SafeTerminal.visible("\(f.severity.rawValue)[\(f.rule.rawValue)]: \(f.message)")) }
    } else {
        printError(SafeTerminal.visible(error.description))
    }
    exit(error.exitCode)
} catch let error as CLIError {
    printError(error.message)
    exit(2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = SupportPlanCommand.exitCode(for: error)
    let message = SupportPlanCommand.fullMessage(for: error)
    if code == .success {
        // Help ends with the command's examples.
        let text = HelpExamples.appended(to: message)
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        exit(0)
    }
    printError(message)
    // Usage mistakes (unknown option, missing argument) are bad input: 2, not 64.
    exit(2)
}
