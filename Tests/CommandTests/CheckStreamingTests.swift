/// `check` as people run it on many files: it goes on past a missing path (reported, exit 2 at
/// the end), prints each file's result as soon as it is done and in the order given, shows a
/// progress line on standard error only when that is a terminal, and its `--json` lines follow
/// docs/check-output.schema.json.
import Foundation
import Testing

/// Text gathered by a reader thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func withLock<T>(_ body: (inout String) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&text)
    }
}

@Suite(.serialized) struct CheckStreamingTests {
    let examples = ["older-person-home-care", "young-adult-pa"].map { Binary.examples.appendingPathComponent("\($0).yaml").path }

    @Test func aMissingPathIsReportedAndTheOthersAreStillChecked() throws {
        let dir = try Binary.tempDir()
        let missing = dir.appendingPathComponent("gone.yaml").path
        let missingFolder = dir.appendingPathComponent("no-such-folder").path
        for json in [false, true] {
            let r = try Binary.run(["check"] + (json ? ["--json"] : []) + [examples[0], missing, missingFolder, examples[1]])
            #expect(r.status == 2)
            #expect(r.err.contains("\(missing): cannot be read: no such file or folder"))
            #expect(r.err.contains("\(missingFolder): cannot be read: no such file or folder"))
            let results = json
                ? r.out.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String }
                : r.out.split(separator: "\n").filter { $0.contains(": 0 errors") }.map { String($0.split(separator: ":")[0]) }
            #expect(results == examples, "\(r.out)")
        }
        // An error in a later plan still counts: the worst is reported (2 beats 1).
        let bad = dir.appendingPathComponent("bad.yaml")
        try String(contentsOfFile: examples[0], encoding: .utf8).replacingOccurrences(of: "rate: 29.50", with: "rate: lots")
            .write(to: bad, atomically: true, encoding: .utf8)
        let both = try Binary.run(["check", missing, bad.path])
        #expect(both.status == 2)
        #expect(both.out.contains("\(bad.path):"))
        #expect(try Binary.run(["check", bad.path]).status == 1)
    }

    @Test func resultsStreamInOrderBeforeTheLastPlanIsRead() throws {
        // The last plan is standard input, held open: the two before it must be printed while
        // check still waits for it.
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["check", examples[0], examples[1], "-"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        _ = Binary.ignoreBrokenPipes
        try p.run()
        let seen = Collected()
        let reader = Thread {
            while case let data = output.fileHandleForReading.availableData, !data.isEmpty {
                seen.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        reader.start()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !seen.withLock({ $0.contains("young-adult-pa.yaml: 0 errors") }) { usleep(20_000) }
        let before = seen.withLock { $0 }
        #expect(before.contains("older-person-home-care.yaml: 0 errors"), "nothing printed while standard input was open")
        #expect(before.contains("young-adult-pa.yaml: 0 errors"))
        #expect(!before.contains("<stdin>"))
        try input.fileHandleForWriting.write(contentsOf: Data(try String(contentsOfFile: examples[0], encoding: .utf8).utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        while reader.isExecuting { usleep(10_000) }
        let all = seen.withLock { $0 }
        #expect(p.terminationStatus == 0)
        let order = ["older-person-home-care.yaml: 0 errors", "young-adult-pa.yaml: 0 errors", "<stdin>: 0 errors"]
            .map { all.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func manyFilesComeOutInTheOrderGiven() throws {
        let dir = try Binary.tempDir()
        let text = try String(contentsOfFile: examples[1], encoding: .utf8)
        var files: [String] = []
        for i in 0..<40 {
            // Names whose sorted order is not the order given.
            let file = dir.appendingPathComponent("plan-\((i * 17) % 40).yaml").path
            try text.replacingOccurrences(of: "id: CA-2026-0388", with: "id: CA-2026-\(1000 + i)").write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let r = try Binary.run(["check", "--json"] + files)
        #expect(r.status == 0)
        let ids = r.out.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        #expect(ids == (0..<40).map { "CA-2026-\(1000 + $0)" })
    }

    @Test func progressOnlyWhenStandardErrorIsATerminal() throws {
        let plain = try Binary.run(["check", examples[0], examples[1]])
        #expect(plain.err.isEmpty, "no progress in a pipe: \(plain.err)")
        // Standard error on a pseudo-terminal (script(1) makes one), standard output a file.
        let dir = try Binary.tempDir()
        let outFile = dir.appendingPathComponent("out.txt").path
        let command = "\(Binary.url.path) check \(examples[0]) \(examples[1]) \(examples[0]) > \(outFile)"
        let r = try Binary.run(["-q", "-e", "-c", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("checked 0 of 3 plans"), "\(r.out.debugDescription)")
        #expect(r.out.hasSuffix("\r\u{1B}[K"), "the progress line is cleared at the end: \(r.out.debugDescription)")
        let stdout = try String(contentsOfFile: outFile, encoding: .utf8)
        #expect(!stdout.contains(" of 3 plans"), "the progress line goes to standard error only")
        #expect(stdout.components(separatedBy: ": 0 errors").count == 4)
    }

    /// Validates JSON Lines against docs/check-output.schema.json with python3's jsonschema.
    static func validate(_ lines: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            n = 0
            for line in open(sys.argv[2]):
                jsonschema.validate(json.loads(line), schema)
                n += 1
            print(f"{n} valid")
            """, Binary.root.appendingPathComponent("docs/check-output.schema.json").path, file.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func jsonLinesFollowTheSchema() throws {
        let dir = try Binary.tempDir()
        let peggy = try String(contentsOfFile: examples[0], encoding: .utf8)
        // Classes of plan: clean, with errors, over budget, no budget (totals null), not YAML, empty.
        let cases: [(String, String)] = [
            ("errors.yaml", peggy.replacingOccurrences(of: "rate: 29.50", with: "rate: lots")),
            ("over.yaml", peggy.replacingOccurrences(of: "  final: 17250.00", with: "  final: 1000.00")),
            ("no-budget.yaml", peggy.replacingOccurrences(of: "  final: 17250.00\n", with: "")),
            ("not-yaml.yaml", "format: supportplan/1\nid: [oops\n"),
            ("empty.yaml", ""),
            ("list.yaml", "- just\n- a list\n"),
        ]
        var files = examples
        for (name, text) in cases {
            let file = dir.appendingPathComponent(name).path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let r = try Binary.run(["check", "--json"] + files + ["-"], stdin: peggy)
        #expect(r.out.split(separator: "\n").count == files.count + 1)
        let (status, output) = try Self.validate(r.out)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(files.count + 1) valid"))
        // The schema is strict enough to fail: an extra key, a missing key, a money string.
        let first = String(r.out.split(separator: "\n")[0])
        for broken in [first.replacingOccurrences(of: "{\"file\":", with: "{\"extra\":1,\"file\":"),
                       first.replacingOccurrences(of: "\"summary\":", with: "\"summery\":"),
                       first.replacingOccurrences(of: "\"one_off_pence\":7500", with: "\"one_off_pence\":\"75.00\"")] {
            #expect(broken != first)
            #expect(try Self.validate(broken + "\n").0 != 0, "accepted: \(broken)")
        }
    }
}
