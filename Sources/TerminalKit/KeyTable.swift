/// One table of key bindings per screen: it dispatches keys, and it generates the F1/`?` help
/// and the hint bar, so help can never drift from what the keys do (htop `Action_setBindings`,
/// gitui `commands()`). Every function key should have a letter or Ctrl alias.

public struct KeyBinding<Action: Sendable>: Sendable {
    public var events: [InputEvent]
    public var action: Action
    /// A word or two for the hint bar ("Save").
    public var label: String
    /// A sentence for the help screen.
    public var help: String
    public var inHintBar: Bool

    public init(_ events: [InputEvent], _ action: Action, label: String, help: String, inHintBar: Bool = true) {
        self.events = events
        self.action = action
        self.label = label
        self.help = help
        self.inHintBar = inHintBar
    }

    /// "F2/Ctrl-S", as shown to people.
    public var keyNames: String {
        events.map { e -> String in
            switch e {
            case .key(let k): return k.description
            case .text(let t): return t == " " ? "Space" : t
            default: return ""
            }
        }.joined(separator: "/")
    }
}

public struct KeyTable<Action: Sendable>: Sendable {
    public var title: String
    public var bindings: [KeyBinding<Action>]

    public init(title: String, _ bindings: [KeyBinding<Action>]) {
        self.title = title
        self.bindings = bindings
    }

    public func action(for event: InputEvent) -> Action? {
        bindings.first { $0.events.contains(event) }?.action
    }

    /// "F1 Help  F2 Save  F10 Quit", cut to fit `width` at a whole hint.
    public func hintBar(width: Int) -> String {
        var out = ""
        for b in bindings where b.inHintBar {
            let first = b.events.first.map { e -> String in
                if case .key(let k) = e { return k.description }
                if case .text(let t) = e { return t == " " ? "Space" : t }
                return ""
            } ?? ""
            let hint = "\(first) \(b.label)"
            let next = out.isEmpty ? hint : out + "  " + hint
            if DisplayWidth.of(next) > width { break }
            out = next
        }
        return out
    }

    /// The help screen's lines: every binding with all its keys and its sentence, the
    /// sentence wrapped (never cut) under itself to fit `width`.
    public func helpLines(width: Int = .max) -> [String] {
        let keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyNames) }.max() ?? 0) + 2
        return bindings.flatMap { b -> [String] in
            let keys = b.keyNames
            let lead = keys + String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys)))
            let text = TextWrap.lines(b.help, width: max(10, width - DisplayWidth.of(lead)))
            return text.enumerated().map { i, line in
                (i == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + line
            }
        }
    }
}

/// The help overlay: a framed box over the screen, listing the key table. Every line is
/// whole (wrapped to the box); the title is in the top border and how to close it in the
/// bottom one, so the keys have every row between.
public enum HelpOverlay {
    public static func render<A>(_ table: KeyTable<A>, into canvas: inout Canvas, extra: [String] = []) {
        let inner = canvas.size.width - 6
        var lines = table.helpLines(width: inner) + extra.flatMap { TextWrap.lines($0, width: inner) }
        let title = " Help: \(table.title) ", close = " Esc or F1 closes this help "
        let width = min(canvas.size.width - 2, max(DisplayWidth.of(close) + 4, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let height = min(canvas.size.height, lines.count + 2)
        if lines.count > height - 2 {
            let left = lines.count - (height - 3)
            lines = Array(lines.prefix(height - 3)) + ["↓ \(left) more lines: a wider or taller terminal shows them"]
        }
        let left = max(0, (canvas.size.width - width) / 2), top = max(0, (canvas.size.height - height) / 2)
        canvas.fill(row: top, column: left, width: width, height: height)
        canvas.put("+" + String(repeating: "-", count: width - 2) + "+", row: top, column: left)
        canvas.put("+" + String(repeating: "-", count: width - 2) + "+", row: top + height - 1, column: left)
        canvas.put(title, row: top, column: left + 2, style: .bold, limit: width - 4)
        canvas.put(close, row: top + height - 1, column: left + 2, limit: width - 4)
        for r in 1..<(height - 1) {
            canvas.put("|", row: top + r, column: left)
            canvas.put("|", row: top + r, column: left + width - 1)
        }
        for (i, line) in lines.enumerated() {
            canvas.put(line, row: top + 1 + i, column: left + 2, limit: width - 4)
        }
        canvas.cursor = Point(row: top, column: left + 3)
    }
}

/// "Terminal too small" instead of a garbled screen (ncdu `ncresize()`). It still takes the
/// quit and help keys.
public enum TooSmall {
    public static let minimum = Size(width: 80, height: 24)

    public static func fits(_ size: Size, need: Size = minimum) -> Bool {
        size.width >= need.width && size.height >= need.height
    }

    public static func render(_ size: Size, need: Size = minimum, quitKeys: String = "Ctrl-Q") -> Canvas {
        var c = Canvas(size)
        let lines = [
            "Terminal too small (need \(need.width)×\(need.height))",
            "This one is \(size.width)×\(size.height).",
            "Make the window bigger,",
            "or press \(quitKeys) to quit.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let left = max(0, (size.width - DisplayWidth.of(line)) / 2)
            c.put(line, row: top + i, column: left, style: i == 0 ? .bold : .plain)
        }
        c.cursor = Point(row: min(top, max(0, size.height - 1)), column: max(0, (size.width - DisplayWidth.of(lines[0])) / 2))
        return c
    }
}
