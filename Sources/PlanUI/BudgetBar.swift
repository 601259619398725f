/// The live budget line on every screen: what the counted supports cost against the final
/// budget, a year and a week, and what is left or over, in words and symbols (never colour
/// alone). It follows a rate or quantity as it is typed.
import PlanCore
import TerminalKit

public enum BudgetBar {
    public static func text(_ plan: Plan, _ costing: Costing, typing: Bool = false) -> (String, Style) {
        let weeks = costing.weeks
        let suffix = typing ? " (typing)" : ""
        guard let t = costing.totals else {
            return ("! Costs cannot be worked out yet: put right \(costing.unreadable.joined(separator: ", "))", .warning)
        }
        let counted = t.countedAgainstBudgetPence
        let week = Money.pounds(Coster.weekly(counted, weeks))
        guard let final = t.budgetFinalPence, let remaining = t.remainingPence else {
            return ("! No final budget yet · supports cost \(Money.pounds(counted)) a year (\(week) a week)\(suffix)", .warning)
        }
        if remaining < 0 {
            return ("✗ OVER by \(Money.pounds(-remaining)) a year · \(Money.pounds(counted)) of \(Money.pounds(final)) (\(week) a week)\(suffix)",
                    .error)
        }
        return ("✓ \(Money.pounds(remaining)) left · \(Money.pounds(counted)) of \(Money.pounds(final)) a year (\(week) a week)\(suffix)",
                .good)
    }
}
