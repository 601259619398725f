/// The PA on-cost calculator: from a PA line and the dated rates, the employer's costs as
/// ordinary on-cost lines the planner can see and change, each with its working shown,
/// never a hidden percentage (domain §4.2, rules.md "Dated rate table").

public struct OnCostRates: Sendable, Equatable {
    public var employerNIPercentHundredths: Int64 = 1500       // 15%
    public var employerNIThreshold = Money(pence: 500_000)      // £5,000 a year
    public var employmentAllowance = Money(pence: 1_050_000)    // £10,500 a year
    public var pensionPercentHundredths: Int64 = 300            // 3%
    public var pensionLower = Money(pence: 624_000)             // £6,240
    public var pensionUpper = Money(pence: 5_027_000)           // £50,270
    public var pensionTrigger = Money(pence: 1_000_000)         // pay above £10,000
    public var holidayWeeksHundredths: Int64 = 560              // 5.6 weeks
    public var irregularHolidayBasisPoints: Int64 = 1207        // 12.07% of hours
    public init() {}
}

public struct OnCostProposal: Sendable, Equatable {
    public var onCost: OnCostType
    public var what: String
    public var rate: Money?
    public var unit: CostUnit
    public var quantity: Hundredths
    public var per: Period
    /// How the figure was worked out, in words.
    public var working: String

    /// The proposal as a support line meeting what the PA line meets.
    public func support(id: String, from pa: Support) -> Support {
        var s = Support(id: id)
        s.what = what
        s.kind = .onCost
        s.onCost = onCost
        s.funding = pa.funding
        s.management = pa.management
        s.rate = rate
        s.unit = unit
        s.quantity = quantity
        s.per = per
        s.start = pa.start
        s.meets = pa.meets
        return s
    }
}

public enum OnCostCalculator {
    public static func propose(_ plan: Plan, support index: Int, rates: OnCostRates = OnCostRates()) -> [OnCostProposal] {
        guard index < plan.supports.count else { return [] }
        let pa = plan.supports[index]
        let weeks = plan.budget.weeks
        let name = pa.provider ?? pa.id ?? "the PA"
        guard let rate = pa.rate, let per = pa.per, per != .once else {
            return [OnCostProposal(onCost: .elInsurance, what: "Employer's liability insurance for \(name)", rate: nil,
                                   unit: .item, quantity: Hundredths(whole: 1), per: .year,
                                   working: "Give the PA line a rate and how often first; insurance is needed either way.")]
        }
        let pay = Coster.costLine(index: index, pa, rate: rate, per: per, weeks: weeks).annualPence ?? 0
        var out: [OnCostProposal] = []

        // Employer's National Insurance, a month.
        let above = max(0, pay - rates.employerNIThreshold.pence)
        let ni = roundHalfUp(Int128(above) * Int128(rates.employerNIPercentHundredths), 10_000)
        var niWorking = "\(percent(rates.employerNIPercentHundredths)) × (\(Money.pounds(pay)) pay − \(rates.employerNIThreshold)) = \(Money.pounds(ni)) a year"
        var niYear = ni
        if plan.budget.employmentAllowance == true {
            niYear = max(0, ni - rates.employmentAllowance.pence)
            niWorking += ", less the Employment Allowance (\(rates.employmentAllowance)) = \(Money.pounds(niYear))"
        }
        let niMonth = roundHalfUp(Int128(niYear), 12)
        out.append(OnCostProposal(onCost: .employerNI, what: "Employer's National Insurance for \(name)",
                                  rate: Money(pence: niMonth), unit: .item, quantity: Hundredths(whole: 1), per: .month,
                                  working: niWorking + " → \(Money.pounds(niMonth)) a month"))

        // Workplace pension, a month, when the PA is eligible.
        if let age = pa.pa.age, (22...65).contains(age), pay > rates.pensionTrigger.pence {
            let band = max(0, min(pay, rates.pensionUpper.pence) - rates.pensionLower.pence)
            let year = roundHalfUp(Int128(band) * Int128(rates.pensionPercentHundredths), 10_000)
            let month = roundHalfUp(Int128(year), 12)
            out.append(OnCostProposal(onCost: .pension, what: "Workplace pension for \(name)", rate: Money(pence: month),
                                      unit: .item, quantity: Hundredths(whole: 1), per: .month,
                                      working: "\(percent(rates.pensionPercentHundredths)) × (\(Money.pounds(min(pay, rates.pensionUpper.pence))) − \(rates.pensionLower)) = \(Money.pounds(year)) a year → \(Money.pounds(month)) a month"))
        } else {
            out.append(OnCostProposal(onCost: .pension, what: "Workplace pension for \(name) (not needed now)", rate: nil,
                                      unit: .item, quantity: Hundredths(whole: 1), per: .month,
                                      working: "Only when pay is over \(rates.pensionTrigger) a year and the PA is 22 to 65"
                                        + " (pay \(Money.pounds(pay)), age \(pa.pa.age.map(String.init) ?? "not given"))."))
        }

        // Holiday cover, in hours a year at the PA's rate.
        if pa.unit == .hour || pa.unit == nil {
            let q = Int128((pa.quantity ?? Hundredths(whole: 1)).value)  // hundredths of hours a period
            let hoursPerYear100: Int128  // hundredths of hours a year, times 1000 for W
            switch per {
            case .week: hoursPerYear100 = q * Int128(weeks.thousandths)
            case .fourWeeks: hoursPerYear100 = q * Int128(weeks.thousandths) / 4
            case .month: hoursPerYear100 = q * 12_000
            case .year, .once: hoursPerYear100 = q * 1000
            }
            let cover: Int64, working: String
            if pa.pa.regularHours != false {
                // 5.6 weeks of the weekly hours
                let weekly = hoursPerYear100 / Int128(weeks.thousandths)  // hundredths a week
                cover = Int64((weekly * Int128(rates.holidayWeeksHundredths) + 50) / 100)
                working = "\(Hundredths(hundredths: rates.holidayWeeksHundredths)) weeks × \(Hundredths(hundredths: Int64(weekly))) hours a week"
            } else {
                cover = Int64((hoursPerYear100 / 1000 * Int128(rates.irregularHolidayBasisPoints) + 5000) / 10_000)
                working = "\(percent(rates.irregularHolidayBasisPoints)) of \(Hundredths(hundredths: Int64(hoursPerYear100 / 1000))) hours a year"
            }
            out.append(OnCostProposal(onCost: .holidayCover, what: "Holiday cover for \(name)", rate: rate, unit: .hour,
                                      quantity: Hundredths(hundredths: cover), per: .year,
                                      working: working + " = \(Hundredths(hundredths: cover)) hours a year at \(rate)"))
        }
        out.append(OnCostProposal(onCost: .elInsurance, what: "Employer's liability insurance", rate: nil, unit: .item,
                                  quantity: Hundredths(whole: 1), per: .year,
                                  working: "A legal requirement; put in the quote's yearly premium."))
        out.append(OnCostProposal(onCost: .payroll, what: "Payroll service", rate: nil, unit: .item,
                                  quantity: Hundredths(whole: 1), per: .month,
                                  working: "Put in the payroll service's monthly fee."))
        return out
    }

    static func percent(_ hundredths: Int64) -> String { "\(Hundredths(hundredths: hundredths))%" }
}
