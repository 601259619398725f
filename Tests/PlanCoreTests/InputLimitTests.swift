/// Input limits (docs/security.md): reads refuse files over the size limit and anything that
/// is not a regular file without blocking; listings skip them; saves go through symbolic
/// links; every rewrite keeps a plan's line ends (LF, CRLF, CR).
import Foundation
import Testing
@testable import PlanCore

/// What a reader thread saw.
final class ReadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var error: FileError?
    func set(_ e: FileError) { lock.withLock { error = e } }
    func get() -> FileError? { lock.withLock { error } }
}

@Suite(.serialized) struct InputLimitTests {
    static func tempDir() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sp-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func readRefusesAFileOverTheLimitWithItsSize() throws {
        let dir = try Self.tempDir()
        for (size, limit) in [(1_001, 1_000), (5_000_001, InputLimits.defaultMaxFileBytes), (70_000, 65_536)] {
            let path = dir + "/big-\(size).yaml"
            FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: size))
            do {
                _ = try AtomicFile.read(path, limit: limit)
                Issue.record("a \(size)-byte file was read with a limit of \(limit)")
            } catch {
                #expect(error.kind == .tooLarge(size: size, limit: limit))
                #expect(error.description == "\(path):1:1: error: the file is \(InputLimits.bytes(size)) bytes, over the limit of "
                        + "\(InputLimits.bytes(limit)) bytes (max_file_bytes in config.yaml); it was not read")
            }
            #expect(try AtomicFile.read(path, limit: size).count == size, "exactly at the limit reads")
        }
        #expect(InputLimits.bytes(5_000_000) == "5,000,000" && InputLimits.bytes(999) == "999" && InputLimits.bytes(1_000) == "1,000")
    }

    /// Runs `body` on another thread; false if it has not finished in `seconds`.
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { body(); done.signal() }
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func readRefusesEveryKindOfNonRegularFileWithoutBlocking() throws {
        let dir = try Self.tempDir()
        let fifo = dir + "/fifo.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let socketPath = dir + "/sock.yaml"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in for (i, b) in socketPath.utf8.enumerated() { raw[i] = b } }
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.yaml", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir + "/fifo-link.yaml", withDestinationPath: fifo)
        try FileManager.default.createDirectory(atPath: dir + "/x.yaml", withIntermediateDirectories: true)
        let cases = [(fifo, "a FIFO"), (socketPath, "a socket"), (dir + "/zero.yaml", "a character device"),
                     ("/dev/null", "a character device"), (dir + "/fifo-link.yaml", "a FIFO"), (dir + "/x.yaml", "a folder")]
        for (path, kind) in cases {
            let outcome = ReadOutcome()
            let finished = Self.finishes(within: 3) {
                do throws(FileError) { _ = try AtomicFile.read(path) } catch { outcome.set(error) }
            }
            if !finished {
                // Unblock the reader so the suite goes on, then fail.
                let w = open(fifo, O_WRONLY | O_NONBLOCK)
                if w >= 0 { close(w) }
                Issue.record("reading \(path) blocked")
                continue
            }
            let error = outcome.get()
            #expect(error?.kind == .notRegular, "\(path)")
            #expect(error?.what.hasPrefix(kind) == true, "\(path): \(error?.what ?? "read")")
            #expect(AtomicFile.notRegularFile(path)?.hasPrefix(kind) == true)
        }
    }

    @Test func listingSkipsNonRegularFilesAndSaysWhy() throws {
        let dir = try Self.tempDir()
        FileManager.default.createFile(atPath: dir + "/a.yaml", contents: Data("format: supportplan/1\n".utf8))
        FileManager.default.createFile(atPath: dir + "/config.yaml", contents: Data())
        FileManager.default.createFile(atPath: dir + "/.hidden.yaml", contents: Data())
        #expect(mkfifo(dir + "/fifo.yaml", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.yaml", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.yaml", withDestinationPath: dir + "/missing.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/good-link.yaml", withDestinationPath: dir + "/a.yaml")
        try FileManager.default.createDirectory(atPath: dir + "/x.yaml", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/x.yaml/inner.yaml", contents: Data())
        let flat = PlanFolder.list(dir, recursive: false)
        #expect(flat.files == [dir + "/a.yaml", dir + "/good-link.yaml"])
        #expect(flat.skipped.map(\.path) == ["fifo.yaml", "gone.yaml", "x.yaml", "zero.yaml"].map { dir + "/" + $0 })
        #expect(flat.skipped.map(\.why) == ["a FIFO (named pipe)", "a broken symbolic link", "a folder", "a character device"])
        #expect(flat.skipped[0].message == "\(dir)/fifo.yaml: skipped: a FIFO (named pipe), not a regular file")
        let deep = PlanFolder.list(dir, recursive: true)
        #expect(deep.files == [dir + "/a.yaml", dir + "/good-link.yaml", dir + "/x.yaml/inner.yaml"])
        #expect(deep.skipped.count == 3, "a folder named x.yaml is walked into, not reported")
    }

    @Test func aSymlinkedPlanIsSavedThroughToItsTarget() throws {
        let dir = try Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/real/plan.yaml", contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o640])
        try FileManager.default.createSymbolicLink(atPath: dir + "/abs.yaml", withDestinationPath: dir + "/real/plan.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/rel.yaml", withDestinationPath: "real/plan.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/chain.yaml", withDestinationPath: "rel.yaml")
        for link in ["abs.yaml", "rel.yaml", "chain.yaml"] {
            try AtomicFile.write("new \(link)\n", to: dir + "/" + link)
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/" + link)
            #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "\(link) is still a link")
            #expect(try String(contentsOfFile: dir + "/real/plan.yaml", encoding: .utf8) == "new \(link)\n")
            #expect(try FileManager.default.attributesOfItem(atPath: dir + "/real/plan.yaml")[.posixPermissions] as? Int == 0o640)
        }
        // A link to a device or a FIFO is refused, and the device is not written.
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        for target in ["/dev/null", dir + "/fifo"] {
            try FileManager.default.createSymbolicLink(atPath: dir + "/dev.yaml", withDestinationPath: target)
            #expect(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/dev.yaml") }
            try FileManager.default.removeItem(atPath: dir + "/dev.yaml")
        }
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/fifo") }
        // A loop of links is refused, not followed for ever.
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop1.yaml", withDestinationPath: "loop2.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop2.yaml", withDestinationPath: "loop1.yaml")
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/loop1.yaml") }
    }

    @Test func maxFileBytesIsReadFromConfig() {
        #expect(PolicyReader.read("max_file_bytes: 12345\n").0.maxFileBytes == 12_345)
        #expect(PolicyReader.read("").0.maxFileBytes == 5_000_000)
        for bad in ["0", "999", "100000001", "-5", "5MB", "1e6"] {
            let (policy, findings) = PolicyReader.read("max_file_bytes: \(bad)\n")
            #expect(policy.maxFileBytes == 5_000_000, "\(bad)")
            #expect(findings.contains { $0.rule == .fieldInvalid && $0.position == Position(line: 1, column: 17) }, "\(bad)")
        }
    }

    static let endings: [(String, String)] = [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR")]

    @Test func statusRewritesKeepEveryLineEnd() throws {
        for url in Paths.examples + Paths.templates {
            let base = try Paths.text(url)
            let variants = [base, base.replacingOccurrences(of: "\nstatus: draft", with: "\nstatus: draft  # a comment"),
                            base.components(separatedBy: "\n").filter { !$0.hasPrefix("status:") }.joined(separator: "\n")]
            for (v, variant) in variants.enumerated() {
                for (ending, name) in Self.endings {
                    let text = variant.replacingOccurrences(of: "\n", with: ending)
                    for status in [PlanStatus.submitted, .returned, .signedOff] {
                        let out = Workflow.setting(status: status, in: text)
                        let back = out.replacingOccurrences(of: ending, with: "\n")
                        let where_ = "\(url.lastPathComponent) variant \(v) \(name) → \(status.rawValue)"
                        #expect(back.components(separatedBy: "\n").filter { $0.hasPrefix("status:") }.count == 1, "\(where_)")
                        #expect(out.components(separatedBy: ending).count
                                == text.components(separatedBy: ending).count + (v == 2 ? 1 : 0), "\(where_): line count")
                        if ending != "\n" { #expect(!back.contains("\r"), "\(where_): a mixed line end") }
                        let r = PlanReader.read(out)
                        #expect(r.plan?.status == status, "\(where_)")
                        if v == 1 { #expect(back.contains("status: \(status.rawValue)  # a comment"), "\(where_)") }
                        #expect(readPlan(out).id == readPlan(text).id)
                    }
                }
            }
        }
    }

    @Test func lineEndingsAreDetectedAndApplied() {
        #expect(LineEnding.of("a\r\nb\n") == .crlf)
        #expect(LineEnding.of("a\rb") == .cr)
        #expect(LineEnding.of("ab") == .lf)
        #expect(LineEnding.of(Array("a\r\nb".utf8)) == .crlf)
        #expect(LineEnding.of(Array("a\rb".utf8)) == .cr)
        #expect(LineEnding.of(Array("a\nb".utf8)) == .lf)
        #expect(LineEnding.crlf.apply("a\nb\n") == "a\r\nb\r\n")
        #expect(LineEnding.cr.apply("a\nb") == "a\rb")
        for (ending, _) in Self.endings {
            let t = "x:\(ending)  - y\(ending)\(ending)z"
            #expect(TextLines(t).text == t)
            #expect(TextLines(t).ending == LineEnding(rawValue: ending))
        }
    }

    /// PlanWriter's output for a CRLF plan, converted as the editor and guide do, reads back the same.
    @Test func writtenPlansKeepTheirLineEnds() throws {
        for url in Paths.examples {
            for (ending, name) in Self.endings {
                let text = try Paths.text(url).replacingOccurrences(of: "\n", with: ending)
                let plan = readPlan(text)
                let saved = LineEnding.of(Array(text.utf8)).apply(PlanWriter.write(plan))
                #expect(readPlan(saved) == plan, "\(name)")
                let back = saved.replacingOccurrences(of: ending, with: "\n")
                if ending != "\n" { #expect(!back.contains("\r"), "\(name): mixed line ends") }
            }
        }
    }
}
