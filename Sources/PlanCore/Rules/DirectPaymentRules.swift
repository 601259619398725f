/// Direct payments and personal assistants (domain §10 rules 10, 20–23, 25–29): how the money
/// is paid, who may be paid, what it may buy, and the employer's legal costs.

enum DirectPaymentRules {
    static func check(_ c: RuleContext) -> [Finding] {
        let p = c.plan
        var out: [Finding] = []
        let dpLines = p.supports.indices.filter { p.supports[$0].isDirectPayment }
        if let first = dpLines.first {
            if p.budget.payment == nil && p.budget.kept.raw["payment"] == nil {
                out.append(c.finding(.dpPaymentMissing, "budget.payment",
                    "line \(p.supports[first].id ?? "?") is a direct payment and `budget.payment` (weekly, four-weekly or monthly) is missing",
                    plain: "Say how often the money will be paid to you: every week, every 4 weeks or every month."))
            }
            if p.capacity.hasCapacity == false && !p.capacity.authorisedPerson.hasWords {
                out.append(c.finding(.dpAuthorisedPersonMissing, "capacity.authorised_person",
                    "a direct payment for a person who lacks capacity needs an authorised person (Care Act s.32)",
                    plain: "Someone needs to be named to get and manage the money for you."))
            }
        }
        for (i, s) in p.supports.enumerated() {
            let name = s.id ?? "\(i + 1)"
            if s.isPA && s.pa.relativeInHousehold == true && !s.pa.necessaryException.hasWords {
                out.append(c.finding(.dpRelativeInHousehold, "supports[\(i)].pa.necessary_exception",
                    "PA line \(name) pays a close relative living in the household with no recorded `necessary_exception` (DP Regulations 2014 reg. 3)",
                    plain: "A family member who lives with you can only be paid if the council agrees it is necessary. Write down why."))
            }
            if s.kind == .careHome && s.isDirectPayment, residentialTooLong(s, c.costing.weeks) {
                out.append(c.finding(.dpResidentialCare, "supports[\(i)]",
                    "care-home line \(name) is paid by direct payment for more than 4 weeks a year; only short stays are lawful (DP Regulations 2014 reg. 8)",
                    plain: "Money paid to you can only pay for short stays in a care home, up to 4 weeks a year."))
            }
            if s.isPaid, let what = s.what, let word = c.policy.notAllowed.first(where: { containsWholeWords(what, $0) }) {
                out.append(c.finding(.notAllowedItem, "supports[\(i)].what",
                    "line \(name) mentions '\(word)', which a personal budget does not usually pay for",
                    plain: "Your money for support cannot usually pay for \(word)."))
            }
            if s.isPA, let rate = s.rate, s.unit == nil || s.unit == .hour,
               let (day, minimum) = belowMinimum(s, rate: rate, c) {
                let ageWords = s.pa.age.map { "aged \($0)" } ?? "of unknown age (the 21+ rate is used)"
                out.append(c.finding(.paBelowMinimumWage, "supports[\(i)].rate",
                    "PA line \(name) pays \(rate) an hour; from \(day) the legal minimum for a PA \(ageWords) is \(minimum)",
                    plain: "This pays less than the law allows. From \(day.spoken) it must be at least \(minimum) an hour."))
            }
        }
        let paLines = p.supports.indices.filter { p.supports[$0].isPA }
        guard let firstPA = paLines.first else { return out }
        let onCosts = Set(p.supports.compactMap { $0.kind == .onCost ? $0.onCost : nil })
        let paPath = "supports[\(firstPA)]"
        if !onCosts.contains(.elInsurance) {
            out.append(c.finding(.paELInsuranceMissing, paPath,
                "the plan employs a PA and has no employer's liability insurance line (`on_cost: el-insurance`); it is a legal requirement",
                plain: "If you employ someone, the law says you must have insurance. Add it to your plan."))
        }
        let missing: [OnCostType] = [.employerNI, .holidayCover, .payroll].filter { !onCosts.contains($0) }
        if !missing.isEmpty {
            out.append(c.finding(.paOncostsMissing, paPath,
                "the plan employs a PA and lacks the \(listWords(missing.map(\.rawValue))) on-cost line\(missing.count > 1 ? "s" : "")",
                plain: "Employing someone costs more than their pay. Add: \(listWords(missing.map(plainOnCost)))."))
        }
        if !onCosts.contains(.pension), c.costing.totals != nil {
            for i in paLines {
                let s = p.supports[i]
                guard let age = s.pa.age, (22...65).contains(age),
                      let annual = c.costing.line(i)?.annualPence, annual > 1_000_000 else { continue }
                out.append(c.finding(.paPensionMissing, "supports[\(i)]",
                    "PA line \(s.id ?? "?") (age \(age)) costs \(Money.pounds(annual)) a year, above £10,000, and the plan has no pension on-cost line",
                    plain: "Your PA earns enough to be put in a work pension. Add the pension cost to your plan."))
            }
        }
        return out
    }

    static func plainOnCost(_ t: OnCostType) -> String {
        switch t {
        case .employerNI: return "employer's National Insurance"
        case .holidayCover: return "holiday cover"
        case .payroll: return "a payroll service"
        default: return t.rawValue
        }
    }

    /// More than 28 days or nights, or more than 4 weeks, a year; any other unit counts as more.
    static func residentialTooLong(_ s: Support, _ weeks: WeeksPerYear) -> Bool {
        guard let unit = s.unit, unit == .day || unit == .night || unit == .week, let per = s.per else { return true }
        let q = Int128((s.quantity ?? Hundredths(whole: 1)).value)  // hundredths of a unit
        // units a year × 100 000 (hundredths × thousandths of weeks)
        let perYear: Int128
        switch per {
        case .week: perYear = q * Int128(weeks.thousandths)
        case .fourWeeks: perYear = q * Int128(weeks.thousandths) / 4
        case .month: perYear = q * 12 * 1000
        case .year, .once: perYear = q * 1000
        }
        let limit: Int128 = unit == .week ? 4 : 28
        return perYear > limit * 100 * 1000
    }

    /// The first day in the line's first year on which its rate is below the minimum.
    static func belowMinimum(_ s: Support, rate: Money, _ c: RuleContext) -> (PlanDate, Money)? {
        guard let start = s.start ?? c.plan.created else { return nil }
        let yearEnd = start.adding(years: 1).adding(days: -1)
        let last = min(s.end ?? yearEnd, yearEnd)
        var days = [start]
        days += c.policy.wageTable.map(\.from).filter { $0 > start && $0 <= last }
        for day in days.sorted() {
            guard let row = c.policy.wageRow(on: day) else { continue }
            let minimum = row.minimum(forAge: s.pa.age)
            if rate < minimum { return (day, minimum) }
        }
        return nil
    }
}
