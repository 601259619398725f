/// The editor's sections, in the order of a good planning conversation (domain §2.1), and the
/// rows each shows. Every field of the format is on one of them.
import PlanCore

public enum Section: Int, CaseIterable, Sendable, Equatable {
    case about, needs, outcomes, supports, budget, safety, agreement, findings

    public var title: String {
        switch self {
        case .about: return "About me"
        case .needs: return "Needs"
        case .outcomes: return "Outcomes"
        case .supports: return "Supports"
        case .budget: return "Budget"
        case .safety: return "Keeping safe"
        case .agreement: return "Agreement"
        case .findings: return "Findings"
        }
    }

    /// The section a plan path belongs to (for jumping from a finding).
    public static func of(path: String) -> Section {
        let head = String(path.prefix { $0 != "." && $0 != "[" })
        switch head {
        case "person", "planned_with", "about_me", "important_to_me", "important_for_me": return .about
        case "needs": return .needs
        case "outcomes": return .outcomes
        case "supports": return .supports
        case "budget": return .budget
        case "risks", "contingency", "advice", "safeguarding", "safeguarding_reference", "capacity": return .safety
        default: return .agreement
        }
    }
}

/// Lists of entries a section holds; an open entry shows its own form.
public enum EntryList: String, Sendable, Equatable, CaseIterable {
    case plannedWith = "planned_with", needs, outcomes, supports, risks, contingency, acknowledged

    var noun: String {
        switch self {
        case .plannedWith: return "person who helped"
        case .needs: return "need"
        case .outcomes: return "outcome"
        case .supports: return "support line"
        case .risks: return "risk"
        case .contingency: return "contingency (what if…)"
        case .acknowledged: return "accepted warning"
        }
    }

    /// The noun in plain words.
    var plainNoun: String {
        switch self {
        case .plannedWith: return "person who helped"
        case .needs: return "thing I need help with"
        case .outcomes: return "goal"
        case .supports: return "kind of help"
        case .risks: return "risk"
        case .contingency: return "plan for when help cannot come"
        case .acknowledged: return "accepted warning"
        }
    }

    func noun(plain: Bool) -> String { plain ? plainNoun : noun }

    func count(_ p: Plan) -> Int {
        switch self {
        case .plannedWith: return p.plannedWith.count
        case .needs: return p.needs.count
        case .outcomes: return p.outcomes.count
        case .supports: return p.supports.count
        case .risks: return p.risks.count
        case .contingency: return p.contingency.count
        case .acknowledged: return p.acknowledged.count
        }
    }

    func article(plain: Bool = false) -> String { "aeiou".contains(noun(plain: plain).first!) ? "an" : "a" }

    /// A one-line summary of entry `i`; in plain words without ids or codes.
    func summary(_ p: Plan, _ i: Int, plain: Bool = false) -> String {
        switch self {
        case .plannedWith:
            let role = p.plannedWith[i].role.map { plain ? $0.plainWords : $0.words } ?? (plain ? "who?" : "role?")
            return "\(plain ? "Helped plan" : "Planned with"): \(p.plannedWith[i].name ?? "(no name)") (\(role))"
        case .needs:
            let n = p.needs[i]
            if plain {
                let e = n.eligible == true ? "the council must help" : n.eligible == false ? "the council does not have to help"
                    : "not decided yet"
                return "\(n.area?.plainLabel ?? "(not chosen yet)") · \(e)"
            }
            let e = n.eligible == true ? "eligible" : n.eligible == false ? "not eligible" : "eligible?"
            return "\(n.id ?? "?") \(n.area?.plainLabel ?? "area?") · \(e)"
        case .outcomes:
            let words = p.outcomes[i].text?.oneLine ?? "(no words yet)"
            return plain ? words : "\(p.outcomes[i].id ?? "?") \(words)"
        case .supports where plain:
            let s = p.supports[i]
            return "\(s.what?.oneLine ?? "(not described)")\(cost(p, i).map { " (\($0))" } ?? "")"
        case .acknowledged where plain:
            return "Accepted warning: \(p.acknowledged[i].reason?.oneLine ?? "")"
        case .supports:
            let s = p.supports[i]
            return "\(s.id ?? "?")\(cost(p, i).map { " (\($0))" } ?? "") \(s.what?.oneLine ?? "(not described)")"
        case .risks: return "Risk: \(p.risks[i].risk?.oneLine ?? "(not written yet)")"
        case .contingency: return "If: \(p.contingency[i].when?.oneLine ?? "…")"
        case .acknowledged:
            let a = p.acknowledged[i]
            return "Accepted \(a.rule ?? "?")\(a.target.map { " for \($0)" } ?? " (all of them)"): \(a.reason ?? "")"
        }
    }

    /// A support line's cost a week (or once), in words.
    func cost(_ p: Plan, _ i: Int) -> String? {
        let s = p.supports[i]
        guard let rate = s.rate, let per = s.per else { return nil }
        let line = Coster.costLine(index: i, s, rate: rate, per: per, weeks: p.budget.weeks)
        return line.weeklyPence.map { "\(Money.pounds($0)) a week" } ?? line.oneOffPence.map { "\(Money.pounds($0)) once" }
    }

    /// Adds an empty entry with the next free id; returns its index.
    func add(to p: inout Plan) -> Int {
        func next(_ prefix: String, _ ids: [String?]) -> String {
            var n = 1
            while ids.contains(where: { $0 == "\(prefix)\(n)" }) { n += 1 }
            return "\(prefix)\(n)"
        }
        switch self {
        case .plannedWith: p.plannedWith.append(Participant())
        case .needs: p.needs.append(Need(id: next("N", p.needs.map(\.id))))
        case .outcomes: p.outcomes.append(Outcome(id: next("O", p.outcomes.map(\.id))))
        case .supports: p.supports.append(Support(id: next("S", p.supports.map(\.id))))
        case .risks: p.risks.append(Risk())
        case .contingency: p.contingency.append(ContingencyEntry())
        case .acknowledged: p.acknowledged.append(Acknowledgement())
        }
        return count(p) - 1
    }

    func delete(_ i: Int, from p: inout Plan) {
        switch self {
        case .plannedWith: p.plannedWith.remove(at: i)
        case .needs: p.needs.remove(at: i)
        case .outcomes: p.outcomes.remove(at: i)
        case .supports: p.supports.remove(at: i)
        case .risks: p.risks.remove(at: i)
        case .contingency: p.contingency.remove(at: i)
        case .acknowledged: p.acknowledged.remove(at: i)
        }
    }
}

public struct OpenEntry: Sendable, Equatable {
    public var list: EntryList
    public var index: Int
}

enum Form {
    /// The rows of a section, or of its open entry.
    static func rows(_ section: Section, _ p: Plan, entry: OpenEntry?) -> [FieldRow] {
        if let entry, entry.index < entry.list.count(p) { return entryRows(entry.list, entry.index, p) }
        switch section {
        case .about:
            return [
                Bind.text("person.name", \.person.name, p),
                Bind.text("person.preferred_name", \.person.preferredName, p),
                Bind.date("person.date_of_birth", \.person.dateOfBirth, p),
                Bind.text("person.reference", \.person.reference, p),
                Bind.text("person.communication", \.person.communication, p, multiline: true),
                Bind.text("person.lives_with", \.person.livesWith, p),
                Bind.text("about_me", \.aboutMe, p, multiline: true),
                Bind.lines("important_to_me", \.importantToMe, p),
                Bind.lines("important_for_me", \.importantForMe, p),
            ] + listRows(.plannedWith, p)
        case .needs: return listRows(.needs, p)
        case .outcomes: return listRows(.outcomes, p)
        case .supports: return listRows(.supports, p)
        case .budget:
            return [
                FieldRow(label: "Weeks in a year", path: "budget.weeks_per_year",
                         kind: .choice([Choice("52", "52"), Choice("52.143", "52.143 (365 days ÷ 7)")]),
                         value: p.budget.weeks.text,
                         set: { p, s in p.budget.weeksPerYear = WeeksPerYear(text: s); p.budget.kept.clear("weeks_per_year"); return nil },
                         action: nil),
                Bind.money("budget.indicative", \.budget.indicative, p),
                Bind.money("budget.final", \.budget.final, p),
                Bind.money("budget.person_contribution", \.budget.personContribution, p),
                Bind.money("budget.council_contribution", \.budget.councilContribution, p),
                Bind.text("budget.justification", \.budget.justification, p, multiline: true),
                Bind.word("budget.payment", \.budget.payment, p),
                Bind.yesNo("budget.employment_allowance", \.budget.employmentAllowance, p),
                Bind.quantity("budget.reserve_weeks", \.budget.reserveWeeks, p),
                Bind.money("budget.previous_final", \.budget.previousFinal, p),
                Bind.text("budget.change_reason", \.budget.changeReason, p, multiline: true),
                Bind.lines("budget.payer", \.budget.payer, p),
            ]
        case .safety:
            return listRows(.risks, p) + listRows(.contingency, p) + [
                Bind.text("advice.meet_or_reduce", \.advice.meetOrReduce, p, multiline: true),
                Bind.text("advice.prevent_or_delay", \.advice.preventOrDelay, p, multiline: true),
                Bind.word("safeguarding", \.safeguarding, p),
                Bind.text("safeguarding_reference", \.safeguardingReference, p),
                Bind.yesNo("capacity.has_capacity", \.capacity.hasCapacity, p),
                Bind.yesNo("capacity.substantial_difficulty", \.capacity.substantialDifficulty, p),
                Bind.text("capacity.advocate", \.capacity.advocate, p),
                Bind.text("capacity.appropriate_person", \.capacity.appropriatePerson, p),
                Bind.text("capacity.best_interests", \.capacity.bestInterests, p, multiline: true),
                Bind.text("capacity.authorised_person", \.capacity.authorisedPerson, p),
            ]
        case .agreement:
            return [
                Bind.word("agreement.status", \.agreement.status, p),
                Bind.date("agreement.date", \.agreement.date, p),
                Bind.text("agreement.person_words", \.agreement.personWords, p, multiline: true),
                Bind.lines("agreement.copy_to", \.agreement.copyTo, p),
                Bind.date("review.first", \.review.first, p),
                Bind.date("review.next", \.review.next, p),
                Bind.text("author", \.author, p),
                Bind.date("created", \.created, p),
                Bind.text("id", \.id, p),
                Bind.word("jurisdiction", \.jurisdiction, p),
            ] + listRows(.acknowledged, p)
        case .findings:
            return []
        }
    }

    static func listRows(_ list: EntryList, _ p: Plan) -> [FieldRow] {
        (0..<list.count(p)).map { i in
            Bind.button(list.summary(p, i), "\(list.rawValue)[\(i)]", .openEntry(list, i))
        } + [Bind.button("+ Add \(list.article()) \(list.noun)", list.rawValue, .addEntry(list))]
    }

    static func entryRows(_ list: EntryList, _ i: Int, _ p: Plan) -> [FieldRow] {
        let base = "\(list.rawValue)[\(i)]"
        let needChoices = p.needs.compactMap { n in
            n.id.map { Choice($0, "\($0) \(n.area?.plainLabel ?? "")", plain: n.area?.plainLabel ?? "a need", short: $0) }
        }
        let outcomeChoices = p.outcomes.compactMap { o in
            o.id.map { Choice($0, "\($0) \(o.text?.oneLine ?? "")", plain: o.text?.oneLine ?? "a goal", short: $0) }
        }
        var rows: [FieldRow]
        switch list {
        case .plannedWith:
            rows = [Bind.text("\(base).name", \.plannedWith[i].name, p),
                    Bind.word("\(base).role", \.plannedWith[i].role, p)]
        case .needs:
            rows = [Bind.text("\(base).id", \.needs[i].id, p),
                    Bind.word("\(base).area", \.needs[i].area, p),
                    Bind.text("\(base).description", \.needs[i].description, p, multiline: true),
                    Bind.yesNo("\(base).eligible", \.needs[i].eligible, p,
                               yes: "eligible: the council must meet it", no: "not eligible",
                               plainYes: "yes: the council must help", plainNo: "no: the council does not have to help"),
                    Bind.words("\(base).unable_because", \.needs[i].unableBecause, p)]
        case .outcomes:
            rows = [Bind.text("\(base).id", \.outcomes[i].id, p),
                    Bind.text("\(base).text", \.outcomes[i].text, p, multiline: true),
                    Bind.words("\(base).wellbeing", \.outcomes[i].wellbeing, p),
                    Bind.ids("\(base).needs", \.outcomes[i].needs, p, choices: needChoices)]
        case .supports:
            let s = p.supports[i]
            rows = [Bind.text("\(base).id", \.supports[i].id, p),
                    Bind.text("\(base).what", \.supports[i].what, p),
                    Bind.word("\(base).kind", \.supports[i].kind, p),
                    Bind.text("\(base).provider", \.supports[i].provider, p),
                    Bind.word("\(base).funding", \.supports[i].funding, p),
                    Bind.word("\(base).management", \.supports[i].management, p),
                    Bind.money("\(base).rate", \.supports[i].rate, p),
                    Bind.word("\(base).unit", \.supports[i].unit, p),
                    Bind.quantity("\(base).quantity", \.supports[i].quantity, p),
                    Bind.word("\(base).per", \.supports[i].per, p),
                    Bind.date("\(base).start", \.supports[i].start, p),
                    Bind.date("\(base).end", \.supports[i].end, p),
                    Bind.ids("\(base).meets", \.supports[i].meets, p, choices: needChoices + outcomeChoices),
                    Bind.text("\(base).arranged_by", \.supports[i].arrangedBy, p),
                    Bind.whole("\(base).shared_by", \.supports[i].sharedBy, p, range: 1...10_000)]
            if s.isPaid { rows.append(Bind.lines("\(base).payee", \.supports[i].payee, p)) }
            if s.kind == .onCost { rows.insert(Bind.word("\(base).on_cost", \.supports[i].onCost, p), at: 3) }
            if s.kind == .pa {
                rows += [Bind.whole("\(base).pa.age", \.supports[i].pa.age, p, range: 0...120),
                         Bind.yesNo("\(base).pa.regular_hours", \.supports[i].pa.regularHours, p),
                         Bind.yesNo("\(base).pa.relative_in_household", \.supports[i].pa.relativeInHousehold, p),
                         Bind.text("\(base).pa.necessary_exception", \.supports[i].pa.necessaryException, p),
                         Bind.button("Propose employer costs (on-cost calculator)", base, .onCostCalculator(i))]
            }
        case .risks:
            rows = [Bind.text("\(base).risk", \.risks[i].risk, p, multiline: true),
                    Bind.text("\(base).mitigation", \.risks[i].mitigation, p, multiline: true),
                    Bind.yesNo("\(base).accepted_by_person", \.risks[i].acceptedByPerson, p)]
        case .contingency:
            rows = [Bind.text("\(base).when", \.contingency[i].when, p),
                    Bind.text("\(base).then", \.contingency[i].then, p, multiline: true)]
        case .acknowledged:
            rows = [Bind.text("\(base).rule", \.acknowledged[i].rule, p),
                    Bind.text("\(base).target", \.acknowledged[i].target, p),
                    Bind.text("\(base).reason", \.acknowledged[i].reason, p, multiline: true)]
        }
        return rows + [Bind.button("Delete this \(list.noun)", base, .deleteEntry(list, i))]
    }
}
