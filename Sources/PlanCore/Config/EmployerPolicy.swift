/// The employer's dated rates as policy data: employer NI, Employment Allowance, workplace
/// pension, holiday weeks (one row per date they change) and the State Pension age table.
/// Built-in rows are the published 2025/26 figures; `config.yaml` adds or replaces rows.

/// One threshold for each way of paying: a week, four weeks, a month, a year.
public struct PayThresholds: Sendable, Equatable {
    public var week: Money
    public var fourWeeks: Money
    public var month: Money
    public var year: Money

    public init(week: Money, fourWeeks: Money, month: Money, year: Money) {
        self.week = week
        self.fourWeeks = fourWeeks
        self.month = month
        self.year = year
    }

    init(_ week: Int64, _ fourWeeks: Int64, _ month: Int64, _ year: Int64) {
        self.init(week: Money(pence: week), fourWeeks: Money(pence: fourWeeks), month: Money(pence: month),
                  year: Money(pence: year))
    }

    /// The threshold for one pay period of `payroll`; the annual one when there is no payroll.
    public func per(_ payroll: PaymentFrequency?) -> Money {
        switch payroll {
        case .weekly: return week
        case .fourWeekly: return fourWeeks
        case .monthly: return month
        case nil: return year
        }
    }
}

/// The employer's rates in force from a date.
public struct EmployerRateRow: Sendable, Equatable {
    public var from: PlanDate
    /// Employer (secondary) Class 1 NI rate, in hundredths of a percent (1500 = 15%).
    public var niPercent: Hundredths
    /// Secondary threshold: employer NI is paid on earnings above it.
    public var niThreshold: PayThresholds
    /// Upper secondary threshold (under 21) and apprentice upper secondary threshold (under 25).
    public var niUpperThreshold: PayThresholds
    /// Employment Allowance: one a year per employer, taken off the employer NI.
    public var employmentAllowance: Money
    /// Minimum employer pension contribution on qualifying earnings (300 = 3%).
    public var pensionPercent: Hundredths
    /// Auto-enrolment earnings trigger.
    public var pensionTrigger: PayThresholds
    /// Qualifying earnings band, lower and upper limits.
    public var pensionLower: PayThresholds
    public var pensionUpper: PayThresholds
    /// Statutory holiday: 5.6 weeks.
    public var holidayWeeks: Hundredths

    public init(from: PlanDate, niPercent: Hundredths, niThreshold: PayThresholds, niUpperThreshold: PayThresholds,
                employmentAllowance: Money, pensionPercent: Hundredths, pensionTrigger: PayThresholds,
                pensionLower: PayThresholds, pensionUpper: PayThresholds, holidayWeeks: Hundredths) {
        self.from = from
        self.niPercent = niPercent
        self.niThreshold = niThreshold
        self.niUpperThreshold = niUpperThreshold
        self.employmentAllowance = employmentAllowance
        self.pensionPercent = pensionPercent
        self.pensionTrigger = pensionTrigger
        self.pensionLower = pensionLower
        self.pensionUpper = pensionUpper
        self.holidayWeeks = holidayWeeks
    }

    /// 2025/26, from 6 April 2025. HMRC "Rates and thresholds for employers 2025 to 2026":
    /// secondary threshold £96 a week, £384 four-weekly, £417 a month, £5,000 a year; employer
    /// rate 15%; upper secondary and apprentice upper secondary thresholds £967, £3,867,
    /// £4,189, £50,270; Employment Allowance £10,500. The Pensions Regulator, 2025/26
    /// auto-enrolment thresholds: trigger £192, £768, £833, £10,000; qualifying earnings
    /// £120–£967 a week, £480–£3,867 four-weekly, £520–£4,189 a month, £6,240–£50,270 a year;
    /// employer minimum 3%. Statutory holiday 5.6 weeks (Working Time Regulations 1998 reg. 13, 13A).
    public static let builtIn2025 = EmployerRateRow(
        from: PlanDate(year: 2025, month: 4, day: 6)!, niPercent: Hundredths(hundredths: 1500),
        niThreshold: PayThresholds(9_600, 38_400, 41_700, 500_000),
        niUpperThreshold: PayThresholds(96_700, 386_700, 418_900, 5_027_000),
        employmentAllowance: Money(pence: 1_050_000), pensionPercent: Hundredths(hundredths: 300),
        pensionTrigger: PayThresholds(19_200, 76_800, 83_300, 1_000_000),
        pensionLower: PayThresholds(12_000, 48_000, 52_000, 624_000),
        pensionUpper: PayThresholds(96_700, 386_700, 418_900, 5_027_000),
        holidayWeeks: Hundredths(hundredths: 560))
}

/// State Pension age for people born on or after `bornFrom` (until the next row).
public struct StatePensionAgeRow: Sendable, Equatable {
    public var bornFrom: PlanDate
    public var years: Int
    public var months: Int

    public init(bornFrom: PlanDate, years: Int, months: Int) {
        self.bornFrom = bornFrom
        self.years = years
        self.months = months
    }

    /// Pensions Act 2014 s.26 and sch. 12 (66, then 66 and 1–11 months for births from
    /// 6 April 1960 to 5 March 1961, then 67), Pensions Act 2007 (68 for births from 6 April 1978).
    /// People born before 6 April 1960 reached State Pension age at 66 or earlier; they are
    /// past it in any plan written now, so one row of 66 covers them.
    public static let builtIn: [StatePensionAgeRow] = {
        var rows = [StatePensionAgeRow(bornFrom: PlanDate(year: 1, month: 1, day: 1)!, years: 66, months: 0)]
        for k in 1...11 {
            let month = (4 + k - 1 - 1) % 12 + 1, year = 1960 + (4 + k - 2) / 12
            rows.append(StatePensionAgeRow(bornFrom: PlanDate(year: year, month: month, day: 6)!, years: 66, months: k))
        }
        rows.append(StatePensionAgeRow(bornFrom: PlanDate(year: 1961, month: 3, day: 6)!, years: 67, months: 0))
        rows.append(StatePensionAgeRow(bornFrom: PlanDate(year: 1978, month: 4, day: 6)!, years: 68, months: 0))
        return rows
    }()
}

extension Policy {
    /// The employer rates in force on a day (the latest row starting on or before it; the
    /// earliest row before the table starts).
    public func employerRates(on day: PlanDate) -> EmployerRateRow {
        employerRates.filter { $0.from <= day }.max { $0.from < $1.from }
            ?? employerRates.min { $0.from < $1.from } ?? .builtIn2025
    }

    /// The day someone born on `birth` reaches State Pension age.
    public func statePensionDate(bornOn birth: PlanDate) -> PlanDate {
        let row = statePensionAge.filter { $0.bornFrom <= birth }.max { $0.bornFrom < $1.bornFrom }
            ?? StatePensionAgeRow(bornFrom: birth, years: 66, months: 0)
        return birth.adding(years: row.years).adding(months: row.months)
    }
}

extension PlanDate {
    /// The same day `months` later; a day past the month's end becomes its last day.
    public func adding(months: Int) -> PlanDate {
        let total = (year * 12 + month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return PlanDate(year: y, month: m, day: min(day, PlanDate.daysIn(month: m, year: y)))!
    }
}
