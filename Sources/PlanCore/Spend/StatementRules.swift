/// A rules file: how to read a statement no built-in layout knows (a prepaid-card report, a
/// building society's export), in the spirit of hledger's CSV rules but in YAML:
///
///     name: Acme prepaid card        # shown in messages and the import record
///     encoding: windows-1252         # utf-8 (default), iso-8859-1, windows-1252
///     skip: 3                        # lines before the header row (default 0)
///     header: true                   # false: no header row, columns by number
///     date: Transaction Date         # a column: its header name, or its number from 1
///     date_format: DD/MM/YYYY        # or a list, tried in order
///     description: [Merchant, Details]
///     amount: Amount                 # one signed column; or paid_in: and paid_out:
///     amount_sign: in-positive       # or out-positive (spending shown as positive)
///     balance: Balance               # optional: every row is checked against it
///     order: newest-first            # optional: when the dates cannot tell (default oldest-first)
///
/// Every fault names `rules-file:line:column`.

public struct RulesProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: Position
    public var message: String
    public var description: String { "\(SafeText.visible(file)):\(position.line):\(position.column): error: \(message)" }
}

public enum StatementRules {
    static let keys = ["name", "encoding", "skip", "header", "date", "date_format", "description", "amount", "amount_sign",
                       "paid_in", "paid_out", "balance", "order"]

    /// Reads a rules file's bytes (UTF-8) into a layout.
    public static func read(_ bytes: [UInt8], file: String) throws(RulesProblem) -> StatementLayout {
        func fail(_ p: Position, _ what: String) -> RulesProblem { RulesProblem(file: file, position: p, message: what) }
        let text: String
        switch decodeUTF8(bytes) {
        case .success(let t): text = t
        case .failure(let e): throw fail(e.position, "the rules file is not UTF-8 text; save it as UTF-8")
        }
        let root: YAMLNode?
        do { root = try YAMLReader.parse(text) } catch { throw fail(error.position, error.problem) }
        guard case .mapping(let pairs, _)? = root else {
            throw fail(root?.position ?? .start, "a rules file is a list of `key: value` lines (date:, description:, amount: …); "
                       + "see docs/spend.md, \"Rules files\"")
        }
        var map: [String: YAMLPair] = [:]
        for pair in pairs {
            guard keys.contains(pair.key) else {
                throw fail(pair.keyPosition, "`\(pair.key)` is not a rules-file key; the keys are \(keys.joined(separator: ", "))")
            }
            map[pair.key] = pair
        }
        func scalar(_ key: String) throws(RulesProblem) -> (String, Position)? {
            guard let pair = map[key] else { return nil }
            guard let t = pair.value.text, !pair.value.isAbsent else {
                throw fail(pair.value.position, "`\(key)` needs one value here")
            }
            return (t, pair.value.position)
        }
        func list(_ key: String) throws(RulesProblem) -> [(String, Position)] {
            guard let pair = map[key] else { return [] }
            switch pair.value {
            case .sequence(let items, let p):
                guard !items.isEmpty else { throw fail(p, "`\(key)` needs at least one value") }
                var out: [(String, Position)] = []
                for item in items {
                    guard let t = item.text, !item.isAbsent else { throw fail(item.position, "each of `\(key)` is one value") }
                    out.append((t, item.position))
                }
                return out
            default:
                guard let one = try scalar(key) else { return [] }
                return [one]
            }
        }
        var hasHeader = true
        if let (h, p) = try scalar("header") {
            switch h.lowercased() {
            case "true", "yes": hasHeader = true
            case "false", "no": hasHeader = false
            default: throw fail(p, "`header` is true or false")
            }
        }
        func column(_ t: String, _ p: Position, _ key: String) throws(RulesProblem) -> StatementColumn {
            if !t.isEmpty, t.utf8.allSatisfy({ (48...57).contains($0) }) {
                guard let n = Int(t), n >= 1, n <= 10_000 else { throw fail(p, "`\(key)`: columns are numbered from 1") }
                return .number(n)
            }
            guard hasHeader else {
                throw fail(p, "`\(key)`: with `header: false` a column is given by its number (1 for the first)")
            }
            return .named(t)
        }
        func requiredColumn(_ key: String, _ what: String) throws(RulesProblem) -> StatementColumn {
            guard let (t, p) = try scalar(key) else {
                throw fail(.start, "the rules file has no `\(key):`; give the column that holds \(what)")
            }
            return try column(t, p, key)
        }
        let date = try requiredColumn("date", "the date")
        var formats: [StatementDateFormat] = []
        for (t, p) in try list("date_format") {
            guard let f = StatementDateFormat(t) else {
                throw fail(p, "`\(t)` is not a date format: write it with DD (day), MM (month) or MMM (Jun), YYYY (year) "
                           + "and the separators the statement uses, like DD/MM/YYYY or DD MMM YYYY")
            }
            formats.append(f)
        }
        if formats.isEmpty { throw fail(.start, "the rules file has no `date_format:`; give the dates' form, like DD/MM/YYYY") }
        let descriptions = try list("description").map { (t, p) throws(RulesProblem) in try column(t, p, "description") }
        guard !descriptions.isEmpty else {
            throw fail(.start, "the rules file has no `description:`; give the column (or columns) that say what each row is")
        }
        let amount: StatementLayout.Amount
        let signed = try scalar("amount"), paidIn = try scalar("paid_in"), paidOut = try scalar("paid_out")
        var outPositive = false
        if let (s, p) = try scalar("amount_sign") {
            switch s {
            case "in-positive": outPositive = false
            case "out-positive": outPositive = true
            default: throw fail(p, "`amount_sign` is in-positive (money in is positive) or out-positive (spending is positive)")
            }
        }
        switch (signed, paidIn, paidOut) {
        case (let (t, p)?, nil, nil): amount = .signed(try column(t, p, "amount"), outPositive: outPositive)
        case (nil, let (i, ip)?, let (o, op)?):
            if StatementReader.normalised(i) == StatementReader.normalised(o) {
                throw fail(op, "`paid_in:` and `paid_out:` both name \(i); they are two columns (money in, money out). "
                           + "Give each its own column, or one signed column as `amount:`")
            }
            amount = .split(paidIn: try column(i, ip, "paid_in"), paidOut: try column(o, op, "paid_out"))
        case (let (_, p)?, _, _):
            throw fail(p, "give either `amount:` (one signed column) or `paid_in:` and `paid_out:`, not both")
        case (nil, let (_, p)?, nil), (nil, nil, let (_, p)?):
            throw fail(p, "`paid_in:` and `paid_out:` go together; give both")
        case (nil, nil, nil):
            throw fail(.start, "the rules file has no `amount:` (or `paid_in:` and `paid_out:`); give the column with the money")
        }
        var encoding = StatementEncoding.utf8
        if let (e, p) = try scalar("encoding") {
            guard let found = StatementEncoding.named(e) else {
                throw fail(p, "`\(e)` is not an encoding the program reads: utf-8, iso-8859-1 or windows-1252")
            }
            encoding = found
        }
        var newestFirst = false
        if let (o, p) = try scalar("order") {
            switch o {
            case "newest-first": newestFirst = true
            case "oldest-first": newestFirst = false
            default: throw fail(p, "`order` is newest-first or oldest-first")
            }
        }
        let balance = try scalar("balance").map { (t, p) throws(RulesProblem) in try column(t, p, "balance") }
        let name = try scalar("name")?.0 ?? "rules file \(file)"
        var layout = StatementLayout(name: name, encoding: encoding, date: date, dateFormats: formats, description: descriptions,
                                     amount: amount, balance: balance, newestFirst: newestFirst)
        layout.hasHeader = hasHeader
        if let (s, p) = try scalar("skip") {
            guard let n = Int(s), n >= 0, n <= 1000 else { throw fail(p, "`skip` is a number of lines, 0 or more") }
            layout.skipLines = n
        }
        layout.source = file
        return layout
    }
}
