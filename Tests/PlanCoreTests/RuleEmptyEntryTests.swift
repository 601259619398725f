/// Entries with no words count as absent, and an unreadable value is not also "missing".
import Testing
@testable import PlanCore

@Suite("Rules: empty entries and unreadable values") struct RuleEmptyEntryTests: RuleTesting {
    static let contingency = "contingency:\n  - when: Lewis is ill or on holiday\n    then: Brightcare sends a worker at 48 hours' notice, and dad steps in.\n"

    @Test(arguments: ["contingency: [~]\n", "contingency: [\"\"]\n", "contingency:\n  - when: \"\"\n    then: \"\"\n"])
    func emptyContingencyEntryIsNoEntry(_ replacement: String) {
        expectFires(.contingencyMissing, in: variant([(Self.contingency, replacement)]), count: 1)
    }

    static let risks = "risks:\n  - risk: Alex may get lost in town.\n    mitigation: Travel training one route at a time with Lewis.\n"

    @Test func riskWithNoWordsIsNoRisk() {
        let yaml = variant([(Self.risks, "risks:\n  - ~\n  - risk: \"\"\n    accepted_by_person: false\n")])
        expectQuiet(.riskUnmanaged, in: yaml)
        let real = variant([(Self.risks, "risks:\n  - risk: Alex may get lost in town.\n")])
        expectFires(.riskUnmanaged, in: real, count: 1)
    }

    @Test func unreadableAgreementStatusIsNotAlsoMissing() {
        let yaml = variant([("  status: agreed\n", "  status: yes\n")])
        #expect(fires(.fieldInvalid, in: yaml))
        expectQuiet(.agreementMissing, in: yaml)
    }

    @Test func reasonOfOnlySpacesDoesNotAcknowledge() {
        let yaml = variant([("  status: agreed\n", "  status: partly-agreed\n"), ("  person_words: |\n", "  ignored: |\n")])
            + "acknowledged:\n  - rule: disagreement-words-missing\n    reason: \"   \"\n"
        let found = findings(of: .disagreementWordsMissing, in: yaml)
        #expect(found.count == 1 && found[0].acknowledged == false)
        #expect(findings(of: .fieldInvalid, in: yaml).contains { $0.path.hasPrefix("acknowledged[0]") })
    }
}
