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

    static func run(_ args: [String], in dir: URL? = nil, env: [String: String] = [:]) throws -> RunResult {
        let p = Process()
        p.executableURL = url
        p.arguments = args
        if let dir { p.currentDirectoryURL = dir }
        var environment = ProcessInfo.processInfo.environment
        environment["SUPPORTPLAN_STORE"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
                         err: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
