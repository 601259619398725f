/// Safety, rights and process (domain §10 rules 9, 11–12, 30–38): advice, involvement,
/// agreement, contingency, risks, reviews, capacity and top-ups.

enum SafetyRules {
    static func check(_ c: RuleContext) -> [Finding] {
        let p = c.plan
        var out: [Finding] = []
        let missingAdvice = [p.advice.meetOrReduce.hasWords ? nil : "meet_or_reduce",
                             p.advice.preventOrDelay.hasWords ? nil : "prevent_or_delay"].compactMap { $0 }
        if !missingAdvice.isEmpty {
            out.append(c.finding(.adviceMissing, "advice",
                "advice and information is not recorded: \(listWords(missingAdvice.map { "advice.\($0)" })) (Care Act s.25(1)(f))",
                plain: "Write down the advice you were given about other help and about staying well."))
        }
        if !p.plannedWith.contains(where: { $0.role == .person || $0.role == .advocate }) {
            out.append(c.finding(.involvementMissing, "planned_with",
                "`planned_with` does not include the person (role: person) or an advocate (Care Act s.25(3))",
                plain: "Your plan should show that you helped to write it."))
        }
        if (p.agreement.status == nil && p.agreement.kept.raw["status"] == nil) || p.agreement.status == .notYet {
            out.append(c.finding(.agreementMissing, "agreement.status",
                "the person's agreement is not recorded (`agreement.status`: agreed, partly-agreed or disagreed)",
                plain: "Say whether you agree with your plan."))
        }
        if p.agreement.status == .partlyAgreed || p.agreement.status == .disagreed, !p.agreement.personWords.hasWords {
            out.append(c.finding(.disagreementWordsMissing, "agreement.person_words",
                "the person \(p.agreement.status == .disagreed ? "disagrees" : "partly agrees") and their own words are not recorded",
                plain: "Write down, in your own words, what you do not agree with."))
        }
        // An entry with no words in it (`- ~`, or empty `when` and `then`) is no entry.
        if !p.contingency.contains(where: { $0.when.hasWords || $0.then.hasWords }), let reason = contingencyReason(p) {
            out.append(c.finding(.contingencyMissing, "contingency",
                "there is no contingency plan, and the plan \(reason); say what happens when the support cannot come",
                plain: "Write down what will happen if your help cannot come, for example if your helper is ill."))
        }
        for (i, r) in p.risks.enumerated() where r.risk.hasWords && !r.mitigation.hasWords && r.acceptedByPerson != true {
            out.append(c.finding(.riskUnmanaged, "risks[\(i)]",
                "risk \"\(r.risk ?? "\(i + 1)")\" has no mitigation and is not accepted by the person",
                plain: "Write down what you will do about this risk, or that you accept it."))
        }
        out += reviews(c)
        if p.capacity.hasCapacity == false && !p.capacity.bestInterests.hasWords {
            out.append(c.finding(.bestInterestsMissing, "capacity.best_interests",
                "the person lacks capacity for these decisions and there is no best-interests record (MCA s.4)",
                plain: "Write down how the decisions were made for you, thinking about what you would want."))
        }
        if p.capacity.substantialDifficulty == true && !p.capacity.advocate.hasWords && !p.capacity.appropriatePerson.hasWords {
            out.append(c.finding(.advocateMissing, "capacity.advocate",
                "substantial difficulty is recorded and neither an independent advocate nor an appropriate person is named (Care Act s.67)",
                plain: "You should have someone to help you speak up. Write down who."))
        }
        let accommodation: Set<SupportKind> = [.careHome, .supportedLiving, .sharedLives]
        for (i, s) in p.supports.enumerated() where s.funding == .topUp && !(s.kind.map(accommodation.contains) ?? false) {
            out.append(c.finding(.topUpNotAccommodation, "supports[\(i)].funding",
                "line \(s.id ?? "\(i + 1)") is a top-up but is not a care home, supported living or shared lives line",
                plain: "Extra money from family can only pay towards where you live, like a care home."))
        }
        for (i, n) in p.needs.enumerated() where n.eligible == true {
            guard let id = n.id else { continue }
            let lines = c.linesMeeting(need: id)
            if !lines.isEmpty && lines.allSatisfy({ p.supports[$0].funding == .topUp }) {
                out.append(c.finding(.topUpMeetsEligibleNeed, "needs[\(i)]",
                    "eligible need \(id) is met only by top-up lines; the personal budget must meet eligible needs",
                    plain: "The council must pay for this need. Family money cannot be the only way it is met."))
            }
        }
        return out
    }

    /// Why the plan needs a contingency entry, or nil when it does not.
    static func contingencyReason(_ p: Plan) -> String? {
        if p.supports.contains(where: \.isPA) { return "employs a personal assistant" }
        if p.supports.contains(where: \.isDirectPayment) { return "uses a direct payment" }
        let recurring = p.supports.filter { $0.isPaid && $0.per != .once }
        if !recurring.isEmpty, let first = recurring[0].provider?.trimmingSpaces(), !first.isEmpty,
           recurring.allSatisfy({ $0.provider?.trimmingSpaces() == first }) {
            return "relies on one provider (\(first)) for all its paid support"
        }
        return nil
    }

    static func reviews(_ c: RuleContext) -> [Finding] {
        let p = c.plan
        var out: [Finding] = []
        let start = c.planStart
        // From the last review; else from the plan's start for a new plan; else from when this
        // version was written. A start before `created` is never named: `created` is used.
        let base: (PlanDate, String)?
        if let last = p.review.last {
            base = (last, "the last review")
        } else if let start, (p.version ?? 1) == 1 {
            base = p.created.map { start < $0 ? ($0, "when this plan was written") : (start, "the plan's start") } ?? (start, "the plan's start")
        } else {
            base = p.created.map { ($0, "when this plan was written") } ?? start.map { ($0, "the plan's start") }
        }
        if let next = p.review.next {
            if let (from, words) = base, next > from.adding(years: 1) {
                out.append(c.finding(.reviewOver12Months, "review.next",
                    "the next review, \(next), is more than 12 months after \(words), \(from) (latest \(from.adding(years: 1)))",
                    plain: "Your plan must be checked at least once a year: by \(from.adding(years: 1).spoken)."))
            }
        } else if p.review.kept.raw["next"] == nil {
            out.append(c.finding(.reviewMissing, "review.next",
                "there is no next review date (`review.next`); a plan is reviewed at least every 12 months (Care Act s.27)",
                plain: "Your plan does not say when it will be checked. It must be checked at least once a year."))
        }
        if (p.version ?? 1) == 1, let start, p.review.kept.raw["first"] == nil {
            let latest = start.adding(days: 56)
            if let first = p.review.first {
                if first > latest {
                    out.append(c.finding(.firstReviewLate, "review.first",
                        "the first review, \(first), is more than 8 weeks (56 days) after the plan's start, \(start) (latest \(latest))",
                        plain: "The first check of a new plan should be within 8 weeks, by \(latest.spoken)."))
                }
            } else {
                out.append(c.finding(.firstReviewLate, "review.first",
                    "a new plan has no first review date (`review.first`); it should be within 8 weeks of the start, by \(latest)",
                    plain: "Set a date to check your new plan is working, within 8 weeks, by \(latest.spoken)."))
            }
        }
        return out
    }
}
