/// Typing into a list's filter box, shared by the plan list and the caseload: Enter keeps the
/// filter, Esc clears it, any other key edits it (the list shows what matches as it is typed).
import TerminalKit

enum FilterEditing {
    /// Applies `e` to the open filter box `box`, keeping `filter` the text being matched.
    static func handle(_ e: InputEvent, box: inout TextField?, filter: inout String) {
        guard var f = box else { return }
        if e == .key(.enter) || e == .key(.escape) {
            box = nil
            if e == .key(.escape) { filter = "" }
        } else {
            f.handle(e)
            box = f
            filter = f.text
        }
    }
}
