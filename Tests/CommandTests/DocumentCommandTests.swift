/// `supportplan render` and `export` as a person runs them.
import Foundation
import Testing

@Suite(.serialized) struct DocumentCommandTests {
    let peggy = Binary.examples.appendingPathComponent("older-person-home-care.yaml").path

    @Test func renderWritesEachFormat0600() throws {
        let dir = try Binary.tempDir()
        for format in ["text", "markdown", "html", "easy-read"] {
            let out = dir.appendingPathComponent("peggy-\(format)").path
            let r = try Binary.run(["render", peggy, "--as", format, "-o", out])
            #expect(r.status == 0, "\(r.err)")
            #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
            #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Peggy"))
        }
        let stdout = try Binary.run(["render", peggy, "--as", "text"])
        #expect(stdout.out.hasPrefix("Support plan for Peggy (Margaret Whitfield)\n"))
    }

    @Test func badFormatAndBrokenTemplatesExitTwo() throws {
        let bad = try Binary.run(["render", peggy, "--as", "pdf"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("pdf"))
        let dir = try Binary.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("documents"), withIntermediateDirectories: true)
        for name in ["text", "markdown", "html", "easy-read", "style"] {
            try "ok {{title}}\n".write(to: dir.appendingPathComponent("documents/\(name).mustache"), atomically: true, encoding: .utf8)
        }
        try "line one\n{{#needs}}\n{{/outcomes}}\n".write(to: dir.appendingPathComponent("documents/html.mustache"),
                                                           atomically: true, encoding: .utf8)
        let broken = try Binary.run(["render", peggy, "--as", "text", "--templates", dir.path])
        #expect(broken.status == 2)
        #expect(broken.err.contains("documents/html.mustache:3:"))
        try "ok {{title}}\n".write(to: dir.appendingPathComponent("documents/html.mustache"), atomically: true, encoding: .utf8)
        let custom = try Binary.run(["render", peggy, "--as", "text", "--templates", dir.path])
        #expect(custom.out == "ok Support plan for Peggy (Margaret Whitfield)\n")
    }

    @Test func exportCsvAndJson() throws {
        let csv = try Binary.run(["export", Binary.examples.path, "--as", "csv", "--bom"])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("\u{FEFF}plan_id,line_id,what"))
        #expect(csv.out.components(separatedBy: "\r\n").filter { $0.hasPrefix("PW-2026-0117,") }.count == 10)
        let json = try Binary.run(["export", peggy, "--as", "json", "--redact"])
        #expect(json.status == 0)
        #expect(!json.out.contains("Whitfield") && json.out.contains("\"final_pence\":1725000"))
    }
}
