/// CSV as RFC 4180 writes it, read from decoded text: fields separated by commas, records by
/// CRLF, LF or a lone CR, a field in double quotes may hold commas, line ends and doubled
/// quotes (`""`). Every field keeps the line and column where it starts, so a statement's
/// problems are reported at `file:line:column`. Blank lines are skipped. A record has at most
/// 64 fields (a row of commas would otherwise hold millions).

public struct CSVField: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var column: Int
}

public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    /// The line the record starts on.
    public var line: Int { fields.first?.line ?? 0 }
    /// The position just after the record's last field, for "a column is missing here".
    public var endColumn: Int
}

/// A quote out of place: where, and what is wrong.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var problem: String
}

public enum CSVReader {
    static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    /// The most fields a record may have; a statement has a dozen at most.
    public static let maxFields = 64

    /// The records of UTF-8 text (columns count characters, not bytes).
    public static func records(_ text: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        try text.withUnsafeBufferPointer { (t: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> [CSVRecord] in
            try records(t)
        }
    }

    static func records(_ text: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var line = 1, column = 1
        var i = 0
        let n = text.count
        var buffer: [UInt8] = []
        @inline(__always) func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while i < n {
            // Start of a field.
            let startLine = line, startColumn = column
            let value: String
            if text[i] == quote {
                i += 1; column += 1
                var closed = false
                let from = i
                var doubled = false
                buffer.removeAll(keepingCapacity: true)
                while i < n {
                    let b = text[i]
                    if b == quote {
                        if i + 1 < n && text[i + 1] == quote {
                            if !doubled { buffer.append(contentsOf: text[from..<i]); doubled = true }
                            buffer.append(quote); i += 2; column += 2
                            continue
                        }
                        if doubled { } else { buffer.append(contentsOf: text[from..<i]) }
                        i += 1; column += 1
                        closed = true
                        break
                    }
                    if doubled { buffer.append(b) }
                    i += 1
                    if b == lf || (b == cr && !(i < n && text[i] == lf)) { line += 1; column = 1 } else if !isContinuation(b) { column += 1 }
                }
                if !closed {
                    throw CSVSyntaxError(line: startLine, column: startColumn,
                                         problem: "this quoted field has no closing quote (\"), so the rest of the file would be one field")
                }
                if i < n && text[i] != comma && text[i] != lf && text[i] != cr {
                    throw CSVSyntaxError(line: line, column: column,
                                         problem: "a character after the closing quote of the field that starts at "
                                             + "\(startLine):\(startColumn); inside a quoted field write a quote as \"\"")
                }
                value = String(decoding: buffer, as: UTF8.self)
            } else {
                let from = i
                while i < n {
                    let b = text[i]
                    if b == comma || b == lf || b == cr { break }
                    if b == quote {
                        throw CSVSyntaxError(line: line, column: column,
                                             problem: "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")")
                    }
                    i += 1
                    if !isContinuation(b) { column += 1 }
                }
                value = String(decoding: UnsafeBufferPointer(rebasing: text[from..<i]), as: UTF8.self)
            }
            if fields.count == maxFields {
                throw CSVSyntaxError(line: startLine, column: startColumn,
                                     problem: "this row has more than \(maxFields) fields; a statement row has far fewer")
            }
            fields.append(CSVField(text: value, line: startLine, column: startColumn))
            // After the field: a comma (another field follows), a line end or the end.
            if i < n && text[i] == comma {
                i += 1; column += 1
                if i == n || text[i] == lf || text[i] == cr {
                    if fields.count == maxFields {
                        throw CSVSyntaxError(line: line, column: column,
                                             problem: "this row has more than \(maxFields) fields; a statement row has far fewer")
                    }
                    fields.append(CSVField(text: "", line: line, column: column))  // a trailing empty field
                } else {
                    continue
                }
            }
            let end = column
            if i < n && text[i] == cr { i += 1; if i < n && text[i] == lf { i += 1 } } else if i < n && text[i] == lf { i += 1 }
            line += 1; column = 1
            if !(fields.count == 1 && fields[0].text.isEmpty) {  // a blank line
                records.append(CSVRecord(fields: fields, endColumn: end))
            }
            fields.removeAll(keepingCapacity: true)
            // Blank lines between records.
            while i < n && (text[i] == lf || text[i] == cr) {
                if text[i] == cr && i + 1 < n && text[i + 1] == lf { i += 1 }
                i += 1; line += 1
            }
        }
        return records
    }
}
