/// What the guide says about the plan as a whole: the running money (from the plan model's
/// costing, shown after each cost) and, at the end, what is still to do in plain words, each
/// with the question that fixes it (never an id like `N2`).
import PlanCore

/// One thing still to do, and the question to go to for it.
public struct GuideToDo: Sendable, Equatable {
    public var words: String
    public var step: String?
}

public enum GuideEnd {
    /// "Your help costs £6,760 a year; you have £7,500." Nil before any help has a cost and
    /// no money is given, or when the plan cannot be added up.
    public static func runningMoney(_ p: Plan) -> String? {
        let costing = Coster.cost(p)
        guard let t = costing.totals else { return nil }
        let counted = t.countedAgainstBudgetPence
        var employer: Int64 = 0
        for (i, s) in p.supports.enumerated() where s.kind == .onCost && s.per != .once
            && (s.funding == .council || s.funding == .person) {
            employer += costing.line(i)?.annualPence ?? 0
        }
        guard counted > 0 || p.budget.final != nil else { return nil }
        var out = "Your help costs \(GuideAnswers.pounds(counted)) a year"
        if employer > 0 { out += " (\(GuideAnswers.pounds(employer)) of it for being an employer)" }
        if let final = p.budget.final {
            out += "; you have \(GuideAnswers.pounds(final.pence))"
            if counted > final.pence { out += ", so it is \(GuideAnswers.pounds(counted - final.pence)) too much" }
        } else {
            out += "; you have not said yet how much money you have"
        }
        return out + "."
    }

    /// Questions skipped, then what `check` finds (errors first, then warnings not accepted).
    public static func toDo(_ p: Plan, policy: Policy, skipped: Set<String>) -> [GuideToDo] {
        let steps = GuideFlow.steps(p)
        let r = Checker.check(text: PlanWriter.write(p), file: "plan", policy: policy)
        var found: [GuideToDo] = [], seen: Set<String> = []
        for f in r.findings.filter({ !$0.acknowledged && $0.severity != .info }).sorted(by: { $0.severity < $1.severity }) {
            let words = plainNames(f.plain, p)
            guard seen.insert(words).inserted else { continue }
            found.append(GuideToDo(words: words, step: step(for: f, p, steps)))
        }
        // A skipped question a finding already sends the person to is listed once, by the finding.
        let asked = steps.filter { s in skipped.contains(s.id) && !found.contains { $0.step == s.id } }
        return asked.map { GuideToDo(words: "Answer: \($0.question)", step: $0.id) } + found
    }

    /// The plain sentence with any id (`N2`, `O1`, `S3`, `P1`) put as the thing's own words, and
/// "PA" as the guide says it: "personal assistant".
    static func plainNames(_ text: String, _ p: Plan) -> String {
        var names: [(String, String)] = []
        for n in p.needs { if let id = n.id { names.append((id, n.area.map { $0.plainLabel.lowercased() } ?? n.description ?? "a need")) } }
        for o in p.outcomes { if let id = o.id { names.append((id, "\"\(o.text ?? "a goal")\"")) } }
        for s in p.supports { if let id = s.id { names.append((id, "\"\(s.what ?? "a help")\"")) } }
        for e in p.employees { if let id = e.id { names.append((id, e.name ?? "your personal assistant")) } }
        var out = text
        for (id, name) in names.sorted(by: { $0.0.count > $1.0.count }) { out = replaceWord(id, with: name, in: out) }
        return replaceWord("PA", with: "personal assistant", in: out)
    }

    static func replaceWord(_ word: String, with name: String, in text: String) -> String {
        let chars = Array(text), w = Array(word)
        var out = "", i = 0
        while i < chars.count {
            if i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w,
               i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
               i + w.count == chars.count || !(chars[i + w.count].isLetter || chars[i + w.count].isNumber) {
                out += name
                i += w.count
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// The question that fixes a finding: by the rule where the place is not enough, else by
    /// the place (`needs[2]`, `supports[1].rate`, `budget.final`).
    static func step(for f: Finding, _ p: Plan, _ steps: [GuideStep]) -> String? {
        let ids = Set(steps.map(\.id))
        let newHelp = steps.last { $0.id.hasPrefix("help.new.") }?.id
        func index(_ key: String) -> Int? {
            guard f.path.hasPrefix(key + "["), let close = f.path.firstIndex(of: "]") else { return nil }
            return Int(f.path[f.path.index(f.path.startIndex, offsetBy: key.count + 1)..<close])
        }
        var want: [String?] = []
        if let i = index("needs"), i < p.needs.count, let area = p.needs[i].area?.rawValue {
            switch f.rule {
            case .needEligibilityMissing: want = ["need.\(area).council"]
            case .unableReasonMissing: want = ["need.\(area).why"]
            case .eligibleNeedUnmet: want = [newHelp]
            default: want = ["need.\(area).what", "need.\(area)"]
            }
        } else if let j = index("outcomes") {
            want = f.path.hasSuffix("wellbeing") || f.rule == .outcomeWellbeingMissing ? ["goal.\(j).about"] : ["goal.\(j).needs", newHelp]
            if f.rule == .outcomeUnsupported { want = [newHelp] }
        } else if let k = index("supports"), k < p.supports.count {
            let s = p.supports[k]
            let firstPA = p.supports.firstIndex(where: \.isPA) ?? k
            if s.kind == .informal { want = ["helper.\(k).meets"] }
            else if s.kind == .onCost { want = ["oncost.\(k)", "help.\(firstPA).employer", "help.\(firstPA).pay"] }
            else {
                switch f.rule {
                case .paDateOfBirthMissing: want = ["help.\(k).age"]
                case .paBelowMinimumWage, .wageTableEnds: want = ["help.\(k).pay"]
                case .paELInsuranceMissing, .paOncostsMissing, .paPensionMissing: want = ["help.\(firstPA).employer"]
                case .supportUnlinked: want = ["help.\(k).meets"]
                default:
                    let field = f.path.split(separator: ".").dropFirst().first.map(String.init) ?? ""
                    let byField = ["rate": ["help.\(k).pay", "help.\(k).cost"], "quantity": ["help.\(k).hours", "help.\(k).howmany"],
                                   "per": ["help.\(k).often", "help.\(k).hours"], "unit": ["help.\(k).unit"],
                                   "meets": ["help.\(k).meets"], "funding": ["help.\(k).pays"], "management": ["help.\(k).money"],
                                   "provider": ["help.\(k).who"], "employee": ["help.\(k).age"]]
                    want = (byField[field] ?? []) + ["help.\(k).employ"]
                }
            }
        } else if let j = index("risks") {
            want = ["risk.\(j).do"]
        } else {
            let top = f.path.split(separator: ".").first.map(String.init) ?? f.path
            switch top {
            case "person": want = [f.path.hasSuffix("communication") ? "information" : "name"]
            case "needs": want = ["need.nutrition"]
            case "outcomes": want = ["goals"]
            case "supports": want = [newHelp]
            case "budget": want = [f.path.hasSuffix("payment") ? "money.paid" : f.path.hasSuffix("person_contribution") ? "money.mine" : "money.year"]
            case "risks": want = ["risks"]
            case "contingency": want = ["plan-b"]
            case "advice": want = [f.path.hasSuffix("prevent_or_delay") ? "advice.well" : "advice.help"]
            case "agreement": want = [f.path.hasSuffix("person_words") ? "agree.words" : "agree"]
            case "review": want = [f.path.hasSuffix("next") ? "check.next" : "check.first"]
            case "planned_with": want = ["people"]
            case "about_me": want = ["about"]
            case "important_to_me": want = ["important-to"]
            case "important_for_me": want = ["important-for"]
            default: want = []
            }
        }
        return want.compactMap { $0 }.first { ids.contains($0) }
    }
}
