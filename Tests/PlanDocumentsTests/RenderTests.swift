/// Golden documents for both reference examples in every format, plus what each must promise:
/// easy read has no jargon, HTML is self-contained, a template error names file and line.
import Foundation
import PlanCore
import PlanDocuments
import Testing

@Suite struct RenderTests {
    @Test(arguments: Fixture.examples, DocumentFormat.allCases)
    func golden(_ example: String, _ format: DocumentFormat) throws {
        let (plan, result, _) = try Fixture.example(example)
        let text = try Fixture.renderer().render(format, plan: plan, costing: result.costing!, findings: result.findings,
                                                 signOff: .notSigned, policy: .standard)
        let name = "\(example).\(format.rawValue).\(format.fileExtension)"
        #expect(try Fixture.matchesGolden(text, name), "differs from Golden/\(name); rerun with UPDATE_GOLDEN=1 and review the diff")
    }

    static func visibleText(_ html: String) -> String {
        var out = "", inTag = false, inStyle = false
        var rest = Substring(html)
        while let c = rest.first {
            if rest.hasPrefix("<style") { inStyle = true }
            if rest.hasPrefix("</style>") { inStyle = false }
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag && !inStyle { out.append(c) }
            rest = rest.dropFirst()
        }
        return out.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: Fixture.examples)
    func easyReadHasNoJargon(_ example: String) throws {
        let (plan, result, _) = try Fixture.example(example)
        let html = try Fixture.renderer().render(.easyRead, plan: plan, costing: result.costing!, findings: [],
                                                 signOff: .notSigned, policy: .standard)
        let text = Self.visibleText(html)
        #expect(JargonRule.matches(in: text, Policy.defaultJargon).isEmpty,
                "jargon: \(JargonRule.matches(in: text, Policy.defaultJargon).map(\.term))")
        #expect(text.contains("Your money each week: £"))
        #expect(!text.contains("direct payment"))
    }

    @Test func easyReadExplainsMoneySimply() throws {
        let (plan, result, _) = try Fixture.example("young-adult-pa")
        let text = Self.visibleText(try Fixture.renderer().render(.easyRead, plan: plan, costing: result.costing!,
                                                                  findings: [], signOff: .notSigned, policy: .standard))
        // £29,400 ÷ 52 = £565.38; the counted cost £28,175.86 ÷ 52 = £541.84; left £23.54.
        for line in ["Your money each week: £565.38.", "Your help costs £541.84 each week.", "Money left each week: £23.54."] {
            #expect(text.contains(line), "missing: \(line)")
        }
    }

    @Test(arguments: [DocumentFormat.html, .easyRead])
    func htmlIsSelfContainedAndPrintable(_ format: DocumentFormat) throws {
        let (plan, result, _) = try Fixture.example("older-person-home-care")
        let html = try Fixture.renderer().render(format, plan: plan, costing: result.costing!, findings: result.findings,
                                                 signOff: .notSigned, policy: .standard)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no network")
        #expect(!html.contains("<link") && !html.contains("<img"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<h1>"))
        #expect(html.contains("lang=\"en-GB\""))
        if format == .html {
            #expect(html.contains("<caption>") && html.contains("<th scope=\"col\">"))
            #expect(html.contains("break-before: page"))
        }
    }

    @Test func personTextIsEscapedInHTMLAndKeptInText() throws {
        var (plan, _, _) = try Fixture.example("older-person-home-care")
        plan.aboutMe = "I like <b>bold</b> & \"quotes\""
        let costing = Coster.cost(plan)
        let html = try Fixture.renderer().render(.html, plan: plan, costing: costing, findings: [], signOff: .notSigned,
                                                 policy: .standard)
        #expect(html.contains("I like &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;"))
        let text = try Fixture.renderer().render(.text, plan: plan, costing: costing, findings: [], signOff: .notSigned,
                                                 policy: .standard)
        #expect(text.contains("I like <b>bold</b> & \"quotes\""))
    }

    @Test func templateErrorNamesFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("documents"), withIntermediateDirectories: true)
        for name in ["text", "markdown", "html", "easy-read", "style"] {
            try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent("templates/documents/\(name).mustache"),
                                             to: folder.appendingPathComponent("documents/\(name).mustache"))
        }
        let broken = folder.appendingPathComponent("documents/markdown.mustache")
        try "# {{title}}\n\n{{#needs}}\n- {{id}}\n{{/outcomes}}\n".write(to: broken, atomically: true, encoding: .utf8)
        #expect {
            _ = try Fixture.renderer(folder.path)
        } throws: { error in
            let e = error as? TemplateError
            return e?.file.hasSuffix("documents/markdown.mustache") == true && e?.line == 5
                && e!.description.hasPrefix(broken.path + ":5:")
        }
    }
}
