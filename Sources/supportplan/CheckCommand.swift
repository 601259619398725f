/// `supportplan check FILE|DIR…`: every finding of every plan, compiler-style or JSON Lines.
import ArgumentParser
import Foundation
import PlanCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate plans and print every finding.",
        discussion: """
            A folder is checked recursively (every *.yaml file except config.yaml and hidden files; \
            FIFOs, devices and sockets are skipped with a message). \
            Exit status: 0 no errors, 1 at least one error (or, with --strict, an unacknowledged \
            warning), 2 a file that cannot be read or is not YAML.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "One JSON object per plan file (JSON Lines), totals in pence.")
    var json = false

    @Flag(name: .long, help: "Unacknowledged warnings fail the check too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Check this many plans at once (default: one per core).", valueName: "N"))
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
        let stores = files.map { try? StoreLocation.store(for: $0, global) }
        // Plans are independent: check them on `jobs` threads, each one's output written by
        // the thread that checked it, then print them in order.
        let json = json, strict = strict
        let outcomes = Checker.inParallel(files.count, jobs: jobs ?? Checker.cores) { i -> Result<(String, Int32), FileError> in
            do throws(FileError) {
                let bytes = try AtomicFile.read(files[i], limit: policies[i].maxFileBytes)
                var result = Checker.check(bytes: bytes, file: files[i], policy: policies[i])
                // A plan in plans/ that says signed-off must be byte for byte its signed record.
                if let plan = result.plan, let f = stores[i]?.signedCopyProblem(path: files[i], bytes: bytes, plan: plan) {
                    result.findings.insert(f, at: 0)
                }
                let failed = result.count(.error) > 0 || (strict && result.unacknowledgedWarnings > 0)
                return .success((json ? CheckOutput.json(result) + "\n" : CheckOutput.text(result),
                                 result.unreadable ? 2 : failed ? 1 : 0))
            } catch { return .failure(error) }
        }
        var out = ""
        for outcome in outcomes {
            switch outcome {
            case .failure(let error):
                print(SafeText.terminal(out), terminator: "")
                out = ""
                printError(error.readReport)
                worst = 2
            case .success(let (text, code)):
                out += text
                worst = max(worst, code)
                if out.utf8.count > 1 << 16 { print(SafeText.terminal(out), terminator: ""); out = "" }
            }
        }
        print(SafeText.terminal(out), terminator: "")
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
            // Never opened: FIFOs, devices, sockets and links to them are skipped, said on stderr.
            let listing = PlanFolder.list(path, recursive: true)
            for skipped in listing.skipped { printError(skipped.message) }
            out += listing.files
        }
        return out
    }
}
