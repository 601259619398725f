/// `supportplan terminal-demo`: the demo screen on the real terminal (hidden; for the tmux
/// suite and for trying a terminal before the editor exists).
import ArgumentParser
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

struct TerminalDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-demo",
        abstract: "Show the terminal demo screen (checks that this terminal works).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("allow-test-crash"), help: .hidden)
    var allowTestCrash = false

    func run() throws {
        try MainActor.assumeIsolated {
            if case .plain(let reason) = Backend.choose(plainFlag: global.plain) {
                let code = DemoLineMode.run(LineTerminal(), reason: reason)
                if code != 0 { throw ExitCode(code) }
                return
            }
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else {
                throw CLIError("this terminal cannot run the full screen (TERM=\(StoreLocation.environment("TERM") ?? "not set"))")
            }
            DemoRunner.screen = screen
            var state = DemoScreen.State()
            state.allowCrash = allowTestCrash
            let final = UILoop.run(DemoScreen.self, state: state, screen: screen)
            screen.stop()
            print("Demo closed. Name: \(final.name.text.isEmpty ? "(empty)" : final.name.text)")
            if let sig = final.stoppedBy { throw ExitCode(128 + sig) }
        }
    }
}
