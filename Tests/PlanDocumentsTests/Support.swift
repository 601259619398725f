/// Paths, example plans and the renderer, shared by the document tests.
import Foundation
import PlanCore
import PlanDocuments

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let examples = ["older-person-home-care", "young-adult-pa"]

    static func example(_ name: String) throws -> (Plan, CheckResult, [UInt8]) {
        let url = root.appendingPathComponent("examples/\(name).yaml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = Checker.check(bytes: bytes, file: "\(name).yaml")
        return (result.plan!, result, bytes)
    }

    static func renderer(_ folder: String? = nil) throws -> DocumentRenderer {
        try DocumentRenderer(templatesFolder: folder ?? root.appendingPathComponent("templates").path) {
            try String(contentsOfFile: $0, encoding: .utf8)
        }
    }

    /// Compares with the golden file; `UPDATE_GOLDEN=1 swift test` writes them anew.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }
}
