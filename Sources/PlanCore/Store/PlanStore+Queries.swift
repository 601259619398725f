/// What the screens and `list` ask of a store: a summary of every plan, the last signed
/// version before a plan, the budget change since it (as `Money`), the return note the planner
/// should read, and when a plan was submitted.
import Foundation

/// One plan in the store's list.
public struct PlanSummary: Sendable, Equatable {
    public var path: String
    public var id: String
    public var name: String
    public var status: String
    public var budget: Money?
    public var errors: Int
    public var warnings: Int
    public var review: String
    public var author = ""
    /// When it was last submitted (from its audit log), for the review queue.
    public var submitted: String?
    /// The final budget's change from the last signed-off version; nil when there is none.
    public var change: BudgetChange = .new

    public init(path: String, id: String, name: String, status: String, budget: Money?, errors: Int, warnings: Int,
                review: String) {
        self.path = path
        self.id = id
        self.name = name
        self.status = status
        self.budget = budget
        self.errors = errors
        self.warnings = warnings
        self.review = review
    }
}

public enum BudgetChange: Sendable, Equatable {
    case new
    case same
    case by(Money)
    case unknown
}

/// The approver's words when a plan was last returned.
public struct ReturnNote: Sendable, Equatable {
    public var who: String
    public var time: String
    /// The reasons' words (from the config), or the codes when a code is not configured.
    public var reasons: [String]
    public var comment: String
}

extension PlanStore {
    /// Every plan file in `plans/` (regular `.yaml` files, not hidden), sorted by name.
    public func planFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: plansFolder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            .map { plansFolder + "/" + $0 }.filter(AtomicFile.isRegularFile)
    }

    public func summary(of path: String, policy: Policy) -> PlanSummary {
        let bytes = (try? AtomicFile.read(path)) ?? []
        let r = Checker.check(bytes: bytes, file: path, policy: policy)
        let p = r.plan ?? Plan()
        let open = r.findings.filter { !$0.acknowledged }
        var s = PlanSummary(path: path, id: p.id ?? URL(fileURLWithPath: path).lastPathComponent,
                            name: p.person.preferredName ?? p.person.name ?? "(no name)",
                            status: r.unreadable ? "unreadable" : p.status?.rawValue ?? "draft",
                            budget: p.budget.final,
                            errors: open.filter { $0.severity == .error }.count,
                            warnings: open.filter { $0.severity == .warning }.count,
                            review: p.review.next?.description ?? "—")
        s.author = p.author ?? ""
        if let plan = r.plan, signedCopyProblem(path: path, bytes: bytes, plan: plan) != nil {
            s.errors += 1  // says signed-off but is not its signed record
        }
        if let id = p.id, PlanID.isValid(id) {
            s.submitted = lastEntry(id, action: "submit")?.time
            s.change = budgetChange(p)
        }
        return s
    }

    public func summaries(policy: Policy) -> [PlanSummary] { planFiles().map { summary(of: $0, policy: policy) } }

    /// The latest signed-off version of this plan's id before its version.
    public func lastSigned(before plan: Plan) -> Plan? {
        guard let id = plan.id, PlanID.isValid(id) else { return nil }
        let version = plan.version ?? 1
        let files = (try? FileManager.default.contentsOfDirectory(atPath: signedFolder)) ?? []
        let versions = files.compactMap { name -> Int? in
            guard name.hasPrefix(id + "-v"), name.hasSuffix(".yaml") else { return nil }
            return Int(name.dropFirst(id.count + 2).dropLast(5))
        }.filter { $0 < version }
        guard let latest = versions.max(), let bytes = try? AtomicFile.read(signedPath(id, version: latest)),
              case .success(let text) = decodeUTF8(bytes) else { return nil }
        return PlanReader.read(text).plan
    }

    public func budgetChange(_ plan: Plan) -> BudgetChange {
        switch (lastSigned(before: plan)?.budget.final, plan.budget.final) {
        case (nil, _): return .new
        case (let a?, let b?) where a == b: return .same
        case (let a?, let b?): return .by(Money(pence: b.pence - a.pence))
        default: return .unknown
        }
    }

    /// The plan's last entry of an action, from its audit log.
    public func lastEntry(_ id: String, action: String) -> AuditEntry? {
        guard PlanID.isValid(id) else { return nil }
        return (try? audit(id).read())?.entries.last { $0.action == action }
    }

    /// The approver's note when the plan's last status change was a return.
    public func returnNote(_ id: String?, policy: Policy) -> ReturnNote? {
        guard let id, PlanID.isValid(id), let entries = try? audit(id).read().entries,
              let last = entries.last(where: { Self.statusActions.contains($0.action) }), last.action == "return" else { return nil }
        let codes = (last.reason ?? "").split(separator: ",").map(String.init)
        let words = codes.map { c in policy.returnReasons.first { $0.code == c }?.words ?? c }
        return ReturnNote(who: last.who, time: last.time, reasons: words, comment: last.comment ?? "")
    }
}
