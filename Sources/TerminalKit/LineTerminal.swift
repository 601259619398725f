/// Plain line mode: no alternate screen, no cursor addressing, one line per message or
/// prompt, answers read a line at a time. For screen readers and braille displays,
/// `TERM=dumb`, pipes and scripts. Every state change is a new line (nothing is redrawn).

public final class LineTerminal {
    private let readLine: () -> String?
    private let writeLine: (String) -> Void

    /// Standard input and output by default; tests pass their own.
    public init(read: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
                write: @escaping (String) -> Void = { print($0) }) {
        readLine = read
        writeLine = write
    }

    public func say(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { writeLine(String(line)) }
    }

    /// Asks a question; an empty answer keeps `current` when there is one. Nil at end of input.
    public func ask(_ question: String, current: String? = nil) -> String? {
        writeLine(current.map { "\(question) [\($0)]" } ?? question)
        guard let answer = readLine() else { return nil }
        let trimmed = answer.trimmingCharacters(in: " \t")
        if trimmed.isEmpty, let current { return current }
        return trimmed
    }

    /// A numbered choice; the answer is the number (or the option's text). Asks again when the
    /// answer is neither. Nil at end of input.
    public func choose(_ question: String, options: [String]) -> Int? {
        writeLine(question)
        for (i, o) in options.enumerated() { writeLine("  \(i + 1). \(o)") }
        while true {
            writeLine("Type a number from 1 to \(options.count):")
            guard let answer = readLine()?.trimmingCharacters(in: " \t") else { return nil }
            if let n = Int(answer), n >= 1, n <= options.count { return n - 1 }
            if let i = options.firstIndex(where: { $0.lowercased() == answer.lowercased() }) { return i }
            writeLine("'\(answer)' is not one of the choices.")
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
