/// The field table is the format: the reader knows and reads every field in it, the writer
/// writes every one of them in the table's order, and nothing else is a field.
import Foundation
import Testing
@testable import PlanCore

@Suite struct FieldTableTests {
    @Test func eachFieldOnceAndSchemaFromIt() {
        let paths = FieldTable.rows.map(\.path)
        #expect(Set(paths).count == paths.count, "a field is in the table twice")
        #expect(Schema.support == FieldTable.rows.filter { $0.section == .support }.map(\.key))
        #expect(Schema.all == Set(FieldTable.rows.map(\.key)))
        #expect(FieldTable.field(at: "supports[3].pa.age")?.label == "PA's age")
        #expect(FieldTable.field(at: "budget.period.to")?.kind == .date)
        #expect(FieldTable.field(at: "supports[0].colour") == nil)
        // A label means one thing in plain words wherever it is used.
        for f in FieldTable.rows {
            #expect(FieldTable.rows.filter { $0.label == f.label }.allSatisfy { $0.plain == f.plain }, "\(f.label)")
        }
        // Every section and list field has its own section of rows.
        for f in FieldTable.rows where f.kind == .section || f.kind == .list {
            #expect(Self.child(of: f) != nil, "no rows for \(f.path)")
        }
    }

    /// The section of rows inside a section or list field.
    static func child(of f: PlanField) -> PlanField.Section? {
        PlanField.Section.allCases.first { $0.pathPrefix == f.path + "." || $0.pathPrefix == f.path + "[]." }
    }

    /// A value of the field's kind (a word that is not one of the field's words: those are
    /// checked by the reader's own tests).
    static func sample(_ f: PlanField) -> OutNode {
        switch f.kind {
        case .text where f.key == "id": return .text("X1")
        case .text where f.path == "acknowledged[].rule": return .text(RuleID.outcomeUnsupported.rawValue)
        case .text: return .text("Sam")
        case .longText: return .text("Some words")
        case .lines: return .block([.text("A line")])
        case .word: return .word("some-word")
        case .words: return .flow(["some-word"])
        case .ids: return .flow(["N1"])
        case .money: return .word("12.50")
        case .date: return .word("2026-01-01")
        case .yesNo: return .word("true")
        case .whole: return .word("2")
        case .quantity: return .word("1.5")
        case .weeks: return .word("52")
        case .section: return .map(pairs(child(of: f)!, reversed: true))
        case .list: return .block([.map(pairs(child(of: f)!, reversed: true))])
        }
    }

    /// Every field of a section, written in the reverse of the table's order.
    static func pairs(_ section: PlanField.Section, reversed: Bool) -> [(String, OutNode)] {
        let rows = FieldTable.rows.filter { $0.section == section }
        return (reversed ? rows.reversed() : rows).map { ($0.key, sample($0)) }
    }

    /// The plan with the file's key order forgotten, so the writer uses the format's.
    static func forgetOrder(_ p: inout Plan) {
        p.kept.order = []
        p.person.kept.order = []; p.capacity.kept.order = []; p.budget.kept.order = []; p.budget.period.kept.order = []
        p.advice.kept.order = []; p.agreement.kept.order = []; p.review.kept.order = []
        for i in p.plannedWith.indices { p.plannedWith[i].kept.order = [] }
        for i in p.needs.indices { p.needs[i].kept.order = [] }
        for i in p.outcomes.indices { p.outcomes[i].kept.order = [] }
        for i in p.supports.indices {
            p.supports[i].kept.order = []
            p.supports[i].pa.kept.order = []
            for j in p.supports[i].rateChanges.indices { p.supports[i].rateChanges[j].kept.order = [] }
        }
        for i in p.employees.indices { p.employees[i].kept.order = [] }
        for i in p.risks.indices { p.risks[i].kept.order = [] }
        for i in p.contingency.indices { p.contingency[i].kept.order = [] }
        for i in p.acknowledged.indices { p.acknowledged[i].kept.order = [] }
    }

    /// The keys of every mapping in the tree, by path (`supports[].pa`), in file order.
    static func keyOrders(_ node: YAMLNode, path: String, into out: inout [String: [String]]) {
        switch node {
        case .scalar: break
        case .mapping(let pairs, _):
            out[path] = pairs.map(\.key)
            for p in pairs { keyOrders(p.value, path: path.isEmpty ? p.key : "\(path).\(p.key)", into: &out) }
        case .sequence(let items, _):
            for item in items { keyOrders(item, path: path + "[]", into: &out) }
        }
    }

    @Test func theReaderReadsAndTheWriterWritesEveryFieldInTheTablesOrder() throws {
        var top = Self.pairs(.top, reversed: true)
        // `format` first, so the file is taken for a plan.
        top.removeAll { $0.0 == "format" }
        top.insert(("format", .text(Plan.supportedFormat)), at: 0)
        let text = YAMLEmitter.document(top)
        let read = PlanReader.read(text)
        var plan = try #require(read.plan)
        #expect(!read.findings.contains { $0.rule == .unknownField }, "\(read.findings.filter { $0.rule == .unknownField })")
        for f in FieldTable.rows where f.kind != .word && f.kind != .words {
            let bad = read.findings.filter {
                [.fieldInvalid, .moneyInvalid, .dateInvalid].contains($0.rule) && FieldTable.field(at: $0.path)?.path == f.path
            }
            #expect(bad.isEmpty, "\(f.path) is not read as \(f.kind): \(bad.map(\.message))")
        }
        Self.forgetOrder(&plan)
        let written = try #require(try YAMLReader.parse(PlanWriter.write(plan)))
        var orders: [String: [String]] = [:]
        Self.keyOrders(written, path: "", into: &orders)
        for section in PlanField.Section.allCases {
            let prefix = String(section.pathPrefix.dropLast())
            #expect(orders[prefix] == FieldTable.keys(section), "the writer's order in \(section): \(orders[prefix] ?? [])")
        }
    }
}
