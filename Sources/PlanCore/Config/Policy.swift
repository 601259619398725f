/// Local policy as data: thresholds, not-allowed words, signer levels, the dated minimum-wage
/// table and the jargon list. Defaults are built in (`shared/spec/rules.md`); a store's
/// `config.yaml` overrides them (see `PolicyReader`).

public struct WageRow: Sendable, Equatable {
    public var from: PlanDate
    public var adult: Money      // 21 and over
    public var youth: Money      // 18 to 20
    public var underEighteen: Money

    public init(from: PlanDate, adult: Money, youth: Money, underEighteen: Money) {
        self.from = from
        self.adult = adult
        self.youth = youth
        self.underEighteen = underEighteen
    }

    public func minimum(forAge age: Int?) -> Money {
        guard let age else { return adult }
        return age >= 21 ? adult : age >= 18 ? youth : underEighteen
    }
}

public struct SignerLevel: Sendable, Equatable {
    public var name: String
    /// The largest annual budget this level may sign; nil for no limit.
    public var upTo: Money?

    public init(name: String, upTo: Money?) {
        self.name = name
        self.upTo = upTo
    }
}

public struct JargonTerm: Sendable, Equatable {
    public var term: String
    public var plain: String

    public init(_ term: String, _ plain: String) {
        self.term = term
        self.plain = plain
    }
}

/// An approver the store trusts: named in the store's signed `config.yaml` with their public
/// key (pinned by its key id), their role and level, and the dates they may sign between.
public struct Signer: Sendable, Equatable {
    public var name: String
    public var role: String
    public var level: String
    /// minisign's key id, 16 hex digits as `minisign` shows it.
    public var keyID: String
    /// The minisign public key line (base64), as in a `.pub` file.
    public var publicKey: String
    public var from: PlanDate?
    public var until: PlanDate?

    public init(name: String, role: String, level: String, keyID: String, publicKey: String,
                from: PlanDate? = nil, until: PlanDate? = nil) {
        self.name = name
        self.role = role
        self.level = level
        self.keyID = keyID
        self.publicKey = publicKey
        self.from = from
        self.until = until
    }

    /// May this signer sign on `day`?
    public func isActive(on day: PlanDate) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }
}

/// Why an approver returns a plan: a stable code and the words the planner sees.
public struct ReturnReason: Sendable, Equatable {
    public var code: String
    public var words: String

    public init(_ code: String, _ words: String) {
        self.code = code
        self.words = words
    }
}

public struct Policy: Sendable, Equatable {
    /// `underspend` fires when the counted cost is more than this percentage below `final`.
    public var underspendPercent = Hundredths(whole: 10)
    /// `reserve-over-limit` fires above this many weeks.
    public var reserveWeeksLimit = Hundredths(whole: 8)
    /// `spend-line-over` fires when a line's spending to date is more than this percentage over
    /// its plan to date.
    public var spendLineOverPercent = Hundredths(whole: 10)
    /// `spend-line-unpaid` fires when a PA or care line has had no payment for more than this
    /// many weeks.
    public var spendLineUnpaidWeeks = Hundredths(whole: 6)
    public var notAllowed = ["gambling", "alcohol", "tobacco", "debt", "rent", "household bills", "food",
                             "NHS-funded care"]
    public var signerLevels = [
        SignerLevel(name: "team-manager", upTo: Money(pence: 2_500_000)),
        SignerLevel(name: "service-manager", upTo: Money(pence: 5_000_000)),
        SignerLevel(name: "head-of-service", upTo: nil),
    ]
    public var wageTable = [
        WageRow(from: PlanDate(year: 2025, month: 4, day: 1)!, adult: Money(pence: 1221), youth: Money(pence: 1000),
                underEighteen: Money(pence: 755)),
        WageRow(from: PlanDate(year: 2026, month: 4, day: 1)!, adult: Money(pence: 1271), youth: Money(pence: 1085),
                underEighteen: Money(pence: 800)),
    ]
    /// Employer NI, Employment Allowance, pension and holiday rows, by the date they start.
    public var employerRates = [EmployerRateRow.builtIn2025]
    /// State Pension age by date of birth (pension duty ends there).
    public var statePensionAge = StatePensionAgeRow.builtIn
    /// `one-off-authorisation` fires for a one-off line above this amount.
    public var oneOffAuthorisation = Money(pence: 100_000)
    public var jargon = Policy.defaultJargon
    /// Approvers and their levels (none by default: a store names its own).
    public var signers: [Signer] = []
    /// Whether a plan's author (or its submitter) may sign it off; no by default.
    public var allowSelfApproval = false
    /// `shared: group`: new files 0660 (signed records 0440), folders 2770; else private (0600).
    public var sharedWithGroup = false
    /// Plan and config files larger than this are refused unread (`max_file_bytes`).
    public var maxFileBytes = InputLimits.defaultMaxFileBytes
    public var returnReasons = [
        ReturnReason("outcomes-unclear", "The outcomes are not clear or not in the person's words."),
        ReturnReason("costs-unclear", "The costs are not clear or cannot be checked."),
        ReturnReason("over-budget", "The plan costs more than the budget."),
        ReturnReason("missing-contingency", "There is no plan B for when the support cannot come."),
        ReturnReason("needs-not-met", "Some eligible needs are not met."),
        ReturnReason("involvement", "It does not show that the person was involved."),
        ReturnReason("other", "Another reason (see the comment)."),
    ]

    /// Levels in order, lowest first, as `signer_levels` lists them.
    public func rank(ofLevel level: String) -> Int? { signerLevels.firstIndex { $0.name == level } }

    public init() {}

    public static let standard = Policy()

    /// The minimum-wage row in force on a day (the latest row starting on or before it).
    public func wageRow(on day: PlanDate) -> WageRow? {
        wageTable.filter { $0.from <= day }.max { $0.from < $1.from }
    }

    /// Professional terms and their plain words (domain §11). Matched case-insensitively as
    /// whole words in the person's own text.
    public static let defaultJargon: [JargonTerm] = [
        JargonTerm("care and support plan", "your plan"),
        JargonTerm("needs assessment", "a talk about what you need help with"),
        JargonTerm("eligible needs", "the things the council must help you with"),
        JargonTerm("eligible need", "something the council must help you with"),
        JargonTerm("eligibility criteria", "the rules about what the council must help with"),
        JargonTerm("eligibility outcomes", "the ten everyday things the council looks at"),
        JargonTerm("indicative budget", "a rough first amount of money to plan with"),
        JargonTerm("upfront allocation", "a rough first amount of money to plan with"),
        JargonTerm("personal budget", "your money for support"),
        JargonTerm("resource allocation system", "the council's way of working out your first rough amount"),
        JargonTerm("RAS", "the council's way of working out your first rough amount"),
        JargonTerm("direct payment", "money paid to you"),
        JargonTerm("direct payments", "money paid to you"),
        JargonTerm("individual service fund", "a care organisation holds your money and helps you arrange support"),
        JargonTerm("ISF", "a care organisation holds your money and helps you arrange support"),
        JargonTerm("managed account", "an organisation looks after the money and pays your helpers"),
        JargonTerm("third-party account", "an organisation looks after the money and pays your helpers"),
        JargonTerm("nominated person", "someone who gets and manages the money for you"),
        JargonTerm("authorised person", "someone who gets and manages the money for you"),
        JargonTerm("financial assessment", "working out how much you can pay"),
        JargonTerm("minimum income guarantee", "the money you must be left with"),
        JargonTerm("disability-related expenditure", "extra costs because of your disability"),
        JargonTerm("on-costs", "the extra costs of being an employer"),
        JargonTerm("contingency plan", "what will happen if your help cannot come"),
        JargonTerm("risk enablement", "what could go wrong and what you will do about it"),
        JargonTerm("risk assessment", "what could go wrong and what you will do about it"),
        JargonTerm("safeguarding", "keeping you safe from abuse or harm"),
        JargonTerm("mental capacity", "being able to make a decision yourself"),
        JargonTerm("best interests", "deciding for someone by thinking about what they would want"),
        JargonTerm("independent advocate", "someone who helps you have a stronger voice"),
        JargonTerm("circle of support", "the important people in your life"),
        JargonTerm("sign-off", "the council checking and agreeing your plan"),
        JargonTerm("funding panel", "a meeting of managers that agrees bigger budgets"),
        JargonTerm("reassessment", "a new look at what you need"),
        JargonTerm("respite", "a break"),
        JargonTerm("self-funder", "someone who pays for all their own care"),
        JargonTerm("notional budget", "NHS money you decide how to spend but do not receive"),
        JargonTerm("wellbeing outcomes", "the things that make your life good"),
    ]
}
