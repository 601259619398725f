/// Sets top-level scalar fields in a plan template's text, keeping its comments (the prompts
/// in plain words) and everything else byte for byte.

public enum TemplateFill {
    /// Replaces the value of each top-level `key:` line named in `values` (already YAML text).
    public static func fill(_ text: String, values: [String: String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            let key = String(line[..<colon])
            guard let value = values[key] else { continue }
            let rest = line[line.index(after: colon)...]
            let comment = commentStart(rest).map { String(rest[$0...]) } ?? ""
            lines[i] = "\(key): \(value)\(comment)"
        }
        return lines.joined(separator: "\n")
    }

    /// Where a ` #` comment starts on a plain-scalar line.
    static func commentStart(_ s: Substring) -> Substring.Index? {
        var previous: Character = " "
        for i in s.indices {
            if s[i] == "#" && previous == " " && i != s.startIndex { return s.index(before: i) }
            previous = s[i]
        }
        return nil
    }
}
