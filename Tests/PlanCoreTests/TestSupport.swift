/// Paths and small helpers shared by the PlanCore tests.
import Foundation
import Testing
@testable import PlanCore

enum Paths {
    /// The package root (this file is Tests/PlanCoreTests/TestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The bundled examples, inside the repository, so a fresh clone tests the same files.
    static let examples = ["older-person-home-care", "young-adult-pa"].map {
        root.appendingPathComponent("examples/\($0).yaml")
    }
    static let templates = ["older-person-home-care", "young-adult-pa", "self-written"].map {
        root.appendingPathComponent("templates/plans/\($0).yaml")
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
}

/// Reads YAML that must parse, recording an issue if it does not.
func readPlan(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Plan {
    let r = PlanReader.read(text)
    #expect(r.plan != nil, "not YAML: \(r.findings)", sourceLocation: sourceLocation)
    return r.plan ?? Plan()
}
