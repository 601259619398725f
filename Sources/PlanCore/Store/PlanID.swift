/// Plan ids: the one check every path, file name and trusted comment built from an id goes
/// through. `^[A-Z0-9][A-Z0-9-]{1,39}$`: no slash, dot, quote, space or control character, so
/// an id can never leave its folder or forge a field of a signature's trusted comment.

public enum PlanID {
    public static let rule = "use 2 to 40 capital letters, digits and dashes, starting with a letter or digit (e.g. CA-2026-0412)"

    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (2...40).contains(bytes.count) else { return false }
        func upperOrDigit(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) }
        guard upperOrDigit(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { upperOrDigit($0) || $0 == 0x2D }
    }

    /// An untrusted value for a message: control characters shown visibly (`SafeText`), cut at
    /// `limit` characters.
    public static func shown(_ id: String, limit: Int? = 60) -> String {
        let scalars = id.unicodeScalars
        guard let limit, scalars.count > limit else { return SafeText.visible(id) }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(limit))
        return SafeText.visible(String(cut)) + "…"
    }
}

/// Names and roles that go into a signature's trusted comment between quotes.
public enum SignerText {
    /// No quote, backslash or control character, not blank, at most 80 characters.
    public static func isPlain(_ s: String) -> Bool {
        !s.trimmingSpaces().isEmpty && s.unicodeScalars.count <= 80
            && !s.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || (0x7F..<0xA0).contains($0.value)
                || $0.value == 0x2028 || $0.value == 0x2029 }
    }
}
