/// The demo in plain line mode: the same fields as numbered prompts, one line each, no
/// cursor addressing. What the guided mode will build on.
import PlanCore
import TerminalKit

enum DemoLineMode {
    static func run(_ t: LineTerminal, reason: String) -> Int32 {
        t.say("SupportPlan terminal check, in plain line mode (\(reason)).")
        t.say("Answer each question and press Enter. End of input stops.")
        guard let name = t.ask("1. Name:") else { return 0 }
        var weekly: Money?
        while weekly == nil {
            guard let answer = t.ask("2. Weekly cost, like 24.10 or £1,234.50:") else { return 0 }
            switch Money.parse(answer) {
            case .success(let m): weekly = m
            case .failure(let p): t.say("That amount \(p.words). Please try again.")
            }
        }
        let kinds = ["Personal assistant", "Agency", "Day service", "Equipment"]
        guard let kind = t.choose("3. What kind of help is it?", options: kinds) else { return 0 }
        let over = weekly!.pence > 50_000
        t.say("Thank you. \(name.isEmpty ? "(no name)" : name): \(kinds[kind]), \(weekly!) a week, "
              + (over ? "over the £500.00 a week budget." : "within the £500.00 a week budget."))
        return 0
    }
}
