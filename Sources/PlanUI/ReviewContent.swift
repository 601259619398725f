/// Everything a manager signs, as the review screen's lines: the person and what matters to
/// them, needs, outcomes, every support with its cost, money (one-off costs, the direct payment
/// per payment, the reason for any budget change), risks, contingency, advice, agreement and
/// the person's words, findings with acceptance reasons, and the changes since the last
/// signed-off version and since submission. Lines are whole (never cut); the screen wraps them.
import PlanCore

enum ReviewContent {
    static func lines(plan: Plan, check: CheckResult, previous: Plan?, submission: [String], money: SpendReport? = nil) -> [String] {
        var out: [String] = []
        func text(_ s: String?) -> String { SafeText.visible((s ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")) }
        func given(_ s: String?) -> String { (s ?? "").contains(where: { !$0.isWhitespace }) ? text(s) : "not given" }
        func head(_ s: String) { if !out.isEmpty { out.append("") }; out.append(s) }

        out.append("Written by \(given(plan.author)); last updated \(plan.updated?.spoken ?? "not given"); "
                   + "status \(plan.status?.rawValue ?? "draft").")
        head("THE PERSON")
        let p = plan.person
        out.append("Name: \(given(p.name))" + (p.preferredName.map { " (known as \(text($0)))" } ?? ""))
        out.append("Born: \(p.dateOfBirth?.spoken ?? "not given"); lives with: \(given(p.livesWith))")
        if let c = p.communication, !c.isEmpty { out.append("Communication: \(text(c))") }
        let cap = plan.capacity
        out.append("Has capacity: \(cap.hasCapacity.map { $0 ? "yes" : "no" } ?? "not given")"
                   + (cap.substantialDifficulty == true ? "; substantial difficulty (advocate: \(given(cap.advocate)))" : ""))
        if let a = plan.aboutMe, a.hasWords {
            // Paragraphs stay paragraphs.
            let paragraphs = a.components(separatedBy: "\n\n").map(text).filter(\.hasWords)
            out.append("About me: " + (paragraphs.first ?? ""))
            out += paragraphs.dropFirst()
        }
        head("WHAT MATTERS TO THEM")
        for s in plan.importantToMe { out.append("- Important to me: \(text(s))") }
        for s in plan.importantForMe { out.append("- Important for me: \(text(s))") }
        if plan.importantToMe.isEmpty && plan.importantForMe.isEmpty { out.append("Nothing written.") }

        head("NEEDS")
        for n in plan.needs {
            let why = n.unableBecause.map(\.rawValue).joined(separator: ", ")
            out.append("\(text(n.id)) \(n.area?.plainLabel ?? "area not given") — "
                       + (n.eligible == true ? "eligible" : n.eligible == false ? "not eligible" : "eligibility not given")
                       + (why.isEmpty ? "" : " (\(why))") + ": \(given(n.description))")
        }
        if plan.needs.isEmpty { out.append("No needs written.") }
        head("OUTCOMES")
        for o in plan.outcomes {
            out.append("\(text(o.id)) \(given(o.text))" + (o.needs.isEmpty ? "" : " (needs \(o.needs.joined(separator: ", ")))"))
        }
        if plan.outcomes.isEmpty { out.append("No outcomes written.") }

        let costing = check.costing ?? Coster.cost(plan)
        head("SUPPORT AND WHAT EACH COSTS")
        for (i, s) in plan.supports.enumerated() {
            var line = "\(text(s.id)) \(given(s.what))"
            line += " — \(s.kind?.rawValue ?? "kind not given"), \(given(s.provider)), funded by \(s.funding?.rawValue ?? "not given")"
                + ", \(s.management?.rawValue ?? "management not given")"
            if let rate = s.rate {
                line += "; \(rate.pounds) \(unitWords(s.unit)) × \(s.quantity?.description ?? "✗ quantity not given") \(perWords(s.per))"
            }
            if let c = costing.lines.first(where: { $0.index == i }) {
                if let o = c.oneOffPence { line += " = \(Money.pounds(o)) one-off" } else if let a = c.annualPence {
                    line += " = \(c.weeklyPence.map { Money.pounds($0) + " a week, " } ?? "")\(Money.pounds(a)) a year"
                }
            } else if !s.isPaid {
                line += "; no cost"
            }
            if !s.meets.isEmpty { line += " (meets \(s.meets.joined(separator: ", ")))" }
            out.append(line)
        }
        if plan.supports.isEmpty { out.append("No support written.") }

        head("MONEY")
        if let t = costing.totals {
            out.append("Counted against the budget: \(Money.pounds(t.countedAgainstBudgetPence)) a year "
                       + "(\(Money.pounds(t.recurringWeeklyPence)) a week in all).")
            if let final = t.budgetFinalPence, let remaining = t.remainingPence {
                out.append("Final budget: \(Money.pounds(final)) a year; "
                           + (remaining >= 0 ? "\(Money.pounds(remaining)) left." : "✗ over by \(Money.pounds(-remaining))."))
            } else {
                out.append("Final budget: not given.")
            }
            out.append("One-off costs: \(Money.pounds(t.oneOffPence)) (not counted in the yearly budget).")
            if let payment = t.payment, let commitment = t.commitmentPerPaymentPence {
                let each = TotalsTable.paymentWords(payment)
                out.append("Commitment \(each): \(Money.pounds(commitment)); direct payment \(each): "
                           + (t.directPaymentPerPaymentPence.map(Money.pounds) ?? "none") + ".")
            }
        } else {
            out.append("✗ This plan cannot be costed until these are put right: \(costing.unreadable.joined(separator: ", ")).")
        }
        let b = plan.budget
        out.append("Indicative budget: \(b.indicative?.pounds ?? "not given"); person pays \(b.personContribution?.pounds ?? "not given"), "
                   + "council pays \(b.councilContribution?.pounds ?? "not given").")
        if let j = b.justification, j.hasWords { out.append("Why above the indicative budget: \(text(j))") }
        let before = b.previousFinal ?? previous?.budget.final
        if let before, let final = b.final, before != final {
            out.append("Budget change: \(before.pounds) → \(final.pounds) (\(final > before ? "up" : "down") "
                       + "\(Money(pence: abs(final.pence - before.pence)).pounds)).")
            out.append(b.changeReason.map(\.hasWords) == true ? "Reason for the change: \(text(b.changeReason))"
                       : "✗ Reason for the change: not given")
        } else if let r = b.changeReason, r.hasWords {
            out.append("Reason for the change: \(text(r))")
        }

        if let money { head("MONEY SO FAR"); out += moneySoFar(money, plan: plan) }

        head("RISKS")
        for r in plan.risks {
            out.append("- \(given(r.risk)) Mitigation: \(given(r.mitigation)) "
                       + "Accepted by the person: \(r.acceptedByPerson.map { $0 ? "yes" : "no" } ?? "not asked").")
        }
        if plan.risks.isEmpty { out.append("No risks written.") }
        head("CONTINGENCY")
        for c in plan.contingency { out.append("- \(given(c.when)) → \(given(c.then))") }
        if plan.contingency.isEmpty { out.append("No contingency written.") }
        head("ADVICE")
        out.append("To meet or reduce needs: \(given(plan.advice.meetOrReduce))")
        out.append("To prevent or delay needs: \(given(plan.advice.preventOrDelay))")

        head("AGREEMENT AND THE PERSON'S WORDS")
        out.append("Agreement: \(plan.agreement.status?.rawValue ?? "not given")"
                   + (plan.agreement.date.map { " on \($0.spoken)" } ?? "") + ".")
        out.append("In their words: \(given(plan.agreement.personWords))")

        head("FINDINGS")
        let open = check.findings.filter { !$0.acknowledged && $0.severity != .info }
        let accepted = check.findings.filter(\.acknowledged)
        if open.isEmpty { out.append("✓ No errors or open warnings.") }
        for f in open { out.append("\(f.severity == .error ? "✗" : "!") \(f.rule.rawValue) at \(f.path): \(text(f.message))") }
        for f in accepted {
            let reason = plan.acknowledged.first { $0.accepts(f, in: plan) }?.reason
            out.append("✓ accepted \(f.rule.rawValue) at \(f.path): \(text(f.message)) Reason: \(given(reason))")
        }
        for f in check.findings where f.severity == .info { out.append("i \(text(f.message))") }

        head("CHANGES SINCE THE LAST SIGNED-OFF VERSION")
        out += previous.map { PlanDiff.compare($0, plan).lines } ?? ["This is the first version to be signed off."]
        head("SINCE SUBMISSION")
        out += submission.isEmpty ? ["The audit log has no submission of this plan."] : submission
        return out
    }

    /// The money in use, from the account's statement (docs/spend.md): the balance, the
    /// forecast in one sentence, the findings, and how many transactions match nothing.
    static func moneySoFar(_ r: SpendReport, plan: Plan) -> [String] {
        var out = ["Balance on \(r.asOf.spoken): \(Money.pounds(r.balancePence)) (from the account's statement).",
                   SpendOutput.sentence(r, reserveWeeks: plan.budget.reserveWeeks)]
        for f in r.findings {
            out.append("\(f.severity == .error ? "✗" : f.severity == .warning ? "!" : "i") \(f.rule.rawValue): \(SafeText.visible(f.message))")
        }
        let n = r.unmatched.count
        out.append(n == 0 ? "Every transaction is matched to a line, the council, or marked not for care."
                   : "Unmatched: \(n) transaction\(n == 1 ? "" : "s") match nothing in the plan yet (Money so far, or supportplan spend assign).")
        return out
    }

    static func unitWords(_ u: CostUnit?) -> String {
        switch u {
        case .hour: return "an hour"
        case .item: return "each"
        case nil: return "(unit not given)"
        case let u?: return "a \(u.rawValue)"
        }
    }

    static func perWords(_ p: Period?) -> String {
        switch p {
        case .once: return "once"
        case .fourWeeks: return "every 4 weeks"
        case nil: return "(how often not given)"
        case let p?: return "a \(p.rawValue)"
        }
    }
}
