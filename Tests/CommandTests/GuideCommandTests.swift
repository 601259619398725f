/// `supportplan guide` in plain line mode, scripted from a file: the golden transcript, a
/// complete plan that `check` passes, and stopping halfway then carrying on.
import Foundation
import Testing

@Suite(.serialized) struct GuideCommandTests {
    static let folder = Binary.root.appendingPathComponent("Tests/CommandTests/Guide")

    /// A new self-written plan with fixed dates, so the transcript does not depend on today.
    func newPlan(in dir: URL) throws -> String {
        let template = try String(contentsOf: Binary.root.appendingPathComponent("templates/plans/self-written.yaml"), encoding: .utf8)
        let text = template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("created:") { return "created: 2026-11-25" }
            if line.hasPrefix("updated:") { return "updated: 2026-11-25" }
            if line.hasPrefix("id:") { return "id: SP-2026-GUIDE1" }
            return String(line)
        }.joined(separator: "\n")
        try text.write(to: dir.appendingPathComponent("mary.yaml"), atomically: true, encoding: .utf8)
        return "mary.yaml"
    }

    func guide(_ input: String, in dir: URL) throws -> RunResult {
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["guide", "mary.yaml"]
        p.currentDirectoryURL = dir
        let stdin = Pipe(), stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return RunResult(status: p.terminationStatus, out: out, err: "")
    }

    @Test func scriptedRunWritesACompletePlan() throws {
        let dir = try Binary.tempDir()
        _ = try newPlan(in: dir)
        let input = try String(contentsOf: Self.folder.appendingPathComponent("plain-run.input"), encoding: .utf8)
        let r = try guide(input, in: dir)
        #expect(r.status == 0)
        let golden = try String(contentsOf: Self.folder.appendingPathComponent("plain-run.transcript"), encoding: .utf8)
        #expect(r.out == golden, "the transcript differs from Tests/CommandTests/Guide/plain-run.transcript")
        #expect(!r.out.contains("\u{1B}"), "no escape sequences in line mode")
        let check = try Binary.run(["check", dir.appendingPathComponent("mary.yaml").path])
        #expect(check.status == 0)
        #expect(check.out.hasSuffix("mary.yaml: 0 errors, 0 warnings\n"))
        let plan = try String(contentsOf: dir.appendingPathComponent("mary.yaml"), encoding: .utf8)
        #expect(plan.contains("author: Mary Jones") && plan.contains("    area: personal-hygiene"))
    }

    @Test func stopHalfwayAndCarryOn() throws {
        let dir = try Binary.tempDir()
        _ = try newPlan(in: dir)
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("plain-run.input"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Name, called, information, then stop.
        let first = try guide(lines.prefix(3).joined(separator: "\n") + "\nstop\n", in: dir)
        #expect(first.out.contains("Saved. Carry on later with: supportplan guide mary.yaml"))
        #expect(try String(contentsOf: dir.appendingPathComponent("mary.yaml"), encoding: .utf8).contains("name: Mary Jones"))
        let second = try guide(lines.dropFirst(3).joined(separator: "\n"), in: dir)
        #expect(second.out.contains("Question 4 of 30 · About me\nTell us about yourself"), "it carries on where it stopped")
        #expect(!second.out.contains("What is your name?"))
        #expect(second.out.contains("Your plan has everything it needs."))
        #expect(try Binary.run(["check", dir.appendingPathComponent("mary.yaml").path]).status == 0)
    }

    @Test func backAndSkipAndBadAnswers() throws {
        let dir = try Binary.tempDir()
        _ = try newPlan(in: dir)
        let r = try guide("Mary\nback\nMary Jones\nskip\nstop\n", in: dir)
        #expect(r.out.components(separatedBy: "Question 1 of 30 · About me").count == 3, "back asks question 1 again")
        #expect(r.out.contains("Your answer now: Mary (press Enter to keep it)"))
        let plan = try String(contentsOf: dir.appendingPathComponent("mary.yaml"), encoding: .utf8)
        #expect(plan.contains("name: Mary Jones"))
        // Information, about me, important to and for me left empty; then a yes/no question answered 9.
        let later = try guide("\n\n\n\n9\n", in: dir)
        #expect(later.out.contains("Type the number of your answer, from 1 to 2."))
    }
}
