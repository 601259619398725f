/// `supportplan caseload --json`: the caseload as one JSON object, money in pence.
public enum CaseloadJSON {
    public static func text(_ c: Caseload) -> String {
        var w = JSONWriter()
        w.object {
            $0.field("today") { $0.string(c.today.description) }
            $0.field("review_window_days") { $0.int(Int64(c.window)) }
            $0.field("underspend_percent") { $0.number(c.underspendPercent.description) }
            $0.field("reviews_due") { w in w.array(c.reviewsDue) { w, i in item(&w, i, days: "days_until_due", date: "review_due") } }
            $0.field("over_budget") { w in w.array(c.overBudget) { w, i in item(&w, i, pence: "over_pence") } }
            $0.field("under_budget") { w in w.array(c.underBudget) { w, i in item(&w, i, pence: "unplanned_pence") } }
            $0.field("waiting") { w in w.array(c.waiting) { w, i in item(&w, i, days: "days_waiting", date: "submitted_on") } }
            $0.field("store") { totals(&$0, c.store) }
            $0.field("authors") { w in
                w.array(c.authors) { w, a in
                    w.object {
                        $0.field("author") { $0.string(a.author) }
                        $0.field("totals") { totals(&$0, a.totals) }
                    }
                }
            }
            $0.field("by_review_month") { w in w.array(c.byReviewMonth) { w, t in total(&w, t) } }
            $0.field("still_checking") { $0.int(Int64(c.checking)) }
        }
        return w.text
    }

    static func item(_ w: inout JSONWriter, _ i: Caseload.Item, days: String? = nil, date: String? = nil, pence: String? = nil) {
        w.object {
            $0.field("file") { $0.string(i.path) }
            $0.field("id") { $0.string(i.id) }
            $0.field("person") { $0.string(i.person) }
            $0.field("author") { $0.string(i.author) }
            if let days { $0.field(days) { $0.int(Int64(i.days)) } }
            if let date { $0.field(date) { w in if i.date.isEmpty { w.null() } else { w.string(i.date) } } }
            if let pence { $0.field(pence) { $0.int(i.pence) } }
            $0.field("budget_pence") { $0.optionalInt(i.budgetPence) }
        }
    }

    static func totals(_ w: inout JSONWriter, _ t: Caseload.Totals) {
        w.object {
            $0.field("plans") { $0.int(Int64(t.plans)) }
            $0.field("annual_pence") { $0.int(t.annualPence) }
            $0.field("one_off_pence") { $0.int(t.oneOffPence) }
            $0.field("by_funding") { w in w.array(t.byFunding) { w, x in total(&w, x) } }
            $0.field("by_provider") { w in w.array(t.byProvider) { w, x in total(&w, x) } }
            $0.field("by_kind") { w in w.array(t.byKind) { w, x in total(&w, x) } }
        }
    }

    static func total(_ w: inout JSONWriter, _ t: Caseload.Total) {
        w.object {
            $0.field("name") { $0.string(t.key) }
            $0.field("annual_pence") { $0.int(t.annualPence) }
            $0.field("one_off_pence") { $0.int(t.oneOffPence) }
            $0.field("plans") { $0.int(Int64(t.plans)) }
        }
    }
}
