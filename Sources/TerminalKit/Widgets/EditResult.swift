/// What an editor did with an event: changed its text, only moved, or left it for the screen
/// (Tab, Enter in a single-line field, Esc, function keys).
public enum EditResult: Sendable, Equatable {
    case changed, moved, ignored

    public var consumed: Bool { self != .ignored }
}

/// Word boundaries for Alt-b/Alt-f, Ctrl-W: a run of letters or digits is a word.
func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
