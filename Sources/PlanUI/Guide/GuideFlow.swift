/// The questions, worked out from the plan so far, each with how its answer goes into it; the
/// parts they come in; the running money; and what is still to do at the end.
import PlanCore

public enum GuideFlow {
    /// The parts of the conversation, always all of them and in this order, so "part 3 of 12"
    /// never changes as questions are added.
    public static let parts = [
        "About me", "What matters to me", "What I need help with", "What I want", "Who helps me now", "My money",
        "The help I would like", "Keeping safe", "Advice", "Who I want involved", "What I think", "Checking my plan",
    ]

    public static func steps(_ p: Plan) -> [GuideStep] {
        aboutMe(p) + needs(p) + goals(p) + helpers(p) + money(p) + GuideHelp.steps(p) + safety(p) + closing(p)
    }

    /// Puts an answer into the plan; returns what is wrong with it, in plain words.
    public static func apply(_ step: GuideStep, _ answer: String, to p: inout Plan) -> String? {
        step.apply(&p, answer)
    }

    // MARK: Building steps

    static func text(_ id: String, _ part: String, _ question: String, hint: String = "", lines: Bool = false,
                     current: String, followUp: Bool = false, set: @escaping @Sendable (inout Plan, String) -> Void) -> GuideStep {
        GuideStep(id, part, question, hint: hint, lines ? .lines : .line, current: current, followUp: followUp) { p, a in
            set(&p, a.trimmed)
            return nil
        }
    }

    static func choice(_ id: String, _ part: String, _ question: String, hint: String = "", _ options: [String],
                       current: Int?, followUp: Bool = false, costs: Bool = false,
                       set: @escaping @Sendable (inout Plan, Int) -> Void) -> GuideStep {
        GuideStep(id, part, question, hint: hint, .choice(options), current: current.map { options[$0] } ?? "",
                  followUp: followUp, costs: costs) { p, a in
            guard let i = GuideAnswers.choose(a, options) else { return choiceProblem(options) }
            set(&p, i)
            return nil
        }
    }

    static func yesNo(_ id: String, _ part: String, _ question: String, hint: String = "", current: Bool?,
                      followUp: Bool = true, costs: Bool = false, set: @escaping @Sendable (inout Plan, Bool) -> Void) -> GuideStep {
        choice(id, part, question, hint: hint, ["Yes", "No"], current: current.map { $0 ? 0 : 1 }, followUp: followUp,
               costs: costs) { p, i in set(&p, i == 0) }
    }

    static func several(_ id: String, _ part: String, _ question: String, _ options: [String], current: [Int],
                        followUp: Bool = true, set: @escaping @Sendable (inout Plan, [Int]) -> Void) -> GuideStep {
        GuideStep(id, part, question, .several(options), current: numbers(current), followUp: followUp) { p, a in
            guard let picked = GuideAnswers.several(a, options) else {
                return "Type the numbers of your answers, like 1 3, or their words with commas between, or leave it empty."
            }
            set(&p, picked)
            return nil
        }
    }

    /// A money question: `per` is what the amount is for ("year"), whose words may follow it.
    static func money(_ id: String, _ part: String, _ question: String, hint: String = "", per: String?, current: Money?,
                      followUp: Bool = false, set: @escaping @Sendable (inout Plan, Money?, String?) -> String?) -> GuideStep {
        GuideStep(id, part, question, hint: hint, .money(per: per.map(GuideAnswers.per)), current: current?.plainText ?? "",
                  followUp: followUp, costs: true) { p, a in
            guard a.hasWords else { return set(&p, nil, nil) }
            switch GuideAnswers.money(a) {
            case .failure(.notANumber):
                return "That is not an amount of money: write it like " + (per.map { "£13 \(GuideAnswers.per($0))" } ?? "£15.50") + ", or 13.50."
            case .failure(let e):
                return "That amount \(e.words)."
            case .success(let (m, unit)):
                if let per, let unit, unit != per {
                    return "This asks for the amount \(GuideAnswers.per(per)), not \(GuideAnswers.per(unit))."
                }
                return set(&p, m, unit)
            }
        }
    }

    static func choiceProblem(_ options: [String]) -> String {
        "Type the number of your answer, from 1 to \(options.count), or its words, like \(options[0])."
    }

    static func numbers(_ indices: [Int]) -> String { indices.map { String($0 + 1) }.joined(separator: " ") }

    // MARK: The parts

    static func aboutMe(_ p: Plan) -> [GuideStep] {
        let part = parts[0]
        return [
            text("name", part, "What is your name?", current: p.person.name ?? "") { p, t in
                if p.author == nil || p.author == p.person.name { p.author = t.nilIfEmpty }  // a self-written plan
                p.person.name = t.nilIfEmpty
                if let i = p.plannedWith.firstIndex(where: { $0.role == .person }) { p.plannedWith[i].name = t.nilIfEmpty }
                else if !t.isEmpty { p.plannedWith.insert(Participant(name: t, role: .person), at: 0) }
            },
            text("called", part, "What do you like to be called?", current: p.person.preferredName ?? "") { p, t in
                p.person.preferredName = t.nilIfEmpty
            },
            text("information", part, "How do you like to get information?",
                 hint: "For example: easy read, large print, or someone reading it to you.", current: p.person.communication ?? "") {
                p, t in p.person.communication = t.nilIfEmpty
            },
            text("about", part, "Tell us about yourself: your life, what you like, and what is hard.", hint: "Write as much as you like.",
                 lines: true, current: p.aboutMe ?? "") { p, t in p.aboutMe = t.nilIfEmpty },
            text("important-to", parts[1], "What is important to you?", hint: "One thing on each line.", lines: true,
                 current: p.importantToMe.joined(separator: "\n")) { p, t in p.importantToMe = lines(t) },
            text("important-for", parts[1], "What keeps you well and safe?", hint: "One thing on each line.", lines: true,
                 current: p.importantForMe.joined(separator: "\n")) { p, t in p.importantForMe = lines(t) },
        ]
    }

    static func needs(_ p: Plan) -> [GuideStep] {
        let part = parts[2]
        var s: [GuideStep] = []
        for area in NeedArea.allCases where area != .other {
            let i = p.needs.firstIndex { $0.area == area }
            s.append(yesNo("need.\(area.rawValue)", part, Everyday.question(area), current: i == nil ? nil : true, followUp: false) {
                p, yes in
                let i = p.needs.firstIndex { $0.area == area }
                if yes, i == nil {
                    var n = Need(id: nextID("N", p.needs.map(\.id)))
                    n.area = area
                    p.needs.append(n)
                } else if !yes, let i {
                    let id = p.needs[i].id
                    p.needs.remove(at: i)
                    for j in p.outcomes.indices { p.outcomes[j].needs.removeAll { $0 == id } }
                    for j in p.supports.indices { p.supports[j].meets.removeAll { $0 == id } }
                }
            })
            guard let i else { continue }
            let n = p.needs[i], subject = area.plainLabel
            s.append(text("need.\(area.rawValue).what", part, "\(subject): what is hard about it for you?",
                          hint: "Say it in your own words.", lines: true, current: n.description ?? "", followUp: true) { p, t in
                if let i = p.needs.firstIndex(where: { $0.area == area }) { p.needs[i].description = t.nilIfEmpty }
            })
            s.append(several("need.\(area.rawValue).why", part, "\(subject): why is it hard? Choose all that are true.",
                             Everyday.unable.map(\.1),
                             current: n.unableBecause.compactMap { u in Everyday.unable.firstIndex { $0.0 == u } }) { p, picked in
                if let i = p.needs.firstIndex(where: { $0.area == area }) { p.needs[i].unableBecause = picked.map { Everyday.unable[$0].0 } }
            })
            let councilOptions = ["Yes", "No", "I do not know yet"]
            s.append(choice("need.\(area.rawValue).council", part,
                            "\(subject): has the council said it must help you with this?", councilOptions,
                            current: n.eligible == true ? 0 : n.eligible == false ? 1 : nil, followUp: true) { p, c in
                if let i = p.needs.firstIndex(where: { $0.area == area }) { p.needs[i].eligible = [true, false, nil][c] }
            })
        }
        return s
    }

    static func goals(_ p: Plan) -> [GuideStep] {
        let part = parts[3]
        var s = [text("goals", part, "What do you want to achieve?",
                      hint: "One goal on each line, in your own words: \"I want to go to the football every Saturday.\"",
                      lines: true, current: p.outcomes.compactMap(\.text).joined(separator: "\n")) { p, t in
            var kept: [Outcome] = []
            for line in lines(t) {
                if var o = p.outcomes.first(where: { $0.text == line }) { o.text = line; kept.append(o); continue }
                var o = Outcome(id: nextID("O", p.outcomes.map(\.id) + kept.map(\.id)))
                o.text = line
                kept.append(o)
            }
            p.outcomes = kept
        }]
        let needChoices = needNames(p)
        for (j, o) in p.outcomes.enumerated() {
            let subject = "\"\(o.text ?? "")\""
            s.append(several("goal.\(j).about", part, "\(subject): which of these is this goal about? Choose all that are true.",
                             Everyday.wellbeing.map(\.1),
                             current: o.wellbeing.compactMap { w in Everyday.wellbeing.firstIndex { $0.0 == w } }) { p, picked in
                p.outcomes[j].wellbeing = picked.map { Everyday.wellbeing[$0].0 }
            })
            if !needChoices.isEmpty {
                s.append(several("goal.\(j).needs", part, "\(subject): which of the things you need help with is this goal about?",
                                 needChoices, current: o.needs.compactMap { id in p.needs.firstIndex { $0.id == id } }) { p, picked in
                    p.outcomes[j].needs = picked.compactMap { p.needs[$0].id }
                })
            }
        }
        return s
    }

    static func helpers(_ p: Plan) -> [GuideStep] {
        let part = parts[4]
        let unpaid = p.supports.indices.filter { p.supports[$0].kind == .informal }
        var s = [text("helpers", part, "Who helps you now without being paid, like family or friends?",
                      hint: "One on each line: who, and what they do. \"My sister Ann does my shopping.\"", lines: true,
                      current: unpaid.compactMap { p.supports[$0].what }.joined(separator: "\n")) { p, t in
            let others = p.supports.filter { $0.kind != .informal }
            var helpers: [Support] = []
            for line in lines(t) {
                if let h = p.supports.first(where: { $0.kind == .informal && $0.what == line }) { helpers.append(h); continue }
                var h = Support(id: nextID("S", p.supports.map(\.id) + helpers.map(\.id)))
                h.what = line
                h.kind = .informal
                h.funding = Funding.none
                h.management = .notApplicable
                helpers.append(h)
            }
            p.supports = helpers + others
        }]
        let choices = linkChoices(p)
        for k in unpaid where !choices.isEmpty {
            s.append(several("helper.\(k).meets", part,
                             "\"\(p.supports[k].what ?? "")\": which needs and goals does this help with?", choices,
                             current: links(p.supports[k].meets, p)) { p, picked in p.supports[k].meets = linkIDs(picked, p) })
        }
        return s
    }

    static func money(_ p: Plan) -> [GuideStep] {
        let part = parts[5]
        return [
            money("money.year", part, "How much money has the council said you have for a year?",
                  hint: "For example £9,000 a year. Leave it empty if you do not know yet.", per: "year",
                  current: p.budget.final) { p, m, _ in
                p.budget.final = m
                shareBudget(&p)
                return nil
            },
            money("money.mine", part, "How much do you pay towards it each year?", hint: "0 if nothing.", per: "year",
                  current: p.budget.personContribution) { p, m, _ in
                p.budget.personContribution = m
                shareBudget(&p)
                return nil
            },
        ]
    }

    /// The council's part is what is left of the money once the person's part is taken off.
    static func shareBudget(_ p: inout Plan) {
        guard let final = p.budget.final else { return }
        let mine = p.budget.personContribution?.pence ?? 0
        p.budget.councilContribution = Money(pence: max(0, final.pence - mine))
        if p.budget.personContribution == nil { p.budget.personContribution = Money(pence: 0) }
    }

    static func safety(_ p: Plan) -> [GuideStep] {
        let part = parts[7]
        var s = [text("risks", part, "What could go wrong?", hint: "One thing on each line.", lines: true,
                      current: p.risks.compactMap(\.risk).joined(separator: "\n")) { p, t in
            p.risks = lines(t).map { line in p.risks.first { $0.risk == line } ?? { var r = Risk(); r.risk = line; return r }() }
        }]
        for (j, r) in p.risks.enumerated() {
            let subject = "\"\(r.risk ?? "")\""
            s.append(text("risk.\(j).do", part, "\(subject): what will you do about it?", lines: true,
                          current: r.mitigation ?? "", followUp: true) { p, t in p.risks[j].mitigation = t.nilIfEmpty })
            let accept = ["Yes, I accept it", "No", "I have not decided yet"]
            s.append(choice("risk.\(j).accept", part, "\(subject): do you accept this risk, knowing what could happen?",
                            hint: "Accepting a risk means you know about it and choose to live with it.", accept,
                            current: r.acceptedByPerson.map { $0 ? 0 : 1 }, followUp: true) { p, c in
                p.risks[j].acceptedByPerson = [true, false, nil][c]
            })
        }
        s.append(text("plan-b", part, "If your help cannot come, what will happen?",
                      hint: "For example: \"My sister comes, and I ring the agency.\"", lines: true,
                      current: p.contingency.first?.then ?? "") { p, t in
            if t.isEmpty { p.contingency = [] } else {
                var c = ContingencyEntry()
                c.when = "My help cannot come"
                c.then = t
                p.contingency = [c]
            }
        })
        return s
    }

    static func closing(_ p: Plan) -> [GuideStep] {
        let start = p.supports.compactMap(\.start).min() ?? p.created
        let agreeWords = Everyday.agree.map(\.1)
        return [
            text("advice.help", parts[8], "What did people tell you about other help you could get?", lines: true,
                 current: p.advice.meetOrReduce ?? "") { p, t in p.advice.meetOrReduce = t.nilIfEmpty },
            text("advice.well", parts[8], "What did people tell you about staying well?", lines: true,
                 current: p.advice.preventOrDelay ?? "") { p, t in p.advice.preventOrDelay = t.nilIfEmpty },
            text("people", parts[9], "Who else helped you write this plan?", hint: "One name on each line, or leave it empty.",
                 lines: true, current: p.plannedWith.filter { $0.role != .person }.compactMap(\.name).joined(separator: "\n")) { p, t in
                let me = p.plannedWith.filter { $0.role == .person }
                p.plannedWith = me + lines(t).map { Participant(name: $0, role: .other) }
            },
            choice("agree", parts[10], "Do you agree with your plan?", agreeWords,
                   current: p.agreement.status.flatMap { x in Everyday.agree.firstIndex { $0.0 == x } }) { p, c in
                p.agreement.status = Everyday.agree[c].0
            },
            text("agree.words", parts[10], "Is there anything you want to say about your plan, in your own words?", lines: true,
                 current: p.agreement.personWords ?? "") { p, t in p.agreement.personWords = t.nilIfEmpty },
            date("check.first", "When should someone first check your plan is working?", suggested: start?.adding(days: 42),
                 current: p.review.first) { p, d in p.review.first = d },
            date("check.next", "When should your plan be looked at again?", suggested: start?.adding(years: 1).adding(days: -1),
                 current: p.review.next) { p, d in p.review.next = d },
        ]
    }

    static func date(_ id: String, _ question: String, suggested: PlanDate?, current: PlanDate?,
                     set: @escaping @Sendable (inout Plan, PlanDate?) -> Void) -> GuideStep {
        GuideStep(id, parts[11], question, .date(suggested: suggested), current: current?.description ?? "") { p, a in
            let t = a.trimmed
            if t.isEmpty { set(&p, suggested); return nil }
            guard let d = GuideAnswers.date(t) else { return "Write the date like 2027-01-20 or 20/01/2027." }
            set(&p, d)
            return nil
        }
    }

    // MARK: Helpers

    static func lines(_ answer: String) -> [String] {
        answer.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static func needNames(_ p: Plan) -> [String] { p.needs.map { $0.area?.plainLabel ?? $0.description ?? $0.id ?? "" } }

    static func linkChoices(_ p: Plan) -> [String] { needNames(p) + p.outcomes.map { $0.text ?? "" } }

    static func links(_ ids: [String], _ p: Plan) -> [Int] {
        let all = p.needs.map(\.id) + p.outcomes.map(\.id)
        return ids.compactMap { id in all.firstIndex { $0 == id } }
    }

    static func linkIDs(_ picked: [Int], _ p: Plan) -> [String] {
        let all = p.needs.map(\.id) + p.outcomes.map(\.id)
        return picked.compactMap { $0 < all.count ? all[$0] : nil }
    }

    static func nextID(_ prefix: String, _ ids: [String?]) -> String {
        var n = 1
        while ids.contains(where: { $0 == "\(prefix)\(n)" }) { n += 1 }
        return "\(prefix)\(n)"
    }
}

extension String {
    var nilIfEmpty: String? { trimmed.isEmpty ? nil : self.trimmed }
}

extension Result {
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
