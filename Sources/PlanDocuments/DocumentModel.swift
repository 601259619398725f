/// What a printed plan shows, in planning order, as values a template can lay out: the same
/// model feeds the text, Markdown and HTML templates, so they cannot disagree.
import PlanCore

public struct DocumentModel: Sendable {
    public struct Item: Sendable { public var text: String }
    public struct NameRole: Sendable { var name: String; var role: String }
    public struct NeedRow: Sendable {
        var id: String, area: String, paragraphs: [Item], eligible: Bool, eligibleWords: String, reasons: String?
    }
    public struct OutcomeRow: Sendable { var id: String, text: String, wellbeing: String, linkedNeeds: String? }
    public struct SupportRow: Sendable {
        var id: String, what: String, kind: String, provider: String, funding: String, management: String
        var howMuch: String, meets: String, arrangedBy: String?, paid: Bool
    }
    public struct CostRow: Sendable { var id: String, what: String, funding: String, weekly: String, annual: String, oneOff: String }
    public struct FundingRow: Sendable { var funding: String, annual: String, oneOff: String, counted: String }
    public struct RiskRow: Sendable { var risk: String, mitigation: String, accepted: Bool }
    public struct WhenThen: Sendable { var when: String, then: String }
    public struct Field: Sendable { var label: String, value: String }

    public var title: String
    public var planID: String
    public var version: String
    public var status: String
    public var author: String
    public var updated: String
    public var personFields: [Field]
    public var communication: [Item]
    public var plannedWith: [NameRole]
    public var aboutMe: [Item]
    public var importantTo: [Item]
    public var importantFor: [Item]
    public var needs: [NeedRow]
    public var outcomes: [OutcomeRow]
    public var supports: [SupportRow]
    public var hasCosting: Bool
    public var costRows: [CostRow]
    public var costTotal: CostRow
    public var fundingRows: [FundingRow]
    public var budgetFields: [Field]
    public var remainingWords: String
    public var overBudget: Bool
    public var costingText: String
    public var justification: [Item]
    public var hasJustification: Bool
    public var risks: [RiskRow]
    public var contingency: [WhenThen]
    public var advice: [Field]
    public var capacityFields: [Field]
    public var agreementFields: [Field]
    public var personWords: [Item]
    public var reviewFields: [Field]
    public var signOff: String
    public var signedOff: Bool
    public var checkSummary: String

    public init(plan p: Plan, costing: Costing, findings: [Finding], signOff: SignOffStatus) {
        let who = p.person.preferredName.map { pref in
            p.person.name.map { $0 == pref ? pref : "\(pref) (\($0))" } ?? pref
        } ?? p.person.name ?? "(no name yet)"
        title = "Support plan for \(who)"
        planID = p.id ?? "(no id)"
        version = p.version.map(String.init) ?? "1"
        status = p.status?.rawValue ?? "draft"
        author = p.author ?? "not given"
        updated = p.updated?.spoken ?? "not given"
        personFields = [
            Field(label: "Name", value: p.person.name ?? "not given"),
            Field(label: "Likes to be called", value: p.person.preferredName ?? "not given"),
            Field(label: "Date of birth", value: p.person.dateOfBirth?.spoken ?? "not given"),
            Field(label: "Council reference", value: p.person.reference ?? "none"),
            Field(label: "Lives with", value: p.person.livesWith ?? "not given"),
        ]
        communication = (p.person.communication ?? "").paragraphs.map(Item.init)
        plannedWith = p.plannedWith.map { NameRole(name: $0.name ?? "(no name)", role: Words.role($0.role)) }
        aboutMe = (p.aboutMe ?? "").paragraphs.map(Item.init)
        importantTo = p.importantToMe.map(Item.init)
        importantFor = p.importantForMe.map(Item.init)
        needs = p.needs.map { n in
            NeedRow(id: n.id ?? "", area: n.area?.plainLabel ?? "Not given",
                    paragraphs: (n.description ?? "").paragraphs.map(Item.init), eligible: n.eligible == true,
                    eligibleWords: n.eligible == true ? "Eligible: the council must meet this need"
                        : n.eligible == false ? "Not an eligible need" : "Eligibility not decided",
                    reasons: n.unableBecause.isEmpty ? nil : n.unableBecause.map(Words.unable).joined(separator: "; "))
        }
        outcomes = p.outcomes.map { o in
            OutcomeRow(id: o.id ?? "", text: o.text ?? "", wellbeing: o.wellbeing.map(Words.wellbeing).joined(separator: ", "),
                       linkedNeeds: o.needs.isEmpty ? nil : o.needs.joined(separator: ", "))
        }
        supports = p.supports.map { s in
            var howMuch = "No cost"
            if let rate = s.rate {
                let q = s.quantity ?? Hundredths(whole: 1)
                howMuch = "\(rate) × \(q) \(Words.unit(s.unit, q)) \(Words.per(s.per))"
                if let shared = s.sharedBy, shared > 1 { howMuch += ", shared by \(shared)" }
            }
            return SupportRow(id: s.id ?? "", what: s.what ?? "", kind: Words.kind(s.kind), provider: s.provider ?? "not given",
                              funding: Words.funding(s.funding), management: Words.management(s.management),
                              howMuch: howMuch, meets: s.meets.joined(separator: ", "), arrangedBy: s.arrangedBy,
                              paid: s.isPaid)
        }
        hasCosting = costing.totals != nil
        costRows = costing.lines.map { l in
            CostRow(id: l.id ?? "", what: p.supports[l.index].what ?? "", funding: Words.funding(l.funding),
                    weekly: l.weeklyPence.map(Money.pounds) ?? "", annual: l.annualPence.map(Money.pounds) ?? "",
                    oneOff: l.oneOffPence.map(Money.pounds) ?? "")
        }
        let t = costing.totals
        costTotal = CostRow(id: "", what: "Total", funding: "", weekly: t.map { Money.pounds($0.recurringWeeklyPence) } ?? "",
                            annual: t.map { Money.pounds($0.recurringAnnualPence) } ?? "",
                            oneOff: t.map { Money.pounds($0.oneOffPence) } ?? "")
        fundingRows = (t?.byFunding ?? []).map {
            FundingRow(funding: Words.funding($0.funding), annual: Money.pounds($0.annualPence),
                       oneOff: Money.pounds($0.oneOffPence), counted: $0.funding.isCounted ? "yes" : "no")
        }
        let b = p.budget
        budgetFields = [
            Field(label: "Weeks in a year", value: costing.weeks.text),
            Field(label: "Indicative budget", value: b.indicative?.pounds ?? "not given"),
            Field(label: "Personal budget (final)", value: b.final?.pounds ?? "not given"),
            Field(label: "Person's contribution", value: b.personContribution?.pounds ?? "not given"),
            Field(label: "Council's contribution", value: b.councilContribution?.pounds ?? "not given"),
            Field(label: "Counted against the budget", value: t.map { Money.pounds($0.countedAgainstBudgetPence) } ?? "cannot be worked out"),
            Field(label: "Direct payment paid", value: b.payment?.rawValue ?? "not given"),
            Field(label: "Commitment per payment", value: t?.commitmentPerPaymentPence.map { "\(Money.pounds($0)) \(b.payment.map(TotalsTable.paymentWords) ?? "")" } ?? "not given"),
            Field(label: "Direct payment per payment", value: t?.directPaymentPerPaymentPence.map { "\(Money.pounds($0)) \(b.payment.map(TotalsTable.paymentWords) ?? "")" } ?? "not given"),
            Field(label: "Reserve kept", value: b.reserveWeeks.map { "\($0) weeks" } ?? "none"),
        ]
        if let remaining = t?.remainingPence {
            overBudget = remaining < 0
            remainingWords = remaining < 0 ? "Over budget by \(Money.pounds(-remaining)) a year"
                : "Remaining: \(Money.pounds(remaining)) a year"
        } else {
            overBudget = false
            remainingWords = t == nil ? "The plan cannot be costed until its reading errors are put right."
                : "No final budget is given yet."
        }
        costingText = TotalsTable.render(p, costing)
        justification = (b.justification ?? "").paragraphs.map(Item.init)
        hasJustification = !justification.isEmpty
        risks = p.risks.map { RiskRow(risk: $0.risk ?? "", mitigation: $0.mitigation ?? "none recorded", accepted: $0.acceptedByPerson == true) }
        contingency = p.contingency.map { WhenThen(when: $0.when ?? "", then: ($0.then ?? "").paragraphs.joined(separator: " ")) }
        advice = [
            Field(label: "To meet or reduce needs", value: (p.advice.meetOrReduce ?? "none recorded").paragraphs.joined(separator: " ")),
            Field(label: "To prevent or delay needs", value: (p.advice.preventOrDelay ?? "none recorded").paragraphs.joined(separator: " ")),
        ]
        capacityFields = [
            Field(label: "Has capacity for these decisions", value: p.capacity.hasCapacity.map { $0 ? "yes" : "no" } ?? "not recorded"),
            Field(label: "Substantial difficulty taking part", value: p.capacity.substantialDifficulty.map { $0 ? "yes" : "no" } ?? "not recorded"),
            Field(label: "Advocate", value: p.capacity.advocate ?? "none"),
            Field(label: "Safeguarding", value: p.safeguarding?.rawValue ?? "not recorded"),
        ]
        agreementFields = [
            Field(label: "The person", value: Words.agreement(p.agreement.status)),
            Field(label: "Date", value: p.agreement.date?.spoken ?? "not given"),
            Field(label: "Copies to", value: p.agreement.copyTo.isEmpty ? "nobody recorded" : p.agreement.copyTo.joined(separator: "; ")),
        ]
        personWords = (p.agreement.personWords ?? "").paragraphs.map(Item.init)
        reviewFields = [
            Field(label: "First review", value: p.review.first?.spoken ?? "not set"),
            Field(label: "Next review", value: p.review.next?.spoken ?? "not set"),
        ]
        switch signOff {
        case .notSigned:
            signedOff = false
            self.signOff = "Not signed off yet."
        case .signed(let signer, let role, let decision, let time, let keyID, let problem):
            signedOff = problem == nil
            let who = role.isEmpty ? signer : "\(signer) (\(role))"
            self.signOff = "Signed off by \(who), \(decision.isEmpty ? "decision not given" : decision), at \(time). "
                + (problem.map { "NOT VERIFIED: \($0)." } ?? "Signature verified with trusted key \(keyID).")
        }
        let e = findings.filter { $0.severity == .error }.count
        let w = findings.filter { $0.severity == .warning }.count
        let a = findings.filter { $0.severity == .warning && $0.acknowledged }.count
        checkSummary = "Checked: \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
            + (a > 0 ? " (\(a) acknowledged)" : "") + "."
    }
}
