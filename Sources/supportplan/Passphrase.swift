/// Passphrases for sealed secret keys: from `--passphrase-file`, `$SUPPORTPLAN_PASSPHRASE`
/// (for scripts), or asked for on the terminal with echo off.
#if canImport(Glibc)
import Glibc
#endif
import PlanCore

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

    private static func ask(_ prompt: String) -> String {
        var err = StandardError()
        print(prompt, terminator: "", to: &err)
        var old = termios()
        tcgetattr(0, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer { tcsetattr(0, TCSANOW, &old); print("", to: &err) }
        return Swift.readLine() ?? ""
    }
}
