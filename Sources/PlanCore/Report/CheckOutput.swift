/// `check` output: compiler-style text (`file:line:column: severity[rule]: message`) and JSON
/// Lines with findings and totals in pence (`shared/spec/cli.md`). Text output shows control
/// characters in file names and messages (which quote plan text) visibly (`SafeText`).

public enum CheckOutput {
    public static func text(_ r: CheckResult) -> String {
        var out = ""
        for f in r.findings {
            let pos = f.position ?? .start
            out += "\(SafeText.visible(r.file)):\(pos.line):\(pos.column): \(f.severity.rawValue)[\(f.rule.rawValue)]: "
                + SafeText.visible(f.message)
            out += f.acknowledged ? " (acknowledged)\n" : "\n"
            out += "  plain: \(SafeText.visible(f.plain))\n"
        }
        return out + summaryLine(r) + "\n"
    }

    /// `plans/mary.yaml: 1 error, 2 warnings (1 acknowledged)`.
    public static func summaryLine(_ r: CheckResult) -> String {
        let e = r.count(.error), w = r.count(.warning), i = r.count(.info)
        var s = "\(SafeText.visible(r.file)): \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
        let ackWarnings = r.findings.filter { $0.severity == .warning && $0.acknowledged }.count
        if ackWarnings > 0 { s += " (\(ackWarnings) acknowledged)" }
        if i > 0 { s += ", \(i) info" }
        return s
    }

    public static func json(_ r: CheckResult) -> String {
        var w = JSONWriter()
        w.object {
            $0.field("file") { $0.string(r.file) }
            $0.field("id") { $0.optionalString(r.plan?.id) }
            $0.field("version") { $0.optionalInt(r.plan?.version.map(Int64.init)) }
            $0.field("findings") { w in
                w.array(r.findings) { w, f in
                    w.object {
                        $0.field("rule") { $0.string(f.rule.rawValue) }
                        $0.field("severity") { $0.string(f.severity.rawValue) }
                        $0.field("line") { $0.int(Int64((f.position ?? .start).line)) }
                        $0.field("column") { $0.int(Int64((f.position ?? .start).column)) }
                        $0.field("path") { $0.string(f.path) }
                        $0.field("message") { $0.string(f.message) }
                        $0.field("plain") { $0.string(f.plain) }
                        $0.field("acknowledged") { $0.bool(f.acknowledged) }
                    }
                }
            }
            $0.field("totals") { w in
                guard let t = r.totals else { w.null(); return }
                totals(t, into: &w)
            }
            $0.field("summary") { w in
                w.object {
                    $0.field("errors") { $0.int(Int64(r.count(.error))) }
                    $0.field("warnings") { $0.int(Int64(r.count(.warning))) }
                    $0.field("info") { $0.int(Int64(r.count(.info))) }
                }
            }
        }
        return w.text
    }

    /// The six totals of the spec, in its order, then the payment frequency, the commitment
    /// per payment period and the direct payment per payment; `byFunding` adds the break-down.
    public static func totals(_ t: Totals, into w: inout JSONWriter, byFunding: Bool = false) {
        w.object {
            $0.field("recurring_annual_pence") { $0.int(t.recurringAnnualPence) }
            $0.field("recurring_weekly_pence") { $0.int(t.recurringWeeklyPence) }
            $0.field("one_off_pence") { $0.int(t.oneOffPence) }
            $0.field("counted_against_budget_pence") { $0.int(t.countedAgainstBudgetPence) }
            $0.field("budget_final_pence") { $0.optionalInt(t.budgetFinalPence) }
            $0.field("remaining_pence") { $0.optionalInt(t.remainingPence) }
            $0.field("payment") { $0.optionalString(t.payment?.rawValue) }
            $0.field("commitment_per_payment_pence") { $0.optionalInt(t.commitmentPerPaymentPence) }
            $0.field("direct_payment_per_payment_pence") { $0.optionalInt(t.directPaymentPerPaymentPence) }
            guard byFunding else { return }
            $0.field("by_funding") { w in
                w.array(t.byFunding) { w, f in
                    w.object {
                        $0.field("funding") { $0.string(f.funding.rawValue) }
                        $0.field("annual_pence") { $0.int(f.annualPence) }
                        $0.field("one_off_pence") { $0.int(f.oneOffPence) }
                    }
                }
            }
        }
    }
}
