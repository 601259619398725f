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
        for (path, text) in texts {
            guard let text else { continue }
            for term in matches(in: text, c.policy.jargon) {
                out.append(c.finding(.jargon, path,
                    "'\(term.term)' is a professional term; in the person's words say \"\(term.plain)\"",
                    plain: "Instead of '\(term.term)' you could say: \(term.plain)."))
            }
        }
        return out
    }

    /// Terms found in the text; a longer term hides the shorter ones inside it.
    public static func matches(in text: String, _ terms: [JargonTerm]) -> [JargonTerm] {
        let found = terms.filter { containsWholeWords(text, $0.term) }
        return found.filter { t in
            !found.contains { $0.term.count > t.term.count && containsWholeWords($0.term, t.term) }
        }
    }
}
