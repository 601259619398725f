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
    /// In a picker, for professionals: words, never the file's code.
    public var label: String
    /// In plain words (picker and row).
    public var plain: String
    /// On the row, for professionals, when shorter than the label (a need's id, `N1`).
    public var short: String?
    public init(_ value: String, _ label: String, plain: String? = nil, short: String? = nil) {
        self.value = value
        self.label = label
        self.plain = plain ?? label
        self.short = short
    }

    /// What a row or picker shows for this choice.
    func shown(plain words: Bool, onRow: Bool) -> String { words ? plain : onRow ? short ?? label : label }
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

/// Builders for rows bound to plan key paths. A row's label comes from the field table
/// (`FieldTable.label(at:)`), never written here; buttons are not fields and carry their own.
enum Bind {
    static func text(_ path: String, _ kp: WritableKeyPath<Plan, String?>, _ plan: Plan,
                     multiline: Bool = false) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: multiline ? .multiline : .text, value: plan[keyPath: kp] ?? "",
                 set: { p, s in p[keyPath: kp] = s.hasWords ? s : nil; return nil }, action: nil)
    }

    static func lines(_ path: String, _ kp: WritableKeyPath<Plan, [String]>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .multiline, value: plan[keyPath: kp].joined(separator: "\n"),
                 set: { p, s in
                     p[keyPath: kp] = s.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
                     return nil
                 }, action: nil)
    }

    static func money(_ path: String, _ kp: WritableKeyPath<Plan, Money?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .money, value: plan[keyPath: kp]?.plainText ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            switch Money.parse(s) {
            case .success(let m): p[keyPath: kp] = m; return nil
            case .failure(let e): return "That amount \(e.words)."
            }
        }, action: nil)
    }

    static func quantity(_ path: String, _ kp: WritableKeyPath<Plan, Hundredths?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .quantity, value: plan[keyPath: kp]?.description ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            switch Hundredths.parse(s) {
            case .success(let q): p[keyPath: kp] = q; return nil
            case .failure: return "Write a number like 7 or 7.5 (two decimals at most)."
            }
        }, action: nil)
    }

    static func whole(_ path: String, _ kp: WritableKeyPath<Plan, Int?>, _ plan: Plan,
                      range: ClosedRange<Int>) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .whole, value: plan[keyPath: kp].map(String.init) ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            guard let n = Int(s.trimmed), range.contains(n) else {
                return "Write a whole number from \(range.lowerBound) to \(range.upperBound)."
            }
            p[keyPath: kp] = n
            return nil
        }, action: nil)
    }

    static func date(_ path: String, _ kp: WritableKeyPath<Plan, PlanDate?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .date, value: plan[keyPath: kp]?.description ?? "", set: { p, s in
            guard s.hasWords else { p[keyPath: kp] = nil; return nil }
            switch DateWords.read(s, today: PlanDate.today()) {
            case .success(let d): p[keyPath: kp] = d; return nil
            case .failure(let why): return why.words
            }
        }, action: nil)
    }

    static func yesNo(_ path: String, _ kp: WritableKeyPath<Plan, Bool?>, _ plan: Plan,
                      yes: String = "yes", no: String = "no", plainYes: String? = nil, plainNo: String? = nil) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .choice([Choice("true", yes, plain: plainYes), Choice("false", no, plain: plainNo),
                                                          Choice("", "not decided")]),
                 value: plan[keyPath: kp].map { $0 ? "true" : "false" } ?? "",
                 set: { p, s in p[keyPath: kp] = s == "true" ? true : s == "false" ? false : nil; return nil }, action: nil)
    }

    static func word<W: PlanWord & Worded>(_ path: String, _ kp: WritableKeyPath<Plan, W?>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path,
                 kind: .choice(W.allCases.map { Choice($0.rawValue, $0.words, plain: $0.plainWords) } + [Choice("", "not given")]),
                 value: plan[keyPath: kp]?.rawValue ?? "",
                 set: { p, s in p[keyPath: kp] = W(rawValue: s); return nil }, action: nil)
    }

    static func words<W: PlanWord & Worded>(_ path: String, _ kp: WritableKeyPath<Plan, [W]>, _ plan: Plan) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .multi(W.allCases.map { Choice($0.rawValue, $0.words, plain: $0.plainWords) }),
                 value: plan[keyPath: kp].map(\.rawValue).joined(separator: ","),
                 set: { p, s in p[keyPath: kp] = s.split(separator: ",").compactMap { W(rawValue: String($0)) }; return nil },
                 action: nil)
    }

    static func ids(_ path: String, _ kp: WritableKeyPath<Plan, [String]>, _ plan: Plan,
                    choices: [Choice]) -> FieldRow {
        FieldRow(label: FieldTable.label(at: path), path: path, kind: .multi(choices), value: plan[keyPath: kp].joined(separator: ","),
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
    /// The text on one line: its line breaks as spaces, trimmed.
    var oneLine: String { split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined(separator: " ").trimmed }
}
