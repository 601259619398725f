/// Reads a plan file: text → YAML tree → `Plan`, with every reading problem reported
/// (`shared/spec/rules.md`, "Reading the file"), not just the first.

/// What reading a plan file gives.
public struct PlanReadResult: Sendable {
    /// The plan, or nil when the text is not YAML at all (then `findings` holds the `syntax` error).
    public var plan: Plan?
    /// Reading findings, with positions.
    public var findings: [Finding]
    /// The position of every path that was in the file, for placing rule findings.
    public var positions: [String: Position]

    /// False when the YAML is not a mapping at all (a list, a lone word, nothing): then only
    /// `format-unsupported` is reported, not every section as missing.
    public var isPlan = true

    /// True when the file could not be parsed as YAML: `check` exits 2.
    public var isUnparseable: Bool { plan == nil }

    /// The position for a path: its own, else its nearest parent's, else line 1.
    public func position(for path: String) -> Position {
        var p = path
        while true {
            if let pos = positions[p] { return pos }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return .start }
            p = String(p[..<cut])
        }
    }
}

public enum PlanReader {
    /// Reads plan text. Never throws: every problem is a finding. `keepingComments`: the file's
    /// comments are found and kept at their keys for a save (a check, which never writes, skips it).
    public static func read(_ text: String, keepingComments: Bool = true) -> PlanReadResult {
        let root: YAMLNode?
        let spans: [ScalarSpan]
        do {
            if keepingComments { (root, spans) = try YAMLReader.parseWithSpans(text) } else {
                root = try YAMLReader.parse(text)
                spans = []
            }
        } catch {
            let f = Finding(.syntax, path: "", position: error.position,
                            message: "the file is not valid YAML: \(error.problem)",
                            plain: "The file is damaged or mistyped near here, so it cannot be read.")
            return PlanReadResult(plan: nil, findings: [f], positions: [:])
        }
        let ctx = ReadContext()
        guard let root, case .mapping = root else {
            let pos = root?.position ?? .start
            ctx.report(.formatUnsupported, "format", at: pos,
                       "this is not a support plan: expected `format: \(Plan.supportedFormat)` and the plan's sections",
                       plain: "This file is not a support plan.")
            return PlanReadResult(plan: Plan(), findings: ctx.findings, positions: [:], isPlan: false)
        }
        let comments = keepingComments ? CommentMap(text: text, root: root, spans: spans) : nil
        ctx.comments = comments
        var plan = readPlan(FieldReader(root, path: "", known: Schema.top, ctx: ctx, section: "the plan"))
        if let comments { plan.kept.tail = comments.leftOver() + comments.tail }
        checkIDs(plan, ctx)
        return PlanReadResult(plan: plan, findings: ctx.findings, positions: ctx.positions)
    }

    static func readPlan(_ r: FieldReader) -> Plan {
        var p = Plan()
        p.format = r.text("format")
        if p.format != Plan.supportedFormat {
            let words = p.format.map { "'\($0)' is not a supported format" } ?? "`format:` is missing"
            r.ctx.report(.formatUnsupported, "format", at: r.node("format")?.position ?? .start,
                         "\(words); this program reads `format: \(Plan.supportedFormat)`",
                         plain: "The first line should say `format: \(Plan.supportedFormat)`.")
        }
        p.id = r.text("id")
        if let id = p.id, !PlanID.isValid(id) {
            r.ctx.report(.fieldInvalid, "id", at: r.node("id")?.position ?? .start,
                         "'\(PlanID.shown(id))' is not a plan id: \(PlanID.rule)",
                         plain: "The plan's reference should be capital letters, digits and dashes, like CA-2026-0412.")
            // Kept as written (a save loses nothing); no path or signature is ever built from it.
        }
        p.version = r.integer("version", in: 1...999_999, what: "the version number")
        p.status = r.word("status", PlanStatus.self)
        p.jurisdiction = r.word("jurisdiction", Jurisdiction.self)
        p.created = r.date("created")
        p.updated = r.date("updated")
        p.author = r.text("author")
        p.person = readPerson(r.section("person", known: Schema.person, name: "person"))
        p.plannedWith = r.list("planned_with", section: "a planned_with entry") { e in
            var x = Participant(name: e.text("name"), role: e.word("role", ParticipantRole.self))
            x.kept = e.kept
            return x
        }
        p.capacity = readCapacity(r.section("capacity", known: Schema.capacity, name: "capacity"))
        p.aboutMe = r.text("about_me")
        p.importantToMe = r.texts("important_to_me")
        p.importantForMe = r.texts("important_for_me")
        p.needs = r.list("needs", section: "a need", readNeed)
        p.outcomes = r.list("outcomes", section: "an outcome", readOutcome)
        p.supports = r.list("supports", section: "a support line", readSupport)
        p.employees = r.list("employees", section: "an employee", readEmployee)
        p.budget = readBudget(r.section("budget", known: Schema.budget, name: "budget"))
        p.risks = r.list("risks", section: "a risk") { e in
            var x = Risk()
            x.risk = e.text("risk")
            x.mitigation = e.text("mitigation")
            x.acceptedByPerson = e.bool("accepted_by_person")
            x.kept = e.kept
            return x
        }
        p.contingency = r.list("contingency", section: "a contingency entry") { e in
            var x = ContingencyEntry()
            x.when = e.text("when")
            x.then = e.text("then")
            x.kept = e.kept
            return x
        }
        let a = r.section("advice", known: Schema.advice, name: "advice")
        p.advice.meetOrReduce = a.text("meet_or_reduce")
        p.advice.preventOrDelay = a.text("prevent_or_delay")
        p.advice.kept = a.kept
        p.safeguarding = r.word("safeguarding", SafeguardingStatus.self)
        p.safeguardingReference = r.text("safeguarding_reference")
        let g = r.section("agreement", known: Schema.agreement, name: "agreement")
        p.agreement.status = g.word("status", AgreementStatus.self)
        p.agreement.date = g.date("date")
        p.agreement.personWords = g.text("person_words")
        p.agreement.copyTo = g.texts("copy_to")
        p.agreement.kept = g.kept
        let v = r.section("review", known: Schema.review, name: "review")
        p.review.first = v.date("first")
        p.review.next = v.date("next")
        p.review.last = v.date("last")
        p.review.kept = v.kept
        p.acknowledged = r.list("acknowledged", section: "an acknowledgement") { e in
            var x = Acknowledgement(rule: e.text("rule"), target: e.text("target"), reason: e.text("reason"))
            x.kept = e.kept
            if let rule = x.rule, RuleID(rawValue: rule) == nil {
                let hint = nearest(rule, in: RuleID.allCases.map(\.rawValue)).map { " Did you mean '\($0)'?" } ?? ""
                e.ctx.report(.fieldInvalid, e.child("rule"), at: e.node("rule")!.position,
                             "'\(rule)' is not a rule id.\(hint)",
                             plain: "This note is about a check the program does not know.")
            }
            if x.rule != nil && !x.reason.hasWords {
                e.ctx.report(.fieldInvalid, e.child("reason"), at: e.position,
                             "an acknowledged warning needs a `reason:` saying why it is accepted",
                             plain: "Write down why this is all right.")
            }
            return x
        }
        p.kept = r.kept
        return p
    }

    static func readPerson(_ r: FieldReader) -> Person {
        var x = Person()
        x.name = r.text("name")
        x.preferredName = r.text("preferred_name")
        x.dateOfBirth = r.date("date_of_birth")
        x.reference = r.text("reference")
        x.communication = r.text("communication")
        x.livesWith = r.text("lives_with")
        x.kept = r.kept
        return x
    }

    static func readCapacity(_ r: FieldReader) -> Capacity {
        var x = Capacity()
        x.hasCapacity = r.bool("has_capacity")
        x.substantialDifficulty = r.bool("substantial_difficulty")
        x.advocate = r.text("advocate")
        x.appropriatePerson = r.text("appropriate_person")
        x.bestInterests = r.text("best_interests")
        x.authorisedPerson = r.text("authorised_person")
        x.authorisedPersonBasis = r.word("authorised_person_basis", AuthorisedPersonBasis.self)
        x.kept = r.kept
        return x
    }

    static func readNeed(_ r: FieldReader) -> Need {
        var x = Need(id: r.text("id"))
        x.area = r.word("area", NeedArea.self)
        x.description = r.text("description")
        x.eligible = r.bool("eligible")
        x.unableBecause = r.words("unable_because", UnableBecause.self)
        x.kept = r.kept
        requireID(x.id, r, what: "need")
        return x
    }

    static func readOutcome(_ r: FieldReader) -> Outcome {
        var x = Outcome(id: r.text("id"))
        x.text = r.text("text")
        x.wellbeing = r.words("wellbeing", WellbeingArea.self)
        x.needs = r.texts("needs")
        x.kept = r.kept
        requireID(x.id, r, what: "outcome")
        return x
    }

    static func readSupport(_ r: FieldReader) -> Support {
        var x = Support(id: r.text("id"))
        x.what = r.text("what")
        x.kind = r.word("kind", SupportKind.self)
        x.onCost = r.word("on_cost", OnCostType.self)
        x.provider = r.text("provider")
        x.funding = r.word("funding", Funding.self)
        x.management = r.word("management", Management.self)
        x.rate = r.money("rate")
        x.unit = r.word("unit", CostUnit.self)
        x.quantity = r.hundredths("quantity", what: "a quantity")
        x.per = r.word("per", Period.self)
        x.start = r.date("start")
        x.end = r.date("end")
        x.meets = r.texts("meets")
        x.arrangedBy = r.text("arranged_by")
        x.sharedBy = r.integer("shared_by", in: 1...10_000, what: "how many people share the cost")
        x.employee = r.text("employee")
        x.hoursPerUnit = r.hundredths("hours_per_unit", what: "a number of hours")
        x.night = r.word("night", NightKind.self)
        x.payee = r.texts("payee")
        x.rateChanges = r.list("rate_changes", section: "a rate change") { e in
            var c = RateChange(from: e.date("from"), rate: e.money("rate"))
            c.kept = e.kept
            if (c.from == nil && e.kept.raw["from"] == nil) || (c.rate == nil && e.kept.raw["rate"] == nil) {
                e.ctx.report(.fieldInvalid, e.path, at: e.position, "a rate change needs both `from:` (a date) and `rate:` (money)",
                             plain: "Say from which day the new rate is paid, and the new rate.")
            }
            return c
        }
        let pa = r.section("pa", known: Schema.pa, name: "pa")
        x.pa.age = pa.integer("age", in: 0...120, what: "the PA's age in years")
        x.pa.regularHours = pa.bool("regular_hours")
        x.pa.relativeInHousehold = pa.bool("relative_in_household")
        x.pa.necessaryException = pa.text("necessary_exception")
        x.pa.kept = pa.kept
        x.kept = r.kept
        requireID(x.id, r, what: "support line")
        if x.isPaid && x.per == nil && r.kept.raw["per"] == nil {
            r.ctx.report(.fieldInvalid, r.child("per"), at: r.keyPosition("rate"),
                         "a paid line needs `per:` (week, 4-weeks, month, year or once) so it can be costed",
                         plain: "Say how often this is paid for: every week, every 4 weeks, every month, every year or once.")
        }
        return x
    }

    static func readEmployee(_ r: FieldReader) -> Employee {
        var x = Employee(id: r.text("id"))
        x.name = r.text("name")
        x.dateOfBirth = r.date("date_of_birth")
        x.start = r.date("start")
        x.regularHours = r.bool("regular_hours")
        x.apprentice = r.bool("apprentice")
        x.relativeInHousehold = r.bool("relative_in_household")
        x.necessaryException = r.text("necessary_exception")
        x.kept = r.kept
        requireID(x.id, r, what: "employee")
        return x
    }

    static func readBudget(_ r: FieldReader) -> Budget {
        var x = Budget()
        if let s = r.scalar("weeks_per_year", what: "52 or 52.143") {
            x.weeksPerYear = WeeksPerYear(text: s)
            if x.weeksPerYear == nil {
                r.keepRaw("weeks_per_year", r.node("weeks_per_year"))
                r.ctx.report(.fieldInvalid, r.child("weeks_per_year"), at: r.node("weeks_per_year")!.position,
                             "'weeks_per_year' is '\(s)'; it must be 52 or 52.143",
                             plain: "Weeks in a year must be 52 or 52.143.")
            }
        }
        x.indicative = r.money("indicative")
        x.final = r.money("final")
        x.personContribution = r.money("person_contribution")
        x.councilContribution = r.money("council_contribution")
        x.justification = r.text("justification")
        x.payment = r.word("payment", PaymentFrequency.self)
        x.payer = r.texts("payer")
        x.employmentAllowance = r.bool("employment_allowance")
        x.payroll = r.word("payroll", PaymentFrequency.self)
        let period = r.section("period", known: Schema.period, name: "budget.period")
        x.period = BudgetPeriod(from: period.date("from"), to: period.date("to"))
        x.period.kept = period.kept
        if let from = x.period.from, let to = x.period.to, to < from {
            r.ctx.report(.fieldInvalid, period.child("to"), at: period.node("to")!.position,
                         "`budget.period` ends on \(to), before it starts on \(from)",
                         plain: "The budget period ends before it starts.")
        }
        x.reserveWeeks = r.hundredths("reserve_weeks", what: "a number of weeks")
        x.previousFinal = r.money("previous_final")
        x.changeReason = r.text("change_reason")
        x.kept = r.kept
        return x
    }

    static func requireID(_ id: String?, _ r: FieldReader, what: String) {
        guard id == nil, r.kept.raw["id"] == nil else { return }
        r.ctx.report(.fieldInvalid, r.child("id"), at: r.position,
                     "this \(what) has no `id:`; give it a short id such as N1, O1 or S1",
                     plain: "Each item needs a short name, like N1, so other parts of the plan can point to it.")
    }

    /// `duplicate-id` (at each later use) and `reference-unknown`.
    static func checkIDs(_ p: Plan, _ ctx: ReadContext) {
        func dupes(_ ids: [String?], _ list: String) {
            var seen: Set<String> = []
            for (i, id) in ids.enumerated() {
                guard let id else { continue }
                if !seen.insert(id).inserted {
                    let path = "\(list)[\(i)].id"
                    ctx.report(.duplicateID, path, at: ctx.positions[path] ?? .start,
                               "the id '\(id)' is used twice in \(list); give each entry its own id",
                               plain: "Two items have the same name '\(id)'. Each needs its own.")
                }
            }
        }
        dupes(p.needs.map(\.id), "needs")
        dupes(p.outcomes.map(\.id), "outcomes")
        dupes(p.supports.map(\.id), "supports")
        dupes(p.employees.map(\.id), "employees")
        let employeeIDs = Set(p.employees.compactMap(\.id))
        for (i, s) in p.supports.enumerated() {
            guard let e = s.employee, !employeeIDs.contains(e) else { continue }
            let path = "supports[\(i)].employee"
            let hint = nearest(e, in: Array(employeeIDs)).map { " Did you mean '\($0)'?" } ?? ""
            ctx.report(.referenceUnknown, path, at: ctx.positions[path] ?? .start,
                       "support \(s.id ?? "?") names employee '\(e)', which is not in the plan's `employees:`.\(hint)",
                       plain: "This line points to a PA '\(e)' who is not in the list of people you employ.")
        }
        let needIDs = Set(p.needs.compactMap(\.id))
        let outcomeIDs = Set(p.outcomes.compactMap(\.id))
        for (i, o) in p.outcomes.enumerated() {
            for (j, n) in o.needs.enumerated() where !needIDs.contains(n) {
                let path = "outcomes[\(i)].needs[\(j)]"
                ctx.report(.referenceUnknown, path, at: ctx.positions[path] ?? .start,
                           "outcome \(o.id ?? "?") names need '\(n)', which is not in the plan's needs",
                           plain: "This goal points to a need '\(n)' that is not in the plan.")
            }
        }
        for (i, s) in p.supports.enumerated() {
            for (j, n) in s.meets.enumerated() where !needIDs.contains(n) && !outcomeIDs.contains(n) {
                let path = "supports[\(i)].meets[\(j)]"
                let hint = nearest(n, in: p.needs.compactMap(\.id) + p.outcomes.compactMap(\.id)).map { " Did you mean '\($0)'?" } ?? ""
                ctx.report(.referenceUnknown, path, at: ctx.positions[path] ?? .start,
                           "support \(s.id ?? "?") meets '\(n)', which is neither a need nor an outcome in the plan.\(hint)",
                           plain: "This support points to '\(n)', which is not in the plan.")
            }
        }
    }
}
