/// A statement's bytes as text: the encodings statements come in (UTF-8 with or without a BOM,
/// ISO-8859-1, Windows-1252), decoded to Unicode scalars with every byte checked. A byte that
/// is not a character in the declared encoding is refused at its line and column. A file that
/// starts with a UTF-8 byte-order mark, or is valid UTF-8 holding `£` as UTF-8 writes it, is
/// read as UTF-8 whatever the layout's encoding (it was re-saved as UTF-8).

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
    /// `bytes` in `encoding` as UTF-8 (a UTF-8 byte-order mark is skipped, in any encoding: a
    /// file that starts with one is UTF-8 unless what follows is not UTF-8). ISO-8859-1 has no characters at 0x80–0x9F (they
    /// are control codes); Windows-1252 has none at 0x81, 0x8D, 0x8F, 0x90, 0x9D. Columns in
    /// errors count characters.
    static func containsUTF8Pound(_ body: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in body {
            if previous == 0xC2 && b == 0xA3 { return true }
            previous = b
        }
        return false
    }

    static func decode(_ bytes: [UInt8], as declared: StatementEncoding) throws(UndecodableByte) -> [UInt8] {
        var body = bytes[...]
        var encoding = declared
        let validUTF8 = { (b: ArraySlice<UInt8>) in b.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            // A mark before bytes that are not UTF-8 (a single-byte file with a mark added): the layout's encoding.
            if declared == .utf8 || validUTF8(body) { encoding = .utf8 }
        }
        // A file of a single-byte layout re-saved as UTF-8 (a spreadsheet does this): `£` is the
        // two bytes C2 A3. Valid UTF-8 holding them is read as UTF-8, not as `Â£`.
        if encoding != .utf8, containsUTF8Pound(body), validUTF8(body) {
            encoding = .utf8
        }
        switch encoding {
        case .utf8:
            let valid = body.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil
            if valid { return Array(body) }
            var decoder = UTF8()
            var iterator = body.makeIterator()
            var consumed = body.startIndex
            var line = 1, column = 1
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let u):
                    consumed += UTF8.width(u)
                    if u == "\n" { line += 1; column = 1 } else { column += 1 }
                case .emptyInput: return Array(body)  // not reached: the bytes were not valid
                case .error: throw UndecodableByte(line: line, column: column, byte: body[consumed])
                }
            }
        case .iso88591, .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(body.count + body.count / 8)
            var line = 1, column = 1
            for b in body {
                if b < 0x80 {
                    out.append(b)
                    if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                    continue
                }
                var value = UInt32(b)
                if b <= 0x9F {
                    value = encoding == .iso88591 ? 0 : StatementEncoding.cp1252High[Int(b - 0x80)]
                    if value == 0 { throw UndecodableByte(line: line, column: column, byte: b) }
                }
                out += UTF8.encode(Unicode.Scalar(value)!)!
                column += 1
            }
            return out
        }
    }
}
