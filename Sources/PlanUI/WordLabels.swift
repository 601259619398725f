/// Every fixed word of the plan format as the editor shows it: in words for professionals
/// (never the file's code, `direct-payment`) and in plain words (domain §11). The file keeps
/// the code; only what is shown changes.
import PlanCore

/// A plan word with its shown words.
protocol Worded {
    /// For professionals: words, not the file's code.
    var words: String { get }
    /// Plain words.
    var plainWords: String { get }
}

extension Worded { var plainWords: String { words } }

extension Jurisdiction: Worded {
    var words: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension ParticipantRole: Worded {
    var words: String {
        switch self {
        case .person: return "the person"
        case .carer: return "carer"
        case .family: return "family"
        case .friend: return "friend"
        case .advocate: return "advocate"
        case .planner: return "planner"
        case .provider: return "provider"
        case .other: return "someone else"
        }
    }
    var plainWords: String {
        switch self {
        case .person: return "me"
        case .advocate: return "someone who speaks up for me"
        case .planner: return "the person who helps write plans"
        case .provider: return "someone who gives help"
        default: return words
        }
    }
}

extension NeedArea: Worded {
    var words: String { plainLabel }
}

extension UnableBecause: Worded {
    var words: String {
        switch self {
        case .needsHelp: return "cannot do it without help"
        case .painDistressAnxiety: return "it causes pain, distress or anxiety"
        case .endangersHealthSafety: return "it puts health or safety at risk"
        case .takesLonger: return "it takes much longer than usual"
        }
    }
}

extension WellbeingArea: Worded {
    var words: String {
        switch self {
        case .personalDignity: return "personal dignity"
        case .physicalMentalHealth: return "physical and mental health"
        case .protectionFromAbuse: return "protection from abuse and neglect"
        case .controlOverDayToDayLife: return "control over day-to-day life"
        case .workEducationTrainingRecreation: return "work, education, training and leisure"
        case .socialEconomicWellbeing: return "social and economic wellbeing"
        case .domesticFamilyPersonalRelationships: return "family and personal relationships"
        case .suitableAccommodation: return "suitable housing"
        case .contributionToSociety: return "contribution to society"
        }
    }
    var plainWords: String {
        switch self {
        case .personalDignity: return "being treated with respect"
        case .physicalMentalHealth: return "my health, body and mind"
        case .protectionFromAbuse: return "being safe from harm"
        case .controlOverDayToDayLife: return "choosing how I live each day"
        case .workEducationTrainingRecreation: return "work, learning and fun"
        case .socialEconomicWellbeing: return "friends, money and getting on"
        case .domesticFamilyPersonalRelationships: return "family and friends"
        case .suitableAccommodation: return "a home that suits me"
        case .contributionToSociety: return "doing things for others"
        }
    }
}

extension SupportKind: Worded {
    var words: String {
        switch self {
        case .pa: return "personal assistant (employed)"
        case .agency: return "care agency"
        case .dayService: return "day service"
        case .respite: return "respite (a break)"
        case .equipment: return "equipment"
        case .adaptation: return "home adaptation"
        case .transport: return "transport"
        case .activity: return "activity"
        case .careHome: return "care home"
        case .supportedLiving: return "supported living"
        case .sharedLives: return "shared lives"
        case .universal: return "free service for everyone"
        case .informal: return "unpaid help"
        case .onCost: return "employer cost"
        case .other: return "something else"
        }
    }
    var plainWords: String {
        switch self {
        case .pa: return "someone you employ"
        case .respite: return "a break"
        case .dayService: return "a day centre"
        case .adaptation: return "changes to your home"
        case .supportedLiving: return "supported housing"
        case .sharedLives: return "living with a carer family"
        default: return words
        }
    }
}

extension OnCostType: Worded {
    var words: String {
        switch self {
        case .employerNI: return "employer's National Insurance"
        case .pension: return "workplace pension"
        case .holidayCover: return "holiday cover"
        case .elInsurance: return "employer's liability insurance"
        case .payroll: return "payroll service"
        case .dbs: return "DBS check"
        case .training: return "training"
        case .recruitment: return "recruitment"
        }
    }
    var plainWords: String {
        switch self {
        case .employerNI: return "tax you pay as an employer"
        case .pension: return "your helper's pension"
        case .holidayCover: return "cover when your helper is on holiday"
        case .elInsurance: return "insurance for an employer"
        case .payroll: return "someone to do the pay slips"
        case .dbs: return "a check on your helper"
        default: return words
        }
    }
}

extension Funding: Worded {
    var words: String {
        switch self {
        case .council: return "the council"
        case .person: return "the person"
        case .nhs: return "the NHS"
        case .ilf: return "Independent Living Fund"
        case .topUp: return "a top up paid by someone else"
        case .family: return "family"
        case .none: return "no cost"
        }
    }
    var plainWords: String {
        switch self {
        case .person: return "you"
        case .ilf: return "a fund for living on your own"
        case .topUp: return "extra money for where you live"
        case .none: return "free"
        default: return words
        }
    }
}

extension Management: Worded {
    var words: String {
        switch self {
        case .councilManaged: return "managed by the council"
        case .directPayment: return "direct payment"
        case .managedAccount: return "managed account"
        case .isf: return "individual service fund"
        case .thirdParty: return "account held by a third party"
        case .notApplicable: return "not applicable"
        }
    }
    var plainWords: String {
        switch self {
        case .councilManaged: return "the council arranges it"
        case .directPayment: return "money paid to you"
        case .managedAccount: return "an organisation holds the money"
        case .isf: return "a care organisation holds your money"
        case .thirdParty: return "another organisation holds the money"
        case .notApplicable: return "not needed"
        }
    }
}

extension CostUnit: Worded {
    var words: String {
        switch self {
        case .hour: return "an hour"
        case .visit: return "a visit"
        case .day: return "a day"
        case .night: return "a night"
        case .session: return "a session"
        case .week: return "a week"
        case .item: return "an item"
        }
    }
}

extension Period: Worded {
    var words: String {
        switch self {
        case .week: return "every week"
        case .fourWeeks: return "every 4 weeks"
        case .month: return "every month"
        case .year: return "every year"
        case .once: return "once"
        }
    }
}

extension PaymentFrequency: Worded {
    var words: String {
        switch self {
        case .weekly: return "every week"
        case .fourWeekly: return "every 4 weeks"
        case .monthly: return "every month"
        }
    }
}

extension SafeguardingStatus: Worded {
    var words: String {
        switch self {
        case .none: return "none"
        case .open: return "open enquiry"
        case .concluded: return "enquiry concluded"
        }
    }
    var plainWords: String {
        switch self {
        case .none: return "no worries about harm"
        case .open: return "someone is looking into a worry now"
        case .concluded: return "a worry was looked into and finished"
        }
    }
}

extension AgreementStatus: Worded {
    var words: String {
        switch self {
        case .agreed: return "agreed"
        case .partlyAgreed: return "partly agreed"
        case .disagreed: return "disagreed"
        case .notYet: return "not yet asked"
        }
    }
    var plainWords: String {
        switch self {
        case .agreed: return "yes"
        case .partlyAgreed: return "some of it"
        case .disagreed: return "no"
        case .notYet: return "not decided"
        }
    }
}
