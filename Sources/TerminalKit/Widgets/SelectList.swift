/// A choice among a few fixed options, shown all at once with `(•)` on the chosen one.
/// ↑/↓ move, 1–9 pick by number, a letter jumps to the next option starting with it.

public struct SelectList: Sendable, Equatable {
    public let options: [String]
    public private(set) var selected: Int

    public init(_ options: [String], selected: Int = 0) {
        self.options = options
        self.selected = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
    }

    public var value: String? { options.isEmpty ? nil : options[selected] }

    @discardableResult
    public mutating func handle(_ event: InputEvent) -> EditResult {
        guard !options.isEmpty else { return .ignored }
        switch event {
        case .key(.up), .key(.ctrl("p")):
            guard selected > 0 else { return .ignored }
            selected -= 1
            return .changed
        case .key(.down), .key(.ctrl("n")):
            guard selected < options.count - 1 else { return .ignored }
            selected += 1
            return .changed
        case .text(let t):
            if let n = Int(t), n >= 1, n <= min(9, options.count) {
                selected = n - 1
                return .changed
            }
            let lower = t.lowercased()
            for step in 1...options.count {
                let i = (selected + step) % options.count
                if options[i].lowercased().hasPrefix(lower) {
                    selected = i
                    return .changed
                }
            }
            return .ignored
        default:
            return .ignored
        }
    }

    /// One option a row, numbered; returns the cursor position (on the chosen option).
    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, focused: Bool) -> Point {
        for (i, option) in options.enumerated() {
            let mark = i == selected ? "(•)" : "( )"
            let label = i < 9 ? "\(i + 1) " : "  "
            canvas.put("\(mark) \(label)\(option)", row: row + i, column: column,
                       style: i == selected && focused ? .focus : .plain, limit: width)
        }
        return Point(row: row + selected, column: column + 1)
    }
}
