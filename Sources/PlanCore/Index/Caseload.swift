/// The manager's view across a store's plans, worked out from the index's summaries: reviews
/// due within 30 days and late, plans over budget and plans more than the underspend threshold
/// under it, submitted plans waiting for sign-off (oldest first), and the money committed by
/// funding source, provider and kind of service, for the whole store and for each author, and
/// by the month reviews fall due. Every plan in `plans/` counts except superseded and
/// unreadable ones. Money in pence.

public struct Caseload: Sendable, Equatable {
    /// A plan in one of the caseload's lists, with the figure it is listed for.
    public struct Item: Sendable, Equatable {
        public var path: String
        public var id: String
        public var person: String
        public var author: String
        /// Review: days until due (negative: days late). Waiting: days waiting.
        public var days: Int
        /// The date it is listed by (review due, submitted on), `YYYY-MM-DD`.
        public var date: String
        /// Over or under budget: the money over (positive) or not planned (positive).
        public var pence: Int64
        public var budgetPence: Int64?
    }

    /// Money committed under one name (a funding source, provider, kind or month).
    public struct Total: Sendable, Equatable {
        public var key: String
        public var annualPence: Int64
        public var oneOffPence: Int64
        /// The plans with money under this name.
        public var plans: Int
    }

    public struct Totals: Sendable, Equatable {
        public var plans = 0
        public var annualPence: Int64 = 0
        public var oneOffPence: Int64 = 0
        public var byFunding: [Total] = []
        public var byProvider: [Total] = []
        public var byKind: [Total] = []
        public init() {}
    }

    public var today: PlanDate
    public var window: Int
    public var underspendPercent: Hundredths
    public var reviewsDue: [Item] = []
    public var overBudget: [Item] = []
    public var underBudget: [Item] = []
    public var waiting: [Item] = []
    public var store = Totals()
    /// Per author, by name (`(no author)` when the plan names none).
    public var authors: [(author: String, totals: Totals)] = []
    /// Committed a year by the month the plan's next review falls due (`YYYY-MM`).
    public var byReviewMonth: [Total] = []
    /// Plans still being checked when this was worked out (not counted).
    public var checking = 0

    public static func == (a: Caseload, b: Caseload) -> Bool {
        a.today == b.today && a.reviewsDue == b.reviewsDue && a.overBudget == b.overBudget && a.underBudget == b.underBudget
            && a.waiting == b.waiting && a.store == b.store && a.byReviewMonth == b.byReviewMonth
            && a.authors.map(\.author) == b.authors.map(\.author) && a.authors.map(\.totals) == b.authors.map(\.totals)
            && a.checking == b.checking
    }

    public init(_ plans: [PlanSummary], today: PlanDate, underspendPercent: Hundredths, window: Int = 30) {
        self.today = today
        self.window = window
        self.underspendPercent = underspendPercent
        let live = plans.filter { !$0.checking && $0.status != "superseded" && $0.status != "unreadable" }
        checking = plans.count - plans.filter { !$0.checking }.count
        func item(_ s: PlanSummary, days: Int = 0, date: String = "", pence: Int64 = 0) -> Item {
            Item(path: s.path, id: s.id, person: s.name, author: s.author, days: days, date: date, pence: pence,
                 budgetPence: s.budget?.pence)
        }
        let limit = today.adding(days: window)
        var months: [String: Total] = [:]
        var byAuthor: [String: [PlanSummary]] = [:]
        for s in live {
            if let due = PlanDate(s.review) {
                if due <= limit { reviewsDue.append(item(s, days: due.dayNumber - today.dayNumber, date: s.review)) }
                let month = String(s.review.prefix(7))
                var t = months[month] ?? Total(key: month, annualPence: 0, oneOffPence: 0, plans: 0)
                t.annualPence += s.costs.reduce(0) { $0 + $1.annualPence }
                t.oneOffPence += s.costs.reduce(0) { $0 + $1.oneOffPence }
                t.plans += 1
                months[month] = t
            }
            if let final = s.budget?.pence, let counted = s.counted?.pence {
                if counted > final {
                    overBudget.append(item(s, pence: counted - final))
                } else if (final - counted) * 10_000 > final * underspendPercent.value {
                    underBudget.append(item(s, pence: final - counted))
                }
            }
            if s.status == "submitted" {
                let on = String((s.submitted ?? "").prefix(10))
                let days = PlanDate(on).map { today.dayNumber - $0.dayNumber } ?? 0
                waiting.append(item(s, days: days, date: on))
            }
            byAuthor[s.author.isEmpty ? "(no author)" : s.author, default: []].append(s)
        }
        reviewsDue.sort { ($0.days, $0.person, $0.path) < ($1.days, $1.person, $1.path) }
        overBudget.sort { ($1.pence, $0.person, $0.path) < ($0.pence, $1.person, $1.path) }
        underBudget.sort { ($1.pence, $0.person, $0.path) < ($0.pence, $1.person, $1.path) }
        waiting.sort { ($1.days, $0.person, $0.path) < ($0.days, $1.person, $1.path) }
        store = Self.totals(live)
        authors = byAuthor.keys.sorted().map { ($0, Self.totals(byAuthor[$0]!)) }
        byReviewMonth = months.values.sorted { $0.key < $1.key }
    }

    static func totals(_ plans: [PlanSummary]) -> Totals {
        var t = Totals()
        var funding: [String: Total] = [:], provider: [String: Total] = [:], kind: [String: Total] = [:]
        // A plan counts once under each name however many of its lines have it (a plan has few).
        func add(_ d: inout [String: Total], _ key: String, _ c: CostShare, first: Bool) {
            d[key, default: Total(key: key, annualPence: 0, oneOffPence: 0, plans: 0)].annualPence += c.annualPence
            d[key]!.oneOffPence += c.oneOffPence
            if first { d[key]!.plans += 1 }
        }
        for s in plans {
            t.plans += 1
            for (i, c) in s.costs.enumerated() {
                t.annualPence += c.annualPence
                t.oneOffPence += c.oneOffPence
                let earlier = s.costs[..<i]
                add(&funding, c.funding, c, first: !earlier.contains { $0.funding == c.funding })
                add(&provider, c.provider, c, first: !earlier.contains { $0.provider == c.provider })
                add(&kind, c.kind, c, first: !earlier.contains { $0.kind == c.kind })
            }
        }
        let order = { (a: Total, b: Total) in (b.annualPence, b.oneOffPence, a.key) < (a.annualPence, a.oneOffPence, b.key) }
        t.byFunding = funding.values.sorted(by: order)
        t.byProvider = provider.values.sorted(by: order)
        t.byKind = kind.values.sorted(by: order)
        return t
    }
}
