/// A tiny JSON writer that keeps keys in the order written (the `check --json` contract shows
/// them in a fixed order) and escapes strings per RFC 8259.

public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma = [false]

    public init() {}

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "}"
    }

    public mutating func array<T>(_ items: [T], _ each: (inout JSONWriter, T) -> Void) {
        separate()
        text += "["
        needsComma.append(false)
        for item in items { each(&self, item) }
        needsComma.removeLast()
        text += "]"
    }

    /// A key inside an object, then its value.
    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        separate()
        text += JSONWriter.quote(key) + ":"
        needsComma.append(false)
        value(&self)
        needsComma.removeLast()
    }

    public mutating func string(_ s: String) { separate(); text += JSONWriter.quote(s) }
    public mutating func int(_ n: Int64) { separate(); text += String(n) }
    public mutating func bool(_ b: Bool) { separate(); text += b ? "true" : "false" }
    /// A number already written as exact JSON number text (`5.25`).
    public mutating func number(_ literal: String) { separate(); text += literal }
    public mutating func null() { separate(); text += "null" }
    public mutating func optionalString(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func optionalInt(_ n: Int64?) { if let n { int(n) } else { null() } }

    public static func quote(_ s: String) -> String {
        // Printable ASCII with no quote or backslash needs nothing escaped (most ids, names, paths).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C0, and DEL and C1 too: JSON allows them raw, a terminal would act on them.
                if SafeText.isControl(u) {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
