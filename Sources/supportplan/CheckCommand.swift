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

    @Argument(help: ArgumentHelp("Plan files or folders.", valueName: "FILE|DIR"))
    var paths: [String]

    func run() throws {
        var worst: Int32 = 0
        var cache: [String: Policy] = [:]
        for file in try PlanFiles.expand(paths) {
            let result: CheckResult
            do {
                let bytes = try AtomicFile.read(file)
                let policy = try StoreLocation.policy(for: file, global, cache: &cache)
                result = Checker.check(bytes: bytes, file: file, policy: policy)
            } catch let error as FileError {
                printError("\(error.path): cannot be read: \(error.what)")
                worst = 2
                continue
            }
            print(json ? CheckOutput.json(result) : CheckOutput.text(result), terminator: json ? "\n" : "")
            let failed = result.count(.error) > 0 || (strict && result.unacknowledgedWarnings > 0)
            worst = max(worst, result.unreadable ? 2 : failed ? 1 : 0)
        }
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
