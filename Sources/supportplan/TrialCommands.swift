/// Hidden commands for the quality trials (scripts/): `save-trial` rewrites a plan file over
/// and over through the same atomic save the editor uses, so a `kill -9` can land at any
/// moment of a save; the trial then checks the file is whole, old or new, byte for byte.
import ArgumentParser
import PlanCore

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
        let keys = Array(LoadedPlan.trustedKeys(in: StoreLocation.root(for: file, global) + "/keys").values)
        guard Workflow.verify(bytes, signatureText: sig, keys: keys).1 == nil else { throw CLIError("\(file): the original does not verify") }
        var caught = 0
        var changed = bytes
        for i in bytes.indices {
            changed[i] ^= 0x01
            if Workflow.verify(changed, signatureText: sig, keys: keys).1 != nil { caught += 1 }
            changed[i] ^= 0x01
        }
        print("tamper-trial: \(caught) of \(bytes.count) single-byte changes caught")
        if caught != bytes.count { throw ExitCode(1) }
    }
}
