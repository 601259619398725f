/// Which store a command works on, and which policy applies to a plan file.
///
/// The store: `--store DIR`, else `$SUPPORTPLAN_STORE`, else the nearest folder at or above the
/// current one that holds a store's `config.yaml` and `plans/` (as git finds `.git`), else the
/// person's own store (`$XDG_DATA_HOME/supportplan`). `plans/` is never a store's root, and a
/// `config.yaml` anywhere but a store's root is ignored with a warning.
import Foundation
import PlanCore
import Synchronization

enum StoreLocation {
    static func environment(_ name: String) -> String? {
        guard let s = ProcessInfo.processInfo.environment[name], !s.isEmpty else { return nil }
        return s
    }

    static var user: UserFolders { .fromEnvironment() }

    /// The store named by an option or the environment, or found above the current folder.
    /// Found once per command: `check` asks for each of thousands of files, and reading the
    /// config checks its signature.
    static func located(_ global: GlobalOptions) -> PlanStore? {
        locatedOnce.withLock { cache in
            if let hit = cache, hit.explicit == global.store { return hit.store }
            let store = PlanStore.locate(explicit: global.store, environment: ProcessInfo.processInfo.environment,
                                         cwd: FileManager.default.currentDirectoryPath, user: user)
            _ = try? store?.config()  // files made from here on follow the store's `shared:` setting
            cache = (global.store, store)
            return store
        }
    }

    private static let locatedOnce = Mutex<(explicit: String?, store: PlanStore?)?>(nil)

    /// The store to use: the located one, else the person's own.
    static func store(_ global: GlobalOptions) -> PlanStore {
        located(global) ?? PlanStore.personal(environment: ProcessInfo.processInfo.environment, user: user)
    }

    /// For `verify`: the located store only, never one beside the file.
    static func requireStore(_ global: GlobalOptions) throws -> PlanStore {
        guard let s = located(global) else {
            throw CLIError("no store here: run this inside a store's folder, or give --store DIR (or set SUPPORTPLAN_STORE)")
        }
        return s
    }

    /// For a step on a plan file (submit, return, sign): the located store, else the store whose
    /// `plans/` holds the file.
    static func store(for file: String, _ global: GlobalOptions) throws -> PlanStore {
        if let s = located(global) { return s }
        let above = folder(of: folder(of: file))
        if folder(of: file).hasSuffix("plans") || folder(of: file) == "plans", PlanStore.isRoot(above) {
            return PlanStore(root: above, user: user)
        }
        throw CLIError("\(file): no store found: run this inside the store's folder, or give --store DIR")
    }

    /// The policy for a plan file: the config of the located store, else of the store the file
    /// is in; the built-in policy when there is none. A `config.yaml` beside the file that is not
    /// a store's root config is ignored, with a warning.
    static func policy(for file: String, _ global: GlobalOptions, cache: inout [String: Policy]) throws -> Policy {
        var store = located(global)
        if store == nil {
            var dir = realFolder(file)
            while true {
                if PlanStore.isRoot(dir) { store = PlanStore(root: dir, user: user); break }
                guard dir != "/", !dir.isEmpty else { break }
                dir = folder(of: dir)
            }
        }
        let beside = realFolder(file) + "/config.yaml"
        if AtomicFile.exists(beside), store.map({ realFolder($0.configPath) + "/config.yaml" }) != beside,
           !warned.contains(beside) {
            warned.insert(beside)
            printError("\(beside):1:1: warning: this config.yaml is ignored: policy and signers come only from the config.yaml "
                       + "at a store's root\(store.map { " (\($0.configPath))" } ?? "")")
        }
        guard let store else { return .standard }
        if let p = cache[store.configPath] { return p }
        let config: PlanStore.Config
        do { config = try store.config() } catch { throw CLIError(error.description) }
        for w in config.warnings { printError(w) }
        cache[store.configPath] = config.policy
        return config.policy
    }

    nonisolated(unsafe) static var warned: Set<String> = []

    static func realFolder(_ file: String) -> String {
        URL(fileURLWithPath: folder(of: file)).resolvingSymlinksInPath().path
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
