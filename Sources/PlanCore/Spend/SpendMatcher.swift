/// Joins a statement to the plan (docs/spend.md, "Matching to the plan"): a transaction whose
/// description holds one of a paid line's `payee:` phrases (whole words, any case) is that
/// line's; one holding a `budget.payer:` phrase, and paying in, is the council's payment. A
/// person's choice in `assigned.yaml` wins over both. What matches nothing, or more than one
/// line, is unmatched until someone assigns it.

/// What a transaction is, once matched.
public enum SpendMatch: Sendable, Hashable {
    /// Pays for (or, money in, refunds) the line with this id.
    case line(String)
    /// The council's payment in (`budget.payer`).
    case payer
    /// Marked "not for care" in `assigned.yaml`, with the reason given.
    case notForCare(reason: String)
    /// Matches nothing yet. `note` says why when it matched more than one line.
    case unmatched(note: String?)
}

/// How the match was made.
public enum SpendMatchSource: String, Sendable, Hashable {
    case payee, payer, assigned, none
}

public struct MatchedTransaction: Sendable, Hashable {
    public var transaction: Transaction
    public var match: SpendMatch
    public var source: SpendMatchSource

    public var lineID: String? { if case .line(let id) = match { return id } else { return nil } }
    public var isUnmatched: Bool { if case .unmatched = match { return true } else { return false } }
}

public enum SpendMatcher {
    /// The lines a statement can pay: paid lines (with a `rate`) that have an id.
    static func paidLines(_ plan: Plan) -> [(id: String, payee: [WholeWordPattern])] {
        plan.supports.compactMap { s in
            guard s.isPaid, let id = s.id, id.hasWords else { return nil }
            return (id, s.payee.filter(\.hasWords).map { WholeWordPattern($0.trimmingSpaces()) })
        }
    }

    /// Every transaction with its match, in the order given.
    public static func match(_ transactions: [Transaction], plan: Plan, assigned: [String: Assignment]) -> [MatchedTransaction] {
        let lines = paidLines(plan)
        let known = Set(lines.map(\.id))
        let payer = plan.budget.payer.filter(\.hasWords).map { WholeWordPattern($0.trimmingSpaces()) }
        return transactions.map { t in
            if let a = assigned[t.id] {
                switch a {
                case .line(let id) where known.contains(id):
                    return MatchedTransaction(transaction: t, match: .line(id), source: .assigned)
                case .line(let id):
                    return MatchedTransaction(transaction: t, match: .unmatched(
                        note: "assigned to \(id), which is not a paid line of the plan"), source: .none)
                case .notForCare(let reason):
                    return MatchedTransaction(transaction: t, match: .notForCare(reason: reason), source: .assigned)
                }
            }
            if t.isMoneyIn, payer.contains(where: { $0.occurs(in: t.description) }) {
                return MatchedTransaction(transaction: t, match: .payer, source: .payer)
            }
            var hits: [String] = []
            for l in lines where !hits.contains(l.id) && l.payee.contains(where: { $0.occurs(in: t.description) }) {
                hits.append(l.id)
            }
            switch hits.count {
            case 1: return MatchedTransaction(transaction: t, match: .line(hits[0]), source: .payee)
            case 0: return MatchedTransaction(transaction: t, match: .unmatched(note: nil), source: .none)
            default:
                return MatchedTransaction(transaction: t, match: .unmatched(
                    note: "matches the payee words of \(hits.joined(separator: " and ")): assign it to one"), source: .none)
            }
        }
    }
}
