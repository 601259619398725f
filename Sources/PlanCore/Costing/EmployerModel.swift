/// The employer model: one employer (the person) with one or more PAs. Per PA, their pay over
/// all their lines (their whole pay when shared), employer NI by category over the payroll
/// period, pension duty by earnings and age, holiday cover; then one Employment Allowance for
/// the employer. The rules, the on-cost calculator, `totals` and documents all use it.
/// Exact integer arithmetic; each PA's figure is rounded half-up once (docs/format.md).

/// The NI category that sets a PA's employer rate.
public enum NICategory: String, Sendable {
    /// Under 21: no employer NI up to the upper secondary threshold.
    case under21 = "under 21"
    /// An apprentice under 25: no employer NI up to the apprentice upper secondary threshold.
    case apprenticeUnder25 = "apprentice under 25"
    case standard = "21 or over"
}

/// One PA as the employer model sees them.
public struct EmployedPA: Sendable, Equatable {
    /// The `employees:` id, or the PA line's id for an old inline `pa:` block.
    public var id: String
    public var name: String
    /// Indices of the support lines that pay them.
    public var lines: [Int]
    public var dateOfBirth: PlanDate?
    /// A whole age, only when the date of birth is not known (old `pa.age`).
    public var age: Int?
    public var apprentice: Bool
    public var regularHours: Bool
    public var relativeInHousehold: Bool
    /// This plan's share of their pay over the period (the lines' costs).
    public var payPence: Int64
    /// Their whole pay over the period (before `shared_by`).
    public var wholePayPence: Int64
    /// The days they are paid inside the budget period.
    public var from: PlanDate
    public var to: PlanDate
    /// Their NI category at the start of their time in the period.
    public var category: NICategory
    /// Employer NI, this plan's share, before the Employment Allowance.
    public var niPence: Int64
    /// Employer pension contributions, this plan's share; 0 when there is no duty.
    public var pensionPence: Int64
    /// True when the pension duty applies for some of the period; nil when it cannot be told.
    public var pensionDuty: Bool?
    /// Holiday cover: 5.6 weeks of their pay, this plan's share.
    public var holidayCoverPence: Int64
    /// Holiday cover in hours a year, when every line is paid by the hour (or has hours_per_unit).
    public var holidayCoverHours: Hundredths?
    /// How each figure was worked out, without the PA's name (`named` adds it).
    public var niWorking: String
    public var pensionWorking: String
    public var holidayWorking: String

    /// "Name: working", for messages about several PAs.
    public func named(_ working: KeyPath<EmployedPA, String>) -> String { "\(name): \(self[keyPath: working])" }
}

public struct EmployerCosts: Sendable, Equatable {
    public var pas: [EmployedPA]
    public var period: CostPeriod
    public var payroll: PaymentFrequency?
    /// Employer NI over all PAs, before the allowance.
    public var niBeforeAllowancePence: Int64
    /// The Employment Allowance used (0 when not claimed).
    public var allowancePence: Int64
    /// Employer NI after the allowance.
    public var niPence: Int64
    public var pensionPence: Int64
    public var holidayCoverPence: Int64
    /// What the plan's own on-cost lines say, over the period.
    public var statedNIPence: Int64
    public var statedPensionPence: Int64
    public var statedHolidayCoverPence: Int64
    public var hasNILine: Bool
    public var hasPensionLine: Bool
    public var hasHolidayCoverLine: Bool

    public var niWorking: String {
        let each = pas.map { "\($0.name) \(Money.pounds($0.niPence))" }.joined(separator: " + ")
        var s = "\(each) = \(Money.pounds(niBeforeAllowancePence))"
        if allowancePence > 0 { s += ", less the Employment Allowance \(Money.pounds(allowancePence)) = \(Money.pounds(niPence))" }
        return s
    }
}

public enum EmployerModel {
    /// The model for a plan, or nil when it employs no PA that can be costed or has no dates.
    public static func compute(_ plan: Plan, _ costing: Costing, policy: Policy = .standard) -> EmployerCosts? {
        guard let period = costing.period else { return nil }
        let employees = Dictionary(plan.employees.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        var groups: [(key: String, lines: [Int])] = []
        for (i, s) in plan.supports.enumerated() where s.isPA && costing.line(i)?.annualPence != nil {
            let key = s.employee.flatMap { employees[$0] != nil ? $0 : nil } ?? "line:\(i)"
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].lines.append(i) } else { groups.append((key, [i])) }
        }
        guard !groups.isEmpty else { return nil }
        let payroll = plan.budget.payroll
        var pas: [EmployedPA] = []
        for g in groups {
            let first = plan.supports[g.lines[0]]
            var e = employees[g.key] ?? Employee(id: first.id)
            if employees[g.key] == nil {
                e.name = first.provider
                e.regularHours = first.pa.regularHours
                e.relativeInHousehold = first.pa.relativeInHousehold
                e.age = first.pa.age
            }
            pas.append(pa(e, lines: g.lines, plan, costing, period: period, payroll: payroll, policy: policy))
        }
        let ni = pas.reduce(0) { $0 + $1.niPence }
        let row = policy.employerRates(on: period.from)
        let allowance = plan.budget.employmentAllowance == true ? min(ni, row.employmentAllowance.pence) : 0
        func stated(_ t: OnCostType) -> (Int64, Bool) {
            let lines = plan.supports.indices.filter { plan.supports[$0].kind == .onCost && plan.supports[$0].onCost == t }
            return (lines.compactMap { costing.line($0)?.annualPence }.reduce(0, +), !lines.isEmpty)
        }
        let (sNI, hasNI) = stated(.employerNI), (sP, hasP) = stated(.pension), (sH, hasH) = stated(.holidayCover)
        return EmployerCosts(
            pas: pas, period: period, payroll: payroll, niBeforeAllowancePence: ni, allowancePence: allowance,
            niPence: ni - allowance, pensionPence: pas.reduce(0) { $0 + $1.pensionPence },
            holidayCoverPence: pas.reduce(0) { $0 + $1.holidayCoverPence },
            statedNIPence: sNI, statedPensionPence: sP, statedHolidayCoverPence: sH,
            hasNILine: hasNI, hasPensionLine: hasP, hasHolidayCoverLine: hasH)
    }

    /// Pay periods a year for a payroll: 52 weekly, 13 four-weekly, 12 monthly; 1 for a year.
    static func periodsPerYear(_ payroll: PaymentFrequency?) -> Int128 {
        switch payroll {
        case .weekly: return 52
        case .fourWeekly: return 13
        case .monthly: return 12
        case nil: return 1
        }
    }

    /// Whole years from `birth` to `day`.
    public static func age(bornOn birth: PlanDate, on day: PlanDate) -> Int {
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    static func pa(_ e: Employee, lines: [Int], _ plan: Plan, _ costing: Costing, period: CostPeriod,
                   payroll: PaymentFrequency?, policy: Policy) -> EmployedPA {
        let weeks = costing.weeks
        var pay: Int64 = 0, whole: Int64 = 0
        var from = period.to, to = period.from
        var hours: Int128? = 0  // hundredths of hours a week × 1000, over all lines
        for i in lines {
            let s = plan.supports[i]
            guard let line = costing.line(i), let cost = line.annualPence, let rate = s.rate, let per = s.per else { continue }
            pay += cost
            var unshared = s
            unshared.sharedBy = nil
            whole += Coster.costLine(index: i, unshared, rate: rate, per: per, weeks: weeks, period: period).annualPence ?? 0
            let runs = line.runs ?? (period.from, period.to)
            if runs.from <= runs.to { from = min(from, runs.from); to = max(to, runs.to) }
            let perUnit: Int128? = s.unit == .hour || s.unit == nil ? 100 : s.hoursPerUnit.map { Int128($0.value) }
            if let h = hours, let perUnit, per != .once {
                let q = Int128((s.quantity ?? Hundredths(whole: 1)).value) * perUnit / 100  // hundredths of hours a period
                switch per {
                case .week: hours = h + q * 1000
                case .fourWeeks: hours = h + q * 250
                case .month: hours = h + q * 12_000 * 1000 / Int128(weeks.thousandths)
                case .year: hours = h + q * 1000 * 1000 / Int128(weeks.thousandths)
                case .once: break
                }
            } else { hours = nil }
        }
        if from > to { from = period.from; to = period.to }
        let name = e.name ?? e.id ?? "the PA"
        // Dates where the PA's category or pension duty, or the rates, change.
        var cuts: [PlanDate] = policy.employerRates.map(\.from)
        var spa: PlanDate?
        if let birth = e.dateOfBirth {
            cuts += [birth.adding(years: 21), birth.adding(years: 25), birth.adding(years: 22)]
            spa = policy.statePensionDate(bornOn: birth)
            cuts.append(spa!)
        }
        cuts = Array(Set(cuts.filter { $0 > from && $0 <= to })).sorted()
        let span = Int128(to.dayNumber - from.dayNumber + 1), p = Int128(period.days)
        let n = periodsPerYear(payroll)
        let wholeI = Int128(whole)
        // Sums are in units of 1/(span × p × 10 000) pence.
        var niNum: Int128 = 0, pensionNum: Int128 = 0
        var duty: Bool? = e.dateOfBirth == nil && e.age == nil ? nil : false
        var niParts: [String] = [], pensionParts: [String] = []
        let starts = [from] + cuts
        func ageOn(_ day: PlanDate) -> Int? { e.dateOfBirth.map { age(bornOn: $0, on: day) } ?? e.age }
        for (k, a) in starts.enumerated() {
            let b = k + 1 < starts.count ? starts[k + 1].adding(days: -1) : to
            let d = Int128(b.dayNumber - a.dayNumber + 1)
            let row = policy.employerRates(on: a)
            let segPay = wholeI * d * p  // ÷ (span × p)
            func threshold(_ t: PayThresholds) -> Int128 { Int128(t.per(payroll).pence) * n * d * span }
            let age = ageOn(a)
            let category: NICategory = age.map { $0 < 21 ? .under21 : (e.apprentice == true && $0 < 25 ? .apprenticeUnder25 : .standard) } ?? .standard
            let limit = category == .standard ? row.niThreshold : row.niUpperThreshold
            niNum += Int128(row.niPercent.value) * max(0, segPay - threshold(limit))
            let segWords = starts.count > 1 ? "\(a) to \(b): " : ""
            niParts.append("\(segWords)\(row.niPercent)% × (\(money(segPay, span * p)) − \(money(threshold(limit), span * p)) \(category == .standard ? "threshold" : "upper threshold, \(category.rawValue)"))")
            let pensionAge: Bool
            if let age {
                let beforeSPA = spa.map { a < $0 } ?? (age < 66)
                pensionAge = age >= 22 && beforeSPA
            } else { pensionAge = false }
            if pensionAge {
                if segPay > threshold(row.pensionTrigger) {
                    duty = true
                    let band = max(0, min(segPay, threshold(row.pensionUpper)) - threshold(row.pensionLower))
                    pensionNum += Int128(row.pensionPercent.value) * band
                    pensionParts.append("\(segWords)\(row.pensionPercent)% × (\(money(min(segPay, threshold(row.pensionUpper)), span * p)) − \(money(threshold(row.pensionLower), span * p)))")
                } else {
                    pensionParts.append("\(segWords)pay \(money(segPay, span * p)) is not above the trigger \(money(threshold(row.pensionTrigger), span * p))")
                }
            } else {
                pensionParts.append("\(segWords)" + (age.map { "aged \($0): no duty outside 22 to State Pension age" } ?? "age not known: not worked out"))
            }
        }
        // This plan's share of the PA: pay ÷ whole pay.
        let den = span * p * 10_000
        func share(_ num: Int128) -> Int64 {
            guard whole > 0 else { return 0 }
            return roundHalfUp(num * Int128(pay), den * wholeI)
        }
        let ni = share(niNum), pension = share(pensionNum)
        let row = policy.employerRates(on: from)
        let cover = roundHalfUp(Int128(pay) * Int128(row.holidayWeeks.value) * 1000, 100 * Int128(weeks.thousandths))
        let coverHours = hours.map { Hundredths(hundredths: Int64((($0 * Int128(row.holidayWeeks.value)) / 100 + 500) / 1000)) }
        let shareWords = pay != whole ? " × this plan's share \(Money.pounds(pay)) ÷ \(Money.pounds(whole))" : ""
        let payrollWords = payroll.map { " (\($0.rawValue) payroll: thresholds × \(n) pay days a year, for the days paid)" } ?? " (yearly thresholds, for the days paid)"
        return EmployedPA(
            id: e.id ?? "?", name: name, lines: lines, dateOfBirth: e.dateOfBirth, age: e.dateOfBirth == nil ? e.age : nil,
            apprentice: e.apprentice == true, regularHours: e.regularHours != false,
            relativeInHousehold: e.relativeInHousehold == true, payPence: pay, wholePayPence: whole, from: from, to: to,
            category: ageOn(from).map { $0 < 21 ? .under21 : (e.apprentice == true && $0 < 25 ? .apprenticeUnder25 : .standard) } ?? .standard,
            niPence: ni, pensionPence: pension, pensionDuty: duty, holidayCoverPence: cover, holidayCoverHours: coverHours,
            niWorking: niParts.joined(separator: " + ") + payrollWords + shareWords + " = \(Money.pounds(ni))",
            pensionWorking: pensionParts.joined(separator: " + ") + shareWords + " = \(Money.pounds(pension))",
            holidayWorking: "\(row.holidayWeeks) weeks of \(Money.pounds(pay)) pay over \(weeks.text) weeks"
                + (e.regularHours == false ? " (irregular hours: 5.6 weeks of the average week)" : "")
                + (coverHours.map { " (\($0) hours)" } ?? "") + " = \(Money.pounds(cover))")
    }

    /// An exact amount of pence `num ÷ den` for the working, rounded half-up to the penny.
    static func money(_ num: Int128, _ den: Int128) -> String { Money.pounds(roundHalfUp(max(0, num), den)) }
}
