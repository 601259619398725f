/// Atomic saves (0600 for new files, mode kept for old ones, no temporary file left behind)
/// and reading a store's config.yaml.
import Foundation
import Testing
@testable import PlanCore

@Suite struct AtomicFileTests {
    func tempDir() throws -> String {
        let path = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    @Test func newFileIs0600AndReplacingKeepsMode() throws {
        let dir = try tempDir()
        let file = dir + "/plan.yaml"
        try AtomicFile.write("one\n", to: file)
        #expect(try mode(file) == 0o600)
        #expect(try AtomicFile.read(file) == Array("one\n".utf8))
        chmod(file, 0o640)
        try AtomicFile.write("two\n", to: file)
        #expect(try mode(file) == 0o640)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["plan.yaml"])
    }

    @Test func failureLeavesTheOldFileAndNoTemporary() throws {
        let dir = try tempDir()
        let file = dir + "/plan.yaml"
        try AtomicFile.write("old\n", to: file)
        chmod(dir, 0o500)
        defer { chmod(dir, 0o700) }
        if getuid() == 0 { return }  // root can write to a read-only folder: nothing to prove here
        #expect(throws: FileError.self) { try AtomicFile.write("new\n", to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n")
    }

    @Test func aSaveClearsTemporariesLeftByKilledSaves() throws {
        let dir = try tempDir()
        let file = dir + "/plan.yaml"
        try "x".write(toFile: dir + "/.plan.yaml.999999.12345.tmp", atomically: false, encoding: .utf8)
        try "y".write(toFile: dir + "/.other.yaml.999999.1.tmp", atomically: false, encoding: .utf8)
        try AtomicFile.write("one\n", to: file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".other.yaml.999999.1.tmp", "plan.yaml"])
    }

    @Test func readMissingFileNamesIt() {
        #expect {
            try AtomicFile.read("/nonexistent/x.yaml")
        } throws: { error in
            (error as? FileError)?.description.hasPrefix("/nonexistent/x.yaml: cannot open") == true
        }
    }

    @Test func makeFolderMakesParents() throws {
        let dir = try tempDir() + "/a/b/c"
        try AtomicFile.makeFolder(dir)
        #expect(AtomicFile.isFolder(dir))
    }
}

@Suite struct PolicyReaderTests {
    @Test func defaultsAndOverrides() {
        let (policy, findings) = PolicyReader.read("""
            underspend_percent: 5
            reserve_weeks_limit: 6.5
            not_allowed: [holidays abroad]
            signer_levels:
              - name: team-manager
                up_to: "£20,000"
              - name: director
            minimum_wage:
              - from: 2027-04-01
                age_21_plus: 13.10
                age_18_to_20: 11.20
                under_18: 8.40
            """)
        #expect(findings.isEmpty)
        #expect(policy.underspendPercent == Hundredths(whole: 5))
        #expect(policy.reserveWeeksLimit == Hundredths(hundredths: 650))
        #expect(policy.notAllowed == ["holidays abroad"])
        #expect(policy.signerLevels == [SignerLevel(name: "team-manager", upTo: Money(pence: 2_000_000)),
                                        SignerLevel(name: "director", upTo: nil)])
        #expect(policy.wageTable.map(\.from.description) == ["2025-04-01", "2026-04-01", "2027-04-01"])
        #expect(policy.wageRow(on: PlanDate("2027-05-01")!)?.adult == Money(pence: 1310))
        #expect(policy.wageRow(on: PlanDate("2026-03-31")!)?.adult == Money(pence: 1221))
        #expect(policy.wageRow(on: PlanDate("2025-03-31")!) == nil)
        #expect(policy.jargon == Policy.defaultJargon)
    }

    @Test func problemsHavePositions() {
        let (policy, findings) = PolicyReader.read("underspend_percent: ten\nreserve_weeks: 4\nminimum_wage:\n  - from: 2027-04-01\n")
        #expect(findings.map(\.rule) == [.fieldInvalid, .unknownField, .fieldInvalid])
        #expect(findings.map { $0.position!.line } == [1, 2, 4])
        #expect(findings[1].message.contains("did you mean 'reserve_weeks_limit'?"))
        #expect(policy == Policy.standard)
    }

    @Test func emptyListEmptiesIt() {
        let (policy, _) = PolicyReader.read("not_allowed: []\njargon: []\n")
        #expect(policy.notAllowed.isEmpty && policy.jargon.isEmpty)
    }
}
