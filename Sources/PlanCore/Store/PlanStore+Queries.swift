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
    public var version: Int?
    /// The costing's totals: recurring a year, one-off, counted against the budget, and the
    /// budget left (negative: over budget); nil when the plan has no costing.
    public var recurringAnnual: Money?
    public var oneOff: Money?
    public var counted: Money?
    public var remaining: Money?
    /// The last review held (`review.last`), or nil.
    public var reviewLast: String?
    /// What the plan commits, by funding source, provider and kind of service.
    public var costs: [CostShare] = []
    /// The file changed since the index last read it and is being checked again: the other
    /// fields are from the last check (or empty for a new file).
    public var checking = false

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

/// A plan's committed money for one funding source, provider and kind of service (its paid
/// lines added up): recurring a year and one-off, in pence.
public struct CostShare: Sendable, Equatable {
    public var funding: String
    public var provider: String
    public var kind: String
    public var annualPence: Int64
    public var oneOffPence: Int64
    public init(funding: String, provider: String, kind: String, annualPence: Int64, oneOffPence: Int64) {
        self.funding = funding
        self.provider = provider
        self.kind = kind
        self.annualPence = annualPence
        self.oneOffPence = oneOffPence
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

    /// The plan file read and checked now (the index keeps these: `PlanIndex`).
    public func summary(of path: String, policy: Policy) -> PlanSummary {
        summary(of: path, bytes: (try? AtomicFile.read(path)) ?? [], policy: policy, signed: nil)
    }

    /// `signed`: the versions in `signed/` by plan id, listed once for many plans (nil: list now).
    func summary(of path: String, bytes: [UInt8], policy: Policy, signed: [String: [Int]]?) -> PlanSummary {
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
        s.version = p.version
        s.reviewLast = p.review.last?.description
        if let t = r.costing?.totals {
            s.recurringAnnual = Money(pence: t.recurringAnnualPence)
            s.oneOff = Money(pence: t.oneOffPence)
            s.counted = Money(pence: t.countedAgainstBudgetPence)
            s.remaining = t.remainingPence.map { Money(pence: $0) }
        }
        s.costs = Self.shares(p, r.costing)
        if let plan = r.plan, signedCopyProblem(path: path, bytes: bytes, plan: plan) != nil {
            s.errors += 1  // says signed-off but is not its signed record
        }
        if let id = p.id, PlanID.isValid(id) {
            s.submitted = lastEntry(id, action: "submit")?.time
            s.change = budgetChange(p, signed: signed)
        }
        return s
    }

    /// Every plan's summary, from the index (`.supportplan/index.sqlite`), which re-reads the
    /// files that changed first; read from the files themselves when the index cannot be used.
    /// `progress` hears how a long rebuild goes (done, of).
    public func summaries(policy: Policy, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [PlanSummary] {
        if let rows = try? PlanIndex.reading(self, policy: policy, { try $0.current(progress: progress) }) { return rows }
        return planFiles().map { summary(of: $0, policy: policy) }
    }

    /// The plan's paid lines added up by funding source, provider and kind, in the order first met.
    static func shares(_ plan: Plan, _ costing: Costing?) -> [CostShare] {
        guard let costing else { return [] }
        var out: [CostShare] = []
        for line in costing.lines where line.index < plan.supports.count {
            let s = plan.supports[line.index]
            let funding = line.funding?.rawValue ?? s.funding?.rawValue ?? "unknown"
            let provider = s.provider?.trimmingSpaces() ?? ""
            let kind = s.kind?.rawValue ?? "other"
            let annual = line.annualPence ?? 0, once = line.oneOffPence ?? 0
            guard annual != 0 || once != 0 else { continue }
            if let i = out.firstIndex(where: { $0.funding == funding && $0.provider == provider && $0.kind == kind }) {
                out[i].annualPence += annual
                out[i].oneOffPence += once
            } else {
                out.append(CostShare(funding: funding, provider: provider.isEmpty ? "(no provider)" : provider, kind: kind,
                                     annualPence: annual, oneOffPence: once))
            }
        }
        return out
    }

    /// The latest signed-off version of this plan's id before its version.
    public func lastSigned(before plan: Plan, signed: [String: [Int]]? = nil) -> Plan? {
        guard let id = plan.id, PlanID.isValid(id) else { return nil }
        let version = plan.version ?? 1
        let versions = (signed ?? signedVersions(of: id))[id, default: []].filter { $0 < version }
        guard let latest = versions.max(), let bytes = try? AtomicFile.read(signedPath(id, version: latest)),
              case .success(let text) = decodeUTF8(bytes) else { return nil }
        return PlanReader.read(text).plan
    }

    /// The signed-off versions in `signed/` by plan id (only `id`'s when one is given).
    public func signedVersions(of only: String? = nil) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for name in FileStamp.folder(signedFolder, suffix: ".yaml").keys {
            guard let v = name.range(of: "-v", options: .backwards) else { continue }
            let id = String(name[..<v.lowerBound])
            guard only == nil || id == only, let n = Int(name[v.upperBound...].dropLast(5)) else { continue }
            out[id, default: []].append(n)
        }
        return out
    }

    public func budgetChange(_ plan: Plan, signed: [String: [Int]]? = nil) -> BudgetChange {
        switch (lastSigned(before: plan, signed: signed)?.budget.final, plan.budget.final) {
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
