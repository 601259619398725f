/// `--redact`: a copy of a plan with names, dates of birth, references and free text replaced
/// by placeholders, keeping its structure, ids, words and money, for training and for sharing
/// a problem plan. Names become "Person 1", "Person 2"… consistently; providers "Provider 1"….
/// The plan id (often the council's case number) becomes `PLAN-<number>`, and the council's
/// references (the person's, the safeguarding one) `[reference]`.

public enum Redaction {
    /// `number` tells plans apart in one export (`PLAN-1`, `PLAN-2`…).
    public static func redact(_ plan: Plan, number: Int = 1) -> Plan {
        var p = plan
        p.id = p.id.map { _ in "PLAN-\(number)" }
        var people = Aliases(prefix: "Person"), providers = Aliases(prefix: "Provider")
        func person(_ name: String?) -> String? { people.alias(name) }
        func provider(_ name: String?) -> String? { providers.alias(name) }
        func text(_ s: String?, _ label: String) -> String? {
            guard let s, s.hasWords else { return s }
            let words = s.split(whereSeparator: { $0.isWhitespace }).count
            return "[\(label): \(words) word\(words == 1 ? "" : "s")]"
        }
        p.person.name = person(p.person.name)
        p.person.preferredName = p.person.preferredName.map { _ in "P." }
        if p.person.dateOfBirth != nil {
            p.person.dateOfBirth = nil
            p.person.kept.raw["date_of_birth"] = .scalar("[date of birth]", .plain, .start)
        }
        p.person.reference = p.person.reference.map { _ in "[reference]" }
        p.person.communication = text(p.person.communication, "communication")
        p.person.livesWith = text(p.person.livesWith, "lives with")
        p.author = person(p.author)
        p.plannedWith = p.plannedWith.map { var x = $0; x.name = person(x.name); return x }
        p.employees = p.employees.map { e in
            var x = e
            x.name = person(x.name)
            if x.dateOfBirth != nil {
                x.dateOfBirth = nil
                x.kept.raw["date_of_birth"] = .scalar("[date of birth]", .plain, .start)
            }
            x.necessaryException = text(x.necessaryException, "reason")
            return x
        }
        p.capacity.advocate = person(p.capacity.advocate)
        p.capacity.appropriatePerson = person(p.capacity.appropriatePerson)
        p.capacity.authorisedPerson = person(p.capacity.authorisedPerson)
        p.capacity.bestInterests = text(p.capacity.bestInterests, "best interests record")
        p.aboutMe = text(p.aboutMe, "about me")
        p.importantToMe = p.importantToMe.map { text($0, "important to me")! }
        p.importantForMe = p.importantForMe.map { text($0, "important for me")! }
        p.needs = p.needs.map { var n = $0; n.description = text(n.description, "need \(n.id ?? "")"); return n }
        p.outcomes = p.outcomes.map { var o = $0; o.text = text(o.text, "outcome \(o.id ?? "")"); return o }
        p.supports = p.supports.map { s in
            var s = s
            s.what = text(s.what, "support \(s.id ?? "")")
            s.provider = provider(s.provider)
            s.arrangedBy = text(s.arrangedBy, "arranged by")
            s.pa.necessaryException = text(s.pa.necessaryException, "reason")
            return s
        }
        p.budget.justification = text(p.budget.justification, "justification")
        p.budget.changeReason = text(p.budget.changeReason, "reason")
        p.risks = p.risks.map { var r = $0; r.risk = text(r.risk, "risk"); r.mitigation = text(r.mitigation, "mitigation"); return r }
        p.contingency = p.contingency.map { var c = $0; c.when = text(c.when, "when"); c.then = text(c.then, "then"); return c }
        p.advice.meetOrReduce = text(p.advice.meetOrReduce, "advice")
        p.advice.preventOrDelay = text(p.advice.preventOrDelay, "advice")
        p.safeguardingReference = p.safeguardingReference.map { _ in "[reference]" }
        p.agreement.personWords = text(p.agreement.personWords, "the person's words")
        p.agreement.copyTo = p.agreement.copyTo.map { text($0, "copy to")! }
        p.acknowledged = p.acknowledged.map { var a = $0; a.reason = text(a.reason, "reason"); return a }
        // Unknown keys may hold anything: every kept scalar becomes a placeholder.
        hide(&p.kept)
        hide(&p.person.kept, except: ["date_of_birth"])
        hide(&p.capacity.kept)
        hide(&p.budget.kept)
        hide(&p.advice.kept)
        hide(&p.agreement.kept)
        hide(&p.review.kept)
        for i in p.needs.indices { hide(&p.needs[i].kept) }
        for i in p.outcomes.indices { hide(&p.outcomes[i].kept) }
        for i in p.supports.indices { hide(&p.supports[i].kept); hide(&p.supports[i].pa.kept) }
        for i in p.plannedWith.indices { hide(&p.plannedWith[i].kept) }
        for i in p.employees.indices { hide(&p.employees[i].kept, except: ["date_of_birth"]) }
        for i in p.risks.indices { hide(&p.risks[i].kept) }
        for i in p.contingency.indices { hide(&p.contingency[i].kept) }
        for i in p.acknowledged.indices { hide(&p.acknowledged[i].kept) }
        return p
    }

    /// The same name always gets the same placeholder: "Person 1", "Person 2"…
    struct Aliases {
        let prefix: String
        var known: [String: String] = [:]

        mutating func alias(_ name: String?) -> String? {
            guard let name, name.hasWords else { return name }
            if let a = known[name] { return a }
            let a = "\(prefix) \(known.count + 1)"
            known[name] = a
            return a
        }
    }

    static func hide(_ kept: inout Kept, except: Set<String> = []) {
        for (key, node) in kept.raw where !except.contains(key) { kept.raw[key] = placeholder(node) }
    }

    static func placeholder(_ node: YAMLNode) -> YAMLNode {
        switch node {
        case .scalar(_, _, let p): return .scalar("[value]", .plain, p)
        case .sequence(let items, let p): return .sequence(items.map(placeholder), p)
        case .mapping(let pairs, let p):
            return .mapping(pairs.map { YAMLPair(key: $0.key, keyPosition: $0.keyPosition, value: placeholder($0.value)) }, p)
        }
    }
}
