/// CSV as RFC 4180 writes it, read from decoded text: fields separated by commas, records by
/// CRLF, LF or a lone CR, a field in double quotes may hold commas, line ends and doubled
/// quotes (`""`). Every field keeps the line and column where it starts, so a statement's
/// problems are reported at `file:line:column`. Blank lines are skipped.

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
    public static func records(_ text: [Unicode.Scalar]) throws(CSVSyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var line = 1, column = 1
        var i = 0
        let n = text.count
        var field = String.UnicodeScalarView()
        while i < n {
            // Start of a field.
            let startLine = line, startColumn = column
            field.removeAll(keepingCapacity: true)
            if text[i] == "\"" {
                i += 1; column += 1
                var closed = false
                while i < n {
                    let u = text[i]
                    if u == "\"" {
                        if i + 1 < n && text[i + 1] == "\"" {
                            field.append("\""); i += 2; column += 2
                            continue
                        }
                        i += 1; column += 1
                        closed = true
                        break
                    }
                    field.append(u)
                    i += 1
                    if u == "\n" || (u == "\r" && !(i < n && text[i] == "\n")) { line += 1; column = 1 } else { column += 1 }
                }
                if !closed {
                    throw CSVSyntaxError(line: startLine, column: startColumn,
                                         problem: "this quoted field has no closing quote (\"), so the rest of the file would be one field")
                }
                if i < n && text[i] != "," && text[i] != "\n" && text[i] != "\r" {
                    throw CSVSyntaxError(line: line, column: column,
                                         problem: "a character after the closing quote of the field that starts at "
                                             + "\(startLine):\(startColumn); inside a quoted field write a quote as \"\"")
                }
            } else {
                while i < n {
                    let u = text[i]
                    if u == "," || u == "\n" || u == "\r" { break }
                    if u == "\"" {
                        throw CSVSyntaxError(line: line, column: column,
                                             problem: "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")")
                    }
                    field.append(u)
                    i += 1; column += 1
                }
            }
            fields.append(CSVField(text: String(field), line: startLine, column: startColumn))
            // After the field: a comma (another field follows), a line end or the end.
            if i < n && text[i] == "," {
                i += 1; column += 1
                if i == n || text[i] == "\n" || text[i] == "\r" {
                    fields.append(CSVField(text: "", line: line, column: column))  // a trailing empty field
                } else {
                    continue
                }
            }
            let end = column
            if i < n && text[i] == "\r" { i += 1; if i < n && text[i] == "\n" { i += 1 } } else if i < n && text[i] == "\n" { i += 1 }
            line += 1; column = 1
            if !(fields.count == 1 && fields[0].text.isEmpty) {  // a blank line
                records.append(CSVRecord(fields: fields, endColumn: end))
            }
            fields.removeAll(keepingCapacity: true)
            // Blank lines between records.
            while i < n && (text[i] == "\n" || text[i] == "\r") {
                if text[i] == "\r" && i + 1 < n && text[i + 1] == "\n" { i += 1 }
                i += 1; line += 1
            }
        }
        return records
    }
}
