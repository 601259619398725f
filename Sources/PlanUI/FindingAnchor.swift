/// Where a finding belongs on the form: the field at fault. An exact field first, then the
/// nearest field or entry row that holds the path, then (for a finding about a whole entry)
/// the entry's first field. Never the "Delete this …" row. Markers sit on this row and Enter
/// on a finding goes to it.
import PlanCore

enum FindingAnchor {
    /// The field a rule's finding about a whole support is put right in.
    static let fieldOfRule: [RuleID: String] = [.paBelowMinimumWage: "rate", .wageTableEnds: "rate"]

    /// The path a finding points at: its own, or the field its rule is put right in.
    static func path(of f: Finding) -> String {
        guard let field = fieldOfRule[f.rule], f.path.last == "]" else { return f.path }
        return f.path + "." + field
    }

    static func row(for f: Finding, in rows: [FieldRow]) -> Int? { row(for: path(of: f), in: rows) }

    static func row(for path: String, in rows: [FieldRow]) -> Int? {
        func usable(_ r: FieldRow) -> Bool {
            switch r.action {
            case .deleteEntry, .onCostCalculator: return false
            default: return !r.path.isEmpty
            }
        }
        if let i = rows.firstIndex(where: { usable($0) && $0.path == path && $0.action == nil }) { return i }
        if let i = rows.firstIndex(where: { usable($0) && $0.path == path }) { return i }
        let holders = rows.indices.filter { i in
            usable(rows[i]) && (path.hasPrefix(rows[i].path + ".") || path.hasPrefix(rows[i].path + "["))
        }
        if let best = holders.max(by: { rows[$0].path.count < rows[$1].path.count }) { return best }
        return rows.firstIndex { usable($0) && $0.action == nil && ($0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[")) }
    }
}
