/// Input limits and safe output end to end (docs/security.md): the real binary on files an
/// attacker could put in a store — too large, FIFOs, devices, sockets, links, CRLF plans,
/// plan text full of terminal escapes and spreadsheet formulas — and keygen's file modes.
import Foundation
import Testing

/// The C library's pseudo-terminal calls, which Swift's Glibc module does not import.
enum PTY {
    static func symbol<T>(_ name: String, as: T.Type) -> T {
        unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)!, to: T.self)
    }
    static let openpt = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}

@Suite(.serialized) struct SafetyCommandTests {
    /// Runs the binary, but gives up (and fails) after `seconds`: a hang must not hang the suite.
    static func runWithin(_ seconds: Double, _ args: [String], in dir: URL? = nil,
                          env: [String: String] = [:]) throws -> RunResult? {
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = args
        if let dir { p.currentDirectoryURL = dir }
        var environment = ProcessInfo.processInfo.environment
        environment["SUPPORTPLAN_STORE"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("sp-out-\(UUID().uuidString)")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("sp-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        p.standardOutput = try FileHandle(forWritingTo: outFile)
        p.standardError = try FileHandle(forWritingTo: errFile)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return nil
        }
        return RunResult(status: p.terminationStatus, out: try String(contentsOf: outFile, encoding: .utf8),
                         err: try String(contentsOf: errFile, encoding: .utf8))
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: Binary.examples.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    }

    /// A folder holding one good plan and every kind of file that is not a regular file.
    static func hostileFolder() throws -> (URL, [String]) {
        let dir = try Binary.tempDir()
        try example("older-person-home-care").write(to: dir.appendingPathComponent("good.yaml"), atomically: true, encoding: .utf8)
        #expect(mkfifo(dir.appendingPathComponent("fifo.yaml").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("null.yaml").path, withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("fifo-link.yaml").path,
                                                   withDestinationPath: dir.appendingPathComponent("fifo.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("broken.yaml").path, withDestinationPath: "nowhere.yaml")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("x.yaml"), withIntermediateDirectories: true)
        let socket = dir.appendingPathComponent("sock.yaml").path
        #expect(bindSocket(socket), "could not make a socket")
        return (dir, ["fifo.yaml", "zero.yaml", "null.yaml", "fifo-link.yaml", "broken.yaml", "sock.yaml"])
    }

    static func bindSocket(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { return false }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        return ok == 0
    }

    // MARK: Input limits

    @Test func aFileOverTheLimitIsRefusedWithItsSizeAt1x1() throws {
        let dir = try Binary.tempDir()
        let plan = dir.appendingPathComponent("big.yaml")
        let body = try Self.example("young-adult-pa")
        let padding = String(repeating: "# padding line to make the file large\n", count: 5_000_000 / 38 + 10)
        try (body + padding).write(to: plan, atomically: true, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: plan.path)[.size] as! Int
        let digits = String(size)
        let sizeWords = digits.enumerated().map { i, c in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(c) }.joined()
        for command in [["check", plan.path], ["totals", plan.path], ["render", plan.path, "--as", "text"],
                        ["export", plan.path, "--as", "csv"], ["diff", plan.path, plan.path]] {
            let r = try #require(try Self.runWithin(20, command))
            #expect(r.status == 2, "\(command[0]): \(r.err)")
            #expect(r.err.contains("\(plan.path):1:1: error: the file is \(sizeWords) bytes"), "\(command[0]): \(r.err)")
            #expect(r.err.contains("over the limit of 5,000,000 bytes"), "\(command[0]): \(r.err)")
        }
        // The same plan under the limit reads.
        try body.write(to: plan, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["check", plan.path]).status != 2)
    }

    @Test func maxFileBytesInConfigSetsTheLimit() throws {
        let dir = try Binary.tempDir()  // a store: config.yaml at its root, the plan in plans/
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = dir.appendingPathComponent("plans/p.yaml")
        let text = try Self.example("young-adult-pa")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let size = text.utf8.count
        try "max_file_bytes: \(size - 1)\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", plan.path])
        #expect(r.status == 2)
        #expect(r.err.contains(":1:1: error: the file is") && r.err.contains("over the limit of"), "\(r.err)")
        try "max_file_bytes: \(size)\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        #expect(try Binary.run(["check", plan.path]).status != 2, "exactly at the limit reads")
        try "max_file_bytes: lots\n".write(to: dir.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let bad = try Binary.run(["check", plan.path])
        #expect(bad.status == 2 && bad.err.contains("config.yaml:1:17: error[field-invalid]"), "\(bad.err)")
    }

    @Test func checkOfAFolderSkipsEveryNonRegularFileWithAMessage() throws {
        let (dir, skipped) = try Self.hostileFolder()
        let r = try #require(try Self.runWithin(10, ["check", dir.path]), "check DIR hung")
        #expect(r.status == 0, "the one good plan passes: \(r.err)")
        #expect(r.out.contains("good.yaml: 0 errors"))
        for name in skipped {
            #expect(r.err.contains("\(dir.path)/\(name): skipped: "), "\(name) not reported: \(r.err)")
        }
        #expect(!r.err.contains("x.yaml: skipped"), "a folder named x.yaml is walked, not reported")
        for kind in ["a FIFO", "a character device", "a socket", "a broken symbolic link"] { #expect(r.err.contains(kind)) }
    }

    @Test func aNamedNonRegularFileIsRefusedNotOpenedBlocking() throws {
        let (dir, skipped) = try Self.hostileFolder()
        // (A folder named x.yaml given to check is walked like any folder: only totals refuses it.)
        for name in skipped + ["x.yaml"] {
            for command in name == "x.yaml" ? ["totals"] : ["check", "totals"] {
                let r = try #require(try Self.runWithin(10, [command, dir.appendingPathComponent(name).path]),
                                     "\(command) \(name) hung")
                #expect(r.status == 2, "\(command) \(name): \(r.err)")
                #expect(r.err.contains(name), "\(command) \(name): \(r.err)")
            }
        }
        // Export of the folder: the good plan, the others skipped.
        let export = try #require(try Self.runWithin(10, ["export", dir.path, "--as", "csv"]))
        #expect(export.status == 0 && export.out.contains("PW-2026-0117"), "\(export.err)")
    }

    @Test func verifySkipsAFIFOOrDeviceAmongTheKeys() throws {
        let store = try Binary.tempDir()
        try FileManager.default.createDirectory(at: store.appendingPathComponent("signed"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: store.appendingPathComponent("keys"), withIntermediateDirectories: true)
        #expect(mkfifo(store.appendingPathComponent("keys/evil.pub").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: store.appendingPathComponent("keys/zero.pub").path, withDestinationPath: "/dev/zero")
        let plan = store.appendingPathComponent("signed/PW-2026-0117-v1.yaml")
        try Self.example("older-person-home-care").write(to: plan, atomically: true, encoding: .utf8)
        try "untrusted comment: x\nRWQAAAAAAAAAAA==\ntrusted comment: x\nAAAA==\n"
            .write(toFile: plan.path + ".minisig", atomically: true, encoding: .utf8)
        // Keys come only from the store's signed config now; keys/ is never read, and the
        // FIFO-as-signature is refused unread. Nothing hangs.
        try FileManager.default.createDirectory(at: store.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try "signers: []\n".write(to: store.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let r = try #require(try Self.runWithin(10, ["verify", "--store", store.path, plan.path]), "verify hung")
        #expect(r.status == 2, "\(r.out) \(r.err)")
        #expect(r.err.contains("is not signed"), "\(r.err)")
    }

    @Test func aCRLFPlanKeepsItsLineEndsThroughSubmitAndReturn() throws {
        let store = try Binary.tempDir()
        try FileManager.default.createDirectory(at: store.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = store.appendingPathComponent("plans/PW-2026-0117.yaml")
        for (ending, name) in [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")] {
            let text = try Self.example("older-person-home-care").replacingOccurrences(of: "\n", with: ending)
            try Data(text.utf8).write(to: plan)
            let lines = text.components(separatedBy: ending).count
            for (command, status) in [(["submit", plan.path], "submitted"),
                                      (["return", plan.path, "--reason", "other", "--comment", "x"], "returned")] {
                let r = try Binary.run(command + ["--store", store.path], env: ["USER": "tester"])
                #expect(r.status == 0, "\(name) \(command[0]): \(r.err)")
                let after = String(decoding: try Data(contentsOf: plan), as: UTF8.self)
                let unix = after.replacingOccurrences(of: ending, with: "\n")
                #expect(unix.components(separatedBy: "\n").filter { $0.hasPrefix("status:") } == ["status: \(status)"],
                        "\(name) \(command[0]): one status line")
                #expect(after.components(separatedBy: ending).count == lines, "\(name) \(command[0]): every line end kept")
                if ending != "\n" {
                    #expect(!unix.contains("\r") && !after.replacingOccurrences(of: ending, with: "").contains("\n"),
                            "\(name) \(command[0]): no mixed line ends")
                }
                let check = try Binary.run(["check", plan.path, "--store", store.path])
                #expect(check.status != 2, "\(name) \(command[0]): still a plan: \(check.out)")
            }
        }
    }

    // MARK: Safe output

    /// The young-adult example with hostile text in a name, a support line and an unknown key.
    static func hostilePlan(_ s: String, in dir: URL) throws -> URL {
        // Short escapes: a key (the unknown one below) may be at most 1,024 characters in YAML.
        let q = "\"" + s.unicodeScalars.map { u in
            u.value > 0xFF ? String(format: "\\U%08X", u.value)
                : u.isASCII && (u.properties.isAlphabetic || u == " " || u == "=") ? String(u) : String(format: "\\x%02X", u.value)
        }.joined() + "\""
        var text = try example("young-adult-pa")
        text = text.replacingOccurrences(of: "  preferred_name: Cal\n", with: "  preferred_name: \(q)\n")
        text = text.replacingOccurrences(of: "    what: Lewis, my daytime PA", with: "    what: \(q)\n    x_what: Lewis")
        text = text.replacingOccurrences(of: "status: draft\n", with: "status: draft\n\(q): 1\n")
        let url = dir.appendingPathComponent("hostile.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Every C0 control (but line feed), DEL and every C1 control in one value, then OSC, CSI
    /// and 8-bit CSI sequences on their own.
    static let attacks: [String] = [
        ((0..<0x20).filter { $0 != 0x0A } + [0x7F] + Array(0x80...0x9F)).map { "a\(String(UnicodeScalar(UInt8($0))))" }.joined(),
        "\u{1B}]0;owned\u{07}", "\u{1B}[2J\u{1B}[H", "x\u{1B}[1A\u{1B}[2Ky", "\u{9B}31m", "=HYPERLINK(\"http://e\")",
    ]

    /// Raw control characters left in output (line ends aside).
    static func raw(_ s: String, keepingTabs: Bool = false) -> [String] {
        let scalars = Array(s.unicodeScalars)
        return scalars.enumerated().compactMap { i, u in
            let control = u.value < 0x20 || (0x7F...0x9F).contains(u.value)
            guard control, u != "\n", !(u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"),
                  !(keepingTabs && u == "\t") else { return nil }
            return String(format: "U+%04X", u.value)
        }
    }

    @Test func everyTextOutputShowsControlsVisibly() throws {
        let dir = try Binary.tempDir()
        let old = Binary.examples.appendingPathComponent("young-adult-pa.yaml").path
        for attack in Self.attacks {
            let plan = try Self.hostilePlan(attack, in: dir).path
            for command in [["check", plan], ["check", "--json", plan], ["totals", plan], ["diff", old, plan],
                            ["render", plan, "--as", "text"], ["render", plan, "--as", "markdown"],
                            ["render", plan, "--as", "html"], ["export", plan, "--as", "csv"], ["export", plan, "--as", "json"]] {
                let r = try Binary.run(command)
                #expect(r.status != 2, "\(command): \(r.err)")
                // HTML is not a text document: a tab in it is layout, harmless on a terminal.
                let left = Self.raw(r.out, keepingTabs: command.contains("html")) + Self.raw(r.err)
                #expect(left.isEmpty, "\(command.prefix(3)) with \(attack.debugDescription) wrote raw \(left)")
            }
            let md = try Binary.run(["render", plan, "--as", "markdown", "-o", dir.appendingPathComponent("p.md").path])
            let file = try String(contentsOf: dir.appendingPathComponent("p.md"), encoding: .utf8)
            #expect(md.status == 0 && Self.raw(file).isEmpty, "markdown file with \(attack.debugDescription)")
        }
        let plan = try Self.hostilePlan("\u{1B}]0;owned\u{07}", in: dir).path
        #expect(try Binary.run(["render", plan, "--as", "text"]).out.contains("^[]0;owned^G"))
        #expect(try Binary.run(["check", plan]).out.contains("^[]0;owned^G"))
    }

    @Test func markdownEscapesHTMLAndMarkup() throws {
        let dir = try Binary.tempDir()
        let plan = try Self.hostilePlan("<script>alert(1)</script> **bold** [link](http://e) | cell", in: dir).path
        let r = try Binary.run(["render", plan, "--as", "markdown"])
        #expect(r.status == 0)
        #expect(!r.out.contains("<script>") && r.out.contains("&lt;script&gt;"))
        #expect(!r.out.contains("**bold**") && r.out.contains("\\*\\*bold\\*\\*"))
        #expect(r.out.contains("\\[link\\](http://e) \\| cell"))
    }

    @Test func csvExportGuardsFormulasInEveryTextColumn() throws {
        let dir = try Binary.tempDir()
        for trigger in ["=", "+", "-", "@", "\t", "\r"] {
            let plan = try Self.hostilePlan("\(trigger)cmd|' /C calc'!A0", in: dir).path
            var text = try String(contentsOfFile: plan, encoding: .utf8)
            let q = "\"" + "\(trigger)1+1".unicodeScalars.map { String(format: "\\U%08X", $0.value) }.joined() + "\""
            text = text.replacingOccurrences(of: "    provider: Lewis Carter (I employ him)", with: "    provider: \(q)")
            try text.write(toFile: plan, atomically: true, encoding: .utf8)
            let r = try Binary.run(["export", plan, "--as", "csv"])
            #expect(r.status == 0, "\(r.err)")
            let row = r.out.components(separatedBy: "\r\n")[1]
            #expect(row.contains(",\"'") || row.contains(",'"), "\(trigger.debugDescription): \(row)")
            #expect(!row.contains(",\(trigger)") && !row.contains(",\"\(trigger)"), "\(trigger.debugDescription): \(row)")
            #expect(row.contains(",13.45,hour,20,week,1,269"), "money stays numbers: \(row)")
        }
    }

    @Test func redactReplacesPlanIDsAndReferences() throws {
        let plan = Binary.examples.appendingPathComponent("young-adult-pa.yaml").path
        for format in ["csv", "json"] {
            let r = try Binary.run(["export", plan, "--as", format, "--redact"])
            #expect(r.status == 0)
            #expect(!r.out.contains("CA-2026-0388") && !r.out.contains("588129"), "\(format)")
            #expect(r.out.contains("PLAN-1"), "\(format)")
        }
    }

    // MARK: Keys

    @Test func keygenForceWritesTheSecretKey0600AndChecksTheFolder() throws {
        let root = try Binary.tempDir()
        let env = ["XDG_CONFIG_HOME": root.appendingPathComponent("cfg").path]
        #expect(try Binary.run(["keygen", "Ana Lopez", "--store", root.path], env: env).status == 0)
        let folder = root.appendingPathComponent("cfg/supportplan/keys").path
        let secret = folder + "/ana-lopez.key"
        func mode(_ p: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as! Int }
        #expect(try mode(folder) == 0o700, "a new key folder is 0700")
        for loose in [0o644, 0o666, 0o604, 0o640] {
            chmod(secret, mode_t(loose))
            let r = try Binary.run(["keygen", "Ana Lopez", "--store", root.path, "--force"], env: env)
            #expect(r.status == 0, "\(r.err)")
            #expect(try mode(secret) == 0o600, "--force over a \(String(loose, radix: 8)) file")
        }
        // --secret-key over an existing loose file elsewhere.
        let other = root.appendingPathComponent("mine").path
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        FileManager.default.createFile(atPath: other + "/k.key", contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        #expect(try Binary.run(["keygen", "Raj", "--store", root.path, "--force", "--secret-key", other + "/k.key"], env: env).status == 0)
        #expect(try mode(other + "/k.key") == 0o600)
        // A key folder that group or others can write to is refused; nothing is written.
        for open in [0o770, 0o702, 0o777, 0o1777] {
            chmod(folder, mode_t(open))
            let r = try Binary.run(["keygen", "Bea", "--store", root.path], env: env)
            #expect(r.status == 2, "folder \(String(open, radix: 8))")
            #expect(r.err.contains("chmod go-w"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/bea.key"))
        }
        chmod(folder, 0o700)
        #expect(try Binary.run(["keygen", "Bea", "--store", root.path], env: env).status == 0)
    }

    @Test func ctrlCAtThePassphrasePromptRestoresEcho() throws {
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            let master = PTY.openpt(O_RDWR | O_NOCTTY)
            #expect(master >= 0)
            guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, let name = PTY.ptsname(master) else { return }
            let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
            defer { close(slave); close(master) }
            var t = termios()
            tcgetattr(slave, &t)
            #expect(t.c_lflag & tcflag_t(ECHO) != 0, "the pty starts with echo on")
            let root = try Binary.tempDir()
            // Spawned with no signals blocked and default handlers, as from a shell (the test
            // runner blocks some signals, and a child would inherit that).
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var none = sigset_t(), all = sigset_t()
            sigemptyset(&none)
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attr, &none)
            posix_spawnattr_setsigdefault(&attr, &all)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, slave, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var env = ProcessInfo.processInfo.environment
            env["XDG_CONFIG_HOME"] = root.appendingPathComponent("cfg").path
            env["SUPPORTPLAN_PASSPHRASE"] = nil
            let args = [Binary.url.path, "keygen", "Ana", "--store", root.path, "--passphrase"]
            let argv = args.map { strdup($0) } + [nil]
            let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            var pid: pid_t = 0
            #expect(posix_spawn(&pid, Binary.url.path, &actions, &attr, argv, envp) == 0)
            // Wait for the prompt to turn echo off, then send the signal.
            let deadline = Date().addingTimeInterval(20)
            repeat { usleep(10_000); tcgetattr(slave, &t) } while t.c_lflag & tcflag_t(ECHO) != 0 && Date() < deadline
            #expect(t.c_lflag & tcflag_t(ECHO) == 0, "the prompt turned echo off")
            kill(pid, sig)
            var status: Int32 = 0
            var waited: pid_t = 0
            for _ in 0..<1000 {
                waited = waitpid(pid, &status, WNOHANG)
                if waited != 0 { break }
                usleep(10_000)
            }
            if waited == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0); Issue.record("signal \(sig) did not stop it") }
            tcgetattr(slave, &t)
            #expect(t.c_lflag & tcflag_t(ECHO) != 0, "signal \(sig) at the prompt left the terminal without echo")
            #expect(status & 0x7F == sig, "it still stops as that signal does (status \(status))")
        }
    }
}
