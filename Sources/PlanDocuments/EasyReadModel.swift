/// The easy-read plan: short sentences, one idea a line, plain words only (every jargon term
/// is swapped for its plain words), and the money said simply, per week.
import PlanCore

public struct EasyReadModel: Sendable {
    public struct Line: Sendable { public var text: String }
    public struct Block: Sendable { public var heading: String; public var lines: [Line] }

    public var title: String
    public var blocks: [Block]

    /// `spend`: the money in use from the account's statement (docs/spend.md); when given, a
    /// "Your money so far" part follows "My money".
    public init(plan p: Plan, costing: Costing, policy: Policy, spend: SpendReport? = nil) {
        let plain = { (s: String) in JargonRule.plainWords(s, policy.jargon) }
        let name = p.person.preferredName ?? p.person.name ?? "My"
        title = name == "My" ? "My plan" : "\(name)'s plan"
        var blocks: [Block] = []
        func block(_ heading: String, _ lines: [String]) {
            let kept = lines.map(plain).filter { !$0.isEmpty }
            if !kept.isEmpty { blocks.append(Block(heading: heading, lines: kept.map(Line.init))) }
        }
        block("About me", (p.aboutMe ?? "").sentences)
        block("What is important to me", p.importantToMe.flatMap(\.sentences))
        block("What keeps me well and safe", p.importantForMe.flatMap(\.sentences))
        block("What I need help with", p.needs.filter { $0.eligible == true }.map { "I need help with: \($0.area?.plainLabel.lowercased() ?? "something else")." })
        block("What I want", p.outcomes.compactMap(\.text).flatMap(\.sentences))
        var help: [String] = []
        for (i, s) in p.supports.enumerated() {
            guard let what = s.what else { continue }
            help.append(what.sentences.joined(separator: " "))
            if let provider = s.provider { help.append("Who: \(provider).") }
            if let line = costing.line(i) {
                if let weekly = line.weeklyPence { help.append("This costs \(Money.pounds(weekly)) each week.") }
                if let once = line.oneOffPence { help.append("This costs \(Money.pounds(once)), paid one time.") }
            } else {
                help.append("This does not cost money.")
            }
        }
        block("My help", help)
        var money: [String] = []
        let weeks = p.budget.weeks
        if let final = p.budget.final {
            money.append("Your money each week: \(Money.pounds(Coster.weekly(final.pence, weeks))).")
            money.append("That is \(final) each year.")
        } else {
            money.append("We do not know your money yet.")
        }
        if let t = costing.totals {
            let weeklyCounted = Coster.weekly(t.countedAgainstBudgetPence, weeks)
            money.append("Your help costs \(Money.pounds(weeklyCounted)) each week.")
            if let final = p.budget.final {
                let left = Coster.weekly(final.pence, weeks) - weeklyCounted
                money.append(left >= 0 ? "Money left each week: \(Money.pounds(left))."
                             : "Your plan costs \(Money.pounds(-left)) each week more than your money.")
            }
            if t.oneOffPence > 0 { money.append("Things you pay for one time: \(Money.pounds(t.oneOffPence)).") }
        }
        block("My money", money)
        if let r = spend {
            var so: [String] = ["On \(r.asOf.spoken) there was \(Money.pounds(r.balancePence)) in your account."]
            so.append(SpendOutput.sentence(r, reserveWeeks: p.budget.reserveWeeks)
                .replacingOccurrences(of: "At this rate", with: "If you keep spending like this,"))
            so += r.findings.map(\.plain)
            let n = r.unmatched.count
            if n > 0 {
                so.append(n == 1 ? "1 payment does not match your plan yet. Someone needs to say what it paid for."
                          : "\(n) payments do not match your plan yet. Someone needs to say what they paid for.")
            }
            block("Your money so far", so)
        }
        block("If something goes wrong", p.contingency.flatMap { c -> [String] in
            ["If this happens: \(c.when ?? "")", "What we will do: " + (c.then ?? "").sentences.joined(separator: " ")]
        })
        block("Keeping safe", p.risks.flatMap { r -> [String] in
            ["What could go wrong: \(r.risk ?? "")"] + (r.mitigation.map { ["What we will do: \($0)"] } ?? [])
                + (r.acceptedByPerson == true ? ["I know about this and I am happy to go ahead."] : [])
        })
        var agreed: [String] = []
        switch p.agreement.status {
        case .agreed: agreed.append("I agree with my plan.")
        case .partlyAgreed: agreed.append("I agree with some of my plan.")
        case .disagreed: agreed.append("I do not agree with my plan.")
        default: agreed.append("I have not said yet if I agree with my plan.")
        }
        agreed += (p.agreement.personWords ?? "").sentences
        if let first = p.review.first { agreed.append("We will first check my plan on \(first.spoken).") }
        if let next = p.review.next { agreed.append("We will look at my plan again by \(next.spoken).") }
        block("What I think, and when we check", agreed)
        self.blocks = blocks
    }
}

