/// Finding templates at run time. Plan templates (`plans/NAME.yaml`) and document templates
/// (`documents/*.mustache`) come, in this order, from `--templates DIR`, the store's own
/// `templates/` folder, or the installed share folder found from the running executable
/// (`<bin>/../share/supportplan/templates`). Never from the current folder; a release build
/// never from the source tree it was built from. Only a debug build (tests, development) falls
/// back to the source tree's `templates/`, so `swift test` and `swift run` work uninstalled.
import Foundation
import PlanCore
import PlanDocuments
#if canImport(Glibc)
import Glibc
#endif

enum PlanTemplates {
    static let bundledNames = ["older-person-home-care", "young-adult-pa", "self-written"]

    /// What a templates folder holds: plan templates or document templates.
    enum Kind: String {
        case plans, documents
    }

    /// The folder to take `kind` templates from: `override` (`--templates DIR`) if given,
    /// else the first of `candidates(store:)` that has a `kind` subfolder.
    static func folder(override: String?, store: String? = nil, kind: Kind = .plans) throws -> String {
        if let override {
            guard AtomicFile.isFolder(override) else { throw CLIError("\(override): no such templates folder") }
            return override
        }
        let looked = candidates(store: store)
        guard let found = looked.first(where: { AtomicFile.isFolder($0 + "/" + kind.rawValue) }) else {
            let places = looked.isEmpty ? "" : " (looked in \(looked.joined(separator: ", ")))"
            throw CLIError("cannot find the \(kind.rawValue) templates\(places); reinstall supportplan, or give --templates DIR")
        }
        return found
    }

    /// Where templates may come from, best first (without `--templates`).
    static func candidates(store: String?) -> [String] {
        var out: [String] = []
        if let store { out.append(store + "/templates") }
        if let installed = installedFolder { out.append(installed) }
        #if DEBUG
        out.append(sourceFolder)
        #endif
        return out
    }

    /// `<bin>/../share/supportplan/templates`, from the running executable's real path (links
    /// resolved), never from how it was named on the command line: a bare `supportplan` found
    /// on PATH must not turn into the current folder.
    static var installedFolder: String? {
        guard let exe = executablePath else { return nil }
        let bin = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
        return bin.deletingLastPathComponent().appendingPathComponent("share/supportplan/templates").standardizedFileURL.path
    }

    static var executablePath: String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return Bundle.main.executableURL?.path
        #endif
    }

    #if DEBUG
    /// The source tree's `templates/` (debug builds only).
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path
    #endif

    /// The store whose own `templates/` folder counts: the store named by `--store` or
    /// `$SUPPORTPLAN_STORE`, else the store you are in (found as git finds .git) for a plan file
    /// inside it. Never a folder only because it is the current one, nor one beside the file.
    static func store(_ global: GlobalOptions, file: String? = nil) -> String? {
        if let explicit = global.store ?? StoreLocation.environment("SUPPORTPLAN_STORE") { return explicit }
        // Otherwise only the store you are in, and only for a plan inside it: a bundle brought
        // from elsewhere (with a config.yaml and plans/ of its own) never supplies templates.
        guard let file, file != "-", let store = StoreLocation.located(global) else { return nil }
        let root = URL(fileURLWithPath: store.root).resolvingSymlinksInPath().path
        let plan = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        return plan.hasPrefix(root + "/") ? store.root : nil
    }

    static func names(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/plans")) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Template names for shell completion of `--template`: from `--templates DIR` or `--store
    /// DIR` if already typed on the line, else the usual places.
    static func completionNames(_ words: [String]) -> [String] {
        func value(of option: String) -> String? {
            guard let i = words.firstIndex(of: option), i + 1 < words.count else { return nil }
            return words[i + 1]
        }
        let store = value(of: "--store") ?? StoreLocation.environment("SUPPORTPLAN_STORE")
        guard let folder = try? folder(override: value(of: "--templates"), store: store) else { return [] }
        return names(in: folder)
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

    /// The document renderer over the `documents/` templates of `folder`; a missing, non-UTF-8
    /// or broken template is bad input naming its file (and line and column).
    static func documentRenderer(in folder: String) throws -> DocumentRenderer {
        do {
            return try DocumentRenderer(templatesFolder: folder) { path in
                guard AtomicFile.exists(path) else { throw CLIError("\(path): the template is missing") }
                let bytes: [UInt8]
                do { bytes = try AtomicFile.read(path) } catch { throw CLIError("\(error)") }
                guard case .success(let text) = decodeUTF8(bytes) else { throw CLIError("\(path): the template is not UTF-8 text") }
                return text
            }
        } catch let error as TemplateError {
            throw CLIError(error.description)
        }
    }
}
