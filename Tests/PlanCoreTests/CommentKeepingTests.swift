/// Saving keeps every comment of the file in place relative to its key: whole-line comments
/// above a key or entry, end-of-line comments, comments inside lists and at the end of the
/// file; a deleted key or entry takes its own comments with it.
import Foundation
import Testing
@testable import PlanCore

@Suite struct CommentKeepingTests {
    /// Lines that are comments, or hold one after a value.
    static func commentLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { $0.contains("#") }
    }

    @Test(arguments: Paths.examples + Paths.templates)
    func anUneditedSaveIsByteIdentical(_ url: URL) throws {
        let original = try Paths.text(url)
        #expect(PlanWriter.write(readPlan(original)) == original)
    }

    @Test func aCRLFTemplateComesBackByteForByte() throws {
        let original = LineEnding.crlf.apply(try Paths.text(Paths.templates[0]))
        let written = PlanWriter.write(readPlan(original))
        #expect(!written.contains("\r"), "the writer writes LF; the save puts the file's own ends back")
        #expect(LineEnding.crlf.apply(written) == original)
    }

    @Test func aHandoverCommentStaysAboveItsKeyAndAfterItsValue() {
        let original = """
            format: supportplan/1
            id: CA-2026-0001
            # handover: ring Jo's daughter (07700 900123) before any visit
            person:
              name: Jo Bloggs      # handover: likes to be called Jo
              reference: "1234"
            about_me: I grew up in Leeds.   # handover: check this with Jo

            """
        var plan = readPlan(original)
        plan.person.name = "Joanna Bloggs"
        plan.aboutMe = "I grew up in Leeds.\nI worked at the mill."
        let written = PlanWriter.write(plan)
        // The end-of-line comments stay at their column (32 for about_me's) while the line is short enough.
        #expect(written == """
            format: supportplan/1
            id: CA-2026-0001
            # handover: ring Jo's daughter (07700 900123) before any visit
            person:
              name: Joanna Bloggs  # handover: likes to be called Jo
              reference: "1234"
            about_me: |-\(String(repeating: " ", count: 20))# handover: check this with Jo
              I grew up in Leeds.
              I worked at the mill.

            """)
        #expect(PlanReader.read(written).plan == plan)
    }

    @Test func endOfLineCommentsOnEveryKindOfValue() {
        let original = """
            # first line
            format: supportplan/1   # the format
            id: CA-1
            planned_with:           # who helped
              - name: Sam           # the person
                role: person
            important_to_me:
              # the things first
              - My cat              # Tibbles
              - "Church: Sunday"    # St Mary's
            needs:
              - id: N1              # first need
                area: nutrition
                unable_because: [needs-help]   # said at the assessment
            supports:
              - id: S1
                what: |             # in their words
                  Help to cook
                  # not a comment: part of the text
                rate: 12.00         # the agency's rate
                rate_changes:
                  # from April
                  - from: 2027-04-01   # new year
                    rate: 12.50        # agreed
            colour:                 # not a field of the plan
              shade: blue           # kept as written
              # inside
              tones: [1, 2]
            # the end
            # really the end

            """
        let plan = readPlan(original)
        #expect(plan.supports[0].what == "Help to cook\n# not a comment: part of the text\n")
        #expect(PlanWriter.write(plan) == original)
        var edited = plan
        edited.importantToMe.append("My garden")
        edited.supports[0].rateChanges[0].rate = Money(pence: 1275)
        let written = PlanWriter.write(edited)
        #expect(Self.commentLines(written).count == Self.commentLines(original).count)
        #expect(written.contains("  - \"Church: Sunday\"    # St Mary's\n  - My garden\nneeds:"))
        #expect(written.contains("        rate: 12.75        # agreed\n"))
        #expect(PlanReader.read(written).plan == edited)
    }

    @Test func commentsInListsOfEntriesGoWithTheirEntry() {
        let original = """
            format: supportplan/1
            needs:
              # the bath
              - id: N1          # assessed in May
                area: personal-hygiene
              # meals
              - id: N2          # assessed in June
                area: nutrition
              - id: N3
                area: dressed   # mornings only
            outcomes: []        # none yet

            """
        var plan = readPlan(original)
        plan.needs.remove(at: 1)
        plan.needs.append(Need(id: "N4"))
        plan.needs[2].area = .homeSafely
        plan.outcomes.append(Outcome(id: "O1"))
        let written = PlanWriter.write(plan)
        #expect(written == """
            format: supportplan/1
            needs:
              # the bath
              - id: N1          # assessed in May
                area: personal-hygiene
              - id: N3
                area: dressed   # mornings only
              - id: N4
                area: home-safely
            outcomes:           # none yet
              - id: O1

            """)
    }

    @Test func aListOfWordsWithCommentsIsWrittenOneItemALine() {
        let original = """
            format: supportplan/1
            needs:
              - id: N1
                unable_because:
                  - needs-help        # at night
                  - takes-longer

            """
        var plan = readPlan(original)
        #expect(PlanWriter.write(plan) == original)
        plan.needs[0].unableBecause.removeLast()
        #expect(PlanWriter.write(plan).hasSuffix("    unable_because:\n      - needs-help        # at night\n"))
    }

    @Test func aCommentIndentedUnderAValueThatBecomesABlockStaysAComment() {
        let original = """
            format: supportplan/1
            about_me: short
              # about the next key, written deep
            author: Sam

            """
        var plan = readPlan(original)
        plan.aboutMe = "two\nlines"
        let written = PlanWriter.write(plan)
        #expect(PlanReader.read(written).plan == plan)
        #expect(written.contains("\n# about the next key, written deep\nauthor: Sam\n"))
    }

    // MARK: - property: random edits never lose a comment whose key survives

    /// A template with a numbered comment at the end of every key line that has none and one
    /// above every third key line, each remembered with the key path and entry it belongs to.
    struct Tagged {
        var text: String
        /// tag → (key, entry id or nil, above the key or at its line's end)
        var tags: [String: (key: String, entry: String?, above: Bool)] = [:]
    }

    static func tagged(_ template: String) -> Tagged {
        var out: [String] = []
        var tags: [String: (key: String, entry: String?, above: Bool)] = [:]
        var entry: String?
        var inBlock: Int?
        for (n, line) in template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if let b = inBlock, line.trimmingCharacters(in: .whitespaces).isEmpty || indent > b { out.append(line); continue }
            inBlock = nil
            let body = line.dropFirst(indent)
            let isEntry = body.hasPrefix("- ")
            let keyPart = isEntry ? body.dropFirst(2) : body
            guard let colon = keyPart.firstIndex(of: ":"), !keyPart.hasPrefix("#"),
                  keyPart[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }) else { out.append(line); continue }
            let key = String(keyPart[..<colon])
            if indent == 0 { entry = nil }
            if isEntry { entry = key == "id" ? String(keyPart[keyPart.index(after: colon)...]).trimmingCharacters(in: .whitespaces) : "line\(n)" }
            let inList = indent > 0 && entry != nil
            if n % 3 == 0 {
                let tag = "above\(n)"
                out.append(String(repeating: " ", count: indent) + "# \(tag)")
                tags[tag] = (key, inList ? entry : nil, true)
            }
            if keyPart.hasSuffix("|") || keyPart.hasSuffix("|-") { inBlock = indent }
            if line.contains(" #") { out.append(line); continue }
            let tag = "end\(n)"
            out.append(line + "  # \(tag)")
            tags[tag] = (key, inList ? entry : nil, false)
        }
        return Tagged(text: out.joined(separator: "\n"), tags: tags)
    }

    /// Random edits of the kinds the editor makes: text (one or several lines), money, words,
    /// entries added and deleted.
    static func edit(_ p: inout Plan, _ rng: inout SplitMix) {
        let texts = ["Mary", "", "two\nlines", "Sam: the carer", "# not a comment", "yes", "a \"quoted\" word"]
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let word = texts.randomElement(using: &rng)!
            let t: String? = word.isEmpty ? nil : word  // a cleared field is absent, as the editor leaves it
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: p.person.name = t
            case 1: p.aboutMe = t
            case 2 where !p.needs.isEmpty: p.needs[Int.random(in: 0..<p.needs.count, using: &rng)].description = t
            case 3 where !p.needs.isEmpty: p.needs.remove(at: Int.random(in: 0..<p.needs.count, using: &rng))
            case 4: p.needs.append(Need(id: "N\(p.needs.count + 10)"))
            case 5 where !p.supports.isEmpty: p.supports.remove(at: Int.random(in: 0..<p.supports.count, using: &rng))
            case 6 where !p.supports.isEmpty:
                let i = Int.random(in: 0..<p.supports.count, using: &rng)
                p.supports[i].what = t
                p.supports[i].rate = Money(pence: Int64.random(in: 0...5000, using: &rng))
            case 7: p.importantToMe.append(t ?? "walks")
            default: p.budget.final = Money(pence: Int64.random(in: 0...2_000_000, using: &rng))
            }
        }
    }

    @Test(arguments: Paths.templates)
    func randomEditsNeverLoseACommentWhoseKeySurvives(_ url: URL) throws {
        let tagged = Self.tagged(try Paths.text(url))
        let start = readPlan(tagged.text)
        #expect(PlanWriter.write(start) == tagged.text)
        #expect(tagged.tags.count >= 30)
        for seed in UInt64(1)...60 {
            var rng = SplitMix(state: seed)
            var plan = start
            Self.edit(&plan, &rng)
            let written = PlanWriter.write(plan)
            #expect(PlanReader.read(written).plan == plan, "seed \(seed): the edits must read back")
            let lines = written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let alive = Set(plan.needs.compactMap(\.id) + plan.supports.compactMap(\.id))
            for (tag, place) in tagged.tags {
                let at = lines.indices.filter { lines[$0].hasSuffix("# \(tag)") }
                let survives = place.entry.map { alive.contains($0) || !$0.hasPrefix("N") && !$0.hasPrefix("S") } ?? true
                guard survives else {
                    #expect(at.isEmpty, "seed \(seed): \(tag) of deleted \(place.entry!) is still there")
                    continue
                }
                guard at.count == 1, let i = at.first else {
                    Issue.record("seed \(seed): \(tag) (\(place.key)) found \(at.count) times")
                    continue
                }
                var k = i
                if place.above {
                    k += 1
                    while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).hasPrefix("#") { k += 1 }
                }
                let body = lines[k].drop { $0 == " " || $0 == "-" }
                #expect(body.hasPrefix(place.key + ":"), "seed \(seed): \(tag) is at '\(lines[k])', not at \(place.key)")
            }
        }
    }

    @Test(arguments: Paths.templates)
    func mangledFilesWithCommentsStillSaveToWhatWasRead(_ url: URL) throws {
        // Damaged files (the fuzzer's mutations of a template full of comments): whatever is
        // read, the save with its comments reads back to the same plan, and saving it again
        // changes nothing.
        let text = try Paths.text(url)
        var checked = 0
        for seed in UInt64(1)...800 {
            let mangled = PlanMutator.mutate(text, seed: seed)
            guard let plan = PlanReader.read(mangled).plan else { continue }
            checked += 1
            let written = PlanWriter.write(plan)
            let again = PlanReader.read(written).plan
            #expect(again == plan, "seed \(seed): the save does not read back")
            if let again { #expect(PlanWriter.write(again) == written, "seed \(seed): a second save changes the file") }
        }
        #expect(checked > 150)
    }
}
