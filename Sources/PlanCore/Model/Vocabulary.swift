/// The fixed words of the plan format (`shared/spec/plan-format.md`), each with a plain label.

/// A closed list of words a field may hold.
public protocol PlanWord: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

public enum PlanStatus: String, PlanWord { case draft, submitted, returned, signedOff = "signed-off", superseded }
public enum Jurisdiction: String, PlanWord { case england, scotland, wales }
public enum ParticipantRole: String, PlanWord {
    case person, carer, family, friend, advocate, planner, provider, other
}

/// The ten eligibility outcomes (Eligibility Regulations 2015, reg. 2(2)), plus `other`.
public enum NeedArea: String, PlanWord {
    case nutrition
    case personalHygiene = "personal-hygiene"
    case toiletNeeds = "toilet-needs"
    case dressed
    case homeSafely = "home-safely"
    case habitableHome = "habitable-home"
    case relationships
    case workTrainingEducationVolunteering = "work-training-education-volunteering"
    case communityServices = "community-services"
    case caringResponsibilities = "caring-responsibilities"
    case other

    /// Everyday words for the area (domain §1.5, §11).
    public var plainLabel: String {
        switch self {
        case .nutrition: return "Eating and drinking well"
        case .personalHygiene: return "Keeping clean"
        case .toiletNeeds: return "Using the toilet"
        case .dressed: return "Getting dressed"
        case .homeSafely: return "Being safe at home"
        case .habitableHome: return "Keeping my home clean and safe"
        case .relationships: return "Seeing family and friends"
        case .workTrainingEducationVolunteering: return "Work, learning and volunteering"
        case .communityServices: return "Getting out and using local places"
        case .caringResponsibilities: return "Looking after a child"
        case .other: return "Something else"
        }
    }
}

public enum UnableBecause: String, PlanWord {
    case needsHelp = "needs-help"
    case painDistressAnxiety = "pain-distress-anxiety"
    case endangersHealthSafety = "endangers-health-safety"
    case takesLonger = "takes-longer"
}

/// Wellbeing areas of the Care Act s.1(2).
public enum WellbeingArea: String, PlanWord {
    case personalDignity = "personal-dignity"
    case physicalMentalHealth = "physical-mental-health"
    case protectionFromAbuse = "protection-from-abuse"
    case controlOverDayToDayLife = "control-over-day-to-day-life"
    case workEducationTrainingRecreation = "work-education-training-recreation"
    case socialEconomicWellbeing = "social-economic-wellbeing"
    case domesticFamilyPersonalRelationships = "domestic-family-personal-relationships"
    case suitableAccommodation = "suitable-accommodation"
    case contributionToSociety = "contribution-to-society"
}

public enum SupportKind: String, PlanWord {
    case pa, agency
    case dayService = "day-service"
    case respite, equipment, adaptation, transport, activity
    case careHome = "care-home"
    case supportedLiving = "supported-living"
    case sharedLives = "shared-lives"
    case universal, informal
    case onCost = "on-cost"
    case other
}

public enum OnCostType: String, PlanWord {
    case employerNI = "employer-ni"
    case pension
    case holidayCover = "holiday-cover"
    case elInsurance = "el-insurance"
    case payroll, dbs, training, recruitment
}

public enum Funding: String, PlanWord {
    case council, person, nhs, ilf
    case topUp = "top-up"
    case family, none

    /// The two parts of the personal budget: only these are counted against `budget.final`.
    public var isCounted: Bool { self == .council || self == .person }
}

public enum Management: String, PlanWord {
    case councilManaged = "council-managed"
    case directPayment = "direct-payment"
    case managedAccount = "managed-account"
    case isf
    case thirdParty = "third-party"
    case notApplicable = "not-applicable"
}

public enum CostUnit: String, PlanWord { case hour, visit, day, night, session, week, item }

public enum Period: String, PlanWord {
    case week
    case fourWeeks = "4-weeks"
    case month, year, once
}

public enum PaymentFrequency: String, PlanWord {
    case weekly
    case fourWeekly = "four-weekly"
    case monthly
}

/// A night's kind (minimum wage: a waking night is working time, a sleep-in is not all of it).
public enum NightKind: String, PlanWord {
    case sleepIn = "sleep-in"
    case waking
}

/// Why an authorised person may receive a direct payment for someone who lacks capacity.
public enum AuthorisedPersonBasis: String, PlanWord {
    case lastingPowerOfAttorney = "lasting-power-of-attorney"
    case deputy
    case agreedByCouncil = "agreed-by-council"
}

public enum SafeguardingStatus: String, PlanWord { case none, open, concluded }

public enum AgreementStatus: String, PlanWord {
    case agreed
    case partlyAgreed = "partly-agreed"
    case disagreed
    case notYet = "not-yet"
}

/// The annualisation basis, held as thousandths of a week: 52 or 52.143.
public enum WeeksPerYear: Int64, Sendable, Hashable {
    case fiftyTwo = 52000
    case fiftyTwoPointOneFourThree = 52143

    public var thousandths: Int64 { rawValue }

    public init?(text: String) {
        switch text.trimmingSpaces() {
        case "52", "52.0", "52.00", "52.000": self = .fiftyTwo
        case "52.143": self = .fiftyTwoPointOneFourThree
        default: return nil
        }
    }

    public var text: String { self == .fiftyTwo ? "52" : "52.143" }
}
