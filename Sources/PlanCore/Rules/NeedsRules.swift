/// Needs and outcomes (domain §10 rules 1–4, 17): every need recorded and marked, every
/// eligible need met, outcomes with wellbeing areas, paid lines traced to a need or outcome.

enum NeedsRules {
    static func check(_ c: RuleContext) -> [Finding] {
        let p = c.plan
        var out: [Finding] = []
        if p.needs.isEmpty {
            out.append(c.finding(.needsMissing, "needs",
                "the plan records no needs; list every need the assessment found (Care Act s.25(1)(a))",
                plain: "Your plan does not say yet what you need help with."))
        }
        for (i, n) in p.needs.enumerated() {
            let name = n.id ?? "need \(i + 1)"
            if n.eligible == nil && n.kept.raw["eligible"] == nil {
                out.append(c.finding(.needEligibilityMissing, "needs[\(i)]",
                    "need \(name) is not marked eligible or not eligible (`eligible: true` or `false`)",
                    plain: "Say whether the council must help with \(name): yes or no."))
            }
            guard n.eligible == true else { continue }
            if let id = n.id, c.linesMeeting(need: id).isEmpty {
                out.append(c.finding(.eligibleNeedUnmet, "needs[\(i)]",
                    "eligible need \(id) (\(n.area?.rawValue ?? "no area")) is not met by any support line, directly or through an outcome",
                    plain: "Nothing in your plan helps with \(n.area.map { $0.plainLabel.lowercased() } ?? "need \(id)") yet."))
            }
            if n.unableBecause.isEmpty && n.kept.raw["unable_because"] == nil {
                out.append(c.finding(.unableReasonMissing, "needs[\(i)]",
                    "eligible need \(name) does not say why the person is unable (`unable_because`: needs-help, pain-distress-anxiety, endangers-health-safety or takes-longer)",
                    plain: "Say why this is hard for you: you need help, it hurts or worries you, it is unsafe, or it takes much longer."))
            }
        }
        if p.outcomes.isEmpty {
            out.append(c.finding(.outcomeMissing, "outcomes",
                "the plan records no outcomes; note what the person wants to achieve (s.25(1)(d))",
                plain: "Your plan does not say yet what you want to achieve."))
        }
        let supported = Set(p.supports.flatMap(\.meets))
        for (i, o) in p.outcomes.enumerated() {
            let name = o.id ?? "outcome \(i + 1)"
            if o.wellbeing.isEmpty && o.kept.raw["wellbeing"] == nil {
                out.append(c.finding(.outcomeWellbeingMissing, "outcomes[\(i)]",
                    "outcome \(name) is linked to no wellbeing area (Care Act s.1(2))",
                    plain: "Say which part of a good life goal \(name) is about, like health, dignity or friends."))
            }
            if let id = o.id, !supported.contains(id) {
                out.append(c.finding(.outcomeUnsupported, "outcomes[\(i)]",
                    "no support line works towards outcome \(id)",
                    plain: "Nothing in your plan helps with this goal yet: \"\(o.text ?? id)\""))
            }
        }
        for (i, s) in p.supports.enumerated() where s.isPaid && s.kind != .onCost && s.meets.isEmpty
            && s.kept.raw["meets"] == nil {
            out.append(c.finding(.supportUnlinked, "supports[\(i)]",
                "paid line \(s.id ?? "\(i + 1)") meets no need or outcome; link it in `meets:`",
                plain: "Say which need or goal \(s.what.map { "\"\($0)\"" } ?? "this support") is for."))
        }
        return out
    }
}
