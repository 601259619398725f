/// Writes a `Plan` as plan-format YAML: the file's own key order kept, fields it did not
/// have in the format's order, unknown keys and unread values as they were written, and every
/// comment of the file back at its key (see `Note`, `CommentMap`).

public enum PlanWriter {
    public static func write(_ p: Plan) -> String {
        YAMLEmitter.document(topLevel(p), tail: p.kept.tail)
    }

    /// One field: its key, its value (nil when absent) and whether it is a list.
    struct Field {
        var key: String
        var value: OutNode?
        var list = false
    }

    static func text(_ k: String, _ v: String?) -> Field { Field(key: k, value: v.map(OutNode.text)) }
    static func word<W: PlanWord>(_ k: String, _ v: W?) -> Field { Field(key: k, value: v.map { .word($0.rawValue) }) }
    static func raw(_ k: String, _ v: CustomStringConvertible?) -> Field { Field(key: k, value: v.map { .word($0.description) }) }
    static func money(_ k: String, _ v: Money?) -> Field { Field(key: k, value: v.map { .word($0.plainText) }) }
    static func bool(_ k: String, _ v: Bool?) -> Field { Field(key: k, value: v.map { .word($0 ? "true" : "false") }) }
    static func texts(_ k: String, _ v: [String]) -> Field {
        Field(key: k, value: v.isEmpty ? nil : .block(v.map(OutNode.text)), list: true)
    }
    /// Short lines of text (names in `copy_to`): flow style when every item is safe there.
    static func shortTexts(_ k: String, _ v: [String]) -> Field {
        v.allSatisfy({ YAMLEmitter.isPlainSafe($0, inFlow: true) }) ? flow(k, v) : texts(k, v)
    }
    static func flow(_ k: String, _ v: [String]) -> Field {
        Field(key: k, value: v.isEmpty ? nil : .flow(v), list: true)
    }
    static func words<W: PlanWord>(_ k: String, _ v: [W]) -> Field { flow(k, v.map(\.rawValue)) }
    static func list(_ k: String, _ v: [[(String, OutNode)]]) -> Field {
        Field(key: k, value: v.isEmpty ? nil : .block(v.map { .map($0) }), list: true)
    }
    static func section(_ k: String, _ pairs: [(String, OutNode)], present: Bool) -> Field {
        Field(key: k, value: pairs.isEmpty && !present ? nil : .map(pairs))
    }

    /// Orders fields: keys in the order the file had them, then new ones at their place in the
    /// format's order. A key the file had with no value stays, as `""` or `[]`. Each key the
    /// file had gets its comments back.
    static func arrange(_ fields: [Field], _ kept: Kept) -> [(String, OutNode)] {
        let out = order(fields, kept)
        guard !kept.notes.isEmpty || !kept.items.isEmpty else { return out }
        return out.map { key, value in
            let v = kept.items[key].map { attach($0, to: value) } ?? value
            return (key, kept.notes[key].map { .noted(v, $0) } ?? v)
        }
    }

    /// Gives each item of a list its comments back, found by its text (an item deleted takes
    /// its comments with it). A list the writer puts on one line (`[a, b]`) is written one item
    /// a line when its items had comments.
    static func attach(_ items: [ItemNote], to value: OutNode) -> OutNode {
        var unused = items
        func take(_ text: String) -> Note? {
            guard let i = unused.firstIndex(where: { $0.text == text }) else { return nil }
            return unused.remove(at: i).note
        }
        switch value {
        case .block(let list):
            return .block(list.map { item in
                guard case .scalar(let text, _) = item.bare, let n = take(text) else { return item }
                return .noted(item, n)
            })
        case .flow(let words, let keepsType):
            let notes = words.map(take)
            guard notes.contains(where: { $0?.hasComment == true }) else { return value }
            // Comments between the items: one item a line, so each keeps its own.
            return .block(zip(words, notes).map { word, n in
                let item = OutNode.scalar(word, YAMLEmitter.isPlainSafe(word, inFlow: false, keepsType: keepsType)
                                          ? .plain : .doubleQuoted)
                return n.map { .noted(item, $0) } ?? item
            })
        default:
            return value
        }
    }

    static func order(_ fields: [Field], _ kept: Kept) -> [(String, OutNode)] {
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(String, OutNode)] = []
        var placed: Set<String> = []
        for key in kept.order where !placed.contains(key) {
            placed.insert(key)
            if let f = byKey[key] {
                if let v = f.value { out.append((key, v)) }
                else if let r = kept.raw[key] { out.append((key, OutNode(r, notes: kept.inner))) }
                else { out.append((key, .empty(list: f.list))) }
            } else if let r = kept.raw[key] {
                out.append((key, OutNode(r, notes: kept.inner)))
            }
        }
        for (i, f) in fields.enumerated() where !placed.contains(f.key) {
            guard let v = f.value ?? kept.raw[f.key].map({ OutNode($0, notes: kept.inner) }) else { continue }
            let before = fields[..<i].reversed().first { placed.contains($0.key) }?.key
            let at = before.flatMap { b in out.firstIndex { $0.0 == b } }.map { $0 + 1 } ?? 0
            out.insert((f.key, v), at: at)
            placed.insert(f.key)
        }
        return out
    }

    static func topLevel(_ p: Plan) -> [(String, OutNode)] {
        let person = arrange([
            text("name", p.person.name), text("preferred_name", p.person.preferredName),
            raw("date_of_birth", p.person.dateOfBirth), text("reference", p.person.reference),
            text("communication", p.person.communication), text("lives_with", p.person.livesWith),
        ], p.person.kept)
        let capacity = arrange([
            bool("has_capacity", p.capacity.hasCapacity), bool("substantial_difficulty", p.capacity.substantialDifficulty),
            text("advocate", p.capacity.advocate), text("appropriate_person", p.capacity.appropriatePerson),
            text("best_interests", p.capacity.bestInterests), text("authorised_person", p.capacity.authorisedPerson),
            word("authorised_person_basis", p.capacity.authorisedPersonBasis),
        ], p.capacity.kept)
        let advice = arrange([
            text("meet_or_reduce", p.advice.meetOrReduce), text("prevent_or_delay", p.advice.preventOrDelay),
        ], p.advice.kept)
        let agreement = arrange([
            word("status", p.agreement.status), raw("date", p.agreement.date),
            text("person_words", p.agreement.personWords), shortTexts("copy_to", p.agreement.copyTo),
        ], p.agreement.kept)
        let review = arrange([raw("first", p.review.first), raw("next", p.review.next), raw("last", p.review.last)],
                             p.review.kept)
        let order = p.kept.order
        return arrange([
            text("format", p.format), text("id", p.id), raw("version", p.version), word("status", p.status),
            word("jurisdiction", p.jurisdiction), raw("created", p.created), raw("updated", p.updated),
            text("author", p.author),
            section("person", person, present: order.contains("person")),
            list("planned_with", p.plannedWith.map { arrange([text("name", $0.name), word("role", $0.role)], $0.kept) }),
            section("capacity", capacity, present: order.contains("capacity")),
            text("about_me", p.aboutMe),
            texts("important_to_me", p.importantToMe), texts("important_for_me", p.importantForMe),
            list("needs", p.needs.map(need)), list("outcomes", p.outcomes.map(outcome)),
            list("supports", p.supports.map(support)),
            list("employees", p.employees.map(employee)),
            section("budget", budget(p.budget), present: order.contains("budget")),
            list("risks", p.risks.map {
                arrange([text("risk", $0.risk), text("mitigation", $0.mitigation),
                         bool("accepted_by_person", $0.acceptedByPerson)], $0.kept)
            }),
            list("contingency", p.contingency.map { arrange([text("when", $0.when), text("then", $0.then)], $0.kept) }),
            section("advice", advice, present: order.contains("advice")),
            word("safeguarding", p.safeguarding), text("safeguarding_reference", p.safeguardingReference),
            section("agreement", agreement, present: order.contains("agreement")),
            section("review", review, present: order.contains("review")),
            list("acknowledged", p.acknowledged.map { arrange([text("rule", $0.rule), text("target", $0.target), text("reason", $0.reason)], $0.kept) }),
        ], p.kept)
    }

    static func need(_ n: Need) -> [(String, OutNode)] {
        arrange([text("id", n.id), word("area", n.area), text("description", n.description),
                 bool("eligible", n.eligible), words("unable_because", n.unableBecause)], n.kept)
    }

    static func outcome(_ o: Outcome) -> [(String, OutNode)] {
        arrange([text("id", o.id), text("text", o.text), words("wellbeing", o.wellbeing), flow("needs", o.needs)], o.kept)
    }

    static func support(_ s: Support) -> [(String, OutNode)] {
        let pa = arrange([
            raw("age", s.pa.age), bool("regular_hours", s.pa.regularHours),
            bool("relative_in_household", s.pa.relativeInHousehold), text("necessary_exception", s.pa.necessaryException),
        ], s.pa.kept)
        return arrange([
            text("id", s.id), text("what", s.what), word("kind", s.kind), word("on_cost", s.onCost),
            text("provider", s.provider), word("funding", s.funding), word("management", s.management),
            money("rate", s.rate), word("unit", s.unit), raw("quantity", s.quantity), word("per", s.per),
            raw("start", s.start), raw("end", s.end), flow("meets", s.meets), text("arranged_by", s.arrangedBy),
            raw("shared_by", s.sharedBy), text("employee", s.employee), raw("hours_per_unit", s.hoursPerUnit),
            word("night", s.night),
            list("rate_changes", s.rateChanges.map { arrange([raw("from", $0.from), money("rate", $0.rate)], $0.kept) }),
            shortTexts("payee", s.payee),
            section("pa", pa, present: s.kept.order.contains("pa")),
        ], s.kept)
    }

    static func employee(_ e: Employee) -> [(String, OutNode)] {
        arrange([
            text("id", e.id), text("name", e.name), raw("date_of_birth", e.dateOfBirth), raw("start", e.start),
            bool("regular_hours", e.regularHours), bool("apprentice", e.apprentice),
            bool("relative_in_household", e.relativeInHousehold), text("necessary_exception", e.necessaryException),
        ], e.kept)
    }

    static func budget(_ b: Budget) -> [(String, OutNode)] {
        arrange([
            Field(key: "weeks_per_year", value: b.weeksPerYear.map { .word($0.text) }),
            money("indicative", b.indicative), money("final", b.final),
            money("person_contribution", b.personContribution), money("council_contribution", b.councilContribution),
            text("justification", b.justification), word("payment", b.payment), shortTexts("payer", b.payer),
            word("payroll", b.payroll),
            bool("employment_allowance", b.employmentAllowance),
            section("period", arrange([raw("from", b.period.from), raw("to", b.period.to)], b.period.kept),
                    present: b.kept.order.contains("period")),
            raw("reserve_weeks", b.reserveWeeks),
            money("previous_final", b.previousFinal), text("change_reason", b.changeReason),
        ], b.kept)
    }
}
