/// Inline cursor markup for editor tests (helix `helpers.rs`): `"ab|c"` is the text "abc"
/// with the cursor after "b".
import TerminalKit

enum Markup {
    static func parse(_ s: String) -> (text: String, cursor: Int) {
        guard let bar = s.firstIndex(of: "|") else { return (s, s.count) }
        let before = String(s[..<bar])
        let text = before + String(s[s.index(after: bar)...])
        return (text, before.count)
    }

    static func show(_ characters: [Character], _ cursor: Int) -> String {
        String(characters[..<cursor]) + "|" + String(characters[cursor...])
    }
}

func field(_ markup: String) -> TextField {
    let (text, cursor) = Markup.parse(markup)
    return TextField(text, cursor: cursor)
}

func edit(_ markup: String, _ events: [InputEvent]) -> String {
    var f = field(markup)
    for e in events { f.handle(e) }
    return Markup.show(f.characters, f.cursor)
}
