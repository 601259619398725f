/// Safe output (docs/security.md): every control character in plan text shown visibly in
/// check, totals, diff and JSON output; Markdown values escaped; CSV formula cells made inert;
/// --redact hides plan ids and references. Classes of input: every C0, DEL, every C1, OSC, CSI.
import Foundation
import Testing
@testable import PlanCore

/// Every control character one at a time, and the sequences attackers use.
enum Hostile {
    static let c0: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar(UInt8($0)) }
    static let c1: [Unicode.Scalar] = (0x80...0x9F).map { Unicode.Scalar(UInt8($0)) }
    static let all: [Unicode.Scalar] = c0 + ["\u{7F}"] + c1
    /// OSC (set the window title), CSI (clear the screen, move the cursor up), a bell.
    static let sequences = ["\u{1B}]0;owned\u{07}", "\u{1B}[2J", "\u{1B}[1A\u{1B}[2K", "\u{9B}31m", "a\rb"]
    static var strings: [String] { all.map { "x\(String($0))y" } + sequences }

    /// Controls left in output, other than the line ends (and tabs) that lay it out.
    static func raw(_ s: String, keepingCR: Bool = false) -> [UInt32] {
        let scalars = Array(s.unicodeScalars)
        return scalars.enumerated().filter { i, u in
            guard SafeText.isControl(u) else { return false }
            if u == "\n" { return false }
            if keepingCR && u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { return false }
            return true
        }.map { $0.element.value }
    }

    /// A double-quoted YAML scalar holding `s` (every character written as `\\u` and four hex digits).
    static func yaml(_ s: String) -> String {
        "\"" + s.unicodeScalars.map { u in
            u.isASCII && !SafeText.isControl(u) && u != "\"" && u != "\\" ? String(u)
                : "\\U" + String(format: "%08X", u.value)
        }.joined() + "\""
    }
}

@Suite struct SafeTextTests {
    @Test func everyControlCharacterBecomesVisible() {
        for u in Hostile.all {
            let shown = SafeText.visible("a\(String(u))b")
            #expect(Hostile.raw(shown).isEmpty && !shown.unicodeScalars.contains("\n"), "U+\(String(u.value, radix: 16))")
            #expect(shown.count > 2, "U+\(String(u.value, radix: 16)) was dropped, not shown")
        }
        #expect(SafeText.visible("\u{1B}[2J") == "^[[2J")
        #expect(SafeText.visible("\u{1B}]0;t\u{07}") == "^[]0;t^G")
        #expect(SafeText.visible("\u{7F}") == "^?")
        #expect(SafeText.visible("\u{9B}") == "\\u{9B}")
        #expect(SafeText.visible("a\r\nb") == "a^M^Jb")
        #expect(SafeText.visible("a\nb\r", keepNewlines: true) == "a\nb^M")
        #expect(SafeText.visible("café 日本 👍🏽") == "café 日本 👍🏽", "ordinary text is untouched")
    }

    @Test func terminalOutputKeepsLineEndsAndTabsOnly() {
        for u in Hostile.all where u != "\n" && u != "\t" {
            let shown = SafeText.terminal("col\t\(String(u))x\r\nnext\n")
            #expect(Hostile.raw(shown, keepingCR: true).filter { $0 != 9 }.isEmpty, "U+\(String(u.value, radix: 16))")
            #expect(shown.hasPrefix("col\t") && shown.hasSuffix("x\r\nnext\n"))
        }
    }

    @Test func markdownValuesCannotAddMarkup() {
        #expect(SafeText.markdown("<script>alert(1)</script> & co") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
        for special in ["*", "_", "`", "[", "]", "|", "~", "\\"] {
            #expect(SafeText.markdown("a\(special)b") == "a\\\(special)b", "\(special)")
        }
        for start in ["#", "-", "+", "="] {
            #expect(SafeText.markdown("\(start) x") == "\\\(start) x", "line start \(start)")
            #expect(SafeText.markdown("one\n  \(start) x") == "one\n  \\\(start) x", "second line start \(start)")
            #expect(SafeText.markdown("a \(start) b") == "a \(start) b", "\(start) mid-line stays")
        }
        #expect(SafeText.markdown("![x](http://e)") == "!\\[x\\](http://e)")
        for s in Hostile.strings { #expect(Hostile.raw(SafeText.markdown(s)).isEmpty, "\(s.debugDescription)") }
    }

    @Test func csvFormulaTriggersGetAQuote() {
        for trigger in ["=", "+", "-", "@", "\t", "\r"] {
            let cell = SafeText.csvText("\(trigger)HYPERLINK(\"http://x\")")
            #expect(cell.hasPrefix("'"), "\(trigger.debugDescription)")
            #expect(Hostile.raw(cell).isEmpty)
        }
        for safe in ["Cal's PA", "5 hours", "", " =not first"] { #expect(SafeText.csvText(safe) == safe) }
    }

    @Test func jsonEscapesEveryControlCharacter() {
        for u in Hostile.all {
            let q = JSONWriter.quote("a\(String(u))b")
            #expect(Hostile.raw(q).isEmpty && !q.contains("\n"), "U+\(String(u.value, radix: 16))")
            let back = try? JSONSerialization.jsonObject(with: Data(q.utf8), options: .fragmentsAllowed) as? String
            #expect(back == "a\(String(u))b", "JSON keeps the value exactly")
        }
    }
}

/// The plan reports, fed a plan whose every kind of text holds hostile characters.
@Suite struct SafeReportTests {
    static func hostilePlan(_ s: String) throws -> String {
        var text = try Paths.text(Paths.examples[1])
        let q = Hostile.yaml(s)
        text = text.replacingOccurrences(of: "  preferred_name: Cal\n", with: "  preferred_name: \(q)\n")
        text = text.replacingOccurrences(of: "    what: Lewis, my daytime PA", with: "    what: \(q)\n    x_what: Lewis")
        text = text.replacingOccurrences(of: "    provider: Lewis Carter (I employ him)", with: "    provider: \(q)")
        // An unknown key is quoted in its finding's message.
        text = text.replacingOccurrences(of: "status: draft\n", with: "status: draft\n\(q): \(q)\n")
        return text
    }

    @Test func checkTotalsAndDiffShowNoRawControls() throws {
        let base = try Paths.text(Paths.examples[1])
        let old = Checker.check(text: base, file: "old.yaml")
        for s in Hostile.strings {
            let text = try Self.hostilePlan(s)
            let r = Checker.check(text: text, file: "plans/x\(s).yaml")
            #expect(r.plan?.supports.first?.what == s, "the hostile value was read")
            let check = CheckOutput.text(r)
            #expect(Hostile.raw(check).isEmpty, "check: \(s.debugDescription)")
            #expect(check.contains("x\(SafeText.visible(s)).yaml"))
            #expect(Hostile.raw(CheckOutput.json(r)).isEmpty, "check --json: \(s.debugDescription)")
            let totals = TotalsTable.render(r.plan!, r.costing!)
            #expect(Hostile.raw(totals).isEmpty, "totals: \(s.debugDescription)")
            let diff = PlanDiff.compare(old.plan!, r.plan!).lines
            #expect(diff.allSatisfy { Hostile.raw($0).isEmpty && !$0.contains("\n") }, "diff: \(s.debugDescription)")
            #expect(diff.joined().contains(SafeText.visible(s)) || s.count > 30)
        }
    }

    @Test func csvExportGuardsEveryTextColumn() throws {
        let plan = readPlan(try Paths.text(Paths.examples[1]))
        let costing = Coster.cost(plan)
        for trigger in ["=", "+", "-", "@", "\t", "\r"] {
            let payload = "\(trigger)HYPERLINK(\"http://evil\",\"x\")"
            var p = plan
            p.id = payload
            p.supports[0].id = payload
            p.supports[0].what = payload
            p.supports[0].provider = payload
            let row = PlanExport.csvRows(p, costing)[0]
            for column in [0, 1, 2, 4] {
                #expect(row[column].hasPrefix("'"), "\(PlanExport.csvHeader[column]) with \(trigger.debugDescription)")
                #expect(Hostile.raw(row[column]).isEmpty)
            }
            // Money and numbers stay numbers a spreadsheet can add up.
            for column in [7, 9, 11, 12, 13, 14] where !row[column].isEmpty {
                #expect(Double(row[column]) != nil, "\(PlanExport.csvHeader[column]) = \(row[column])")
            }
        }
        for s in Hostile.strings {
            var p = plan
            p.supports[0].what = s
            let csv = PlanExport.csv(PlanExport.csvRows(p, costing))
            #expect(Hostile.raw(csv, keepingCR: true).isEmpty, "csv: \(s.debugDescription)")
        }
    }

    @Test func redactionHidesPlanIDsAndReferences() throws {
        for url in Paths.examples {
            let plan = readPlan(try Paths.text(url))
            let redacted = Redaction.redact(plan, number: 7)
            #expect(redacted.id == "PLAN-7")
            let out = PlanExport.json(redacted, Coster.cost(redacted), file: "[file]") + PlanWriter.write(redacted)
            for secret in [plan.id, plan.person.reference, plan.safeguardingReference].compactMap({ $0 }) where !secret.isEmpty {
                #expect(!out.contains(secret), "\(secret) is still in the redacted export")
            }
        }
    }
}

@Suite struct InvisibleFormatTests {
    /// Text that reorders or hides itself on a terminal is shown; the joiners scripts need are not.
    @Test(arguments: [0x202E, 0x202D, 0x2066, 0x2069, 0x200B, 0x200F, 0x2028, 0x2029, 0x2060] as [UInt32])
    func shownVisibly(_ code: UInt32) {
        let s = "Ana" + String(Unicode.Scalar(code)!) + "Lopez"
        #expect(SafeText.visible(s) == "Ana\\u{\(String(code, radix: 16, uppercase: true))}Lopez")
        #expect(SafeText.terminal(s) != s)
    }

    @Test func joinersStay() {
        for s in ["می\u{200C}خواهم", "क्\u{200D}ष", "👩\u{200D}💻"] { #expect(SafeText.visible(s) == s) }
    }
}
