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
            if p.capacity.authorisedPerson.hasWords && p.capacity.authorisedPersonBasis == nil
                && p.capacity.kept.raw["authorised_person_basis"] == nil {
                out.append(c.finding(.authorisedPersonBasis, "capacity.authorised_person",
                    "line \(p.supports[first].id ?? "?") is a direct payment to an authorised person, and `capacity.authorised_person_basis` (lasting-power-of-attorney, deputy or agreed-by-council) is not given (Care Act s.32(4))",
                    plain: "Write down why this person may manage the money for you: a power of attorney, a deputy, or the council agreed it."))
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
            if s.isPaid, let what = s.what, !isSupportWithATask(s),
               let word = c.policy.notAllowed.first(where: { containsWholeWords(what, $0) }) {
                out.append(c.finding(.notAllowedItem, "supports[\(i)].what",
                    "line \(name) mentions '\(word)', which a personal budget does not usually pay for",
                    plain: "Your money for support cannot usually pay for \(word)."))
            }
            if s.isPA, let rate = s.rate, let hours = hoursPerUnit(s), let (day, minimum, age) = belowMinimum(s, rate: rate, hours: hours, c) {
                let ageWords = age.map { "aged \($0)" } ?? "of unknown age (the 21+ rate is used)"
                let payWords = hours == Hundredths(whole: 1) ? "\(rate) an hour"
                    : "\(rate) a \(s.unit?.rawValue ?? "unit") of \(hours) hours (\(Money.pounds(Int64(rate.pence) * 100 / hours.value)) an hour)"
                out.append(c.finding(.paBelowMinimumWage, "supports[\(i)].rate",
                    "PA line \(name) pays \(payWords); from \(day) the legal minimum for a PA \(ageWords) is \(minimum) an hour",
                    plain: "This pays less than the law allows. From \(day.spoken) it must be at least \(minimum) an hour."))
            }
            if s.isPA, s.per != .once, let last = c.policy.wageTable.map(\.from).max(), let period = c.costing.period {
                let covered = last.adding(years: 1).adding(days: -1)
                let runsTo = min(s.end ?? period.to, period.to)
                if runsTo > covered {
                    out.append(c.finding(.wageTableEnds, "supports[\(i)]",
                        "PA line \(name) runs to \(runsTo), past \(covered), the last day the minimum wage table covers (its last row starts \(last)); the minimum wage after that cannot be checked",
                        plain: "The legal minimum pay after \(covered.spoken) is not known yet. Check this PA's pay when it is."))
                }
            }
        }
        for (i, e) in p.employees.enumerated() where e.relativeInHousehold == true && !e.necessaryException.hasWords {
            out.append(c.finding(.dpRelativeInHousehold, "employees[\(i)].necessary_exception",
                "employee \(e.id ?? "\(i + 1)") is a close relative living in the household with no recorded `necessary_exception` (DP Regulations 2014 reg. 3)",
                plain: "A family member who lives with you can only be paid if the council agrees it is necessary. Write down why."))
        }
        let paLines = p.supports.indices.filter { p.supports[$0].isPA }
        guard let firstPA = paLines.first else { return out }
        let onCosts = Set(p.supports.compactMap { $0.kind == .onCost ? $0.onCost : nil })
        let paPath = "supports[\(firstPA)]"
        let m = c.employer
        for i in paLines {
            let s = p.supports[i]
            let e = s.employee.flatMap { id in p.employees.first { $0.id == id } }
            if e?.dateOfBirth == nil && (e != nil || s.pa.age == nil) {
                out.append(c.finding(.paDateOfBirthMissing, s.employee != nil ? "supports[\(i)].employee" : "supports[\(i)]",
                    "PA line \(s.id ?? "?") gives neither the PA's date of birth nor age: the 21-and-over NI rate and minimum wage are assumed, and the pension duty cannot be worked out",
                    plain: "Write down your PA's date of birth. It decides their minimum pay, National Insurance and pension."))
            }
        }
        if !onCosts.contains(.elInsurance) {
            var f = c.finding(.paELInsuranceMissing, paPath,
                "the plan employs a PA and has no employer's liability insurance line (`on_cost: el-insurance`); it is a legal requirement",
                plain: "If you employ someone, the law says you must have insurance. Add it to your plan.")
            if let m, !m.pas.isEmpty, m.pas.allSatisfy(\.relativeInHousehold) {
                f.severity = .warning
                f.message = "the plan employs only close relatives (\(listWords(m.pas.map(\.name)))) and has no employer's liability insurance line; a close relative may be exempt (ELCI (Compulsory Insurance) Act 1969 s.2(2)), so check and record it"
                f.plain = "Your only helper is a close relative, so you may not need employer's insurance. Check, and write down what you found."
            }
            out.append(f)
        }
        let niNeeded = m.map { $0.niPence > 0 } ?? true
        let missing: [OnCostType] = [.employerNI, .holidayCover, .payroll].filter {
            !onCosts.contains($0) && ($0 != .employerNI || niNeeded)
        }
        if !missing.isEmpty {
            out.append(c.finding(.paOncostsMissing, paPath,
                "the plan employs a PA and lacks the \(listWords(missing.map(\.rawValue))) on-cost line\(missing.count > 1 ? "s" : "")",
                plain: "Employing someone costs more than their pay. Add: \(listWords(missing.map(plainOnCost)))."))
        }
        guard let m else { return out }
        if !m.hasPensionLine {
            for pa in m.pas where pa.pensionPence > 0 {
                out.append(c.finding(.paPensionMissing, "supports[\(pa.lines[0])]",
                    "PA \(pa.name) is paid \(Money.pounds(pa.payPence)) over the period and must be enrolled in a workplace pension (\(Money.pounds(pa.pensionPence)) employer contributions), and the plan has no pension on-cost line",
                    plain: "Your PA earns enough to be put in a work pension. Add the pension cost to your plan."))
            }
        }
        let tolerance: Int64 = 100
        let periodWords = "over \(m.period.from) to \(m.period.to)"
        if m.hasNILine && m.statedNIPence + tolerance < m.niPence {
            out.append(c.finding(.paNIUnderstated, "supports[\(onCostLine(.employerNI, p))]",
                "the employer NI lines come to \(Money.pounds(m.statedNIPence)) \(periodWords), \(Money.pounds(m.niPence - m.statedNIPence)) short of the \(Money.pounds(m.niPence)) worked out: \(m.pas.map { $0.named(\.niWorking) }.joined(separator: "; ")). Together: \(m.niWorking)",
                plain: "The plan puts \(Money.pounds(m.statedNIPence)) aside for National Insurance, but \(Money.pounds(m.niPence)) is needed."))
        }
        if m.hasPensionLine && m.statedPensionPence + tolerance < m.pensionPence {
            out.append(c.finding(.paPensionUnderstated, "supports[\(onCostLine(.pension, p))]",
                "the pension lines come to \(Money.pounds(m.statedPensionPence)) \(periodWords), \(Money.pounds(m.pensionPence - m.statedPensionPence)) short of the \(Money.pounds(m.pensionPence)) worked out: \(m.pas.map { $0.named(\.pensionWorking) }.joined(separator: "; "))",
                plain: "The plan puts \(Money.pounds(m.statedPensionPence)) aside for your PAs' pensions, but \(Money.pounds(m.pensionPence)) is needed."))
        }
        if m.hasHolidayCoverLine && m.statedHolidayCoverPence + tolerance < m.holidayCoverPence {
            out.append(c.finding(.paHolidayCoverUnderstated, "supports[\(onCostLine(.holidayCover, p))]",
                "the holiday cover lines come to \(Money.pounds(m.statedHolidayCoverPence)) \(periodWords), \(Money.pounds(m.holidayCoverPence - m.statedHolidayCoverPence)) short of the \(Money.pounds(m.holidayCoverPence)) worked out: \(m.pas.map { $0.named(\.holidayWorking) }.joined(separator: "; "))",
                plain: "The plan does not put enough aside to pay for cover while your PAs are on holiday."))
        }
        return out
    }

    static func onCostLine(_ t: OnCostType, _ p: Plan) -> Int {
        p.supports.firstIndex { $0.kind == .onCost && $0.onCost == t } ?? 0
    }

    /// A line buying the item fires `not-allowed-item`; support to do a task (to shop for
    /// food, with budgeting, to see the debt adviser) does not: people's time, or task words.
    static func isSupportWithATask(_ s: Support) -> Bool {
        let people: Set<SupportKind> = [.pa, .agency, .dayService, .respite, .supportedLiving, .sharedLives, .onCost]
        if let kind = s.kind, people.contains(kind) { return true }
        if let unit = s.unit, [.hour, .visit, .session].contains(unit) { return true }
        let what = s.what ?? ""
        return ["support to", "support with", "support for", "help to", "help with", "adviser", "advisor", "advice",
                "shopping", "to shop", "budgeting", "appointment", "to see", "to visit"].contains { containsWholeWords(what, $0) }
    }

    /// Hours in one unit of a PA line, for the minimum wage: an hour, or `hours_per_unit`
    /// (a sleep-in night is not all working time, so it is not checked); nil when unknown.
    static func hoursPerUnit(_ s: Support) -> Hundredths? {
        if s.night == .sleepIn { return nil }
        if let h = s.hoursPerUnit, h.value > 0 { return h }
        return s.unit == nil || s.unit == .hour ? Hundredths(whole: 1) : nil
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

    /// The first day in the line's first year on which its hourly pay (rate ÷ hours a unit) is
    /// below the minimum for the PA's age that day; the day, the minimum and the age.
    static func belowMinimum(_ s: Support, rate: Money, hours: Hundredths, _ c: RuleContext) -> (PlanDate, Money, Int?)? {
        guard let start = s.start ?? c.plan.created else { return nil }
        let yearEnd = start.adding(years: 1).adding(days: -1)
        let last = min(s.end ?? yearEnd, yearEnd)
        let birth = s.employee.flatMap { id in c.plan.employees.first { $0.id == id } }?.dateOfBirth
        var days = [start]
        days += c.policy.wageTable.map(\.from).filter { $0 > start && $0 <= last }
        if let birth { days += [birth.adding(years: 18), birth.adding(years: 21)].filter { $0 > start && $0 <= last } }
        days += s.rateChanges.compactMap(\.from).filter { $0 > start && $0 <= last }
        for day in days.sorted() {
            var changes = s.rateChanges.compactMap { c in c.from.flatMap { f in c.rate.map { (f, $0) } } }
            changes.sort { $0.0 < $1.0 }
            let paid = changes.last { $0.0 <= day }?.1 ?? rate
            guard let row = c.policy.wageRow(on: day) else { continue }
            let age = birth.map { EmployerModel.age(bornOn: $0, on: day) } ?? s.pa.age
            let minimum = row.minimum(forAge: age)
            // hourly pay = paid ÷ hours: below the minimum when paid × 100 < minimum × hours (hundredths)
            if Int128(paid.pence) * 100 < Int128(minimum.pence) * Int128(hours.value) { return (day, minimum, age) }
        }
        return nil
    }
}
