/// One editable row of a form: what it shows, how it is edited, and how a typed value is put
/// back into the plan (through PlanCore's own parsers, so the screen and `check` agree).
/// Rows are built from the plan each time (`Form.rows`), so the state holds no closures.
import PlanCore

public enum FieldKind: Equatable, Sendable {
    case text, multiline, money, quantity, whole, date
    /// One of a fixed list: (value, label) pairs; nil value clears.
    case choice([Choice])
    /// Several of a fixed list (links to needs and outcomes, wellbeing areas…).
    case multi([Choice])
    /// A button: opens an entry, adds one, or runs a tool.
    case action
}

public struct Choice: Equatable, Sendable {
    public var value: String
    public var label: String
    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}

public struct FieldRow {
    public var label: String
    /// The plan path this row edits (`supports[2].rate`); findings jump here.
    public var path: String
    public var kind: FieldKind
    /// The value as text for showing and editing.
    public var value: String
    /// Puts text (or chosen values joined by ",") into the plan; returns a problem in words.
    var set: (inout Plan, String) -> String?
    /// For `.action` rows: what the button does.
    public var action: RowAction?
}

public enum RowAction: Equatable, Sendable {
    case openEntry(EntryList, Int)
    case addEntry(EntryList)
    case deleteEntry(EntryList, Int)
    case onCostCalculator(Int)
}

/// Builders for rows bound to plan key paths.
enum Bind {
    static func text(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, String?>, _ plan: Plan,
                     multiline: Bool = false) -> FieldRow {
        FieldRow(label: label, path: path, kind: multiline ? .multiline : .text, value: plan[keyPath: kp] ?? "",
                 set: { p, s in p[keyPath: kp] = s.hasWords ? s : nil; return nil }, action: nil)
    }

    static func lines(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, [String]>, _ plan: Plan) -> FieldRow {
        FieldRow(label: label, path: path, kind: .multiline, value: plan[keyPath: kp].joined(separator: "\n"),
                 set: { p, s in
                     p[keyPath: kp] = s.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
                     return nil
                 }, action: nil)
    }

    static func money(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, Money?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: label, path: path, kind: .money, value: plan[keyPath: kp]?.plainText ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            switch Money.parse(s) {
            case .success(let m): p[keyPath: kp] = m; return nil
            case .failure(let e): return "That amount \(e.words)."
            }
        }, action: nil)
    }

    static func quantity(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, Hundredths?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: label, path: path, kind: .quantity, value: plan[keyPath: kp]?.description ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            switch Hundredths.parse(s) {
            case .success(let q): p[keyPath: kp] = q; return nil
            case .failure: return "Write a number like 7 or 7.5 (two decimals at most)."
            }
        }, action: nil)
    }

    static func whole(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, Int?>, _ plan: Plan,
                      range: ClosedRange<Int>) -> FieldRow {
        FieldRow(label: label, path: path, kind: .whole, value: plan[keyPath: kp].map(String.init) ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            guard let n = Int(s.trimmed), range.contains(n) else {
                return "Write a whole number from \(range.lowerBound) to \(range.upperBound)."
            }
            p[keyPath: kp] = n
            return nil
        }, action: nil)
    }

    static func date(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, PlanDate?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: label, path: path, kind: .date, value: plan[keyPath: kp]?.description ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            guard let d = PlanDate(s.trimmed) else { return "Write a real date as year-month-day, like 2027-01-31." }
            p[keyPath: kp] = d
            return nil
        }, action: nil)
    }

    static func yesNo(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, Bool?>, _ plan: Plan,
                      yes: String = "yes", no: String = "no") -> FieldRow {
        FieldRow(label: label, path: path, kind: .choice([Choice("true", yes), Choice("false", no), Choice("", "not decided")]),
                 value: plan[keyPath: kp].map { $0 ? "true" : "false" } ?? "",
                 set: { p, s in p[keyPath: kp] = s == "true" ? true : s == "false" ? false : nil; return nil }, action: nil)
    }

    static func word<W: PlanWord>(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, W?>, _ plan: Plan,
                                  labels: (W) -> String = { $0.rawValue }) -> FieldRow {
        FieldRow(label: label, path: path, kind: .choice(W.allCases.map { Choice($0.rawValue, labels($0)) } + [Choice("", "not given")]),
                 value: plan[keyPath: kp]?.rawValue ?? "",
                 set: { p, s in p[keyPath: kp] = W(rawValue: s); return nil }, action: nil)
    }

    static func words<W: PlanWord>(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, [W]>, _ plan: Plan,
                                   labels: (W) -> String = { $0.rawValue }) -> FieldRow {
        FieldRow(label: label, path: path, kind: .multi(W.allCases.map { Choice($0.rawValue, labels($0)) }),
                 value: plan[keyPath: kp].map(\.rawValue).joined(separator: ","),
                 set: { p, s in p[keyPath: kp] = s.split(separator: ",").compactMap { W(rawValue: String($0)) }; return nil },
                 action: nil)
    }

    static func ids(_ label: String, _ path: String, _ kp: WritableKeyPath<Plan, [String]>, _ plan: Plan,
                    choices: [Choice]) -> FieldRow {
        FieldRow(label: label, path: path, kind: .multi(choices), value: plan[keyPath: kp].joined(separator: ","),
                 set: { p, s in p[keyPath: kp] = s.split(separator: ",").map(String.init); return nil }, action: nil)
    }

    static func button(_ label: String, _ path: String, _ action: RowAction) -> FieldRow {
        FieldRow(label: label, path: path, kind: .action, value: "", set: { _, _ in nil }, action: action)
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
    var hasWords: Bool { contains { !$0.isWhitespace } }
}
