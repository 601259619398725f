/// How to read one kind of statement: which column holds the date and in what form, the
/// description, the amount (one signed column, or paid-in and paid-out columns), the balance,
/// the encoding and the lines before the header. The built-in layouts are the CSV exports of
/// six UK banks, recognised by their header row (sources in docs/spend.md, "Importing
/// statements"); any other statement is described by a rules file (`StatementRules`).

/// A column, by its header name (any case, spaces around ignored) or by its number (from 1).
public enum StatementColumn: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case number(Int)

    public var description: String {
        switch self {
        case .named(let s): return "\"\(s)\""
        case .number(let n): return "column \(n)"
        }
    }
}

public struct StatementLayout: Sendable {
    public enum Amount: Sendable, Hashable {
        /// One column, money in positive (or, with `outPositive`, money out positive).
        case signed(StatementColumn, outPositive: Bool)
        /// Money in and money out in two columns, one of them blank on each row.
        case split(paidIn: StatementColumn, paidOut: StatementColumn)
    }

    /// "Lloyds", or the rules file's `name:`.
    public var name: String
    public var encoding: StatementEncoding
    /// Header names that, all present in a row, make it this layout's header (built-in only).
    public var identifiedBy: [String] = []
    /// Whether the statement has a header row (a rules file may say it has none: columns by number).
    public var hasHeader = true
    /// Lines to pass over before the header (or the first row when there is no header).
    public var skipLines = 0
    public var date: StatementColumn
    /// Tried in order; the first that reads the date wins.
    public var dateFormats: [StatementDateFormat]
    /// Joined with " / " when more than one is filled in.
    public var description: [StatementColumn]
    public var amount: Amount
    public var balance: StatementColumn?
    /// Columns that some exports of the layout lack (the row reads without them).
    public var optional: Set<StatementColumn> = []
    /// The order to assume when neither the dates nor the balances tell.
    public var newestFirst: Bool
    /// NatWest starts text fields with `'` (to keep spreadsheets from reading them as numbers).
    public var stripLeadingApostrophe = false
    /// The rules file the layout was read from, for messages; nil when built in.
    public var source: String?

    public init(name: String, encoding: StatementEncoding, date: StatementColumn, dateFormats: [StatementDateFormat],
                description: [StatementColumn], amount: Amount, balance: StatementColumn?, newestFirst: Bool) {
        self.name = name
        self.encoding = encoding
        self.date = date
        self.dateFormats = dateFormats
        self.description = description
        self.amount = amount
        self.balance = balance
        self.newestFirst = newestFirst
    }

    static func format(_ p: String) -> StatementDateFormat { StatementDateFormat(p)! }

    // MARK: Built-in layouts

    /// Lloyds (and Halifax, Bank of Scotland: the same export): newest first, unsigned debit
    /// and credit columns, a running balance, dates 13/06/2025.
    public static let lloyds: StatementLayout = {
        var l = StatementLayout(name: "Lloyds", encoding: .utf8, date: .named("Transaction Date"),
                                dateFormats: [format("DD/MM/YYYY")], description: [.named("Transaction Description")],
                                amount: .split(paidIn: .named("Credit Amount"), paidOut: .named("Debit Amount")),
                                balance: .named("Balance"), newestFirst: true)
        l.identifiedBy = ["Transaction Date", "Transaction Description"]
        return l
    }()

    /// Nationwide: ISO-8859-1, account lines before the header, every field quoted, `£` in
    /// amounts, dates 13 Jun 2025, oldest first.
    public static let nationwide: StatementLayout = {
        var l = StatementLayout(name: "Nationwide", encoding: .iso88591, date: .named("Date"),
                                dateFormats: [format("DD MMM YYYY"), format("DD/MM/YYYY")], description: [.named("Description")],
                                amount: .split(paidIn: .named("Paid in"), paidOut: .named("Paid out")),
                                balance: .named("Balance"), newestFirst: false)
        l.identifiedBy = ["Transaction type", "Paid out"]
        return l
    }()

    /// NatWest (and RBS): one signed `Value` column, a balance, text fields starting with `'`,
    /// dates 13/06/2025 (or 13 Jun 2025), newest first.
    public static let natwest: StatementLayout = {
        var l = StatementLayout(name: "NatWest", encoding: .utf8, date: .named("Date"),
                                dateFormats: [format("DD/MM/YYYY"), format("DD MMM YYYY")], description: [.named("Description")],
                                amount: .signed(.named("Value"), outPositive: false), balance: .named("Balance"), newestFirst: true)
        l.identifiedBy = ["Value", "Account Name"]
        l.stripLeadingApostrophe = true
        return l
    }()

    /// Barclays: a signed `Amount`, the description in `Memo`, no balance, newest first.
    public static let barclays: StatementLayout = {
        var l = StatementLayout(name: "Barclays", encoding: .utf8, date: .named("Date"), dateFormats: [format("DD/MM/YYYY")],
                                description: [.named("Memo")], amount: .signed(.named("Amount"), outPositive: false),
                                balance: nil, newestFirst: true)
        l.identifiedBy = ["Subcategory", "Memo"]
        return l
    }()

    /// Monzo: UTF-8, a signed `Amount` in pounds, the payee in `Name` and the bank's text in
    /// `Description`, oldest first; no balance (newer exports add one, checked when there).
    public static let monzo: StatementLayout = {
        var l = StatementLayout(name: "Monzo", encoding: .utf8, date: .named("Date"),
                                dateFormats: [format("DD/MM/YYYY"), format("YYYY-MM-DD")],
                                description: [.named("Name"), .named("Description")],
                                amount: .signed(.named("Amount"), outPositive: false), balance: .named("Balance"), newestFirst: false)
        l.identifiedBy = ["Transaction ID", "Emoji"]
        l.optional = [.named("Description"), .named("Balance")]
        return l
    }()

    /// Starling: a signed `Amount (GBP)`, a `Balance (GBP)`, the payee in `Counter Party` and
    /// the payment's `Reference`, oldest first.
    public static let starling: StatementLayout = {
        var l = StatementLayout(name: "Starling", encoding: .utf8, date: .named("Date"), dateFormats: [format("DD/MM/YYYY")],
                                description: [.named("Counter Party"), .named("Reference")],
                                amount: .signed(.named("Amount (GBP)"), outPositive: false), balance: .named("Balance (GBP)"),
                                newestFirst: false)
        l.identifiedBy = ["Counter Party", "Reference"]
        l.optional = [.named("Reference")]
        return l
    }()

    public static let builtIn: [StatementLayout] = [lloyds, nationwide, natwest, barclays, monzo, starling]

    /// Every column the layout reads, in a fixed order (for "missing column" checks).
    var columns: [StatementColumn] {
        var out = [date] + description
        switch amount {
        case .signed(let c, _): out.append(c)
        case .split(let i, let o): out += [i, o]
        }
        if let balance { out.append(balance) }
        return out
    }
}
