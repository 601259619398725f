/// `supportplan guide` in plain line mode, scripted from a file: the golden transcript, a
/// complete plan that `check` passes, stopping halfway then carrying on, and a self-advocate
/// adding a personal assistant that `check` and `totals` cost as an employer.
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
        #expect(second.out.contains("Part 1 of 12 · About me · question 4 of 4\nTell us about yourself"), "it carries on where it stopped")
        #expect(!second.out.contains("What is your name?"))
        #expect(second.out.contains("Your plan has everything it needs."))
        #expect(try Binary.run(["check", dir.appendingPathComponent("mary.yaml").path]).status == 0)
    }

    @Test func backAndSkipAndBadAnswers() throws {
        let dir = try Binary.tempDir()
        _ = try newPlan(in: dir)
        let r = try guide("Mary\nback\nMary Jones\nskip\nstop\n", in: dir)
        #expect(r.out.components(separatedBy: "Part 1 of 12 · About me · question 1 of 4").count == 3, "back asks question 1 again")
        #expect(r.out.contains("Your answer now: Mary (press Enter to keep it)"))
        let plan = try String(contentsOf: dir.appendingPathComponent("mary.yaml"), encoding: .utf8)
        #expect(plan.contains("name: Mary Jones"))
        // Information, about me, important to and for me left empty; then a yes/no question answered 9.
        let later = try guide("\n\n\n\n9\n", in: dir)
        #expect(later.out.contains("Type the number of your answer, from 1 to 2, or its words, like Yes."))
    }

    /// Mary employs Lewis herself: the guide asks the PA questions, works out her costs as an
    /// employer, and the plan gets a `kind: pa` line and an `employees:` entry that `check`
    /// (minimum wage) and `totals` (employer NI, holiday cover) cost. At the end she goes back
    /// to his pay from the list of things still to do.
    @Test func aSelfAdvocateAddsAPAThatCheckCostsAsAnEmployer() throws {
        let dir = try Binary.tempDir()
        _ = try newPlan(in: dir)
        let input = try String(contentsOf: Self.folder.appendingPathComponent("pa-run.input"), encoding: .utf8)
        let r = try guide(input, in: dir)
        #expect(r.status == 0)
        #expect(r.out.contains("""
            "A personal assistant to go out with me": is this someone you employ yourself, your own personal assistant?
            """))
        #expect(r.out.contains("how much will you pay them an hour?\nFor example £13 an hour."))
        #expect(r.out.contains(">\nYour help costs £6,760 a year; you have £8,500.\n"), "£13 an hour × 10 hours × 52 weeks")
        #expect(r.out.contains("Your help costs £7,752 a year (£992 of it for being an employer); you have £8,500."))
        #expect(r.out.contains("Still to do:\n  1. The legal minimum pay after 31 March 2027 is not known yet."))
        #expect(r.out.contains("Your answer now: 13.00 (press Enter to keep it)"), "the end list goes back to the pay question")
        let file = dir.appendingPathComponent("mary.yaml")
        let plan = try String(contentsOf: file, encoding: .utf8)
        #expect(plan.contains("""
              - id: S2
                what: A personal assistant to go out with me
                kind: pa
                provider: Lewis Carter
                funding: council
                management: direct-payment
                rate: 13.50
                unit: hour
                quantity: 10
                per: week
                meets: [N1, O1]
                employee: P1
            """))
        #expect(plan.contains("employees:\n  - id: P1\n    name: Lewis Carter\n    date_of_birth: 1995-08-14\n"))
        #expect(!plan.contains("kind: other"))
        let check = try Binary.run(["check", file.path])
        #expect(check.status == 0)
        #expect(check.out.hasSuffix("mary.yaml: 0 errors, 1 warning\n"), "\(check.out)")
        #expect(check.out.contains("warning[wage-table-ends]: PA line S2"), "the minimum wage is checked on the PA line")
        let totals = try Binary.run(["totals", file.path])
        #expect(totals.status == 0)
        #expect(totals.out.contains("Employer NI           £303.00      £303.00"), "\(totals.out)")
        #expect(totals.out.contains("Holiday cover         £756.00      £756.00"))
        #expect(totals.out.contains("NI: 15% × (£7,020.00 − £5,000.00 threshold)"))

        // Paid below the minimum wage, the plan is refused by check.
        let low = try Binary.tempDir()
        _ = try newPlan(in: low)
        let lowInput = input.replacingOccurrences(of: "£13 an hour", with: "£9.50 an hour")
            .replacingOccurrences(of: "£13.50 an hour", with: "£9.60 an hour")
        #expect(try guide(lowInput, in: low).status == 0)
        let refused = try Binary.run(["check", low.appendingPathComponent("mary.yaml").path])
        #expect(refused.status != 0)
        #expect(refused.out.contains("error[pa-below-minimum-wage]"), "\(refused.out)")
    }
}
