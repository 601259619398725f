/// Runs the built `supportplan` binary as a person would, capturing its output and exit code.
import Foundation

struct RunResult {
    var status: Int32
    var out: String
    var err: String
}

enum Binary {
    /// The `supportplan` executable built beside this test bundle.
    static let url: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return here.appendingPathComponent("supportplan")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")

    /// `stdin`: bytes for standard input (else it is empty).
    static func run(_ args: [String], in dir: URL? = nil, env: [String: String] = [:], stdin: String? = nil,
                    executable: URL? = nil) throws -> RunResult {
        _ = ignoreBrokenPipes
        let p = Process()
        let input = Pipe()
        p.standardInput = input
        p.executableURL = executable ?? url
        p.arguments = args
        if let dir { p.currentDirectoryURL = dir }
        var environment = ProcessInfo.processInfo.environment
        environment["SUPPORTPLAN_STORE"] = nil
        environment["COLUMNS"] = nil  // tables are 80 wide unless a test says otherwise
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Fed from another thread, so a large input cannot deadlock against unread output.
        let feeder = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
                         err: String(decoding: e, as: UTF8.self))
    }

    /// A program that does not read its input must not kill the tests with SIGPIPE.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
