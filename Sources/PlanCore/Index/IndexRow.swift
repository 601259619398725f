/// One row of the index: a plan file's stamp, content hash and summary, and how a summary is
/// written to and read from SQLite (costs as compact tab-separated text).
import Crypto
import GRDB

struct IndexRow: Sendable {
    var name: String
    var stamp: FileStamp
    var sha256: String
    /// The stamp of the plan's audit log when it was read (submitted-at and the signed budget
    /// come from it); nil when there was none.
    var audit: FileStamp?
    var summary: PlanSummary

    static let columns = ["name", "size", "mtime", "sha256", "audit_size", "audit_mtime", "id", "person", "version", "status",
                          "author", "budget", "recurring", "one_off", "counted", "remaining", "errors", "warnings",
                          "review_next", "review_last", "submitted", "change", "costs"]

    static let createSQL = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS plan(
          name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, sha256 TEXT NOT NULL,
          audit_size INTEGER, audit_mtime INTEGER,
          id TEXT NOT NULL, person TEXT NOT NULL, version INTEGER, status TEXT NOT NULL, author TEXT NOT NULL,
          budget INTEGER, recurring INTEGER, one_off INTEGER, counted INTEGER, remaining INTEGER,
          errors INTEGER NOT NULL, warnings INTEGER NOT NULL, review_next TEXT NOT NULL, review_last TEXT,
          submitted TEXT, change TEXT NOT NULL, costs TEXT NOT NULL);
        """

    static var insertSQL: String {
        "INSERT OR REPLACE INTO plan(\(columns.joined(separator: ","))) VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))"
    }

    var arguments: StatementArguments {
        let s = summary
        let values: [(any DatabaseValueConvertible)?] = [
            name, stamp.size, stamp.mtime, sha256, audit?.size, audit?.mtime, s.id, s.name, s.version, s.status, s.author,
            s.budget?.pence, s.recurringAnnual?.pence, s.oneOff?.pence, s.counted?.pence, s.remaining?.pence,
            s.errors, s.warnings, s.review, s.reviewLast, s.submitted, Self.text(s.change), Self.text(s.costs),
        ]
        return StatementArguments(values)
    }

    /// The summary columns, read from a row selected as `summarySelect` (costs from column
    /// `costsAt` when asked).
    static func summary(_ row: Row, folder: String, costsAt: Int?) -> PlanSummary {
        let money = { (i: Int) -> Money? in (row[i] as Int64?).map { Money(pence: $0) } }
        var s = PlanSummary(path: folder + "/" + (row[0] as String), id: row[1], name: row[2], status: row[4],
                            budget: money(6), errors: row[11], warnings: row[12], review: row[13])
        s.version = row[3]
        s.author = row[5]
        s.recurringAnnual = money(7)
        s.oneOff = money(8)
        s.counted = money(9)
        s.remaining = money(10)
        s.reviewLast = row[14]
        s.submitted = row[15]
        s.change = change(row[16])
        if let costsAt { s.costs = Self.costs(row[costsAt]) }
        return s
    }

    /// Columns 0–16 the summary; then 17–20 the stamps when asked; then the costs when asked.
    static func summarySelect(stamps: Bool, costs: Bool) -> String {
        "SELECT name, id, person, version, status, author, budget, recurring, one_off, counted, remaining, errors, warnings, "
            + "review_next, review_last, submitted, change\(stamps ? ", size, mtime, audit_size, audit_mtime" : "")"
            + "\(costs ? ", costs" : "") FROM plan ORDER BY name"
    }

    static func text(_ c: BudgetChange) -> String {
        switch c {
        case .new: return "new"
        case .same: return "same"
        case .unknown: return "unknown"
        case .by(let m): return String(m.pence)
        }
    }

    static func change(_ t: String) -> BudgetChange {
        switch t {
        case "new": return .new
        case "same": return .same
        case "unknown": return .unknown
        default: return Int64(t).map { .by(Money(pence: $0)) } ?? .unknown
        }
    }

    /// `funding TAB provider TAB kind TAB annual TAB one-off` a line; tabs and line ends in a
    /// provider's name become spaces.
    static func text(_ costs: [CostShare]) -> String {
        costs.map { c in
            let provider = String(c.provider.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            return "\(c.funding)\t\(provider)\t\(c.kind)\t\(c.annualPence)\t\(c.oneOffPence)"
        }.joined(separator: "\n")
    }

    /// Read back over the bytes (10,000 plans' costs are read for every caseload).
    static func costs(_ text: String) -> [CostShare] {
        var out: [CostShare] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var parts: [(Int, Int)] = []
            func finishLine(_ end: Int) {
                parts.append((start, end))
                if parts.count == 5 {
                    let str = { (i: Int) in String(decoding: UnsafeBufferPointer(rebasing: bytes[parts[i].0..<parts[i].1]), as: UTF8.self) }
                    let num = { (i: Int) -> Int64? in
                        var n: Int64 = 0, neg = false, any = false
                        for k in parts[i].0..<parts[i].1 {
                            let b = bytes[k]
                            if b == UInt8(ascii: "-") && k == parts[i].0 { neg = true; continue }
                            guard b >= 48 && b <= 57 else { return nil }
                            n = n &* 10 &+ Int64(b - 48)
                            any = true
                        }
                        return any ? (neg ? -n : n) : nil
                    }
                    if let a = num(3), let o = num(4) {
                        out.append(CostShare(funding: str(0), provider: str(1), kind: str(2), annualPence: a, oneOffPence: o))
                    }
                }
                parts.removeAll(keepingCapacity: true)
            }
            for i in 0..<bytes.count {
                switch bytes[i] {
                case 0x09:
                    parts.append((start, i))
                    start = i + 1
                case 0x0A:
                    finishLine(i)
                    start = i + 1
                default: break
                }
            }
            if start < bytes.count || !parts.isEmpty { finishLine(bytes.count) }
        }
        return out
    }

    /// Lower-case hex SHA-256 of the bytes.
    static func sha256(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in SHA256.hash(data: bytes) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
