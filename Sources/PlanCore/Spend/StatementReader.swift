/// Reads a statement file into rows, whole or not at all: finds its layout (a built-in one by
/// its header row, or the one a rules file gives), decodes it in that layout's encoding, reads
/// each row's date, description, amount and balance, works out whether it lists the newest or
/// the oldest first, checks every row against the balance column, and returns the rows oldest
/// first (within a day, in the order the bank made them). Any fault refuses the whole file at
/// `file:line:column`, saying what to do: among them a blank balance where there is a balance
/// column, a date out of the statement's order, and a description over 500 characters.

/// One row of a statement, read.
public struct StatementRow: Sendable, Hashable {
    public var date: PlanDate
    public var description: String
    public var amountPence: Int64
    public var balancePence: Int64?
    /// The row's line in the file (1-based).
    public var line: Int
}

public struct ReadStatement: Sendable {
    /// The layout's name: "Lloyds", or a rules file's `name:`.
    public var layout: String
    /// Oldest first.
    public var rows: [StatementRow]
    public var newestFirst: Bool
    public var hasBalance: Bool
}

/// Why a statement was refused: where, what, and what to do (in `message`).
public struct StatementProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(SafeText.visible(file)):\(line):\(column): error: \(message)" }
}

public enum StatementReader {
    static let nothingImported = "Nothing was imported."
    /// The longest description kept (characters); a longer one is refused.
    public static let maxDescription = 500

    /// `rules` nil: the layout is found from the header row among the built-in ones.
    public static func read(_ bytes: [UInt8], file: String, rules: StatementLayout? = nil) throws(StatementProblem) -> ReadStatement {
        func problem(_ line: Int, _ column: Int, _ what: String) -> StatementProblem {
            StatementProblem(file: file, line: line, column: column, message: what + " " + nothingImported)
        }
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw problem(1, 1, "the statement is empty. Export it again from the bank (as CSV), covering the days you need.")
        }
        let layout: StatementLayout
        if let rules { layout = rules } else {
            guard let found = recognise(content) else {
                let names = StatementLayout.builtIn.map(\.name).joined(separator: ", ")
                throw problem(1, 1, "this is not a statement layout the program knows (it knows the CSV exports of \(names), "
                              + "by their header row). Check the file is the bank's CSV export, or describe its columns in a "
                              + "rules file and give it with --rules FILE (see docs/spend.md, \"Importing statements\").")
            }
            layout = found
        }
        let text: [UInt8]
        do { text = try StatementText.decode(bytes, as: layout.encoding) } catch {
            let hex = String(error.byte, radix: 16, uppercase: true)
            throw problem(error.line, error.column, "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not a character in "
                          + "\(layout.encoding.rawValue), the encoding of \(layout.name) statements. The file may have been "
                          + "re-saved in another encoding: export it again from the bank, or give a rules file whose `encoding:` is "
                          + "the file's (utf-8, iso-8859-1 or windows-1252).")
        }
        let records: [CSVRecord]
        do { records = try CSVReader.records(text) } catch {
            throw problem(error.line, error.column, error.problem + ". Export the statement again from the bank; if it was "
                          + "edited in a spreadsheet, save it as CSV.")
        }
        // The header (or, without one, the first row).
        var start = records.firstIndex { $0.line > layout.skipLines } ?? records.count
        var columnIndex: [StatementColumn: Int] = [:]
        var headerLine = layout.skipLines
        if layout.hasHeader {
            let headerAt: Int?
            if rules == nil {
                headerAt = records.firstIndex { isHeader($0, of: layout) }
            } else {
                headerAt = start < records.count ? start : nil
            }
            guard let headerAt else {
                if rules != nil, let lastLine = records.last?.line, lastLine <= layout.skipLines {
                    throw problem(lastLine, 1, "the rules file skips \(layout.skipLines) line(s), but the statement's last "
                                  + "row is on line \(lastLine), so nothing is left. Check `skip:` in the rules file.")
                }
                throw problem(layout.skipLines + 1, 1, "there is no header row here (the \(layout.name) layout"
                              + "\(layout.skipLines > 0 ? " skips \(layout.skipLines) line(s), then" : "") expects one). "
                              + "Check `skip:` in the rules file.")
            }
            let header = records[headerAt]
            headerLine = header.line
            let names = header.fields.map { normalised($0.text) }
            for column in layout.columns {
                switch column {
                case .named(let name):
                    if let i = names.firstIndex(of: normalised(name)) {
                        if let j = names.lastIndex(of: normalised(name)), j != i {
                            throw problem(header.line, header.fields[j].column, "the header has two \(column) columns (fields "
                                          + "\(i + 1) and \(j + 1)), so it is not clear which one to read. Export the statement "
                                          + "again from the bank, or rename one of the columns.")
                        }
                        columnIndex[column] = i
                    } else if !layout.optional.contains(column) {
                        throw problem(header.line, header.endColumn, "the header has no \(column) column, which "
                                      + (layout.source.map { "the rules file \($0) names. Correct the column's name in the rules file." }
                                         ?? "the \(layout.name) layout needs. The bank may have changed its export: describe it in "
                                            + "a rules file (--rules FILE)."))
                    }
                case .number(let n):
                    guard n <= header.fields.count else {
                        throw problem(header.line, header.endColumn, "the header has \(header.fields.count) columns, so there is "
                                      + "no column \(n), which the rules file names. Correct it in the rules file.")
                    }
                    columnIndex[column] = n - 1
                }
            }
            start = headerAt + 1
        } else {
            for column in layout.columns {
                if case .number(let n) = column { columnIndex[column] = n - 1 }
            }
        }
        // The rows, in file order.
        var rows: [StatementRow] = []
        rows.reserveCapacity(records.count - start)
        var balanceFields: [CSVField?] = []
        balanceFields.reserveCapacity(records.count - start)
        let formats = layout.dateFormats.map(\.description).joined(separator: " or ")
        for record in records[start...] {
            func field(_ c: StatementColumn) throws(StatementProblem) -> CSVField? {
                guard let i = columnIndex[c] else { return nil }
                guard i < record.fields.count else {
                    if layout.optional.contains(c) { return nil }
                    throw problem(record.line, record.endColumn, "this row has \(record.fields.count) fields, so it has no "
                                  + "\(c) (field \(i + 1)). The row is cut short: export the statement again from the bank.")
                }
                return record.fields[i]
            }
            let dateField = try field(layout.date)!
            guard let date = layout.dateFormats.lazy.compactMap({ $0.parse(dateField.text) }).first else {
                throw problem(dateField.line, dateField.column, "\"\(SafeText.visible(dateField.text))\" is not a date in the form "
                              + "\(formats)\(rules == nil ? " (the \(layout.name) layout)" : ""). Correct the row, or "
                              + (rules == nil ? "export the statement again." : "give the right `date_format:` in the rules file."))
            }
            var parts: [String] = []
            for c in layout.description {
                guard let f = try field(c) else { continue }
                var d = cleaned(f.text)
                if layout.stripLeadingApostrophe && d.hasPrefix("'") { d.removeFirst() }
                if d.count > maxDescription {
                    throw problem(f.line, f.column, "the description is \(d.count) characters long; at most \(maxDescription) "
                                  + "are kept. Correct the row, or export the statement again from the bank.")
                }
                if !d.isEmpty && !parts.contains(d) { parts.append(d) }
            }
            func amount(_ f: CSVField) throws(StatementProblem) -> Int64? {
                var t = f.text
                if layout.stripLeadingApostrophe && t.hasPrefix("'") { t.removeFirst() }
                switch StatementAmount.parse(t) {
                case nil: return nil
                case .success(let p): return p
                case .failure(let why):
                    throw problem(f.line, f.column, "\"\(SafeText.visible(f.text))\" \(why.words). Correct the row, or export "
                                  + "the statement again from the bank.")
                }
            }
            let pence: Int64
            switch layout.amount {
            case .signed(let c, let outPositive):
                let f = try field(c)!
                guard let p = try amount(f) else {
                    throw problem(f.line, f.column, "the amount is empty. Every row needs one: correct the row, or export the "
                                  + "statement again from the bank.")
                }
                pence = outPositive ? -p : p
            case .split(let inColumn, let outColumn):
                let fi = try field(inColumn)!, fo = try field(outColumn)!
                let paidIn = try amount(fi), paidOut = try amount(fo)
                if paidIn == nil && paidOut == nil {
                    throw problem(fi.line, min(fi.column, fo.column), "neither \(inColumn) nor \(outColumn) has an amount. Every "
                                  + "row needs one: correct the row, or export the statement again from the bank.")
                }
                if let i = paidIn, let o = paidOut, i != 0, o != 0 {
                    throw problem(fo.line, fo.column, "both \(inColumn) and \(outColumn) have an amount, so it is not clear "
                                  + "whether money went in or out. Correct the row (one of the two is left blank), or export "
                                  + "the statement again from the bank.")
                }
                if let i = paidIn, i < 0 {
                    throw problem(fi.line, fi.column, "\(inColumn) is negative (\"\(SafeText.visible(fi.text))\"), so it is "
                                  + "not clear whether money went in or out (money in is written without a sign). Correct the "
                                  + "row, or export the statement again from the bank.")
                }
                pence = (paidIn ?? 0) - (paidOut ?? 0).magnitude.asInt64
            }
            var balance: Int64?
            var balanceField: CSVField?
            if let c = layout.balance, let f = try field(c) {
                guard let b = try amount(f) else {
                    throw problem(f.line, f.column, "the balance is empty, but the statement has a \(c) column and every row "
                                  + "is checked against it (a row without a balance could be anything). Export the statement "
                                  + "again from the bank, unedited" + (rules == nil ? "." : "; if this bank never fills the "
                                  + "balance in, leave `balance:` out of the rules file."))
                }
                balance = b
                balanceField = f
            }
            rows.append(StatementRow(date: date, description: parts.joined(separator: " / "), amountPence: pence,
                                     balancePence: balance, line: record.line))
            balanceFields.append(balanceField)
        }
        guard let first = rows.first, let last = rows.last else {
            throw problem(headerLine + 1, 1, "the statement has no transactions\(layout.hasHeader ? " after its header" : ""). "
                          + "Export a statement that covers the days you need.")
        }
        // Newest or oldest first: from the dates, else from the balances, else the layout's way.
        let hasBalance = rows.contains { $0.balancePence != nil }
        var newestFirst: Bool
        if first.date != last.date {
            newestFirst = first.date > last.date
        } else if hasBalance {
            let forward = firstMismatch(rows, newestFirst: false) == nil
            let backward = firstMismatch(rows, newestFirst: true) == nil
            newestFirst = forward == backward ? layout.newestFirst : backward
        } else {
            newestFirst = layout.newestFirst
        }
        // The dates must agree with that order: the balance check runs in file order.
        for (previous, row) in zip(rows, rows.dropFirst()) where newestFirst ? row.date > previous.date : row.date < previous.date {
            throw problem(row.line, 1, "this row's date (\(row.date)) is out of order: the statement lists "
                          + "\(newestFirst ? "the newest" : "the oldest") first (line \(first.line) is \(first.date), line "
                          + "\(last.line) is \(last.date)), but the row before it (line \(previous.line)) is \(previous.date). "
                          + "Rows were moved or changed: export the statement again from the bank, unedited.")
        }
        if hasBalance, let bad = firstMismatch(rows, newestFirst: newestFirst) {
            let row = rows[bad.row], f = balanceFields[bad.row]!
            throw problem(f.line, f.column, "the balance does not add up: the row before it (line \(rows[bad.previous].line)) "
                          + "leaves \(StatementAmount.shown(rows[bad.previous].balancePence!)), and this row's "
                          + "\(StatementAmount.shown(row.amountPence)) makes \(StatementAmount.shown(rows[bad.previous].balancePence! + row.amountPence)), "
                          + "not \(StatementAmount.shown(row.balancePence!)). A row is missing or was changed: export the "
                          + "statement again from the bank, unedited.")
        }
        var ordered = newestFirst ? Array(rows.reversed()) : rows
        // Oldest first, keeping the order within a day (a stable sort).
        if !isSorted(ordered) {
            ordered = ordered.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        }
        return ReadStatement(layout: layout.name, rows: ordered, newestFirst: newestFirst, hasBalance: hasBalance)
    }

    static func isSorted(_ rows: [StatementRow]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { $0.date <= $1.date }
    }

    /// The first row (in time order) whose balance is not the one before plus its amount.
    static func firstMismatch(_ rows: [StatementRow], newestFirst: Bool) -> (row: Int, previous: Int)? {
        let indices = newestFirst ? Array(rows.indices.reversed()) : Array(rows.indices)
        var previous: Int?
        for i in indices {
            guard let balance = rows[i].balancePence else { continue }
            if let p = previous, rows[p].balancePence! + rows[i].amountPence != balance { return (i, p) }
            previous = i
        }
        return nil
    }

    /// The built-in layout whose header is among the first lines.
    static func recognise(_ content: [UInt8]) -> StatementLayout? {
        var lineStart = 0, lines = 0
        var i = 0
        while i <= content.count && lines < 30 {
            if i == content.count || content[i] == 0x0A || content[i] == 0x0D {
                if let record = (try? CSVReader.records(Array(content[lineStart..<i])))?.first {
                    for layout in StatementLayout.builtIn where isHeader(record, of: layout) { return layout }
                }
                lines += 1
                if i + 1 < content.count && content[i] == 0x0D && content[i + 1] == 0x0A { i += 1 }  // CRLF: one line end
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }

    static func isHeader(_ record: CSVRecord, of layout: StatementLayout) -> Bool {
        let names = Set(record.fields.map { normalised($0.text) })
        return layout.identifiedBy.allSatisfy { names.contains(normalised($0)) }
    }

    static func normalised(_ name: String) -> String {
        var s = Substring(name)
        while let f = s.first, f == " " || f == "\t" || f == "\u{FEFF}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s.lowercased()
    }

    /// A description as kept: control characters gone, runs of spaces one space, trimmed.
    static func cleaned(_ text: String) -> String {
        // Most descriptions are already clean: printable ASCII, single spaces, none at the ends.
        var plain = true
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            if b < 0x21 || b >= 0x7F {
                if b != 0x20 || previous == 0x20 { plain = false; break }
            }
            previous = b
        }
        if plain && previous != 0x20 { return text }
        var out = String.UnicodeScalarView()
        var space = false
        for u in text.unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{A0}" {
                space = !out.isEmpty
                continue
            }
            if SafeText.isControl(u) { continue }
            if space { out.append(" "); space = false }
            out.append(u)
        }
        return String(out)
    }
}

extension UInt64 {
    var asInt64: Int64 { Int64(clamping: self) }
}
