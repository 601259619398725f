/// The live budget line on every screen: what the counted supports cost against the final
/// budget, a year and a week, and what is left or over, in words and symbols (never colour
/// alone). It follows a rate or quantity as it is typed.
import Foundation
import PlanCore
import TerminalKit

public enum BudgetBar {
    /// What stops the costing, in words: "S1 needs how often it is paid (Per)".
    static func why(_ path: String, _ plan: Plan) -> String {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        var who = "the plan"
        if path.hasPrefix("supports["), let i = Int(path.dropFirst(9).prefix { $0.isNumber }), i < plan.supports.count {
            who = plan.supports[i].id ?? "line \(i + 1)"
        }
        switch field {
        case "per": return "\(who) needs how often it is paid (Per)"
        case "rate", "quantity", "shared_by": return "\(who)'s \(field.replacingOccurrences(of: "_", with: " ")) cannot be read"
        case "weeks_per_year": return "weeks in a year must be 52 or 52.143"
        case "final": return "the final budget cannot be read"
        default: return "the amounts are too large to add up"
        }
    }

    public static func text(_ plan: Plan, _ costing: Costing, typing: Bool = false) -> (String, Style) {
        let weeks = costing.weeks
        let suffix = typing ? " (typing)" : ""
        guard let t = costing.totals else {
            return ("! Cannot cost the plan yet: " + costing.unreadable.map { why($0, plan) }.joined(separator: "; "), .warning)
        }
        let counted = t.countedAgainstBudgetPence
        let week = Money.pounds(Coster.weekly(counted, weeks))
        guard let final = t.budgetFinalPence, let remaining = t.remainingPence else {
            return ("! No final budget yet · costs \(Money.pounds(counted)) a year (\(week) a week)\(suffix)", .warning)
        }
        if remaining < 0 {
            return ("✗ OVER by \(Money.pounds(-remaining)) a year · \(Money.pounds(counted)) of \(Money.pounds(final)) (\(week) a week)\(suffix)",
                    .error)
        }
        return ("✓ \(Money.pounds(remaining)) left · \(Money.pounds(counted)) of \(Money.pounds(final)) a year (\(week) a week)\(suffix)",
                .good)
    }
}
