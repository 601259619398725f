/// Runs every `check`-stage rule over a plan and applies `acknowledged:`.
/// Each rule group lives in its own file; they share `RuleContext`.

public struct RuleContext: Sendable {
    public let plan: Plan
    public let costing: Costing
    public let policy: Policy
    /// The employer model, when the plan employs a PA that can be costed.
    public let employer: EmployerCosts?

    public init(plan: Plan, costing: Costing, policy: Policy) {
        self.plan = plan
        self.costing = costing
        self.policy = policy
        self.employer = costing.totals == nil ? nil : EmployerModel.compute(plan, costing, policy: policy)
    }

    /// The earliest `start` of any support line, or `created` when none has one.
    public var planStart: PlanDate? {
        plan.supports.compactMap(\.start).min() ?? plan.created
    }

    /// Indices of the support lines that meet a need, directly or through an outcome.
    public func linesMeeting(need id: String) -> [Int] {
        let outcomes = Set(plan.outcomes.filter { $0.needs.contains(id) }.compactMap(\.id))
        return plan.supports.indices.filter { i in
            plan.supports[i].meets.contains { $0 == id || outcomes.contains($0) }
        }
    }

    func finding(_ rule: RuleID, _ path: String, _ message: String, plain: String) -> Finding {
        Finding(rule, path: path, message: message, plain: plain)
    }
}

public enum Validator {
    /// All findings of the `check`-stage rules, without positions (see `Checker`).
    public static func validate(_ plan: Plan, costing: Costing? = nil, policy: Policy = .standard) -> [Finding] {
        let ctx = RuleContext(plan: plan, costing: costing ?? Coster.cost(plan), policy: policy)
        var out: [Finding] = []
        out += NeedsRules.check(ctx)
        out += BudgetRules.check(ctx)
        out += DirectPaymentRules.check(ctx)
        out += SafetyRules.check(ctx)
        out += JargonRule.check(ctx)
        return out
    }

    /// Marks warnings and info the plan acknowledges. Errors are never acknowledged.
    public static func applyAcknowledgements(_ findings: [Finding], _ plan: Plan) -> [Finding] {
        findings.map { f in
            var f = f
            f.acknowledged = f.severity != .error && plan.acknowledged.contains { $0.accepts(f, in: plan) }
            return f
        }
    }
}

extension String {
    /// Present and not only white space.
    var hasWords: Bool { contains { !$0.isWhitespace } }
}

extension Optional where Wrapped == String {
    var hasWords: Bool { self?.hasWords ?? false }
}

/// "A, B and C".
func listWords(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
}
