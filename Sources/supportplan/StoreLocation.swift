/// Where the store is, and which `config.yaml` applies to a plan file.
///
/// The store: `--store DIR`, else `$SUPPORTPLAN_STORE`, else `./plans` if present, else
/// `$XDG_DATA_HOME/supportplan` (`~/.local/share/supportplan`). For `check` and `totals` on a
/// file, an explicit store (option or variable) gives the config; otherwise the program looks
/// for `config.yaml` beside the file and in the folder above it (`<store>/plans/<id>.yaml`).
import PlanCore
#if canImport(Glibc)
import Glibc
#endif

enum StoreLocation {
    static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }

    /// The store folder chosen by an option or the environment, if any.
    static func explicit(_ global: GlobalOptions) -> String? {
        global.store ?? environment("SUPPORTPLAN_STORE")
    }

    static func resolve(_ global: GlobalOptions) -> String {
        if let s = explicit(global) { return s }
        if AtomicFile.isFolder("plans") { return "plans" }
        let data = environment("XDG_DATA_HOME") ?? ((environment("HOME") ?? ".") + "/.local/share")
        return data + "/supportplan"
    }

    /// The policy for a plan file, with the config file it came from.
    static func policy(for file: String, _ global: GlobalOptions, cache: inout [String: Policy]) throws -> Policy {
        let candidates: [String]
        if let store = explicit(global) {
            candidates = [store + "/config.yaml"]
        } else {
            let dir = folder(of: file)
            candidates = [dir + "/config.yaml", dir + "/../config.yaml"]
        }
        guard let path = candidates.first(where: AtomicFile.exists) else { return .standard }
        if let p = cache[path] { return p }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { throw CLIError("\(error)") }
        guard case .success(let text) = decodeUTF8(bytes) else { throw CLIError("\(path): not UTF-8 text") }
        let (policy, findings) = PolicyReader.read(text)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw CLIError(errors.map {
                "\(path):\(($0.position ?? .start).line):\(($0.position ?? .start).column): error[\($0.rule.rawValue)]: "
                    + SafeText.visible($0.message)
            }.joined(separator: "\n"))
        }
        for w in findings {
            printError("\(path):\((w.position ?? .start).line):\((w.position ?? .start).column): \(w.severity.rawValue)[\(w.rule.rawValue)]: "
                       + SafeText.visible(w.message))
        }
        cache[path] = policy
        return policy
    }

    /// The store a plan file belongs to: the explicit one, else the folder above `plans/` or
    /// `signed/`, else the plan's own folder.
    static func root(for file: String, _ global: GlobalOptions) -> String {
        if let s = explicit(global) { return s }
        let dir = folder(of: file)
        let name = dir.split(separator: "/").last.map(String.init) ?? dir
        return name == "plans" || name == "signed" ? folder(of: dir) : dir
    }

    /// Where this person's secret keys live: `$XDG_CONFIG_HOME/supportplan/keys`.
    static var secretKeyFolder: String {
        (environment("XDG_CONFIG_HOME") ?? ((environment("HOME") ?? ".") + "/.config")) + "/supportplan/keys"
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
