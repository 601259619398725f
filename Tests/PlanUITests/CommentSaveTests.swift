/// A plan made from a template (as `supportplan new` makes it), edited through the editor's
/// own keys and saved: every comment of the template is still there at its key, and only the
/// edited lines changed.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct CommentSaveTests {
    static func template() -> String {
        let text = try! String(contentsOf: Driver.root.appendingPathComponent("templates/plans/older-person-home-care.yaml"),
                               encoding: .utf8)
        return TemplateFill.fill(text, values: ["id": "CA-2026-0412", "created": "2026-11-25", "updated": "2026-11-25"])
    }

    /// `text` with `old` (which must be there exactly once) replaced.
    static func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.components(separatedBy: old).count == 2, "'\(old)' is not there exactly once")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func savingAfterEditsKeepsEveryCommentAtItsKey() throws {
        let original = Self.template()
        var d = Driver(state: EditorState(plan: PlanReader.read(original).plan!, file: "/tmp/plan.yaml", diskDigest: "d0"))
        // About me: two fields.
        d.set("Name", "Mary Jones")
        d.set("About me", "I was a seamstress.\nI love my garden.")
        // Supports: S1's provider and rate; S4 deleted.
        d.send(.text("4"))
        d.focus("S1")
        d.send(.key(.enter))
        d.set("Provider", "Homecare Ltd")
        d.set("Rate", "21.50")
        d.send(.key(.escape))
        d.focus("S4")
        d.send(.key(.enter))
        d.focus("Delete this")
        d.send(.key(.enter), .text("y"))
        #expect(d.state.plan.supports.map(\.id) == ["S1", "S2", "S3"])
        // Needs: one added.
        d.send(.text("2"))
        d.focus("+ Add a need")
        d.send(.key(.enter))
        d.set("Description", "Help with the shopping.")
        d.send(.key(.escape))
        let effects = d.send(.key(.ctrl("s")))
        guard case .save(_, let saved, _)? = effects.first else { Issue.record("no save: \(effects)"); return }

        var expected = Self.replacing(original, "person:\n  name: \"\"\n", "person:\n  name: Mary Jones\n")
        expected = Self.replacing(expected, "about_me: \"\"                     # their life",
                                  "about_me: |-                     # their life")
        expected = Self.replacing(expected, "# their life, in their words: home, family, work, what they enjoy\n",
                                  "# their life, in their words: home, family, work, what they enjoy\n  I was a seamstress.\n  I love my garden.\n")
        expected = Self.replacing(expected, "  - id: N4\n    area: home-safely\n    description: \"\"\n",
                                  "  - id: N4\n    area: home-safely\n    description: \"\"\n  - id: N5\n    description: Help with the shopping.\n")
        expected = Self.replacing(expected, "    provider: \"\"\n    funding: council\n    management: managed-account\n    rate: \"\"                     # the agency's hourly rate",
                                  "    provider: Homecare Ltd\n    funding: council\n    management: managed-account\n    rate: 21.50                  # the agency's hourly rate")
        expected = Self.replacing(expected, """
              - id: S4
                what: ""                     # what family or friends do, unpaid
                kind: informal
                provider: ""
                funding: none
                management: not-applicable
                meets: [N3]

            """, "")
        #expect(saved == expected)

        // Every comment of the template is there, except the deleted S4's own.
        let comments = original.split(separator: "\n").filter { $0.contains("#") }
        #expect(comments.count == 29)
        for line in comments where !line.contains("what family or friends do") {
            let comment = line[line.range(of: "#")!.lowerBound...]
            #expect(saved.contains(comment), "lost: \(comment)")
        }
        #expect(!saved.contains("what family or friends do"))
        #expect(PlanReader.read(saved).plan == d.state.plan)
    }

    @MainActor @Test func aCRLFPlanIsSavedWithItsCommentsAndCRLF() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comments-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("CA-2026-0412.yaml").path
        let original = LineEnding.crlf.apply(Self.template())
        try AtomicFile.write(original, to: path)
        let session = EditorSession()
        guard case .success(var s) = session.open(path, policy: .standard, user: "tester") else {
            Issue.record("cannot open"); return
        }
        s.plan.person.name = "Mary Jones"
        _ = session.perform(.save(path: path, text: PlanWriter.write(s.plan), expected: s.diskDigest), &s)
        let written = String(decoding: try AtomicFile.read(path), as: UTF8.self)
        #expect(written == Self.replacing(original, "person:\r\n  name: \"\"\r\n", "person:\r\n  name: Mary Jones\r\n"))
        PlanStore.releaseEditLock(path)
    }
}
