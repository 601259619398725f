/// A paid line half filled in is `field-invalid` in the rules (so `check` says it as well as the
/// editor): a rate by the hour, visit, day, night or session with no quantity, or a quantity
/// with no rate. A blank quantity on an item line is still 1, as the format says.
import Testing
@testable import PlanCore

@Suite struct RuleHalfFilledLineTests: RuleTesting {

    @Test(arguments: ["hour", "visit", "day", "night", "session"])
    func aCountedLineWithNoQuantityIsFieldInvalid(_ unit: String) {
        let yaml = variant([("    rate: 23.50\n    unit: hour\n    quantity: 2\n", "    rate: 23.50\n    unit: \(unit)\n")])
        let found = findings(of: .fieldInvalid, in: yaml).filter { $0.path == "supports[6].quantity" }
        #expect(found.count == 1)
        #expect(found.first?.message == "support S7 is paid by the \(unit) but has no `quantity`; say how many (a blank is not counted as 1)")
        #expect(found.first?.severity == .error)
    }

    @Test func anItemLineWithNoQuantityIsOne() {
        let yaml = variant([("    rate: 23.50\n    unit: hour\n    quantity: 2\n", "    rate: 23.50\n    unit: item\n")])
        #expect(findings(of: .fieldInvalid, in: yaml).isEmpty)
    }

    @Test func aQuantityWithNoRateIsFieldInvalidUnlessItIsFree() {
        let yaml = variant([("    rate: 23.50\n    unit: hour\n    quantity: 2\n", "    unit: hour\n    quantity: 2\n")])
        let found = findings(of: .fieldInvalid, in: yaml).filter { $0.path == "supports[6].rate" }
        #expect(found.map(\.message) == ["support S7 has a quantity but no `rate`; give the rate, or `funding: none` if it costs nothing"])
        let free = variant([("    funding: council\n    management: managed-account\n    rate: 23.50\n    unit: hour\n    quantity: 2\n",
                                     "    funding: none\n    management: managed-account\n    unit: hour\n    quantity: 2\n")])
        #expect(findings(of: .fieldInvalid, in: free).filter { $0.path == "supports[6].rate" }.isEmpty)
    }
}
