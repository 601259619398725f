/// `-` as a file name: standard input where a file is read, standard output where one is
/// written (`check -`, `render - -o -`, `new -o -`). Also the terminal's width for tables.
import Foundation
import PlanCore
#if canImport(Glibc)
import Glibc
#endif

enum StandardStreams {
    /// The name a plan read from standard input is shown under in findings and output.
    static let stdinName = "<stdin>"

    /// Standard input is read at most once; a second `-` is bad input.
    nonisolated(unsafe) private static var stdinTaken = false

    /// A file's bytes, or standard input's when `path` is `-`.
    static func read(_ path: String, limit: Int = InputLimits.defaultMaxFileBytes) throws -> [UInt8] {
        guard path == "-" else {
            do { return try AtomicFile.read(path, limit: limit) } catch { throw CLIError(error.readReport) }
        }
        guard !stdinTaken else { throw CLIError("-: standard input can be read only once; name the other plans as files") }
        stdinTaken = true
        let bytes = readAll(fd: 0, limit: limit)
        guard bytes.count <= limit else {
            throw CLIError("\(stdinName):1:1: error: standard input is over the limit of \(limit) bytes (max_file_bytes); it was not read")
        }
        return bytes
    }

    /// Up to `limit` + 1 bytes (one more than allowed tells the caller it was too much).
    static func readAll(fd: Int32, limit: Int = Int.max - 1) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while out.count <= limit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// How a path is shown: `<stdin>` for `-`.
    static func display(_ path: String) -> String { path == "-" ? stdinName : path }

    /// Writes all of `bytes` to standard output (no buffering in between).
    static func writeOut(_ text: String) {
        fflush(nil)  // whatever print() buffered goes first
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Columns for a table: `$COLUMNS` when it is a number, else the terminal's width when
    /// standard output is one, else 80.
    static var width: Int {
        if let v = StoreLocation.environment("COLUMNS"), let n = Int(v), n > 0 { return n }
        var size = winsize()
        if isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
