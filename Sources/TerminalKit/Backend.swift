/// Which way to talk to the person: the full screen (curses) or plain line mode. Line mode
/// is chosen by `--plain`, by `TERM=dumb` (or no TERM), and whenever standard input or output
/// is not a terminal (a pipe, a script, some screen-reader setups).
#if canImport(Glibc)
import Glibc
#endif

public enum Backend: Sendable, Equatable {
    case fullScreen
    case plain(reason: String)

    public static func choose(plainFlag: Bool) -> Backend {
        if plainFlag { return .plain(reason: "--plain was given") }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty || term == "dumb" { return .plain(reason: "TERM is \(term.isEmpty ? "not set" : "dumb")") }
        if isatty(0) == 0 || isatty(1) == 0 { return .plain(reason: "input or output is not a terminal") }
        return .fullScreen
    }
}
