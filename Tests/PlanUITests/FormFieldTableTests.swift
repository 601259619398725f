/// Every field the editor's form shows is a field of the table, with the table's label and a
/// widget for its kind.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct FormFieldTableTests {
    /// The form kinds that can edit a value of the table's kind.
    static func fits(_ form: FieldKind, _ kind: PlanField.Kind) -> Bool {
        switch (form, kind) {
        case (.text, .text), (.multiline, .longText), (.multiline, .lines), (.money, .money), (.date, .date),
             (.whole, .whole), (.quantity, .quantity), (.choice, .word), (.choice, .yesNo), (.choice, .weeks),
             (.multi, .words), (.multi, .ids):
            return true
        default:
            return false
        }
    }

    @Test func everyFormRowIsATableField() {
        var p = Plan()
        for list in EntryList.allCases { _ = list.add(to: &p) }
        p.supports[0].kind = .pa
        _ = EntryList.supports.add(to: &p)
        p.supports[1].kind = .onCost
        var rows = Section.allCases.flatMap { Form.rows($0, p, entry: nil) }
        for list in EntryList.allCases {
            for i in 0..<list.count(p) { rows += Form.rows(.about, p, entry: OpenEntry(list: list, index: i)) }
        }
        var seen = Set<String>()
        for row in rows where row.kind != .action {
            guard let field = FieldTable.field(at: row.path) else {
                Issue.record("'\(row.label)' edits \(row.path), which is not in the field table")
                continue
            }
            seen.insert(field.path)
            #expect(row.label == field.label, "\(field.path)")
            #expect(Self.fits(row.kind, field.kind), "\(field.path): a \(row.kind) row for a \(field.kind) field")
        }
        #expect(seen.count >= 75, "the form shows \(seen.count) fields")
    }
}
