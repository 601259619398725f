/// The live budget line on every screen: what the counted supports cost against the final
/// budget, a year and a week, and what is left or over, in words and symbols (never colour
/// alone). It follows a rate or quantity as it is typed.
import Foundation
import PlanCore
import TerminalKit

public enum BudgetBar {
    /// What stops the costing, in words: "S1 needs how often it is paid (Per)".
    static func why(_ path: String, _ plan: Plan, plain: Bool = false) -> String {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        var who = "the plan"
        if path.hasPrefix("supports["), let i = Int(path.dropFirst(9).prefix { $0.isNumber }), i < plan.supports.count {
            who = name(plan, i, plain: plain)
        }
        switch field {
        case "per": return "\(who) needs how often it is paid" + (plain ? "" : " (Per)")
        case "rate", "quantity", "shared_by": return "\(who)'s \(field.replacingOccurrences(of: "_", with: " ")) cannot be read"
        case "weeks_per_year": return "weeks in a year must be 52 or 52.143"
        case "final": return "the final budget cannot be read"
        default: return "the amounts are too large to add up"
        }
    }

    /// A support line as the bar names it: its id, or in plain words what it is (cut short).
    static func name(_ plan: Plan, _ i: Int, plain: Bool) -> String {
        guard plain else { return plan.supports[i].id ?? "line \(i + 1)" }
        return "“" + EditorView.clipped(plan.supports[i].what?.oneLine ?? "a line of help", 22, atWord: true) + "”"
    }

    /// Half-filled paid lines: index and what is missing ("no quantity yet").
    static func halfFilled(_ plan: Plan) -> [(Int, String)] {
        let counted: Set<CostUnit> = [.hour, .visit, .day, .night, .session]
        return plan.supports.enumerated().compactMap { i, s in
            if s.rate != nil, s.quantity == nil, s.kept.raw["quantity"] == nil, let u = s.unit, counted.contains(u) {
                return (i, "has no quantity yet")
            }
            if s.rate == nil, s.kept.raw["rate"] == nil, s.quantity != nil, s.funding != Funding.none, let u = s.unit, counted.contains(u) {
                return (i, "has no rate yet")
            }
            return nil
        }
    }

    /// The bar: what is left or over, the cost a year and a week, one-off costs (when they
    /// fit in `width`), and the lines not counted yet, named with what they miss. A
    /// half-filled or unreadable line never hides the bar: the rest of the plan is costed.
    public static func text(_ plan: Plan, _ costing: Costing, typing: Bool = false, width: Int = .max, plain: Bool = false) -> (String, Style) {
        let suffix = typing ? " (typing)" : ""
        var costing = costing
        var missing: [Int: String] = [:]
        for (i, what) in halfFilled(plan) { missing[i] = what }
        for path in costing.unreadable where path.hasPrefix("supports[") {
            if let i = Int(path.dropFirst(9).prefix { $0.isNumber }), i < plan.supports.count {
                let field = path.split(separator: ".").last.map(String.init) ?? ""
                missing[i] = field == "per" ? (plain ? "needs how often it is paid" : "needs how often it is paid (Per)") : "\(field.replacingOccurrences(of: "_", with: " ")) cannot be read"
            }
        }
        if !missing.isEmpty {
            var rest = plan
            rest.supports = plan.supports.enumerated().filter { missing[$0.offset] == nil }.map(\.element)
            costing = Coster.cost(rest)
        }
        guard let t = costing.totals else {
            return ("! Cannot cost the plan yet: " + costing.unreadable.map { why($0, plan, plain: plain) }.joined(separator: "; "), .warning)
        }
        let counted = t.countedAgainstBudgetPence
        let week = missing.isEmpty ? " (\(Money.pounds(Coster.weekly(counted, costing.weeks))) a week)" : ""
        var text: String, style: Style
        if let final = t.budgetFinalPence, let remaining = t.remainingPence {
            if remaining < 0 {
                text = "✗ OVER by \(Money.pounds(-remaining)) a year · \(Money.pounds(counted)) of \(Money.pounds(final))\(week)"
                style = .error
            } else {
                text = "✓ \(Money.pounds(remaining)) left · \(Money.pounds(counted)) of \(Money.pounds(final)) a year\(week)"
                style = .good
            }
        } else {
            text = "! No final budget yet · costs \(Money.pounds(counted)) a year\(week)"
            style = .warning
        }
        if !missing.isEmpty {
            // The missing part first, then the money in short.
            let money = t.budgetFinalPence.map { "\(Money.pounds(counted)) of \(Money.pounds($0)) a year" }
                ?? "costs \(Money.pounds(counted)) a year"
            text = "! " + missing.keys.sorted().map { "\(name(plan, $0, plain: plain)) \(missing[$0]!)" }
                .joined(separator: "; ") + " · " + money
            if style == .good { style = .warning }
        }
        if t.oneOffPence > 0 {
            let oneOff = " · one-off \(Money.pounds(t.oneOffPence))"
            // One-off costs matter more than the weekly figure when both do not fit.
            if DisplayWidth.of(text + oneOff + suffix) > width, !week.isEmpty { text = text.replacingOccurrences(of: week, with: "") }
            text += oneOff
        }
        return (text + suffix, style)
    }
}
