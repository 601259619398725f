/// `supportplan check FILE|DIR…`: every finding of every plan, compiler-style or JSON Lines.
import ArgumentParser
import Foundation
import PlanCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate plans and print every finding.",
        discussion: """
            A folder is checked recursively (every *.yaml file except config.yaml and hidden files). \
            Exit status: 0 no errors, 1 at least one error (or, with --strict, an unacknowledged \
            warning), 2 a file that cannot be read or is not YAML.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "One JSON object per plan file (JSON Lines), totals in pence.")
    var json = false

    @Flag(name: .long, help: "Unacknowledged warnings fail the check too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Check up to N plans at once, on at most one thread per core (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Plan files or folders.", valueName: "FILE|DIR"))
    var paths: [String]

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of plans, 1 or more") }
    }

    func run() throws {
        var worst: Int32 = 0
        var cache: [String: Policy] = [:]
        let files = try PlanFiles.expand(paths)
        let policies = try files.map { try StoreLocation.policy(for: $0, global, cache: &cache) }
        // Plans are independent: check them on `jobs` threads, each one's output written by
        // the thread that checked it, then print them in order.
        let json = json, strict = strict
        let outcomes = Checker.inParallel(files.count, jobs: jobs ?? Checker.cores) { i -> Result<(String, Int32), FileError> in
            do throws(FileError) {
                let result = Checker.check(bytes: try AtomicFile.read(files[i]), file: files[i], policy: policies[i])
                let failed = result.count(.error) > 0 || (strict && result.unacknowledgedWarnings > 0)
                return .success((json ? CheckOutput.json(result) + "\n" : CheckOutput.text(result),
                                 result.unreadable ? 2 : failed ? 1 : 0))
            } catch { return .failure(error) }
        }
        var out = ""
        for outcome in outcomes {
            switch outcome {
            case .failure(let error):
                print(out, terminator: "")
                out = ""
                printError("\(error.path): cannot be read: \(error.what)")
                worst = 2
            case .success(let (text, code)):
                out += text
                worst = max(worst, code)
                if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
            }
        }
        print(out, terminator: "")
        if worst != 0 { throw ExitCode(worst) }
    }
}

enum PlanFiles {
    /// Files as given; folders expanded to their `*.yaml` files, sorted.
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            guard AtomicFile.isFolder(path) else {
                guard AtomicFile.exists(path) else {
                    throw CLIError("\(path): no such file or folder; give a plan file (.yaml) or a folder of them")
                }
                out.append(path)
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let walker = FileManager.default.enumerator(atPath: base)
            while let rel = walker?.nextObject() as? String {
                let name = rel.split(separator: "/").last.map(String.init) ?? rel
                if name.hasPrefix(".") { walker?.skipDescendants(); continue }
                guard rel.hasSuffix(".yaml"), name != "config.yaml" else { continue }
                if !AtomicFile.isFolder(base + "/" + rel) { found.append(base + "/" + rel) }
            }
            out += found.sorted()
        }
        return out
    }
}
