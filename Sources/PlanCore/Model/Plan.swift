/// The support plan: plain Sendable values mirroring `shared/spec/plan-format.md`.
///
/// Every field is optional because people save half-written plans; the rules say what is
/// missing. Lists are empty when absent. `kept` carries key order and unread values.

public struct Plan: Sendable, Equatable {
    public var format: String?
    public var id: String?
    public var version: Int?
    public var status: PlanStatus?
    public var jurisdiction: Jurisdiction?
    public var created: PlanDate?
    public var updated: PlanDate?
    public var author: String?
    public var person = Person()
    public var plannedWith: [Participant] = []
    public var capacity = Capacity()
    public var aboutMe: String?
    public var importantToMe: [String] = []
    public var importantForMe: [String] = []
    public var needs: [Need] = []
    public var outcomes: [Outcome] = []
    public var supports: [Support] = []
    /// The person's employees (PAs), named by `employee:` on `kind: pa` lines.
    public var employees: [Employee] = []
    public var budget = Budget()
    public var risks: [Risk] = []
    public var contingency: [ContingencyEntry] = []
    public var advice = Advice()
    public var safeguarding: SafeguardingStatus?
    public var safeguardingReference: String?
    public var agreement = Agreement()
    public var review = Review()
    public var acknowledged: [Acknowledgement] = []
    public var kept = Kept()

    public init() {}

    /// The only format version this program reads.
    public static let supportedFormat = "supportplan/1"
}

public struct Person: Sendable, Equatable {
    public var name: String?
    public var preferredName: String?
    public var dateOfBirth: PlanDate?
    public var reference: String?
    public var communication: String?
    public var livesWith: String?
    public var kept = Kept()
    public init() {}
}

public struct Participant: Sendable, Equatable {
    public var name: String?
    public var role: ParticipantRole?
    public var kept = Kept()
    public init(name: String? = nil, role: ParticipantRole? = nil) {
        self.name = name
        self.role = role
    }
}

public struct Capacity: Sendable, Equatable {
    public var hasCapacity: Bool?
    public var substantialDifficulty: Bool?
    public var advocate: String?
    public var appropriatePerson: String?
    public var bestInterests: String?
    public var authorisedPerson: String?
    /// Why the authorised person may act (Care Act s.32): LPA, deputy or agreed by the council.
    public var authorisedPersonBasis: AuthorisedPersonBasis?
    public var kept = Kept()
    public init() {}
}

public struct Need: Sendable, Equatable {
    public var id: String?
    public var area: NeedArea?
    public var description: String?
    public var eligible: Bool?
    public var unableBecause: [UnableBecause] = []
    public var kept = Kept()
    public init(id: String? = nil) { self.id = id }
}

public struct Outcome: Sendable, Equatable {
    public var id: String?
    public var text: String?
    public var wellbeing: [WellbeingArea] = []
    public var needs: [String] = []
    public var kept = Kept()
    public init(id: String? = nil) { self.id = id }
}

public struct Support: Sendable, Equatable {
    public var id: String?
    public var what: String?
    public var kind: SupportKind?
    public var onCost: OnCostType?
    public var provider: String?
    public var funding: Funding?
    public var management: Management?
    public var rate: Money?
    public var unit: CostUnit?
    public var quantity: Hundredths?
    public var per: Period?
    public var start: PlanDate?
    public var end: PlanDate?
    public var meets: [String] = []
    public var arrangedBy: String?
    public var sharedBy: Int?
    /// The `employees:` entry this PA line pays (`P1`).
    public var employee: String?
    /// Hours in one unit (a night, a shift, a visit, a day): the minimum wage applies to them.
    public var hoursPerUnit: Hundredths?
    /// A night's kind: a waking night is working time; a sleep-in is not all working time.
    public var night: NightKind?
    /// Dated new rates (an April uprating), costed piece by piece.
    public var rateChanges: [RateChange] = []
    /// Words in a bank statement's description that mark a payment for this line (`payee:`);
    /// see `SpendMatcher`.
    public var payee: [String] = []
    public var pa = PADetails()
    public var kept = Kept()
    public init(id: String? = nil) { self.id = id }

    /// A paid line has a `rate`; every other line is unpaid and never costed.
    public var isPaid: Bool { rate != nil || kept.raw["rate"] != nil }
    public var isPA: Bool { kind == .pa }
    public var isDirectPayment: Bool { management == .directPayment }
}

/// A rate a line changes to from a date (`rate_changes: [{from: DATE, rate: MONEY}]`).
public struct RateChange: Sendable, Equatable {
    public var from: PlanDate?
    public var rate: Money?
    public var kept = Kept()
    public init(from: PlanDate? = nil, rate: Money? = nil) {
        self.from = from
        self.rate = rate
    }
}

/// One person the plan's person employs (a PA), listed once under `employees:`.
public struct Employee: Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var dateOfBirth: PlanDate?
    public var start: PlanDate?
    public var regularHours: Bool?
    public var apprentice: Bool?
    public var relativeInHousehold: Bool?
    public var necessaryException: String?
    /// Only from an old inline `pa:` block: a whole age in years.
    public var age: Int?
    public var kept = Kept()
    public init(id: String? = nil) { self.id = id }
}

public struct PADetails: Sendable, Equatable {
    public var age: Int?
    public var regularHours: Bool?
    public var relativeInHousehold: Bool?
    public var necessaryException: String?
    public var kept = Kept()
    public init() {}
}

public struct Budget: Sendable, Equatable {
    public var weeksPerYear: WeeksPerYear?
    public var indicative: Money?
    public var final: Money?
    public var personContribution: Money?
    public var councilContribution: Money?
    public var justification: String?
    public var payment: PaymentFrequency?
    /// Words in a statement's description that mark the council's payments in (`payer:`).
    public var payer: [String] = []
    public var employmentAllowance: Bool?
    public var reserveWeeks: Hundredths?
    public var previousFinal: Money?
    public var changeReason: String?
    /// How often the PAs are paid (their payroll), which sets NI and pension thresholds.
    public var payroll: PaymentFrequency?
    /// The dates the costing covers; absent means a year from the first support start.
    public var period = BudgetPeriod()
    public var kept = Kept()
    public init() {}

    /// The annualisation basis in force: absent means 52.
    public var weeks: WeeksPerYear { weeksPerYear ?? .fiftyTwo }
}

/// `budget.period: {from: DATE, to: DATE}`, both days included.
public struct BudgetPeriod: Sendable, Equatable {
    public var from: PlanDate?
    public var to: PlanDate?
    public var kept = Kept()
    public init(from: PlanDate? = nil, to: PlanDate? = nil) {
        self.from = from
        self.to = to
    }
}

public struct Risk: Sendable, Equatable {
    public var risk: String?
    public var mitigation: String?
    public var acceptedByPerson: Bool?
    public var kept = Kept()
    public init() {}
}

public struct ContingencyEntry: Sendable, Equatable {
    public var when: String?
    public var then: String?
    public var kept = Kept()
    public init() {}
}

public struct Advice: Sendable, Equatable {
    public var meetOrReduce: String?
    public var preventOrDelay: String?
    public var kept = Kept()
    public init() {}
}

public struct Agreement: Sendable, Equatable {
    public var status: AgreementStatus?
    public var date: PlanDate?
    public var personWords: String?
    public var copyTo: [String] = []
    public var kept = Kept()
    public init() {}
}

public struct Review: Sendable, Equatable {
    public var first: PlanDate?
    public var next: PlanDate?
    /// The last review held; `review-over-12-months` counts from it.
    public var last: PlanDate?
    public var kept = Kept()
    public init() {}
}

public struct Acknowledgement: Sendable, Equatable {
    public var rule: String?
    /// What the accepted finding is about: an entry's id (`O2`, `S3`) or the finding's path
    /// (`budget.final`). Without one (older files), every finding of the rule is accepted.
    public var target: String?
    public var reason: String?
    public var kept = Kept()
    public init(rule: String? = nil, target: String? = nil, reason: String? = nil) {
        self.rule = rule
        self.target = target
        self.reason = reason
    }

    /// The target an acceptance of this finding names: the id of the entry its path is in
    /// (`outcomes[1].needs` → `O2`), or else its path.
    public static func target(of f: Finding, in plan: Plan) -> String {
        let lists: [(String, [String?])] = [("needs", plan.needs.map(\.id)), ("outcomes", plan.outcomes.map(\.id)),
                                            ("supports", plan.supports.map(\.id)), ("employees", plan.employees.map(\.id))]
        for (name, ids) in lists where f.path.hasPrefix(name + "[") {
            let digits = f.path.dropFirst(name.count + 1).prefix { $0.isNumber }
            if let i = Int(digits), i < ids.count, let id = ids[i], !id.isEmpty { return id }
        }
        return f.path
    }

    /// Whether this entry accepts the finding: the same rule, and its target (if it names one)
    /// is the finding's entry id or path.
    public func accepts(_ f: Finding, in plan: Plan) -> Bool {
        guard rule == f.rule.rawValue, reason.hasWords else { return false }
        guard let target, target.hasWords else { return true }
        let t = target.trimmingSpaces()
        return t == f.path || t == Self.target(of: f, in: plan)
    }
}
