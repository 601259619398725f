/// `supportplan check FILE|DIR…`: every finding of every plan, compiler-style or JSON Lines.
import ArgumentParser
import Foundation
import PlanCore
import Synchronization

struct CheckCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate plans and print every finding.",
        discussion: HelpExamples.discussion("""
            A folder is checked recursively (every *.yaml file except config.yaml and hidden files; FIFOs, \
            devices and sockets are skipped with a message); \
            - reads one plan from standard input. Each file's result is printed as soon as it is \
            done, in the order given; a path that is missing or cannot be read is reported and the \
            others are still checked. --json writes one object a line (JSON Lines), described by \
            docs/check-output.schema.json. Exit status: 0 no errors, 1 at least one error (or, with \
            --strict, an unacknowledged warning), 2 a file that cannot be read or is not YAML.
            """, examples)
    )

    static let examples = [
        "supportplan check plans/",
        "supportplan check --strict plan.yaml other-plan.yaml",
        "supportplan check --json plans/ | jq -c 'select(.summary.errors > 0) | .file'",
        "git show HEAD:plans/SP-2026-7KQ4XM.yaml | supportplan check -",
    ]

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "One JSON object per plan file (JSON Lines), totals in pence.")
    var json = false

    @Flag(name: .long, help: "Unacknowledged warnings fail the check too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Check up to N plans at once, on at most one thread per core (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Plan files or folders (- for standard input).", valueName: "FILE|DIR"))
    var paths: [String]

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of plans, 1 or more") }
    }

    func run() throws {
        var worst: Int32 = 0
        var cache: [String: Policy] = [:]
        // A missing path is reported in its place and the others are still checked (exit 2 at the end).
        let files = try PlanFiles.expand(paths, keepMissing: true)
        let policies = try files.map { try LoadedPlan.policy(for: $0, global, cache: &cache) }
        let stores = files.map { $0 == "-" ? nil : try? StoreLocation.store(for: $0, global) }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw CLIError("-: standard input can be read only once; name the other plans as files")
        }
        let count = files.count
        // Plans are independent: `jobs` threads take them in order, each writing its plan's
        // output; each is printed as soon as it and all before it are done, so results stream
        // in the order given.
        let json = json, strict = strict
        let results = Mutex([Result<(String, Int32), FileError>?](repeating: nil, count: count))
        let done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let threads = max(1, min(jobs ?? Checker.cores, count))
        let next = Atomic<Int>(0)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < count else { return }
                    let r: Result<(String, Int32), FileError>
                    do throws(FileError) {
                        let limit = policies[i].maxFileBytes
                        // Standard input is read in its turn, so the plans before it are printed meanwhile.
                        let bytes = files[i] == "-" ? StandardStreams.readAll(fd: 0, limit: limit) : try AtomicFile.read(files[i], limit: limit)
                        if bytes.count > limit { throw AtomicFile.tooLarge(StandardStreams.stdinName, size: bytes.count, limit: limit) }
                        var result = Checker.check(bytes: bytes, file: StandardStreams.display(files[i]), policy: policies[i])
                        // A plan in plans/ that says signed-off must be byte for byte its signed record.
                        if let plan = result.plan, let f = stores[i]?.signedCopyProblem(path: files[i], bytes: bytes, plan: plan) {
                            result.findings.insert(f, at: 0)
                        }
                        let failed = result.count(.error) > 0 || (strict && result.unacknowledgedWarnings > 0)
                        r = .success((json ? CheckOutput.json(result) + "\n" : CheckOutput.text(result),
                                      result.unreadable ? 2 : failed ? 1 : 0))
                    } catch { r = .failure(error) }
                    results.withLock { $0[i] = r }
                    done[i].signal()
                }
            }
        }
        var progress = CheckProgress(total: count)
        for i in 0..<count {
            done[i].wait()
            let r = results.withLock { results in
                defer { results[i] = nil }
                return results[i]!
            }
            progress.clear()
            switch r {
            case .failure(let error):
                printError(AtomicFile.exists(error.path) || error.path == StandardStreams.stdinName ? error.readReport
                           : "\(error.path): cannot be read: no such file or folder; give a plan file (.yaml) or a folder of them")
                worst = 2
            case .success(let (text, code)):
                StandardStreams.writeOut(SafeText.terminal(text))
                worst = max(worst, code)
            }
            progress.show(done: i + 1)
        }
        progress.clear()
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// "checked 120 of 3,000 plans" on standard error, redrawn in place at most ten times a second,
/// only when standard error is a terminal (never in a pipe or a log).
struct CheckProgress {
    let total: Int
    let enabled: Bool
    private var shown = false
    private var last = DispatchTime(uptimeNanoseconds: 0)

    init(total: Int, enabled: Bool = StandardStreams.stderrIsTerminal) {
        self.total = total
        self.enabled = enabled && total > 1
        show(done: 0)
    }

    mutating func show(done: Int) {
        guard enabled, done < total else { return }
        let now = DispatchTime.now()
        guard done == 0 || now.uptimeNanoseconds - last.uptimeNanoseconds > 100_000_000 else { return }
        last = now
        printError("\rchecked \(done) of \(total) plans…", newline: false, trusted: true)
        shown = true
    }

    /// Removes the line before anything else is printed.
    mutating func clear() {
        guard shown else { return }
        printError("\r\u{1B}[K", newline: false, trusted: true)
        shown = false
    }
}

enum PlanFiles {
    /// Files as given (`-` for standard input); folders expanded to their `*.yaml` files, sorted.
    /// A missing path is bad input, or with `keepMissing` kept in its place for the caller to
    /// report when it tries to read it.
    static func expand(_ paths: [String], keepMissing: Bool = false) throws -> [String] {
        var out: [String] = []
        for path in paths {
            guard path != "-" else { out.append(path); continue }
            guard AtomicFile.isFolder(path) else {
                guard keepMissing || AtomicFile.exists(path) else {
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
