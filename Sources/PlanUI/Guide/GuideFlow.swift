/// The questions, worked out from the plan so far, and how each answer goes into it.
import PlanCore

public enum GuideFlow {
    public static func steps(_ p: Plan) -> [GuideStep] {
        var s: [GuideStep] = [
            GuideStep("name", "About me", "What is your name?", .line, current: p.person.name ?? ""),
            GuideStep("called", "About me", "What do you like to be called?", .line, current: p.person.preferredName ?? ""),
            GuideStep("information", "About me", "How do you like to get information?",
                      hint: "For example: easy read, large print, or someone reading it to you.", .line,
                      current: p.person.communication ?? ""),
            GuideStep("about", "About me", "Tell us about yourself: your life, what you like, and what is hard.",
                      hint: "Write as much as you like.", .lines, current: p.aboutMe ?? ""),
            GuideStep("important-to", "What matters to me", "What is important to you?",
                      hint: "One thing on each line.", .lines, current: p.importantToMe.joined(separator: "\n")),
            GuideStep("important-for", "What matters to me", "What keeps you well and safe?",
                      hint: "One thing on each line.", .lines, current: p.importantForMe.joined(separator: "\n")),
        ]
        for area in NeedArea.allCases where area != .other {
            s.append(GuideStep("need.\(area.rawValue)", "What I need help with", Everyday.question(area), .choice(["Yes", "No"]),
                               current: p.needs.contains { $0.area == area } ? "1" : ""))
            guard let i = p.needs.firstIndex(where: { $0.area == area }) else { continue }
            let n = p.needs[i]
            s.append(GuideStep("need.\(area.rawValue).what", "What I need help with", "What is hard about it?",
                               hint: "Say it in your own words.", .lines, current: n.description ?? ""))
            s.append(GuideStep("need.\(area.rawValue).why", "What I need help with", "Why is it hard? Choose all that are true.",
                               .several(Everyday.unable.map(\.1)),
                               current: numbers(n.unableBecause.map { u in Everyday.unable.firstIndex { $0.0 == u }! })))
            s.append(GuideStep("need.\(area.rawValue).council", "What I need help with",
                               "Has the council said it must help you with this?", .choice(["Yes", "No", "I do not know yet"]),
                               current: n.eligible == true ? "1" : n.eligible == false ? "2" : ""))
        }
        s.append(GuideStep("goals", "What I want", "What do you want to achieve?",
                           hint: "One goal on each line, in your own words: \"I want to go to the football every Saturday.\"",
                           .lines, current: p.outcomes.compactMap(\.text).joined(separator: "\n")))
        let needChoices = p.needs.map { $0.area?.plainLabel ?? $0.id ?? "" }
        for (j, o) in p.outcomes.enumerated() {
            s.append(GuideStep("goal.\(j).about", "What I want", "Which of these is \"\(o.text ?? "")\" about? Choose all that are true.",
                               .several(Everyday.wellbeing.map(\.1)),
                               current: numbers(o.wellbeing.map { w in Everyday.wellbeing.firstIndex { $0.0 == w }! })))
            if !needChoices.isEmpty {
                s.append(GuideStep("goal.\(j).needs", "What I want", "Which of the things you need help with is this goal about?",
                                   .several(needChoices),
                                   current: numbers(o.needs.compactMap { id in p.needs.firstIndex { $0.id == id } })))
            }
        }
        let unpaid = p.supports.indices.filter { p.supports[$0].kind == .informal }
        s.append(GuideStep("helpers", "Who helps me now", "Who helps you now without being paid, like family or friends?",
                           hint: "One on each line: who, and what they do. \"My sister Ann does my shopping.\"", .lines,
                           current: unpaid.compactMap { p.supports[$0].what }.joined(separator: "\n")))
        let linkChoices = needChoices + p.outcomes.map { $0.text ?? "" }
        for k in unpaid where !linkChoices.isEmpty {
            s.append(GuideStep("helper.\(k).meets", "Who helps me now",
                               "Which needs and goals does this help with? \"\(p.supports[k].what ?? "")\"", .several(linkChoices),
                               current: links(p.supports[k].meets, p)))
        }
        let paid = p.supports.indices.filter { p.supports[$0].kind != .informal }
        for k in paid {
            let h = p.supports[k], name = "\"\(h.what ?? "this help")\""
            s += [
                GuideStep("help.\(k).who", "The help I would like", "Who would give \(name)?",
                          hint: "A name or a company.", .line, current: h.provider ?? ""),
                GuideStep("help.\(k).cost", "The help I would like", "How much does \(name) cost each time?",
                          hint: "For example 15.50", .money, current: h.rate?.plainText ?? ""),
                GuideStep("help.\(k).unit", "The help I would like", "Is that cost for…", .choice(Everyday.units.map(\.1)),
                          current: h.unit.flatMap { u in Everyday.units.firstIndex { $0.0 == u } }.map { "\($0 + 1)" } ?? ""),
                GuideStep("help.\(k).often", "The help I would like", "How often is it paid for?", .choice(Everyday.periods.map(\.1)),
                          current: h.per.flatMap { x in Everyday.periods.firstIndex { $0.0 == x } }.map { "\($0 + 1)" } ?? ""),
                GuideStep("help.\(k).howmany", "The help I would like", "How many each time? For example 7 (hours) or 1.",
                          .line, current: h.quantity?.description ?? ""),
                GuideStep("help.\(k).meets", "The help I would like", "Which needs and goals does \(name) help with?",
                          .several(linkChoices), current: links(h.meets, p)),
                GuideStep("help.\(k).pays", "The help I would like", "Who pays for it?", .choice(Everyday.paying.map(\.1)),
                          current: h.funding.flatMap { f in Everyday.paying.firstIndex { $0.0 == f } }.map { "\($0 + 1)" } ?? ""),
                GuideStep("help.\(k).money", "The help I would like", "How would you like the money looked after?",
                          .choice(Everyday.managing.map(\.1)),
                          current: h.management.flatMap { m in Everyday.managing.firstIndex { $0.0 == m } }.map { "\($0 + 1)" } ?? ""),
            ]
        }
        s.append(GuideStep("help.new.\(paid.count)", "The help I would like",
                           paid.isEmpty ? "What help would you like? Describe it." : "What other help would you like?",
                           hint: "Leave it empty and press Enter when that is all.", .line))
        s += [
            GuideStep("money.year", "My money", "How much money has the council said you have for a year?",
                      hint: "For example 9000", .money, current: p.budget.final?.plainText ?? ""),
            GuideStep("money.mine", "My money", "How much do you pay towards it each year?", hint: "0 if nothing.", .money,
                      current: p.budget.personContribution?.plainText ?? ""),
        ]
        if p.supports.contains(where: \.isDirectPayment) {
            s.append(GuideStep("money.paid", "My money", "How often should the money be paid to you?", .choice(Everyday.paid.map(\.1)),
                               current: p.budget.payment.flatMap { x in Everyday.paid.firstIndex { $0.0 == x } }.map { "\($0 + 1)" } ?? ""))
        }
        s.append(GuideStep("risks", "Keeping safe", "What could go wrong?", hint: "One thing on each line.", .lines,
                           current: p.risks.compactMap(\.risk).joined(separator: "\n")))
        for (j, r) in p.risks.enumerated() {
            s.append(GuideStep("risk.\(j).do", "Keeping safe", "What will you do about it? \"\(r.risk ?? "")\"", .lines,
                               current: r.mitigation ?? ""))
        }
        s += [
            GuideStep("plan-b", "Keeping safe", "If your help cannot come, what will happen?",
                      hint: "For example: \"My sister comes, and I ring the agency.\"", .lines,
                      current: p.contingency.first?.then ?? ""),
            GuideStep("advice.help", "Advice", "What did people tell you about other help you could get?", .lines,
                      current: p.advice.meetOrReduce ?? ""),
            GuideStep("advice.well", "Advice", "What did people tell you about staying well?", .lines,
                      current: p.advice.preventOrDelay ?? ""),
            GuideStep("people", "Who I want involved", "Who else helped you write this plan?",
                      hint: "One name on each line, or leave it empty.", .lines,
                      current: p.plannedWith.filter { $0.role != .person }.compactMap(\.name).joined(separator: "\n")),
            GuideStep("agree", "What I think", "Do you agree with your plan?", .choice(Everyday.agree.map(\.1)),
                      current: p.agreement.status.flatMap { x in Everyday.agree.firstIndex { $0.0 == x } }.map { "\($0 + 1)" } ?? ""),
            GuideStep("agree.words", "What I think", "Is there anything you want to say about your plan, in your own words?",
                      .lines, current: p.agreement.personWords ?? ""),
        ]
        let start = p.supports.compactMap(\.start).min() ?? p.created
        s += [
            GuideStep("check.first", "Checking my plan", "When should someone first check your plan is working?",
                      .date(suggested: start?.adding(days: 42)),
                      current: p.review.first?.description ?? ""),
            GuideStep("check.next", "Checking my plan", "When should your plan be looked at again?",
                      .date(suggested: start?.adding(years: 1).adding(days: -1)),
                      current: p.review.next?.description ?? ""),
        ]
        return s
    }

    static func numbers(_ indices: [Int]) -> String { indices.map { String($0 + 1) }.joined(separator: " ") }

    static func links(_ ids: [String], _ p: Plan) -> String {
        let all = p.needs.map(\.id) + p.outcomes.map(\.id)
        return numbers(ids.compactMap { id in all.firstIndex { $0 == id } })
    }

    /// The numbers in an answer ("1 3", "1,3"), checked against how many options there are.
    static func picked(_ answer: String, _ count: Int) -> [Int]? {
        let parts = answer.split(whereSeparator: { $0 == " " || $0 == "," })
        let n = parts.compactMap { Int($0) }
        guard n.count == parts.count, n.allSatisfy({ (1...count).contains($0) }) else { return nil }
        return n.map { $0 - 1 }
    }

    /// Puts an answer into the plan; returns what is wrong with it, in plain words.
    public static func apply(_ step: GuideStep, _ answer: String, to p: inout Plan) -> String? {
        let text = answer.trimmed
        let parts = step.id.split(separator: ".").map(String.init)
        func choose(_ count: Int) -> Int? { picked(text, count).flatMap { $0.count == 1 ? $0[0] : nil } }
        switch step.kind {
        case .choice(let options):
            guard choose(options.count) != nil else { return "Type the number of your answer, from 1 to \(options.count)." }
        case .several(let options):
            guard text.isEmpty || picked(text, options.count) != nil else {
                return "Type the numbers of your answers, like 1 3, or leave it empty."
            }
        case .money:
            if !text.isEmpty, case .failure(let e) = Money.parse(text) { return "That amount \(e.words)." }
        case .whole, .line, .lines, .date: break
        }
        switch parts[0] {
        case "name":
            if p.author == nil || p.author == p.person.name { p.author = text.nilIfEmpty }  // a self-written plan
            p.person.name = text.nilIfEmpty
            if let i = p.plannedWith.firstIndex(where: { $0.role == .person }) { p.plannedWith[i].name = text.nilIfEmpty }
            else if !text.isEmpty { p.plannedWith.insert(Participant(name: text, role: .person), at: 0) }
        case "called": p.person.preferredName = text.nilIfEmpty
        case "information": p.person.communication = text.nilIfEmpty
        case "about": p.aboutMe = answer.trimmed.nilIfEmpty
        case "important-to": p.importantToMe = lines(answer)
        case "important-for": p.importantForMe = lines(answer)
        case "need":
            let area = NeedArea(rawValue: parts[1])!
            let i = p.needs.firstIndex { $0.area == area }
            if parts.count == 2 {
                if choose(2) == 0, i == nil {
                    var n = Need(id: nextID("N", p.needs.map(\.id)))
                    n.area = area
                    p.needs.append(n)
                } else if choose(2) == 1, let i {
                    p.needs.remove(at: i)
                }
            } else if let i {
                switch parts[2] {
                case "what": p.needs[i].description = answer.trimmed.nilIfEmpty
                case "why": p.needs[i].unableBecause = (picked(text, 4) ?? []).map { Everyday.unable[$0].0 }
                default: p.needs[i].eligible = [true, false, nil][choose(3)!]
                }
            }
        case "goals":
            let texts = lines(answer)
            var kept: [Outcome] = []
            for t in texts {
                if var o = p.outcomes.first(where: { $0.text == t }) { o.text = t; kept.append(o); continue }
                var o = Outcome(id: nextID("O", p.outcomes.map(\.id) + kept.map(\.id)))
                o.text = t
                kept.append(o)
            }
            p.outcomes = kept
        case "goal":
            let j = Int(parts[1])!
            if parts[2] == "about" {
                p.outcomes[j].wellbeing = (picked(text, Everyday.wellbeing.count) ?? []).map { Everyday.wellbeing[$0].0 }
            } else {
                p.outcomes[j].needs = (picked(text, p.needs.count) ?? []).compactMap { p.needs[$0].id }
            }
        case "helpers":
            let texts = lines(answer)
            let others = p.supports.filter { $0.kind != .informal }
            var helpers: [Support] = []
            for t in texts {
                if let h = p.supports.first(where: { $0.kind == .informal && $0.what == t }) { helpers.append(h); continue }
                var h = Support(id: nextID("S", p.supports.map(\.id) + helpers.map(\.id)))
                h.what = t
                h.kind = .informal
                h.funding = Funding.none
                h.management = .notApplicable
                helpers.append(h)
            }
            p.supports = helpers + others
        case "helper":
            let k = Int(parts[1])!
            p.supports[k].meets = linkIDs(text, p)
        case "help":
            if parts[1] == "new" {
                guard !text.isEmpty else { return nil }
                var h = Support(id: nextID("S", p.supports.map(\.id)))
                h.what = text
                h.kind = .other
                p.supports.append(h)
                return nil
            }
            let k = Int(parts[1])!
            switch parts[2] {
            case "who": p.supports[k].provider = text.nilIfEmpty
            case "cost": p.supports[k].rate = text.isEmpty ? nil : (try? Money.parse(text).get())
            case "unit": p.supports[k].unit = Everyday.units[choose(Everyday.units.count)!].0
            case "often": p.supports[k].per = Everyday.periods[choose(Everyday.periods.count)!].0
            case "howmany":
                guard text.isEmpty || Hundredths.parse(text).isSuccess else { return "Type a number, like 7 or 2.5." }
                p.supports[k].quantity = text.isEmpty ? nil : (try? Hundredths.parse(text).get())
            case "meets": p.supports[k].meets = linkIDs(text, p)
            case "pays": p.supports[k].funding = Everyday.paying[choose(Everyday.paying.count)!].0
            default: p.supports[k].management = Everyday.managing[choose(Everyday.managing.count)!].0
            }
        case "money":
            switch parts[1] {
            case "year": p.budget.final = text.isEmpty ? nil : (try? Money.parse(text).get())
            case "mine": p.budget.personContribution = text.isEmpty ? nil : (try? Money.parse(text).get())
            default: p.budget.payment = Everyday.paid[choose(Everyday.paid.count)!].0
            }
            if let final = p.budget.final {
                let mine = p.budget.personContribution?.pence ?? 0
                p.budget.councilContribution = Money(pence: max(0, final.pence - mine))
                if p.budget.personContribution == nil { p.budget.personContribution = Money(pence: 0) }
            }
        case "risks":
            let texts = lines(answer)
            p.risks = texts.map { t in
                p.risks.first { $0.risk == t } ?? { var r = Risk(); r.risk = t; r.acceptedByPerson = false; return r }()
            }
        case "risk": p.risks[Int(parts[1])!].mitigation = answer.trimmed.nilIfEmpty
        case "plan-b":
            if answer.trimmed.isEmpty { p.contingency = [] } else {
                var c = ContingencyEntry()
                c.when = "My help cannot come"
                c.then = answer.trimmed
                p.contingency = [c]
            }
        case "advice":
            if parts[1] == "help" { p.advice.meetOrReduce = answer.trimmed.nilIfEmpty } else { p.advice.preventOrDelay = answer.trimmed.nilIfEmpty }
        case "people":
            let me = p.plannedWith.filter { $0.role == .person }
            p.plannedWith = me + lines(answer).map { Participant(name: $0, role: .other) }
        case "agree":
            if parts.count == 1 { p.agreement.status = Everyday.agree[choose(Everyday.agree.count)!].0 }
            else { p.agreement.personWords = answer.trimmed.nilIfEmpty }
        case "check":
            var date: PlanDate?
            if text.isEmpty, case .date(let suggested) = step.kind { date = suggested }
            else if !text.isEmpty {
                guard let d = PlanDate(text) else { return "Write the date as year-month-day, like 2027-01-20." }
                date = d
            }
            if parts[1] == "first" { p.review.first = date } else { p.review.next = date }
        default: break
        }
        return nil
    }

    static func lines(_ answer: String) -> [String] {
        answer.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static func linkIDs(_ text: String, _ p: Plan) -> [String] {
        let all = p.needs.map(\.id) + p.outcomes.map(\.id)
        return (picked(text, all.count) ?? []).compactMap { all[$0] }
    }

    static func nextID(_ prefix: String, _ ids: [String?]) -> String {
        var n = 1
        while ids.contains(where: { $0 == "\(prefix)\(n)" }) { n += 1 }
        return "\(prefix)\(n)"
    }

    /// What is still missing, in plain words (errors first, then warnings not accepted).
    public static func missing(_ p: Plan, policy: Policy) -> [String] {
        let r = Checker.check(text: PlanWriter.write(p), file: "plan", policy: policy)
        let open = r.findings.filter { !$0.acknowledged && $0.severity != .info }
        var seen: Set<String> = []
        return open.sorted { $0.severity < $1.severity }.map(\.plain).filter { seen.insert($0).inserted }
    }
}

extension String {
    var nilIfEmpty: String? { trimmed.isEmpty ? nil : self.trimmed }
}

extension Result {
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
