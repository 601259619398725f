/// A statement's bytes as text: the encodings statements come in (UTF-8 with or without a BOM,
/// ISO-8859-1, Windows-1252), decoded to Unicode scalars with every byte checked. A byte that
/// is not a character in the declared encoding is refused at its line and column.

public enum StatementEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case iso88591 = "iso-8859-1"
    case windows1252 = "windows-1252"

    /// The names a rules file may use (case-insensitive).
    public static func named(_ name: String) -> StatementEncoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": return .utf8
        case "iso-8859-1", "iso8859-1", "latin-1", "latin1": return .iso88591
        case "windows-1252", "cp1252": return .windows1252
        default: return nil
        }
    }

    /// Windows-1252's characters for 0x80–0x9F (0 where the code page has none).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// A byte that is not a character in the encoding: where, and what.
public struct UndecodableByte: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var byte: UInt8
}

enum StatementText {
    /// The scalars of `bytes` in `encoding` (a UTF-8 byte-order mark is skipped, in any
    /// encoding: a file that starts with one is UTF-8). ISO-8859-1 has no characters at
    /// 0x80–0x9F (they are control codes); Windows-1252 has none at 0x81, 0x8D, 0x8F, 0x90, 0x9D.
    static func decode(_ bytes: [UInt8], as declared: StatementEncoding) throws(UndecodableByte) -> [Unicode.Scalar] {
        var body = bytes[...]
        var encoding = declared
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3); encoding = .utf8 }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(body.count)
        var line = 1, column = 1
        switch encoding {
        case .utf8:
            var decoder = UTF8()
            var iterator = body.makeIterator()
            var consumed = body.startIndex
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let u):
                    out.append(u)
                    consumed += UTF8.width(u)
                    if u == "\n" { line += 1; column = 1 } else { column += 1 }
                case .emptyInput: break loop
                case .error: throw UndecodableByte(line: line, column: column, byte: body[consumed])
                }
            }
        case .iso88591, .windows1252:
            for b in body {
                var value = UInt32(b)
                if (0x80...0x9F).contains(b) {
                    value = encoding == .iso88591 ? 0 : StatementEncoding.cp1252High[Int(b - 0x80)]
                    if value == 0 { throw UndecodableByte(line: line, column: column, byte: b) }
                }
                let u = Unicode.Scalar(value)!
                out.append(u)
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
        }
        return out
    }
}
