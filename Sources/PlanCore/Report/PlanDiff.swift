/// What changed between two versions of a plan, for the approver: needs, outcomes, support
/// lines with each line's yearly cost change, the budget and the totals. Each output line shows
/// control characters (and line breaks inside values) visibly (`SafeText`).

public enum PlanDiff {
    /// One change: a line added, removed or changed (`id` nil for the money rows).
    public struct Row: Sendable, Equatable {
        public enum Change: String, Sendable { case added, removed, changed }
        public var change: Change
        public var id: String?
        public var text: String
        var line: String { "  \(change == .added ? "+" : change == .removed ? "-" : "~") " + (id.map { "\($0) " } ?? "") + text }
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var rows: [Row]
    }

    public struct Result: Sendable, Equatable {
        public var header: String
        public var sections: [Section]
        /// Something listed changed (needs, outcomes, support lines or money).
        public var changed: Bool { !sections.isEmpty }
        /// Every line, with control characters in plan text shown visibly (`SafeText`).
        public var lines: [String] {
            var out = [header]
            for s in sections { out.append(s.title); out += s.rows.map(\.line) }
            if sections.isEmpty { out.append("No changes to needs, outcomes, support lines or money.") }
            return out.map { SafeText.visible($0) }
        }
    }

    public static func compare(_ old: Plan, _ new: Plan) -> Result {
        let header = "\(new.id ?? "plan") version \(old.version ?? 1) → \(new.version ?? 1)"
        var sections: [Section] = []
        let oldCost = Coster.cost(old), newCost = Coster.cost(new)

        /// `describe(item, isNew)`: added items are described from the new plan, removed ones from the old.
        func section<T>(_ title: String, _ a: [T], _ b: [T], id: (T) -> String?, describe: (T, Bool) -> String,
                        fields: (T, T) -> [String]) {
            var rows: [Row] = []
            let aIDs = a.compactMap(id), bIDs = b.compactMap(id)
            for x in b where !aIDs.contains(id(x) ?? "") { rows.append(Row(change: .added, id: id(x) ?? "?", text: describe(x, true))) }
            for x in a where !bIDs.contains(id(x) ?? "") { rows.append(Row(change: .removed, id: id(x) ?? "?", text: describe(x, false))) }
            for x in b {
                guard let i = id(x), let y = a.first(where: { id($0) == i }) else { continue }
                let changes = fields(y, x)
                if !changes.isEmpty { rows.append(Row(change: .changed, id: i, text: changes.joined(separator: "; "))) }
            }
            if !rows.isEmpty { sections.append(Section(title: title, rows: rows)) }
        }
        func change<V: Equatable>(_ name: String, _ a: V?, _ b: V?, _ show: (V) -> String) -> String? {
            a == b ? nil : "\(name): \(a.map(show) ?? "none") → \(b.map(show) ?? "none")"
        }
        func text(_ s: String?) -> String { s.map { "\"\(TotalsTable.clip($0, 50))\"" } ?? "none" }

        section("Needs", old.needs, new.needs, id: \.id, describe: { n, _ in "\(n.area?.rawValue ?? "?"): \(text(n.description))" }) { a, b in
            [change("area", a.area, b.area) { $0.rawValue },
             change("eligible", a.eligible, b.eligible) { $0 ? "yes" : "no" },
             a.description == b.description ? nil : "description: \(text(a.description)) → \(text(b.description))",
             change("unable because", a.unableBecause.map(\.rawValue), b.unableBecause.map(\.rawValue)) { $0.joined(separator: ", ") },
            ].compactMap { $0 }
        }
        section("Outcomes", old.outcomes, new.outcomes, id: \.id, describe: { o, _ in text(o.text) }) { a, b in
            [a.text == b.text ? nil : "text: \(text(a.text)) → \(text(b.text))",
             change("needs", a.needs, b.needs) { $0.joined(separator: ", ") },
             change("wellbeing", a.wellbeing.map(\.rawValue), b.wellbeing.map(\.rawValue)) { $0.joined(separator: ", ") },
            ].compactMap { $0 }
        }
        func yearly(_ costing: Costing, _ plan: Plan, _ id: String?) -> String {
            guard let i = plan.supports.firstIndex(where: { $0.id == id }), let line = costing.line(i) else { return "no cost" }
            if let a = line.annualPence { return "\(Money.pounds(a)) a year" }
            return line.oneOffPence.map { "\(Money.pounds($0)) once" } ?? "no cost"
        }
        section("Support lines", old.supports, new.supports, id: \.id,
                describe: { s, isNew in "\(text(s.what)), \(isNew ? yearly(newCost, new, s.id) : yearly(oldCost, old, s.id))" }) { a, b in
            var rows = [
                change("rate", a.rate, b.rate) { $0.pounds }, change("quantity", a.quantity, b.quantity) { $0.description },
                change("per", a.per, b.per) { $0.rawValue }, change("funding", a.funding, b.funding) { $0.rawValue },
                change("management", a.management, b.management) { $0.rawValue },
                change("provider", a.provider, b.provider) { $0 }, change("shared by", a.sharedBy, b.sharedBy) { String($0) },
                change("meets", a.meets, b.meets) { $0.joined(separator: ", ") },
                a.what == b.what ? nil : "what: \(text(a.what)) → \(text(b.what))",
            ].compactMap { $0 }
            let before = yearly(oldCost, old, a.id), after = yearly(newCost, new, b.id)
            if before != after {
                var delta = ""
                if let i = old.supports.firstIndex(where: { $0.id == a.id }), let j = new.supports.firstIndex(where: { $0.id == b.id }),
                   let x = oldCost.line(i)?.annualPence, let y = newCost.line(j)?.annualPence {
                    delta = " (\(y >= x ? "+" : "-")\(Money.pounds(abs(y - x))))"
                }
                rows.insert("cost: \(before) → \(after)\(delta)", at: 0)
            }
            return rows
        }
        var money: [String] = []
        if let c = change("final budget", old.budget.final, new.budget.final, { $0.pounds }) { money.append(c) }
        if let c = change("person's contribution", old.budget.personContribution, new.budget.personContribution, { $0.pounds }) { money.append(c) }
        if let c = change("council's contribution", old.budget.councilContribution, new.budget.councilContribution, { $0.pounds }) { money.append(c) }
        if let a = oldCost.totals, let b = newCost.totals {
            func total(_ name: String, _ x: Int64?, _ y: Int64?) {
                guard x != y else { return }
                let d = (x != nil && y != nil) ? " (\(y! >= x! ? "+" : "-")\(Money.pounds(abs(y! - x!))))" : ""
                money.append("\(name): \(x.map(Money.pounds) ?? "none") → \(y.map(Money.pounds) ?? "none")\(d)")
            }
            total("counted against the budget, a year", a.countedAgainstBudgetPence, b.countedAgainstBudgetPence)
            total("remaining, a year", a.remainingPence, b.remainingPence)
            total("one-off costs", a.oneOffPence, b.oneOffPence)
        }
        if !money.isEmpty { sections.append(Section(title: "Money", rows: money.map { Row(change: .changed, id: nil, text: $0) })) }
        return Result(header: header, sections: sections)
    }
}
