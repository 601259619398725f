/// One line of a direct-payment account's statement, as kept in the store (`spend/ID/`).
///
/// Money in is positive, money out negative, in pence. `id` is stable across re-imports: it is
/// derived from the date, amount, description and the row's occurrence among identical rows of
/// that day, so importing the same or an overlapping statement adds nothing twice.

public struct Transaction: Sendable, Hashable {
    /// Stable id, 16 lowercase hex digits (see `SpendLedger`).
    public var id: String
    public var date: PlanDate
    /// The statement's description, as written (trimmed, control characters removed).
    public var description: String
    /// Signed: money in > 0, money out < 0.
    public var amountPence: Int64
    /// The account balance after this row, when the statement has a balance column.
    public var balancePence: Int64?
    /// SHA-256 (hex) of the statement file the row was first imported from.
    public var sourceSHA256: String
    /// The row's line in that file (1-based), for `file:line` in messages.
    public var sourceLine: Int

    public init(id: String, date: PlanDate, description: String, amountPence: Int64,
                balancePence: Int64?, sourceSHA256: String, sourceLine: Int) {
        self.id = id
        self.date = date
        self.description = description
        self.amountPence = amountPence
        self.balancePence = balancePence
        self.sourceSHA256 = sourceSHA256
        self.sourceLine = sourceLine
    }

    public var isMoneyIn: Bool { amountPence > 0 }
}

/// What a person decided about a transaction that matches no line: it pays for a line, or it is
/// not for care (with a reason). Kept in `spend/ID/assigned.yaml`.
public enum Assignment: Sendable, Hashable {
    case line(String)
    case notForCare(reason: String)
}
