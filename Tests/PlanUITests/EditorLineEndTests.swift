/// The editor's save keeps a plan's line ends: a CRLF (or CR) plan opened, changed and saved
/// is still CRLF (or CR) throughout, reads back as the edited plan, and the saved digest is
/// the file's, so the next save sees no conflict.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite(.serialized) @MainActor struct EditorLineEndTests {
    @Test func savingKeepsTheFilesLineEnds() throws {
        for (ending, name) in [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ed-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("p.yaml").path
            let text = try String(contentsOf: Driver.root.appendingPathComponent("examples/young-adult-pa.yaml"), encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\n", with: ending).utf8).write(to: URL(fileURLWithPath: path))
            let session = EditorSession()
            var state = try session.open(path, policy: .standard, user: "sam").get()
            state.plan.aboutMe = "I am Cal.\nI like football."
            state.dirty = true
            let effects = EditorReducer.reduce(&state, .save)
            for effect in effects { _ = session.perform(effect, &state) }
            let saved = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let back = saved.replacingOccurrences(of: ending, with: "\n")
            if ending != "\n" { #expect(!back.contains("\r"), "\(name): a line end was changed") }
            #expect(saved.contains("I am Cal.\(ending)"), "\(name): the edit was saved with the file's line ends")
            #expect(PlanReader.read(saved).plan?.aboutMe == "I am Cal.\nI like football.", "\(name)")
            #expect(!state.dirty, "\(name): saved")
            #expect(state.diskDigest == Digest.of(Array(saved.utf8)), "\(name): the digest is the file's")
            PlanStore.releaseEditLock(path)
        }
    }
}
