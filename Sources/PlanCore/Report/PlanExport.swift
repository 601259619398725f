/// `supportplan export`: the support lines as CSV for spreadsheets (RFC 4180, money as plain
/// decimals so a spreadsheet reads numbers), and the whole plan with its costing as JSON
/// (money in integer pence), described by `docs/plan-export.schema.json`. CSV text cells that a
/// spreadsheet would run as a formula get a leading `'` (`SafeText.csvText`).

public enum PlanExport {
    public static let csvHeader = [
        "plan_id", "line_id", "what", "kind", "provider", "funding", "management", "rate", "unit", "quantity", "per",
        "shared_by", "weekly", "annual", "one_off", "counted_against_budget",
    ]

    /// The CSV columns that hold text (the others are money and numbers, which stay numbers).
    public static let csvTextColumns: Set<Int> = [0, 1, 2, 3, 4, 5, 6, 8, 10, 15]

    /// One row per support line (paid or not); costs empty for unpaid lines. Text cells are made
    /// safe for spreadsheets and terminals (`SafeText.csvText`).
    public static func csvRows(_ plan: Plan, _ costing: Costing) -> [[String]] {
        plan.supports.enumerated().map { i, s in
            let line = costing.line(i)
            let row = [
                plan.id ?? "", s.id ?? "", s.what ?? "", s.kind?.rawValue ?? "", s.provider ?? "", s.funding?.rawValue ?? "",
                s.management?.rawValue ?? "", s.rate?.plainText ?? "", s.unit?.rawValue ?? "",
                s.quantity?.description ?? (s.isPaid ? "1" : ""), s.per?.rawValue ?? "", s.sharedBy.map(String.init) ?? (s.isPaid ? "1" : ""),
                line?.weeklyPence.map { Money(pence: $0).plainText } ?? "",
                line?.annualPence.map { Money(pence: $0).plainText } ?? "",
                line?.oneOffPence.map { Money(pence: $0).plainText } ?? "",
                line.map { $0.counted ? "yes" : "no" } ?? "",
            ]
            return row.enumerated().map { c, cell in csvTextColumns.contains(c) ? SafeText.csvText(cell) : cell }
        }
    }

    /// RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends.
    public static func csv(_ rows: [[String]], header: Bool = true, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in (header ? [csvHeader] : []) + rows {
            out += row.map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    static let moneyKeys: Set<String> = ["rate", "indicative", "final", "person_contribution", "council_contribution",
                                         "previous_final"]
    static let numberKeys: Set<String> = ["quantity", "reserve_weeks", "weeks_per_year", "version", "shared_by", "age", "hours_per_unit"]
    static let boolKeys: Set<String> = ["eligible", "has_capacity", "substantial_difficulty", "regular_hours",
                                        "relative_in_household", "employment_allowance", "accepted_by_person", "apprentice"]

    /// The whole plan, its lines' costs and its totals, as one JSON object.
    public static func json(_ plan: Plan, _ costing: Costing, file: String) -> String {
        var w = JSONWriter()
        w.object {
            $0.field("file") { $0.string(file) }
            $0.field("id") { $0.optionalString(plan.id) }
            $0.field("version") { $0.optionalInt(plan.version.map(Int64.init)) }
            $0.field("plan") { w in object(PlanWriter.topLevel(plan), into: &w) }
            $0.field("lines") { w in
                w.array(costing.lines) { w, line in
                    w.object {
                        $0.field("id") { $0.optionalString(line.id) }
                        $0.field("funding") { $0.optionalString(line.funding?.rawValue) }
                        $0.field("annual_pence") { $0.optionalInt(line.annualPence) }
                        $0.field("weekly_pence") { $0.optionalInt(line.weeklyPence) }
                        $0.field("one_off_pence") { $0.optionalInt(line.oneOffPence) }
                        $0.field("counted") { $0.bool(line.counted) }
                    }
                }
            }
            $0.field("totals") { w in
                guard let t = costing.totals else { w.null(); return }
                CheckOutput.totals(t, into: &w, byFunding: true)
            }
        }
        return w.text
    }

    static func object(_ pairs: [(String, OutNode)], into w: inout JSONWriter) {
        w.object { w in
            for (key, noted) in pairs {
                let value = noted.bare  // comments are not exported
                if case .scalar(let text, _) = value {
                    if moneyKeys.contains(key), case .success(let m) = Money.parse(text) {
                        w.field(key + "_pence") { $0.int(m.pence) }
                        continue
                    }
                    if key == "weeks_per_year", let weeks = WeeksPerYear(text: text) {
                        w.field(key) { $0.number(weeks.text) }
                        continue
                    }
                    if numberKeys.contains(key), case .success(let q) = Hundredths.parse(text) {
                        w.field(key) { $0.number(q.description) }
                        continue
                    }
                    if boolKeys.contains(key), text == "true" || text == "false" {
                        w.field(key) { $0.bool(text == "true") }
                        continue
                    }
                }
                w.field(key) { node(value, into: &$0) }
            }
        }
    }

    static func node(_ n: OutNode, into w: inout JSONWriter) {
        switch n {
        case .scalar(let s, _): w.string(s)
        case .flow(let items, _): w.array(items) { $0.string($1) }
        case .block(let items): w.array(items) { node($1, into: &$0) }
        case .map(let pairs): object(pairs, into: &w)
        case .empty(let list): if list { w.array([String]()) { $0.string($1) } } else { w.null() }
        case .noted(let inner, _): node(inner, into: &w)
        }
    }
}

extension String {
    func replacingAll(_ a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
