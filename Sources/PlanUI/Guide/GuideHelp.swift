/// The guide's "help I would like" part: each help the person adds, then whether it is someone
/// they employ themselves. A personal assistant (PA) gets the PA questions (their name, pay an
/// hour, hours a week, age or date of birth) and becomes a `kind: pa` line with an `employees:`
/// entry when the date of birth is given (an age goes in the line's `pa:` block), so `check`
/// and `totals` cost it with the minimum wage and the employer model. The employer's costs
/// come from the on-cost calculator, asked once, and are kept up to date as the PA answers
/// change. Other help gets who, cost, unit, how often and how many.
import PlanCore

enum GuideHelp {
    static var part: String { GuideFlow.parts[6] }

    static func steps(_ p: Plan) -> [GuideStep] {
        var s: [GuideStep] = []
        let choices = GuideFlow.linkChoices(p)
        let paid = p.supports.indices.filter { p.supports[$0].kind != .informal && p.supports[$0].kind != .onCost }
        for k in paid {
            let h = p.supports[k], subject = "\"\(h.what ?? "Your help")\""
            s.append(GuideFlow.yesNo("help.\(k).employ", part,
                                     "\(subject): is this someone you employ yourself, your own personal assistant?",
                                     hint: "Your own personal assistant works for you: you choose them and pay them.",
                                     current: h.kind == .pa ? true : (h.kind == nil || h.kind == .other ? nil : false)) { p, yes in
                setEmployed(&p, k, yes)
            })
            if h.kind == .pa { s += pa(p, k, subject) } else { s += other(p, k, subject) }
            s.append(GuideFlow.several("help.\(k).meets", part, "\(subject): which needs and goals does it help with?", choices,
                                       current: GuideFlow.links(h.meets, p)) { p, picked in
                p.supports[k].meets = GuideFlow.linkIDs(picked, p)
                refreshEmployerCosts(&p)
            })
            s.append(GuideFlow.choice("help.\(k).pays", part, "\(subject): who pays for it?", Everyday.paying.map(\.1),
                                      current: h.funding.flatMap { f in Everyday.paying.firstIndex { $0.0 == f } }, followUp: true,
                                      costs: true) { p, c in
                p.supports[k].funding = Everyday.paying[c].0
                refreshEmployerCosts(&p)
            })
            if h.kind != .pa {
                s.append(GuideFlow.choice("help.\(k).money", part, "\(subject): how would you like the money looked after?",
                                          Everyday.managing.map(\.1),
                                          current: h.management.flatMap { m in Everyday.managing.firstIndex { $0.0 == m } },
                                          followUp: true) { p, c in p.supports[k].management = Everyday.managing[c].0 })
            } else if p.supports.firstIndex(where: \.isPA) == k {
                s.append(GuideFlow.yesNo("help.\(k).employer", part,
                                         "\(subject): paying someone yourself costs more than their pay: National Insurance, "
                                            + "a workplace pension, holiday cover, insurance and a payroll service. "
                                            + "Shall we work these out and add them to your plan?",
                                         hint: "You can change them later.",
                                         current: p.supports.contains { $0.kind == .onCost } ? true : nil, costs: true) { p, yes in
                    if yes { OnCostCalculator.apply(OnCostCalculator.propose(p, support: k), to: &p, from: k) }
                })
            }
        }
        // The two employer's costs only the person can find out (a quote, a fee); asked whether
        // or not there is a figure yet, so the count of questions stays steady.
        for i in p.supports.indices where p.supports[i].kind == .onCost {
            guard let t = p.supports[i].onCost, t == .elInsurance || t == .payroll else { continue }
            let per = p.supports[i].per == .year ? "year" : "month"
            let (subject, hint) = t == .elInsurance
                ? ("Insurance for an employer", "The law says you must have it. Ask an insurer; leave it empty if you do not know yet.")
                : ("A payroll service", "Someone who works out the pay and the tax. Leave it empty if you do not know yet.")
            s.append(GuideFlow.money("oncost.\(i)", part, "\(subject): how much does it cost \(GuideAnswers.per(per))?", hint: hint,
                                     per: per, current: p.supports[i].rate, followUp: true) { p, m, _ in
                p.supports[i].rate = m
                return nil
            })
        }
        s.append(GuideFlow.text("help.new.\(paid.count)", part,
                                paid.isEmpty ? "What help would you like? Describe it." : "What other help would you like?",
                                hint: "For example: \"A personal assistant to go out with me.\" "
                                    + "Leave it empty and press Enter when that is all.",
                                current: "", followUp: !paid.isEmpty) { p, t in
            guard !t.isEmpty else { return }
            var h = Support(id: GuideFlow.nextID("S", p.supports.map(\.id)))
            h.what = t
            h.kind = .other
            h.funding = .council
            p.supports.append(h)
            // "A personal assistant to go out with me": taken as someone the person employs
            // until they say otherwise (the next question asks, with Yes as the answer shown).
            if saysPA(t) { setEmployed(&p, p.supports.count - 1, true) }
        })
        if p.supports.contains(where: \.isDirectPayment) {
            s.append(GuideFlow.choice("money.paid", part, "Your money: how often should it be paid to you?", Everyday.paid.map(\.1),
                                      current: p.budget.payment.flatMap { x in Everyday.paid.firstIndex { $0.0 == x } },
                                      followUp: true) { p, c in p.budget.payment = Everyday.paid[c].0 })
        }
        return s
    }

    /// The person's words name a personal assistant ("a personal assistant to go out with me", "my PA").
    static func saysPA(_ words: String) -> Bool {
        words.lowercased().contains("personal assistant") || GuideEnd.replaceWord("PA", with: "\u{0}", in: words).contains("\u{0}")
    }

        /// Someone the person employs, or not.
    static func setEmployed(_ p: inout Plan, _ k: Int, _ yes: Bool) {
        if yes {
            guard p.supports[k].kind != .pa else { return }
            p.supports[k].kind = .pa
            p.supports[k].management = .directPayment
            p.supports[k].unit = .hour
            p.supports[k].per = .week
            if p.supports[k].funding == nil { p.supports[k].funding = .council }
        } else if p.supports[k].kind == .pa {
            p.supports[k].kind = .other
            unlinkEmployee(&p, k)
            p.supports[k].pa = PADetails()
        }
        refreshEmployerCosts(&p)
    }

    static func pa(_ p: Plan, _ k: Int, _ subject: String) -> [GuideStep] {
        let h = p.supports[k]
        let employee = h.employee.flatMap { id in p.employees.first { $0.id == id } }
        return [
            GuideFlow.text("help.\(k).who", part, "\(subject): what is your personal assistant's name?",
                           current: h.provider ?? "", followUp: true) { p, t in
                p.supports[k].provider = t.nilIfEmpty
                if let id = p.supports[k].employee, let e = p.employees.firstIndex(where: { $0.id == id }) {
                    p.employees[e].name = t.nilIfEmpty
                }
            },
            GuideFlow.money("help.\(k).pay", part, "\(subject): how much will you pay them an hour?",
                            hint: "For example £13 an hour. The law sets the least you can pay.", per: "hour", current: h.rate,
                            followUp: true) { p, m, _ in
                p.supports[k].rate = m
                p.supports[k].unit = .hour
                refreshEmployerCosts(&p)
                return nil
            },
            GuideStep("help.\(k).hours", part, "\(subject): how many hours a week will they work?", hint: "For example 10 or 7.5.",
                      .line, current: h.quantity?.description ?? "", followUp: true, costs: true) { p, a in
                var t = a.trimmed.lowercased()
                for tail in [" hours a week", " hours each week", " hours per week", " a week", " hours", " hrs"] where t.hasSuffix(tail) {
                    t = String(t.dropLast(tail.count))
                }
                guard !t.isEmpty else { p.supports[k].quantity = nil; return nil }
                guard case .success(let q) = Hundredths.parse(t) else { return "Type the hours, like 10 or 7.5." }
                p.supports[k].quantity = q
                p.supports[k].per = .week
                refreshEmployerCosts(&p)
                return nil
            },
            GuideStep("help.\(k).age", part, "\(subject): how old is your personal assistant, or when were they born?",
                      hint: "Their age, like 31, or their date of birth, like 14/08/1995. It sets the least they can be paid.",
                      .line, current: employee?.dateOfBirth?.description ?? h.pa.age.map(String.init) ?? "", followUp: true,
                      costs: true) { p, a in
                let t = a.trimmed.lowercased().replacingOccurrences(of: " years old", with: "")
                if t.isEmpty { return nil }
                if let age = Int(t) {
                    guard (14...120).contains(age) else { return "Type their age, like 31, or their date of birth, like 14/08/1995." }
                    unlinkEmployee(&p, k)
                    p.supports[k].pa.age = age
                } else if let born = GuideAnswers.date(t) {
                    p.supports[k].pa.age = nil
                    let id: String
                    if let linked = p.supports[k].employee, p.employees.contains(where: { $0.id == linked }) {
                        id = linked
                    } else {
                        id = GuideFlow.nextID("P", p.employees.map(\.id))
                        var e = Employee(id: id)
                        e.name = p.supports[k].provider
                        p.employees.append(e)
                        p.supports[k].employee = id
                    }
                    let e = p.employees.firstIndex { $0.id == id }!
                    p.employees[e].dateOfBirth = born
                } else {
                    return "Type their age, like 31, or their date of birth, like 14/08/1995."
                }
                refreshEmployerCosts(&p)
                return nil
            },
        ]
    }

    static func other(_ p: Plan, _ k: Int, _ subject: String) -> [GuideStep] {
        let h = p.supports[k]
        return [
            GuideFlow.text("help.\(k).who", part, "\(subject): who would give it?", hint: "A name or a company.",
                           current: h.provider ?? "", followUp: true) { p, t in p.supports[k].provider = t.nilIfEmpty },
            GuideFlow.money("help.\(k).cost", part, "\(subject): how much does it cost each time?",
                            hint: "For example £15.50, or £24.10 an hour.", per: nil, current: h.rate, followUp: true) { p, m, unit in
                p.supports[k].rate = m
                if let unit, let u = CostUnit(rawValue: unit) { p.supports[k].unit = u }
                return nil
            },
            GuideFlow.choice("help.\(k).unit", part, "\(subject): is that cost for…", Everyday.units.map(\.1),
                             current: h.unit.flatMap { u in Everyday.units.firstIndex { $0.0 == u } }, followUp: true, costs: true) {
                p, c in p.supports[k].unit = Everyday.units[c].0
            },
            GuideFlow.choice("help.\(k).often", part, "\(subject): how often is it paid for?", Everyday.periods.map(\.1),
                             current: h.per.flatMap { x in Everyday.periods.firstIndex { $0.0 == x } }, followUp: true, costs: true) {
                p, c in p.supports[k].per = Everyday.periods[c].0
            },
            GuideStep("help.\(k).howmany", part, "\(subject): how many each time? For example 7 (hours) or 1.", .line,
                      current: h.quantity?.description ?? "", followUp: true, costs: true) { p, a in
                let t = a.trimmed
                guard !t.isEmpty else { p.supports[k].quantity = nil; return nil }
                guard case .success(let q) = Hundredths.parse(t) else { return "Type a number, like 7 or 2.5." }
                p.supports[k].quantity = q
                return nil
            },
        ]
    }

    static func unlinkEmployee(_ p: inout Plan, _ k: Int) {
        guard let id = p.supports[k].employee else { return }
        p.supports[k].employee = nil
        if !p.supports.contains(where: { $0.employee == id }) { p.employees.removeAll { $0.id == id } }
    }

    /// Once the employer's costs are in the plan, they follow the PA answers (the calculator
    /// fills the existing lines; it never adds a second of a kind).
    static func refreshEmployerCosts(_ p: inout Plan) {
        guard p.supports.contains(where: { $0.kind == .onCost }), let k = p.supports.firstIndex(where: \.isPA) else { return }
        OnCostCalculator.apply(OnCostCalculator.propose(p, support: k), to: &p, from: k)
    }
}
