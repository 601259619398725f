/// The "Money so far" screen's state (issue 18, docs/spend.md "The \"Money so far\" screen"):
/// one plan's `SpendReport` (periods, each line planned against spent, the forecast, the
/// findings, the unmatched transactions), what is chosen, and the boxes for saying what an
/// unmatched transaction was for. Its words, professional and plain, are in `MoneySoFarWords`.
import PlanCore
import TerminalKit

public struct MoneySoFarState: Sendable, Equatable {
    public var planID: String
    public var plan: Plan
    /// Nil until a statement has been imported (`supportplan spend import`).
    public var report: SpendReport?
    public var plainLanguage: Bool
    /// The chosen unmatched transaction.
    public var selected = 0
    /// The first body line shown.
    public var top = 0
    public var size = Size(width: 80, height: 24)
    public var showHelp = false
    /// The line picker: the transaction it is for, and the chosen line.
    public var picking: Picking?
    /// The "not for care" box: the transaction it is for, and the reason being typed.
    public var reason: ReasonBox?
    public var status: String

    public struct Picking: Sendable, Equatable {
        public var transaction: String
        public var selected = 0
    }

    public struct ReasonBox: Sendable, Equatable {
        public var transaction: String
        public var field = TextField()
    }

    public init(planID: String, plan: Plan, report: SpendReport?, plainLanguage: Bool = false) {
        self.planID = planID
        self.plan = plan
        self.report = report
        self.plainLanguage = plainLanguage
        status = ""
        status = defaultStatus
    }

    var words: MoneySoFarWords { MoneySoFarWords(plain: plainLanguage) }

    var defaultStatus: String {
        guard let r = report else { return words.noStatement(planID) }
        return r.unmatched.isEmpty ? words.allMatched : words.assignHint
    }

    var unmatched: [MatchedTransaction] { report?.unmatched ?? [] }

    /// The paid lines a transaction can be assigned to, with their names in words.
    var lineChoices: [(id: String, words: String)] {
        var seen = Set<String>()
        return plan.supports.compactMap { s in
            guard s.isPaid, let id = s.id, id.hasWords, !seen.contains(id) else { return nil }
            seen.insert(id)
            let what = SafeText.visible((s.what ?? s.provider ?? "").split(whereSeparator: \.isNewline).joined(separator: " "))
            return (id, what.hasWords ? "\(id)  \(what)" : id)
        }
    }

    // MARK: Layout

    /// The forecast sentence wrapped to the screen (at most 3 rows).
    func forecastRows(_ size: Size) -> [String] {
        guard let r = report else { return [] }
        return Array(TextWrap.lines(words.forecast(r, plan: plan), width: size.width - 2).prefix(3))
    }

    /// How many unmatched transactions the pane at the bottom shows at once.
    func paneRows(_ size: Size) -> Int {
        guard !unmatched.isEmpty else { return 0 }
        return min(unmatched.count, size.height >= 30 ? 8 : size.height >= 24 ? 3 : 2)
    }

    /// The body's rows: from below the forecast to above the "more" line.
    func bodyHeight(_ size: Size) -> Int {
        let forecast = forecastRows(size).count
        return max(1, size.height - (2 + forecast) - 1 - (1 + paneRows(size)) - 2)
    }

    func lastTop(_ size: Size) -> Int { max(0, MoneySoFarView.body(self, width: size.width - 2).count - bodyHeight(size)) }
}

/// The screen's words: professional, or plain (`--plain-language`, or p / F9 on the screen).
struct MoneySoFarWords: Sendable {
    var plain: Bool

    var title: String { plain ? "Your money so far" : "Money so far" }
    func noStatement(_ id: String) -> String {
        plain ? "No bank statement yet. Ask for it to be added with: supportplan spend import \(id) FILE.csv"
            : "No statement imported yet: supportplan spend import \(id) STATEMENT.csv"
    }
    var allMatched: String {
        plain ? "Every payment is matched. Esc goes back." : "Every transaction is matched. Esc goes back."
    }
    var assignHint: String {
        plain ? "↑/↓ choose · Enter: what it paid for · n: not for care"
            : "↑/↓ choose · Enter or l: a line · n: not for care"
    }
    func balance(_ r: SpendReport) -> String {
        plain ? "Money in the account on \(r.asOf.spoken): \(Money.pounds(r.balancePence))"
            : "Balance on \(r.asOf.spoken): \(Money.pounds(r.balancePence))"
    }
    func periodsHeading(_ payment: PaymentFrequency?) -> String {
        switch payment {
        case .weekly?: return plain ? "EACH WEEK" : "PAYMENT PERIODS (WEEKLY)"
        case .monthly?: return plain ? "EACH MONTH" : "PAYMENT PERIODS (MONTHLY)"
        default: return plain ? "EACH 4 WEEKS" : "PAYMENT PERIODS (4-WEEKLY)"
        }
    }
    var period: String { plain ? "Dates" : "Period" }
    var moneyIn: String { plain ? "Paid in" : "Money in" }
    var moneyOut: String { plain ? "Paid out" : "Money out" }
    var unplanned: String { plain ? "Not in plan" : "Unplanned" }
    var balanceColumn: String { plain ? "Left" : "Balance" }
    var broughtForward: String { plain ? "At the start" : "Brought forward" }
    var linesHeading: String { plain ? "WHAT YOU SPENT AND WHAT YOU PLANNED" : "EACH LINE: SPENT SO FAR OF PLANNED SO FAR" }
    func difference(_ pence: Int64) -> String {
        if plain {
            if pence == 0 { return "as planned" }
            return "\(Money.pounds(abs(pence))) \(pence > 0 ? "more" : "less")"
        }
        return pence > 0 ? "+" + Money.pounds(pence) : Money.pounds(pence)
    }
    var findingsHeading: String { plain ? "THINGS TO LOOK AT" : "FINDINGS" }
    var noFindings: String { plain ? "Nothing to look at." : "✓ No findings on the money in use." }
    func unmatchedHeading(_ n: Int) -> String {
        if n == 0 { return plain ? "Every payment is matched." : "Every transaction is matched to a line, the council, or not for care." }
        return plain ? "Payments we could not match: \(n)" : "Unmatched: \(n) transaction\(n == 1 ? "" : "s") matching nothing in the plan"
    }
    func forecast(_ r: SpendReport, plan: Plan) -> String {
        // No forecast: in plain words, what the findings say is missing (no field names).
        if plain, !r.forecast.unknown.isEmpty {
            let why = r.findings.filter { $0.rule == .spendStatementGap || $0.rule == .spendForecastUnknown }.map(\.plain)
            if !why.isEmpty { return why.joined(separator: " ") }
        }
        let s = SpendOutput.sentence(r, reserveWeeks: plan.budget.reserveWeeks)
        return plain ? s.replacingOccurrences(of: "At this rate", with: "If you keep spending like this,") : s
    }
    var pickTitle: String { plain ? "What did it pay for?" : "Assign to a line" }
    var reasonTitle: String { "Not for care" }
    var reasonAsk: String { plain ? "Why was it not for care?" : "Why was it not for care? (kept with the choice)" }
    /// After a choice is kept: `what` is the transaction, `line` the line's id.
    func assigned(_ what: String, line: String) -> String {
        plain ? "Saved: \(what) paid for \(line)." : "Kept in assigned.yaml: \(what) pays for \(line)."
    }
    func notForCare(_ what: String) -> String {
        plain ? "Saved: \(what) was not for care." : "Kept in assigned.yaml: \(what) is not for care."
    }
}
