/// `supportplan totals --json`: one plan's costing as one JSON object — each paid line's cost
/// and the totals (with the break-down by funding source), every amount in pence.
public enum CostingJSON {
    public static func json(_ plan: Plan, _ costing: Costing, file: String) -> String {
        var w = JSONWriter()
        w.object {
            $0.field("file") { $0.string(file) }
            $0.field("id") { $0.optionalString(plan.id) }
            $0.field("version") { $0.optionalInt(plan.version.map(Int64.init)) }
            $0.field("lines") { w in
                w.array(costing.lines) { w, line in
                    let support = plan.supports[line.index]
                    w.object {
                        $0.field("id") { $0.optionalString(line.id) }
                        $0.field("what") { $0.optionalString(support.what ?? support.kind?.rawValue) }
                        $0.field("funding") { $0.optionalString(line.funding?.rawValue) }
                        $0.field("weekly_pence") { $0.optionalInt(line.weeklyPence) }
                        $0.field("annual_pence") { $0.optionalInt(line.annualPence) }
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
}
