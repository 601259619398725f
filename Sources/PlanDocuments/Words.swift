/// Words for the plan's fixed values in documents: professional and plain.
import PlanCore

enum Words {
    static func funding(_ f: Funding?) -> String {
        switch f {
        case .council: return "council"
        case .person: return "the person's contribution"
        case .nhs: return "NHS"
        case .ilf: return "Independent Living Fund"
        case .topUp: return "top-up"
        case .family: return "family"
        case .some(.none): return "no cost"
        case nil: return "not given"
        }
    }

    static func management(_ m: Management?) -> String {
        switch m {
        case .councilManaged: return "council-managed"
        case .directPayment: return "direct payment"
        case .managedAccount: return "managed account"
        case .isf: return "individual service fund"
        case .thirdParty: return "third party"
        case .notApplicable: return "not applicable"
        case nil: return "not given"
        }
    }

    static func kind(_ k: SupportKind?) -> String {
        switch k {
        case .pa: return "personal assistant"
        case .agency: return "home care agency"
        case .dayService: return "day service"
        case .careHome: return "care home"
        case .supportedLiving: return "supported living"
        case .sharedLives: return "shared lives"
        case .universal: return "free service anyone can use"
        case .informal: return "unpaid help"
        case .onCost: return "employer cost"
        case .some(let k): return k.rawValue
        case nil: return "not given"
        }
    }

    static func per(_ p: Period?) -> String {
        switch p {
        case .week: return "a week"
        case .fourWeeks: return "every 4 weeks"
        case .month: return "a month"
        case .year: return "a year"
        case .once: return "once"
        case nil: return ""
        }
    }

    static func unit(_ u: CostUnit?, _ quantity: Hundredths?) -> String {
        let q = quantity ?? Hundredths(whole: 1)
        let one = q == Hundredths(whole: 1)
        switch u {
        case .hour: return one ? "hour" : "hours"
        case .visit: return one ? "visit" : "visits"
        case .day: return one ? "day" : "days"
        case .night: return one ? "night" : "nights"
        case .session: return one ? "session" : "sessions"
        case .week: return one ? "week" : "weeks"
        case .item, nil: return one ? "item" : "items"
        }
    }

    static func unable(_ u: UnableBecause) -> String {
        switch u {
        case .needsHelp: return "needs help or prompting"
        case .painDistressAnxiety: return "it causes pain, distress or anxiety"
        case .endangersHealthSafety: return "it puts health or safety at risk"
        case .takesLonger: return "it takes much longer than usual"
        }
    }

    static func wellbeing(_ w: WellbeingArea) -> String {
        switch w {
        case .personalDignity: return "dignity"
        case .physicalMentalHealth: return "health"
        case .protectionFromAbuse: return "being safe from abuse"
        case .controlOverDayToDayLife: return "control over my day"
        case .workEducationTrainingRecreation: return "work, learning and free time"
        case .socialEconomicWellbeing: return "friends and money"
        case .domesticFamilyPersonalRelationships: return "family and relationships"
        case .suitableAccommodation: return "a good home"
        case .contributionToSociety: return "helping others"
        }
    }

    static func agreement(_ a: AgreementStatus?) -> String {
        switch a {
        case .agreed: return "agreed"
        case .partlyAgreed: return "partly agreed"
        case .disagreed: return "disagreed"
        case .notYet, nil: return "not yet agreed"
        }
    }

    static func role(_ r: ParticipantRole?) -> String { r?.rawValue ?? "" }
}

extension String {
    /// Paragraphs (split at blank lines), each with its line breaks made spaces.
    var paragraphs: [String] {
        var out: [String] = []
        var current: [String] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            let t = String(line).trimmingCharacters()
            if t.isEmpty {
                if !current.isEmpty { out.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(t)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// One sentence a line, for easy read.
    var sentences: [String] {
        var out: [String] = []
        for paragraph in paragraphs {
            var current = ""
            let chars = Array(paragraph)
            for (i, c) in chars.enumerated() {
                current.append(c)
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if (c == "." || c == "!" || c == "?") && next == " " {
                    out.append(current.trimmingCharacters())
                    current = ""
                }
            }
            if !current.trimmingCharacters().isEmpty { out.append(current.trimmingCharacters()) }
        }
        return out
    }

    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
