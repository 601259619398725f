/// Hidden commands for the quality trials (scripts/): `save-trial` rewrites a plan file over
/// and over through the same atomic save the editor uses, so a `kill -9` can land at any
/// moment of a save; the trial then checks the file is whole, old or new, byte for byte.
import ArgumentParser
import Foundation
import PlanCore
import Synchronization

struct SaveTrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save-trial", shouldDisplay: false)

    @Argument var file: String
    @Argument var old: String
    @Argument var new: String
    @Option var times = 1000

    func run() throws {
        let a = try AtomicFile.read(old), b = try AtomicFile.read(new)
        for i in 0..<times { try AtomicFile.write(i % 2 == 0 ? b : a, to: file) }
    }
}

/// `tamper-trial FILE`: every single-byte change of a signed plan, checked in this process
/// against its signature; prints how many were caught.
struct TamperTrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tamper-trial", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @Argument var file: String

    func run() throws {
        let bytes = try AtomicFile.read(file)
        guard case .success(let sig) = decodeUTF8(try AtomicFile.read(file + ".minisig")) else { throw CLIError("no signature") }
        let store = try StoreLocation.requireStore(global)
        let config = try store.trustedConfig()
        let signature = Array(sig.utf8)
        guard store.verify(bytes: bytes, signature: signature, path: file, config: config).verified else {
            throw CLIError("\(file): the original does not verify")
        }
        var caught = 0
        var changed = bytes
        for i in bytes.indices {
            changed[i] ^= 0x01
            if !store.verify(bytes: changed, signature: signature, path: file, config: config).verified { caught += 1 }
            changed[i] ^= 0x01
        }
        print("tamper-trial: \(caught) of \(bytes.count) single-byte changes caught")
        if caught != bytes.count { throw ExitCode(1) }
    }
}

/// `fuzz-trial --inputs N`: N mutated copies of the reference examples through the reader,
/// the rules and the writer; every finding must have a real line and column, and whatever
/// reads must write and read back unchanged. Prints "fuzz-trial: N passed, M failed".
struct FuzzTrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fuzz-trial", shouldDisplay: false)

    @Option var inputs = 1_000_000
    @Argument var examples: [String]

    @Flag(help: "Only the reader (no rules, no write-back): faster, for the million-input run.")
    var readerOnly = false

    func run() throws {
        let texts = try examples.map { path -> String in
            guard case .success(let t) = decodeUTF8(try AtomicFile.read(path)) else { throw CLIError("\(path): not UTF-8") }
            return t
        }
        let counts = Mutex((failed: 0, unreadable: 0))
        let chunks = 64
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var failed = 0, unreadable = 0
            for n in stride(from: chunk, to: inputs, by: chunks) {
                let text = PlanMutator.mutate(texts[n % texts.count], seed: UInt64(n))
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let findings: [Finding], plan: Plan?
                if readerOnly {
                    let r = PlanReader.read(text)
                    findings = r.findings
                    plan = nil
                    if r.isUnparseable { unreadable += 1 }
                } else {
                    let r = Checker.check(text: text, file: "fuzz.yaml")
                    findings = r.findings
                    plan = r.plan
                    if r.unreadable { unreadable += 1 }
                }
                var ok = findings.allSatisfy { f in f.position.map { $0.line >= 1 && $0.line <= lines + 1 && $0.column >= 1 } ?? false }
                if let plan, !readerOnly { ok = ok && PlanReader.read(PlanWriter.write(plan)).plan == plan }
                if !ok {
                    failed += 1
                    printError("input \(n) (seed \(n)) failed")
                }
            }
            counts.withLock { $0.failed += failed; $0.unreadable += unreadable }
        }
        let (failed, unreadable) = counts.withLock { $0 }
        print("# \(unreadable) of \(inputs) inputs were not YAML (syntax errors with their line and column)")
        print("fuzz-trial: \(inputs - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
