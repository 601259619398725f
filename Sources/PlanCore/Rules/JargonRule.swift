/// `jargon` (info): professional terms in the person's own words, with the plain term to use
/// (domain §11). Person-facing text: about me, what is important, communication, outcomes and
/// the person's words on agreement.

public enum JargonRule {
    static func check(_ c: RuleContext) -> [Finding] {
        let p = c.plan
        var texts: [(String, String?)] = [
            ("about_me", p.aboutMe), ("person.communication", p.person.communication),
            ("agreement.person_words", p.agreement.personWords),
        ]
        texts += p.importantToMe.enumerated().map { ("important_to_me[\($0.offset)]", $0.element) }
        texts += p.importantForMe.enumerated().map { ("important_for_me[\($0.offset)]", $0.element) }
        texts += p.outcomes.enumerated().map { ("outcomes[\($0.offset)].text", $0.element.text) }
        var out: [Finding] = []
        let matcher = JargonMatcher(c.policy.jargon)
        for (path, text) in texts {
            guard let text else { continue }
            for term in matcher.matches(in: text) {
                out.append(c.finding(.jargon, path,
                    "'\(term.term)' is a professional term; in the person's words say \"\(term.plain)\"",
                    plain: "Instead of '\(term.term)' you could say: \(term.plain)."))
            }
        }
        return out
    }

    /// Terms found in the text; a longer term hides the shorter ones inside it.
    public static func matches(in text: String, _ terms: [JargonTerm]) -> [JargonTerm] {
        JargonMatcher(terms).matches(in: text)
    }

    /// The text with every jargon term (whole words, any case) replaced by its plain words,
    /// longest terms first, for documents the person reads.
    public static func plainWords(_ text: String, _ terms: [JargonTerm]) -> String {
        var out = text
        for term in terms.sorted(by: { $0.term.count > $1.term.count }) {
            out = replaceWholeWords(out, term.term, with: term.plain)
        }
        return out
    }

    static func replaceWholeWords(_ text: String, _ phrase: String, with replacement: String) -> String {
        let hay = Array(text), lower = Array(text.lowercased()), needle = Array(phrase.lowercased())
        guard !needle.isEmpty, hay.count == lower.count else { return text }
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        var out = "", i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, Array(lower[i..<(i + needle.count)]) == needle,
               i == 0 || !isWordChar(lower[i - 1]),
               i + needle.count == hay.count || !isWordChar(lower[i + needle.count]) {
                out += replacement
                i += needle.count
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return out
    }
}

/// A list of jargon terms prepared once (each term's bytes) for searching many texts.
struct JargonMatcher {
    let terms: [JargonTerm]
    let patterns: [WholeWordPattern]

    init(_ terms: [JargonTerm]) {
        self.terms = terms
        patterns = terms.map { WholeWordPattern($0.term) }
    }

    /// Terms found in the text; a longer term hides the shorter ones inside it.
    func matches(in text: String) -> [JargonTerm] {
        var bytes = text, characters: [Character]? = nil
        let found = bytes.withUTF8 { buffer in
            let hay = SearchText(buffer)
            return patterns.indices.filter { patterns[$0].occurs(in: hay, text, characters: &characters) }
        }
        return found.filter { t in
            !found.contains { terms[$0].term.count > terms[t].term.count && patterns[t].occurs(in: terms[$0].term) }
        }.map { terms[$0] }
    }
}
