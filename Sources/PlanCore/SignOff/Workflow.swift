/// The sign-off workflow on plan files: submit, return, sign and verify
/// (`shared/spec/rules.md`, "At sign-off"). Status changes rewrite only the `status:` line,
/// so everything else in the file stays byte for byte as the planner left it.
import Crypto
import Foundation

public enum Workflow {
    /// The file's text with its top-level `status:` set (added after `version:` if missing).
    /// Works line by line with each line's own ending, so a CRLF (or CR) file keeps its line
    /// ends and gets no second `status:` line; a comment after the status stays.
    public static func setting(status: PlanStatus, in text: String) -> String {
        var file = TextLines(text)
        if let i = file.lines.firstIndex(where: { $0.text.hasPrefix("status:") }) {
            let rest = file.lines[i].text.dropFirst("status:".count)
            // A comment after the value stays, with the spaces before it.
            var start = TemplateFill.commentStart(rest)
            while let i = start, i > rest.startIndex, rest[rest.index(before: i)] == " " { start = rest.index(before: i) }
            let comment = start.map { String(rest[$0...]) } ?? ""
            file.lines[i].text = "status: \(status.rawValue)\(comment)"
            return file.text
        }
        let ending = file.ending.rawValue
        let after = file.lines.firstIndex { $0.text.hasPrefix("version:") } ?? file.lines.firstIndex { $0.text.hasPrefix("format:") }
        guard let after else {
            file.lines.insert(("status: \(status.rawValue)", ending), at: 0)
            return file.text
        }
        if file.lines[after].end.isEmpty { file.lines[after].end = ending }
        file.lines.insert(("status: \(status.rawValue)", after == file.lines.count - 1 ? "" : ending), at: after + 1)
        return file.text
    }

    /// Why a plan cannot be submitted (or signed): every error, and every warning neither fixed
    /// nor acknowledged (`warnings-unacknowledged`). Empty when it is ready.
    public static func readiness(_ result: CheckResult) -> [Finding] {
        var out = result.findings.filter { $0.severity == .error }
        for w in result.findings where w.severity == .warning && !w.acknowledged {
            var f = Finding(.warningsUnacknowledged, path: w.path, position: w.position,
                            message: "warning \(w.rule.rawValue) is neither fixed nor acknowledged: \(w.message)",
                            plain: "This needs to be sorted out, or a reason written for leaving it: \(w.plain)")
            f.acknowledged = false
            out.append(f)
        }
        return out
    }

    /// The amount a signer's level must cover: the final budget plus the one-off costs of the
    /// personal budget (`BudgetRules.authorisationAmount`, the same amount `authorisation-level` uses).
    public static func authorisationAmount(plan: Plan, costing: Costing) -> Money {
        BudgetRules.authorisationAmount(plan, costing) ?? Money(pence: 0)
    }

    /// The lowest signer level whose limit covers `amount`.
    public static func neededLevel(_ amount: Money, _ policy: Policy) -> String? {
        policy.signerLevels.first { level in level.upTo.map { amount <= $0 } ?? true }?.name ?? policy.signerLevels.last?.name
    }

    /// What stops (errors) or should give pause (warnings) before this signer signs this plan:
    /// a level below what the amount needs; approving a plan they wrote or submitted (refused
    /// unless the config allows it, then a warning).
    public static func signingFindings(plan: Plan, costing: Costing, signer: Signer, policy: Policy,
                                       submitter: String?) -> [Finding] {
        var out: [Finding] = []
        let amount = authorisationAmount(plan: plan, costing: costing)
        if let needed = neededLevel(amount, policy), let have = policy.rank(ofLevel: signer.level),
           let need = policy.rank(ofLevel: needed), have < need {
            out.append(Finding(.signerLevelTooLow, path: "budget.final",
                               message: "\(signer.name) signs at \(signer.level); \(amount) (the budget a year plus one-off costs) needs \(needed) or above",
                               plain: "A more senior manager needs to agree this plan."))
        }
        func same(_ a: String?) -> Bool {
            guard let a else { return false }
            return a.trimmingSpaces().lowercased() == signer.name.trimmingSpaces().lowercased()
        }
        if same(plan.author) || same(submitter) {
            var f = Finding(.approverIsAuthor, path: "author",
                            message: "\(signer.name) wrote or submitted this plan and is signing it off; a second person must check it",
                            plain: "The person who wrote the plan is also agreeing it.")
            if !policy.allowSelfApproval {
                f.severity = .error
                f.message += " (this store's config does not allow approving your own plan: allow_self_approval)"
            }
            out.append(f)
        }
        return out
    }

    /// A new version after sign-off: version + 1, a draft again, `previous_final` set to the
    /// signed-off budget so a cut must be explained (`budget-cut-unexplained`).
    public static func newVersion(of plan: Plan, today: PlanDate) -> Plan {
        var p = plan
        p.version = (plan.version ?? 1) + 1
        p.status = .draft
        p.created = today
        p.updated = today
        p.budget.previousFinal = plan.budget.final
        p.budget.changeReason = nil
        return p
    }

    /// `2026-11-21T10:42:00Z`: UTC, whole seconds. Formatted with the C library, not
    /// `ISO8601DateFormatter`, which loads ICU's time-zone data (6 MB resident in the editor).
    public static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        gmtime_r(&seconds, &t)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(Int(t.tm_year) + 1900)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))"
            + "T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }
}
