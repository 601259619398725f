/// Passphrases for sealed secret keys: from `--passphrase-file`, `$SUPPORTPLAN_PASSPHRASE`
/// (for scripts), or asked for on the terminal with echo off. Ctrl-C (or SIGTERM, SIGHUP,
/// SIGQUIT) at the prompt gives the terminal its echo back before the program stops.
#if canImport(Glibc)
import Glibc
#endif
import PlanCore

/// The terminal settings to put back if a signal arrives while echo is off (read by the
/// handler, which may only do async-signal-safe work: tcsetattr, write, signal, raise).
nonisolated(unsafe) private var echoRestore = termios()

enum Passphrase {
    static func read(file: String?, prompt: String, confirm: Bool = false) throws -> String? {
        if let file {
            guard let bytes = try? AtomicFile.read(file), case .success(let text) = decodeUTF8(bytes) else {
                throw CLIError("\(file): cannot read the passphrase file")
            }
            return String(text.split(separator: "\n").first ?? "")
        }
        if let env = StoreLocation.environment("SUPPORTPLAN_PASSPHRASE") { return env }
        guard isatty(0) != 0 else { return nil }
        let first = ask(prompt)
        if confirm, ask("Type it again: ") != first { throw CLIError("the two passphrases differ; nothing was written") }
        return first
    }

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private static func ask(_ prompt: String) -> String {
        var err = StandardError()
        print(prompt, terminator: "", to: &err)
        var old = termios()
        tcgetattr(0, &old)
        echoRestore = old
        // Installed before echo goes off, removed after it is back.
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)
        defer { previous.deallocate() }
        for (i, sig) in signals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                tcsetattr(0, TCSANOW, &echoRestore)
                _ = write(2, "\n", 1)
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(sig, &action, previous + i)
        }
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer {
            tcsetattr(0, TCSANOW, &old)
            for (i, sig) in signals.enumerated() { sigaction(sig, previous + i, nil) }
            print("", to: &err)
        }
        return Swift.readLine() ?? ""
    }
}
