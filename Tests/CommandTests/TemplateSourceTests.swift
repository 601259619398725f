/// Where templates come from (issue 13 item 9): `--templates DIR`, the store's `templates/`,
/// or the installed share folder beside the executable (`bin/../share/supportplan/templates`);
/// never the current folder. A debug build falls back to the source tree; an installed copy
/// uses its own share folder first.
import Foundation
import Testing

@Suite(.serialized) struct TemplateSourceTests {
    let peggy = Binary.examples.appendingPathComponent("older-person-home-care.yaml").path
    static let repoTemplates = Binary.root.appendingPathComponent("templates")
    static let script = "<script>alert('from the current folder')</script>"

    /// A folder laid out like `templates/`, with every document template and a plan template
    /// named `name`, each marked with `mark`.
    static func templatesFolder(at url: URL, planName: String, mark: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try fm.createDirectory(at: url.appendingPathComponent("documents"), withIntermediateDirectories: true)
        let plan = try String(contentsOf: repoTemplates.appendingPathComponent("plans/self-written.yaml"), encoding: .utf8)
        try ("# \(mark)\n" + plan).write(to: url.appendingPathComponent("plans/\(planName).yaml"), atomically: true, encoding: .utf8)
        for name in ["text", "markdown", "html", "easy-read", "style"] {
            try "\(mark) {{title}}\n".write(to: url.appendingPathComponent("documents/\(name).mustache"), atomically: true,
                                           encoding: .utf8)
        }
    }

    /// A working folder with a hostile `templates/`: a plan template named `evil` and document
    /// templates that put a script into every page.
    static func hostileFolder() throws -> URL {
        let cwd = try Binary.tempDir()
        try templatesFolder(at: cwd.appendingPathComponent("templates"), planName: "evil", mark: script)
        try templatesFolder(at: cwd.appendingPathComponent("templates"), planName: "self-written", mark: script)
        return cwd
    }

    /// An installed copy: PREFIX/bin/supportplan (this build) and PREFIX/share/supportplan/templates.
    static func installedCopy(planName: String, mark: String) throws -> URL {
        let prefix = try Binary.tempDir()
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let bin = prefix.appendingPathComponent("bin/supportplan")
        try FileManager.default.copyItem(at: Binary.url, to: bin)
        try templatesFolder(at: prefix.appendingPathComponent("share/supportplan/templates"), planName: planName, mark: mark)
        return bin
    }

    @Test func aTemplatesFolderInTheCurrentFolderIsNotUsed() throws {
        let cwd = try Self.hostileFolder()
        let list = try Binary.run(["new", "--list"], in: cwd)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.split(separator: "\n") == ["older-person-home-care", "self-written", "young-adult-pa"])
        #expect(!list.err.contains(cwd.path))
        let made = try Binary.run(["new", "--template", "self-written", "-o", "-"], in: cwd)
        #expect(made.status == 0)
        #expect(made.out.contains("format: supportplan/1") && !made.out.contains("<script>"))
        let evil = try Binary.run(["new", "--template", "evil", "-o", "-"], in: cwd)
        #expect(evil.status == 2)
        #expect(evil.err.contains("no template 'evil'"))
    }

    @Test(arguments: ["html", "easy-read", "text", "markdown"])
    func aHostileTemplateInTheCurrentFolderDoesNotReachTheDocument(_ format: String) throws {
        let cwd = try Self.hostileFolder()
        let r = try Binary.run(["render", peggy, "--as", format], in: cwd)
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.contains("alert("))
        #expect(r.out.contains("Peggy"))
        // Run by a bare name from PATH too: the program's folder is not the current one.
        let bin = Binary.url.deletingLastPathComponent().path
        let fromPath = try Binary.run(["-c", "supportplan render \(peggy) --as \(format)"], in: cwd,
                                      env: ["PATH": "\(bin):/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(fromPath.status == 0, "\(fromPath.err)")
        #expect(!fromPath.out.contains("alert(") && fromPath.out.contains("Peggy"))
    }

    @Test func anInstalledCopyUsesItsOwnShareFolder() throws {
        let bin = try Self.installedCopy(planName: "installed-only", mark: "INSTALLED-MARK")
        let cwd = try Self.hostileFolder()
        let list = try Binary.run(["new", "--list"], in: cwd, executable: bin)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out == "installed-only\n")
        let page = try Binary.run(["render", peggy, "--as", "html"], in: cwd, executable: bin)
        #expect(page.out == "INSTALLED-MARK Support plan for Peggy (Margaret Whitfield)\n")
        // Without its share folder an installed copy says so (the debug fallback comes after it).
        try FileManager.default.removeItem(at: bin.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/supportplan/templates/plans"))
        let noPlans = try Binary.run(["new", "--list"], in: cwd, executable: bin)
        #expect(!noPlans.out.contains("evil") && !noPlans.out.contains("installed-only"))
    }

    @Test func theStoresOwnTemplatesComeBeforeTheInstalledOnes() throws {
        let store = try Binary.tempDir()
        try Self.templatesFolder(at: store.appendingPathComponent("templates"), planName: "council-review", mark: "STORE-MARK")
        let cwd = try Self.hostileFolder()
        let list = try Binary.run(["new", "--list", "--store", store.path], in: cwd)
        #expect(list.out == "council-review\n")
        let viaEnv = try Binary.run(["new", "--list"], in: cwd, env: ["SUPPORTPLAN_STORE": store.path])
        #expect(viaEnv.out == "council-review\n")
        // A plan in the store you are in gets the store's documents; the same store seen from
        // elsewhere (a bundle someone sent, with its own config.yaml and plans/) does not.
        try FileManager.default.createDirectory(at: store.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = store.appendingPathComponent("plans/peggy.yaml").path
        try FileManager.default.copyItem(atPath: peggy, toPath: plan)
        try "underspend_percent: 10\n".write(to: store.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let page = try Binary.run(["render", plan, "--as", "text"], in: store)
        #expect(page.out.hasPrefix("STORE-MARK Support plan for Peggy"))
        let fromElsewhere = try Binary.run(["render", plan, "--as", "text"], in: cwd)
        #expect(fromElsewhere.out.hasPrefix("Support plan for Peggy"), "\(fromElsewhere.out.prefix(80))")
        // --templates DIR comes first of all.
        let own = try Binary.tempDir()
        try Self.templatesFolder(at: own, planName: "mine", mark: "OWN-MARK")
        let chosen = try Binary.run(["render", plan, "--as", "text", "--templates", own.path], in: cwd)
        #expect(chosen.out.hasPrefix("OWN-MARK Support plan for Peggy"))
        #expect(try Binary.run(["new", "--list", "--templates", own.path, "--store", store.path]).out == "mine\n")
    }

    @Test func aPlanBesideATemplatesFolderOutsideAStoreDoesNotUseIt() throws {
        // <dir>/plans/x.yaml with <dir>/templates but no <dir>/config.yaml: not a store.
        let dir = try Self.hostileFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let plan = dir.appendingPathComponent("plans/peggy.yaml").path
        try FileManager.default.copyItem(atPath: peggy, toPath: plan)
        let r = try Binary.run(["render", plan, "--as", "html"], in: dir)
        #expect(r.status == 0)
        #expect(!r.out.contains("alert(") && r.out.contains("Peggy"))
    }

    @Test func templateNamesAreNotPaths() throws {
        let dir = try Binary.tempDir()
        let r = try Binary.run(["new", "--template", "../documents/html", "-o", dir.appendingPathComponent("p.yaml").path])
        #expect(r.status == 2)
        #expect(r.err.contains("no template '../documents/html'"))
    }

    @Test func completionOffersTheTemplateNames() throws {
        // What the generated scripts run: ---completion SUBCOMMAND -- OPTION WORD-INDEX CURSOR WORDS…
        let r = try Binary.run(["---completion", "new", "--", "--template", "3", "0", "supportplan", "new", "--template", ""])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.split(separator: "\n").map(String.init) == ["older-person-home-care", "self-written", "young-adult-pa"])
        let store = try Binary.tempDir()
        try Self.templatesFolder(at: store.appendingPathComponent("templates"), planName: "council-review", mark: "m")
        let fromStore = try Binary.run(["---completion", "new", "--", "--template", "5", "0",
                                        "supportplan", "new", "--store", store.path, "--template", ""])
        #expect(fromStore.out == "council-review\n")
        let prefixed = try Binary.run(["---completion", "edit", "--", "--template", "3", "1", "supportplan", "edit", "--template", "y"])
        #expect(prefixed.out == "young-adult-pa\n")
    }
}
