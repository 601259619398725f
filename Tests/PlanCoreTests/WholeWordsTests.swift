/// The whole-word search over bytes gives the answers of the search over `Character`s it
/// replaced, on many strings: ASCII and not, any case, at word boundaries and inside words,
/// with combining marks, CR LF, the Kelvin sign and `İ`; and the jargon rule finds the same terms.
import PropertyBased
import Testing
@testable import PlanCore

@Suite struct WholeWordsTests {
    /// Pieces that meet at word boundaries in every way that matters.
    static let pieces: [String] = [
        "rent", "Rent", "RENT", "current", "rents", "ras", "RAS", "isf", " ", "  ", "-", "'", "’", ".", ",", ";", "`",
        "\n", "\r\n", "\r", "é", "e\u{301}", "\u{301}", "É", "ß", "İ", "\u{212A}", "k", "K", "ǅ", "日本", "👨‍👩‍👧",
        "1", "٣", "½", "a", "b", "\u{0600}", "\u{200D}", "\u{037E}", "\u{1FEF}", "personal budget", "Direct Payments",
        "sign-off", "on-costs", "care and support plan",
    ]
    static let phrases: [String] = [
        "rent", "RAS", "isf", "personal budget", "direct payment", "direct payments", "sign-off", "on-costs", "k",
        "a;b", "a`", "e", "é", "e\u{301}", "ß", "İ", "\r", "\n", "x\r\ny", "日本", "", " ", "-", "1", "kk", "ss",
    ]

    static let piece = Gen.element(of: WholeWordsTests.pieces).map { $0 ?? "" }

    @Test func sameAnswersAsTheCharacterSearch() async {
        let text = WholeWordsTests.piece.array(of: 0...12).map { $0.joined() }
        let phrase = WholeWordsTests.piece.array(of: 1...3).map { $0.joined() }
        await propertyCheck(count: 5_000, input: text, phrase) { text, phrase in
            for phrase in WholeWordsTests.phrases + [phrase] {
                #expect(containsWholeWords(text, phrase) == containsWholeWordsByCharacter(text, phrase),
                        "\(text.debugDescription) \(phrase.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        ("Rent arrears", "rent", true), ("current", "rent", false), ("the RAS said", "ras", true),
        ("rent's due", "rent", true), ("rent’s due", "rent", true), ("rentée", "rent", false), ("rent\u{301}", "rent", false),
        ("\u{212A}eep", "keep", true), ("İsf", "isf", false), ("x\r\nrent\r\n", "rent", true), ("rent1", "rent", false),
        ("1rent", "rent", false), ("_rent_", "rent", true), ("personal  budget", "personal budget", false),
        ("PERSONAL BUDGET.", "personal budget", true), ("a;b", "a;b", true), ("a\u{037E}b", "a;b", true),
    ])
    func knownAnswers(_ text: String, _ phrase: String, _ expected: Bool) {
        #expect(containsWholeWordsByCharacter(text, phrase) == expected)
        #expect(containsWholeWords(text, phrase) == expected)
    }

    /// The jargon rule's answer as it was, over `Character`s.
    static func referenceMatches(_ text: String, _ terms: [JargonTerm]) -> [JargonTerm] {
        let found = terms.filter { containsWholeWordsByCharacter(text, $0.term) }
        return found.filter { t in
            !found.contains { $0.term.count > t.term.count && containsWholeWordsByCharacter($0.term, t.term) }
        }
    }

    @Test func jargonMatchesAsBefore() async {
        let words = WholeWordsTests.pieces + Policy.defaultJargon.map(\.term) + ["the", "my", "and", "Eligible Needs"]
        let text = Gen.element(of: words).map { $0 ?? "" }.array(of: 0...10).map { $0.joined(separator: " ") }
        await propertyCheck(count: 3_000, input: text) { text in
            #expect(JargonRule.matches(in: text, Policy.defaultJargon) == WholeWordsTests.referenceMatches(text, Policy.defaultJargon),
                    "\(text.debugDescription)")
        }
    }

    @Test func jargonInTheExamplesAsBefore() throws {
        for url in Paths.examples + Paths.templates {
            let text = try Paths.text(url)
            for line in text.split(separator: "\n") {
                #expect(JargonRule.matches(in: String(line), Policy.defaultJargon)
                        == WholeWordsTests.referenceMatches(String(line), Policy.defaultJargon))
            }
        }
    }
}
