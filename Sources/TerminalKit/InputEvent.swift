/// What the terminal tells the program: a key, typed text, a paste (one event, however long),
/// a new size, or a signal asking the program to stop.

public enum Key: Sendable, Hashable, CustomStringConvertible {
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, insert, enter, tab, backTab, escape
    case function(Int)
    /// Ctrl with a letter: `.ctrl("s")`.
    case ctrl(Character)
    /// Alt (Meta) with a key: `.alt("b")`.
    case alt(Character)
    case ctrlLeft, ctrlRight

    public var description: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .alt(let c): return "Alt-\(c)"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        }
    }
}

public enum InputEvent: Sendable, Hashable {
    case key(Key)
    /// One typed character (a combining mark arrives as its own text and joins the one before).
    case text(String)
    /// Bracketed paste: the whole pasted text, line ends normalised to `\n`.
    case paste(String)
    case resize(Size)
    /// SIGTERM, SIGINT or SIGHUP: save what matters, then stop.
    case signal(Int32)
    /// Time passed with no input, when the program asked to be woken (to write a recovery
    /// file); never while it has nothing to do.
    case tick
}

extension InputEvent {
    /// The events of typing a string, one character at a time (scripts and tests).
    public static func typing(_ s: String) -> [InputEvent] { s.map { .text(String($0)) } }
}

public enum Paste {
    /// CRLF and CR become LF; other control characters except tab are dropped.
    public static func normalise(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            if u == "\n" || u == "\t" || !(u.value < 0x20 || u.value == 0x7F) { out.append(u) }
        }
        return String(out)
    }
}
