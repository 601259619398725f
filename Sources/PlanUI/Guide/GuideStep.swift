/// The guided conversation for people writing their own plan: one question at a time, in
/// plain words, in the order of a good planning conversation (domain §2.1). Each answer goes
/// into the right field. The questions are worked out from the plan as it grows (a need asked
/// about leads to questions about it; each help added leads to its cost), so the same list
/// serves the full screen and plain line mode.
import PlanCore

public enum AnswerKind: Sendable, Equatable {
    /// One line of text.
    case line
    /// Several lines: a paragraph, or one thing per line.
    case lines
    /// Pick one: the option's number or its words (`yes`/`no` too).
    case choice([String])
    /// Pick any: numbers separated by spaces, or the options' words separated by commas.
    case several([String])
    /// An amount of money; `per` is what the question asks the amount for ("an hour", "a
    /// year"), whose words may follow the amount; nil when any unit's words may.
    case money(per: String?)
    case whole
    case date(suggested: PlanDate?)
}

/// One question: its words, where it sits in the conversation, and how its answer goes into
/// the plan (`apply`, as `FieldRow.set` does in the editor). Built from the plan each time
/// (`GuideFlow.steps`), so the state holds no closures.
public struct GuideStep: Sendable {
    /// Stable while the plan grows: `name`, `need.personal-hygiene`, `help.2.cost`.
    public var id: String
    /// One of `GuideFlow.parts`.
    public var part: String
    /// The question, naming what it is about ("Keeping clean: why is it hard?").
    public var question: String
    public var hint: String
    public var kind: AnswerKind
    /// The answer already in the plan, shown so the person can keep it.
    public var current: String
    /// A question that follows from the answer before (about one need, one help, one risk):
    /// it does not count in its part's questions, so the count stays steady as these appear.
    public var followUp: Bool
    /// After this answer the running money is shown.
    public var costs: Bool
    /// Puts the answer (already checked against `kind`) into the plan; a problem in plain
    /// words when it cannot be used.
    public var apply: @Sendable (inout Plan, String) -> String?

    public init(_ id: String, _ part: String, _ question: String, hint: String = "", _ kind: AnswerKind,
                current: String = "", followUp: Bool = false, costs: Bool = false,
                apply: @escaping @Sendable (inout Plan, String) -> String?) {
        self.id = id
        self.part = part
        self.question = question
        self.hint = hint
        self.kind = kind
        self.current = current
        self.followUp = followUp
        self.costs = costs
        self.apply = apply
    }
}

enum Everyday {
    /// The ten eligibility areas as everyday questions.
    static func question(_ a: NeedArea) -> String {
        switch a {
        case .nutrition: return "Do you need help to eat well, cook, or get a drink?"
        case .personalHygiene: return "Do you need help to wash or have a bath?"
        case .toiletNeeds: return "Do you need help to use the toilet?"
        case .dressed: return "Do you need help to get dressed?"
        case .homeSafely: return "Do you need help to be safe at home, or to move around it?"
        case .habitableHome: return "Do you need help to keep your home clean and safe?"
        case .relationships: return "Do you need help to see your family and friends?"
        case .workTrainingEducationVolunteering: return "Do you need help to go to work, learn, or volunteer?"
        case .communityServices: return "Do you need help to get out and use places like shops, buses or the gym?"
        case .caringResponsibilities: return "Do you need help to look after a child?"
        case .other: return "Is there anything else you need help with?"
        }
    }

    static let unable: [(UnableBecause, String)] = [
        (.needsHelp, "I need someone to help me or remind me"),
        (.painDistressAnxiety, "It hurts, upsets or worries me"),
        (.endangersHealthSafety, "It is not safe for me to do it alone"),
        (.takesLonger, "It takes me much longer than other people"),
    ]

    static let wellbeing: [(WellbeingArea, String)] = [
        (.physicalMentalHealth, "My health"), (.personalDignity, "Being treated with respect"),
        (.controlOverDayToDayLife, "Choosing what I do each day"), (.workEducationTrainingRecreation, "Work, learning or fun"),
        (.socialEconomicWellbeing, "Friends, going out, and money"), (.domesticFamilyPersonalRelationships, "My family"),
        (.suitableAccommodation, "A good place to live"), (.protectionFromAbuse, "Being safe from harm"),
        (.contributionToSociety, "Helping other people"),
    ]

    static let periods: [(Period, String)] = [(.week, "every week"), (.fourWeeks, "every 4 weeks"), (.month, "every month"),
                                              (.year, "every year"), (.once, "only once")]
    static let units: [(CostUnit, String)] = [(.hour, "an hour"), (.visit, "a visit"), (.day, "a day"), (.night, "a night"),
                                              (.session, "a session"), (.item, "each time or each thing")]
    static let managing: [(Management, String)] = [(.councilManaged, "The council arranges it for me"),
                                                   (.directPayment, "The money is paid to me and I arrange it"),
                                                   (.managedAccount, "An organisation looks after the money for me")]
    static let paying: [(Funding, String)] = [(.council, "The council"), (.person, "I pay for it myself"),
                                              (.family, "My family pays (this is not counted in my money)")]
    static let paid: [(PaymentFrequency, String)] = [(.weekly, "every week"), (.fourWeekly, "every 4 weeks"), (.monthly, "every month")]
    static let agree: [(AgreementStatus, String)] = [(.agreed, "Yes"), (.partlyAgreed, "Some of it"), (.disagreed, "No"),
                                                     (.notYet, "I have not decided yet")]
}
