/// `-` is standard input where a plan is read and standard output where a file is written,
/// for every command that reads or writes one: never a file named `-`.
import Foundation
import Testing

@Suite(.serialized) struct StandardStreamTests {
    let peggyPath = Binary.examples.appendingPathComponent("older-person-home-care.yaml").path
    var peggy: String { (try? String(contentsOfFile: peggyPath, encoding: .utf8)) ?? "" }

    /// No command may leave a file called `-` behind.
    func expectNoDashFile(in dir: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path), sourceLocation: sourceLocation)
    }

    @Test func checkReadsStandardInputUnderItsOwnName() throws {
        let piped = try Binary.run(["check", "--json", "-"], stdin: peggy)
        let direct = try Binary.run(["check", "--json", peggyPath])
        #expect(piped.status == 0)
        let a = try #require(try JSONSerialization.jsonObject(with: Data(piped.out.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(direct.out.utf8)) as? [String: Any])
        #expect(a["file"] as? String == "<stdin>")
        #expect(a["totals"] as? [String: Int] == b["totals"] as? [String: Int])
        #expect((a["findings"] as? [[String: Any]])?.count == (b["findings"] as? [[String: Any]])?.count)
        // Findings name it too, with line and column.
        let broken = try Binary.run(["check", "-"], stdin: "format: supportplan/1\nid: [oops\n")
        #expect(broken.status == 2)
        #expect(broken.out.contains("<stdin>:"))
        // Mixed with files, in its place.
        let mixed = try Binary.run(["check", peggyPath, "-"], stdin: peggy)
        let files = mixed.out.split(separator: "\n").filter { $0.contains(": 0 errors") }.map { $0.split(separator: ":")[0] }
        #expect(files == [Substring(peggyPath), "<stdin>"])
        // Standard input cannot be two plans.
        let twice = try Binary.run(["check", "-", "-"], stdin: peggy)
        #expect(twice.status == 2)
        #expect(twice.err.contains("standard input"))
    }

    @Test func renderFromStandardInputToStandardOutput() throws {
        let dir = try Binary.tempDir()
        for format in ["text", "markdown", "html", "easy-read"] {
            let piped = try Binary.run(["render", "-", "--as", format, "-o", "-"], in: dir, stdin: peggy)
            let direct = try Binary.run(["render", peggyPath, "--as", format])
            #expect(piped.status == 0, "\(piped.err)")
            #expect(piped.out == direct.out)
            #expect(piped.out.contains("Peggy"))
            #expect(!piped.err.contains("Wrote"))
        }
        expectNoDashFile(in: dir)
    }

    @Test func totalsAndExportReadStandardInput() throws {
        let totals = try Binary.run(["totals", "-"], stdin: peggy)
        #expect(totals.status == 0)
        #expect(totals.out == (try Binary.run(["totals", peggyPath])).out)
        let dir = try Binary.tempDir()
        let csv = try Binary.run(["export", "-", "--as", "csv", "-o", "-"], in: dir, stdin: peggy)
        #expect(csv.status == 0)
        #expect(csv.out == (try Binary.run(["export", peggyPath, "--as", "csv"])).out)
        let json = try Binary.run(["export", "-", "--as", "json"], stdin: peggy)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "<stdin>")
        expectNoDashFile(in: dir)
    }

    @Test func newWritesToStandardOutputWithNothingElseOnIt() throws {
        let dir = try Binary.tempDir()
        let r = try Binary.run(["new", "--template", "young-adult-pa", "--id", "XY-12", "-o", "-"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("#") || r.out.hasPrefix("format:"))
        #expect(r.out.contains("\nid: XY-12\n"))
        #expect(!r.out.contains("Wrote"))
        expectNoDashFile(in: dir)
        // What it wrote is the plan `new -o FILE` writes.
        let file = dir.appendingPathComponent("p.yaml").path
        #expect(try Binary.run(["new", "--template", "young-adult-pa", "--id", "XY-12", "-o", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == r.out)
        // And it checks from standard input just as the file does.
        let piped = try Binary.run(["check", "-"], stdin: r.out)
        let direct = try Binary.run(["check", file])
        #expect(piped.status == direct.status)
        #expect(piped.out.replacingOccurrences(of: "<stdin>", with: file) == direct.out)
    }

    @Test func diffTakesOneSideFromStandardInput() throws {
        let changed = peggy.replacingOccurrences(of: "quantity: 5.25", with: "quantity: 6")
        #expect(changed != peggy)
        let r = try Binary.run(["diff", peggyPath, "-"], stdin: changed)
        #expect(r.status == 1)
        #expect(r.out.contains("~ S1"))
        let same = try Binary.run(["diff", "-", peggyPath], stdin: peggy)
        #expect(same.status == 0)
    }
}
