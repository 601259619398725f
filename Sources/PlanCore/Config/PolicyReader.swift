/// Reads a store's `config.yaml` into a `Policy`. Every problem is reported with its position,
/// like a plan's. Lists given in the file replace the defaults, except `minimum_wage`, whose
/// rows are added to the built-in table (a row with the same `from` date replaces it). An
/// empty list (`not_allowed: []`) empties that list.

public enum PolicyReader {
    public static let keys = ["underspend_percent", "reserve_weeks_limit", "not_allowed", "signer_levels",
                              "minimum_wage", "employer_rates", "state_pension_age", "one_off_authorisation",
                              "jargon", "signers", "return_reasons", "allow_self_approval", "shared", "max_file_bytes",
                              "spend_line_over_percent", "spend_line_unpaid_weeks"]
    static let employerKeys = ["from", "ni_percent", "ni_threshold", "ni_upper_threshold", "employment_allowance",
                               "pension_percent", "pension_trigger", "pension_lower", "pension_upper", "holiday_weeks"]
    static let thresholdKeys = ["week", "four_weeks", "month", "year"]
    static let pensionAgeKeys = ["born_from", "years", "months"]
    static let signerKeys = ["name", "role", "level", "key_id", "public_key", "from", "until"]
    static let reasonKeys = ["code", "words"]
    static let levelKeys = ["name", "up_to"]
    static let wageKeys = ["from", "age_21_plus", "age_18_to_20", "under_18"]
    static let jargonKeys = ["term", "plain"]

    public static func read(_ text: String) -> (Policy, [Finding]) {
        var policy = Policy()
        let root: YAMLNode?
        do { root = try YAMLReader.parse(text) } catch {
            return (policy, [Finding(.syntax, path: "", position: error.position,
                                     message: "config.yaml is not valid YAML: \(error.problem)",
                                     plain: "The settings file is damaged near here.")])
        }
        let ctx = ReadContext()
        let r = FieldReader(root, path: "", known: keys, ctx: ctx, section: "config.yaml")
        if let v = r.hundredths("underspend_percent", what: "a percentage") { policy.underspendPercent = v }
        if let v = r.hundredths("reserve_weeks_limit", what: "a number of weeks") { policy.reserveWeeksLimit = v }
        if let v = r.hundredths("spend_line_over_percent", what: "a percentage") { policy.spendLineOverPercent = v }
        if let v = r.hundredths("spend_line_unpaid_weeks", what: "a number of weeks") { policy.spendLineUnpaidWeeks = v }
        if let v = r.integer("max_file_bytes", in: 1_000...100_000_000, what: "a size in bytes") { policy.maxFileBytes = v }
        if r.has("not_allowed") { policy.notAllowed = r.texts("not_allowed") }
        let levels = r.list("signer_levels", section: "a signer level", known: levelKeys) { e -> SignerLevel? in
            guard let name = e.text("name") else { return nil }
            return SignerLevel(name: name, upTo: e.money("up_to"))
        }
        if r.has("signer_levels") { policy.signerLevels = levels.compactMap { $0 } }
        let rows = r.list("minimum_wage", section: "a minimum wage row", known: wageKeys) { e -> WageRow? in
            guard let from = e.date("from"), let adult = e.money("age_21_plus"), let youth = e.money("age_18_to_20"),
                  let young = e.money("under_18") else {
                ctx.report(.fieldInvalid, e.path, at: e.position,
                           "a minimum wage row needs from, age_21_plus, age_18_to_20 and under_18",
                           plain: "This row of the wage table is not complete.")
                return nil
            }
            return WageRow(from: from, adult: adult, youth: youth, underEighteen: young)
        }
        for row in rows.compactMap({ $0 }) {
            policy.wageTable.removeAll { $0.from == row.from }
            policy.wageTable.append(row)
        }
        policy.wageTable.sort { $0.from < $1.from }
        if let v = r.money("one_off_authorisation") { policy.oneOffAuthorisation = v }
        let employerRows = r.list("employer_rates", section: "an employer rates row", known: employerKeys) { e -> EmployerRateRow? in
            guard let from = e.date("from") else {
                ctx.report(.fieldInvalid, e.path, at: e.position, "an employer rates row needs `from:` (the date it starts)",
                           plain: "Say from which day these rates apply.")
                return nil
            }
            // Keys left out keep the figures of the row in force the day before.
            var row = policy.employerRates(on: from.adding(days: -1))
            row.from = from
            if let v = e.hundredths("ni_percent", what: "a percentage") { row.niPercent = v }
            if let v = thresholds(e, "ni_threshold", row.niThreshold) { row.niThreshold = v }
            if let v = thresholds(e, "ni_upper_threshold", row.niUpperThreshold) { row.niUpperThreshold = v }
            if let v = e.money("employment_allowance") { row.employmentAllowance = v }
            if let v = e.hundredths("pension_percent", what: "a percentage") { row.pensionPercent = v }
            if let v = thresholds(e, "pension_trigger", row.pensionTrigger) { row.pensionTrigger = v }
            if let v = thresholds(e, "pension_lower", row.pensionLower) { row.pensionLower = v }
            if let v = thresholds(e, "pension_upper", row.pensionUpper) { row.pensionUpper = v }
            if let v = e.hundredths("holiday_weeks", what: "a number of weeks") { row.holidayWeeks = v }
            return row
        }
        for row in employerRows.compactMap({ $0 }) {
            policy.employerRates.removeAll { $0.from == row.from }
            policy.employerRates.append(row)
        }
        policy.employerRates.sort { $0.from < $1.from }
        let ages = r.list("state_pension_age", section: "a State Pension age row", known: pensionAgeKeys) { e -> StatePensionAgeRow? in
            guard let born = e.date("born_from"), let years = e.integer("years", in: 55...80, what: "years") else {
                ctx.report(.fieldInvalid, e.path, at: e.position, "a State Pension age row needs born_from and years (months is optional)",
                           plain: "This row of the State Pension age table is not complete.")
                return nil
            }
            return StatePensionAgeRow(bornFrom: born, years: years, months: e.integer("months", in: 0...11, what: "months") ?? 0)
        }
        for row in ages.compactMap({ $0 }) {
            policy.statePensionAge.removeAll { $0.bornFrom == row.bornFrom }
            policy.statePensionAge.append(row)
        }
        policy.statePensionAge.sort { $0.bornFrom < $1.bornFrom }
        let terms = r.list("jargon", section: "a jargon term", known: jargonKeys) { e -> JargonTerm? in
            guard let term = e.text("term"), let plain = e.text("plain") else { return nil }
            return JargonTerm(term, plain)
        }
        if r.has("jargon") { policy.jargon = terms.compactMap { $0 } }
        let signers = r.list("signers", section: "a signer", known: signerKeys) { e -> Signer? in
            guard let name = e.text("name"), let level = e.text("level"), let keyID = e.text("key_id"),
                  let publicKey = e.text("public_key") else {
                ctx.report(.fieldInvalid, e.path, at: e.position,
                           "a signer needs name, level, key_id and public_key; add signers with `supportplan signer add KEY.pub`",
                           plain: "This approver's entry is not complete.")
                return nil
            }
            let role = e.text("role") ?? ""
            for (key, value) in [("name", name), ("role", role)] where !SignerText.isPlain(value) {
                ctx.report(.fieldInvalid, e.child(key), at: e.node(key)?.position ?? e.position,
                           "a signer's \(key) may not hold quotes, backslashes or control characters",
                           plain: "This approver's \(key) has a character that cannot go in a signature.")
                return nil
            }
            guard let key = try? MinisignPublicKey(base64Line: publicKey), key.keyIDHex == keyID.uppercased() else {
                ctx.report(.fieldInvalid, e.child("public_key"), at: e.node("public_key")?.position ?? e.position,
                           "public_key is not a minisign public key with key id \(keyID)",
                           plain: "This approver's key is damaged.")
                return nil
            }
            if policy.rank(ofLevel: level) == nil {
                ctx.report(.fieldInvalid, e.child("level"), at: e.node("level")!.position,
                           "'\(level)' is not one of the signer_levels: \(policy.signerLevels.map(\.name).joined(separator: ", "))",
                           plain: "This approver's level is not one of the levels.")
                return nil
            }
            return Signer(name: name, role: role, level: level, keyID: key.keyIDHex, publicKey: publicKey,
                          from: e.date("from"), until: e.date("until"))
        }
        policy.signers = signers.compactMap { $0 }
        let reasons = r.list("return_reasons", section: "a return reason", known: reasonKeys) { e -> ReturnReason? in
            guard let code = e.text("code"), let words = e.text("words") else { return nil }
            return ReturnReason(code, words)
        }
        if let allow = r.bool("allow_self_approval") { policy.allowSelfApproval = allow }
        if let shared = r.text("shared") {
            if shared == "group" || shared == "private" {
                policy.sharedWithGroup = shared == "group"
            } else {
                ctx.report(.fieldInvalid, "shared", at: r.node("shared")?.position ?? .start,
                           "'\(PlanID.shown(shared))' is not a way to share: use group (a team folder) or private",
                           plain: "The store's sharing setting should be group or private.")
            }
        }
        if r.has("return_reasons") { policy.returnReasons = reasons.compactMap { $0 } }
        return (policy, Checker.sorted(ctx.findings))
    }

    /// A `{week, four_weeks, month, year}` mapping; keys left out keep `base`.
    static func thresholds(_ r: FieldReader, _ key: String, _ base: PayThresholds) -> PayThresholds? {
        guard r.has(key) else { return nil }
        let t = r.section(key, known: thresholdKeys, name: key)
        var out = base
        if let v = t.money("week") { out.week = v }
        if let v = t.money("four_weeks") { out.fourWeeks = v }
        if let v = t.money("month") { out.month = v }
        if let v = t.money("year") { out.year = v }
        return out
    }
}
