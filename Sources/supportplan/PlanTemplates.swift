/// Finding templates at run time: `--templates DIR`, then `templates/` beside the binary (or
/// `../share/supportplan/templates`), then the source tree this binary was built from.
import Foundation
import PlanCore

enum PlanTemplates {
    static let bundledNames = ["older-person-home-care", "young-adult-pa", "self-written"]

    static func folder(override: String?) throws -> String {
        if let override {
            guard AtomicFile.isFolder(override) else { throw CLIError("\(override): no such templates folder") }
            return override
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let candidates = [binary + "/templates", binary + "/../share/supportplan/templates", source + "/templates"]
        guard let found = candidates.first(where: { AtomicFile.isFolder($0 + "/plans") }) else {
            throw CLIError("cannot find the templates folder (looked in \(candidates.joined(separator: ", "))); give --templates DIR")
        }
        return found
    }

    static func names(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/plans")) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `SP-2026-7KQ4XM`: the year and six letters or digits that cannot be misread.
    static func newID(today: PlanDate) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "SP-\(today.year)-" + String((0..<6).map { _ in alphabet.randomElement()! })
    }

    /// The template's text with its top-level `id`, `created` and `updated` set; the
    /// template's comments (the prompts) are kept.
    static func instantiate(_ text: String, id: String, today: PlanDate) -> String {
        TemplateFill.fill(text, values: ["id": YAMLEmitter.isPlainSafe(id, inFlow: false) ? id : YAMLEmitter.quoted(id),
                                         "created": today.description, "updated": today.description])
    }

    /// A new plan from the template `name` in `folder`, with a fresh id and today's date; nil
    /// when the template is missing, unreadable or not UTF-8 (each caller says so in its own words).
    static func newPlan(_ name: String, in folder: String) -> (id: String, text: String)? {
        guard let bytes = try? AtomicFile.read("\(folder)/plans/\(name).yaml"), case .success(let text) = decodeUTF8(bytes) else {
            return nil
        }
        let today = PlanDate.today()
        let id = newID(today: today)
        return (id, instantiate(text, id: id, today: today))
    }
}
