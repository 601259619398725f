/// What can happen in the editor, and the one key table that maps keys to it and writes the
/// help screen and the hint bar.
import PlanCore
import TerminalKit

public enum EditorAction: Sendable, Equatable {
    /// A key or text for the open editor, picker or prompt.
    case input(InputEvent)
    case next, previous, enter, back
    case save, quit, help, undo, redo, redraw
    case section(Section), nextSection, previousSection
    case acknowledge
    case find, findNext
    case submit
    case plainWords
    /// The "Money so far" screen for this plan (docs/spend.md).
    case moneySoFar
    case tick
    case signal(Int32)
    /// Results of effects, fed back by the session.
    case saved(digest: String), saveFailed(String), conflict
}

public enum EditorEffect: Sendable, Equatable {
    /// Write `text` to `path` atomically, unless the disk no longer has `expected` (a conflict).
    case save(path: String, text: String, expected: String?)
    case writeRecovery(String)
    case deleteRecovery
    case reload
    /// Ask for sign-off (the plan is saved first).
    case submit
    /// Take a submitted plan back to a draft (logged in the store).
    case withdraw
    /// Show the "Money so far" screen for the plan, then come back.
    case moneySoFar
    case quit
    case redraw
}

public enum EditorKeys {
    public static let navigation = KeyTable<EditorAction>(title: "Plan editor", [
        KeyBinding([.key(.function(1)), .text("?")], .help, label: "Help", help: "This help (? outside a text field)."),
        KeyBinding([.key(.function(2)), .key(.ctrl("s"))], .save, label: "Save", help: "Save the plan (atomically)."),
        KeyBinding([.key(.enter)], .enter, label: "Edit", help: "Edit the field, open the entry or choose from a list."),
        KeyBinding([.key(.tab), .key(.down)], .next, label: "Next", help: "Next field.", inHintBar: false),
        KeyBinding([.key(.backTab), .key(.up)], .previous, label: "Back", help: "Previous field.", inHintBar: false),
        KeyBinding([.key(.pageDown), .text("]")], .nextSection, label: "Section", help: "Next section (1–8 jump to one)."),
        KeyBinding([.key(.pageUp), .text("[")], .previousSection, label: "Prev", help: "Previous section.", inHintBar: false),
        KeyBinding([.key(.escape)], .back, label: "Back", help: "Back from an entry to its list.", inHintBar: false),
        KeyBinding([.text("/"), .key(.ctrl("f"))], .find, label: "Find", help: "Find a field by its name or what it says."),
        KeyBinding([.text("n")], .findNext, label: "Next", help: "Find the next field with the same text (F3 in the find box).",
                   inHintBar: false),
        KeyBinding([.key(.function(8)), .key(.ctrl("g"))], .submit, label: "Submit",
                   help: "Send the plan to a manager to sign off, or take a sent plan back so it can be changed (each asks first).",
                   inHintBar: false),
        KeyBinding([.text("m"), .key(.function(7))], .moneySoFar, label: "Money",
                   help: "Money so far: spending against the plan, the forecast.", inHintBar: false),
        KeyBinding([.key(.function(3)), .text("u")], .undo, label: "Undo", help: "Undo the last change."),
        KeyBinding([.key(.function(4)), .text("r")], .redo, label: "Redo", help: "Redo.", inHintBar: false),
        KeyBinding([.text("a")], .acknowledge, label: "Ack", help: "In Findings: accept a warning, with a reason.", inHintBar: false),
        KeyBinding([.key(.function(9)), .text("p"), .text("P")], .plainWords, label: "Plain", help: "Plain words on or off.",
                   inHintBar: false),
        KeyBinding([.key(.ctrl("l"))], .redraw, label: "Redraw", help: "Draw the screen again.", inHintBar: false),
        KeyBinding([.key(.function(10)), .key(.ctrl("q"))], .quit, label: "Quit", help: "Leave (asks if something is unsaved)."),
    ])

    /// While a text box (several lines) is being edited: Enter is a new line, Tab keeps it.
    public static let editingText = KeyTable<EditorAction>(title: "Editing a text box", [
        KeyBinding([.key(.tab)], .next, label: "Keep", help: "Keep the text and go to the next field."),
        KeyBinding([.key(.enter)], .input(.key(.enter)), label: "New line", help: "Start a new line."),
        KeyBinding([.key(.escape)], .back, label: "Cancel", help: "Leave the text as it was."),
        KeyBinding([.key(.function(2)), .key(.ctrl("s"))], .save, label: "Save", help: "Keep the text and save the plan."),
        KeyBinding([.key(.function(1))], .help, label: "Help", help: "This help."),
    ])

    /// While a field is being edited: the field's own keys (readline), and these.
    public static let editing = KeyTable<EditorAction>(title: "Editing a field", [
        KeyBinding([.key(.enter)], .enter, label: "Done", help: "Keep the value."),
        KeyBinding([.key(.tab)], .next, label: "Next", help: "Keep the value and go to the next field."),
        KeyBinding([.key(.escape)], .back, label: "Cancel", help: "Leave the field as it was."),
        KeyBinding([.key(.function(2)), .key(.ctrl("s"))], .save, label: "Save", help: "Keep the value and save the plan."),
        KeyBinding([.key(.function(1))], .help, label: "Help", help: "This help."),
    ])

    /// The keys for the field being edited (a text box's Enter is a new line).
    static func table(editing edit: FieldEdit?) -> KeyTable<EditorAction> {
        guard let edit else { return navigation }
        return edit.kind == .multiline ? editingText : editing
    }
}
