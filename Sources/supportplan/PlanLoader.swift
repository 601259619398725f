/// Reads one plan file for a command: its check result under the right policy, and its
/// sign-off status from a `.minisig` beside it, checked against the store's `keys/*.pub`.
import Foundation
import PlanCore

struct LoadedPlan {
    var path: String
    var bytes: [UInt8]
    var result: CheckResult
    var policy: Policy
    var plan: Plan { result.plan ?? Plan() }
    var costing: Costing { result.costing ?? Coster.cost(plan) }

    static func load(_ path: String, _ global: GlobalOptions, cache: inout [String: Policy]) throws -> LoadedPlan {
        let bytes = try StandardStreams.read(path)
        let policy = try LoadedPlan.policy(for: path, global, cache: &cache)
        let result = Checker.check(bytes: bytes, file: StandardStreams.display(path), policy: policy)
        guard !result.unreadable else {
            throw CLIError(CheckOutput.text(result).trimmingCharacters(in: .newlines))
        }
        return LoadedPlan(path: path, bytes: bytes, result: result, policy: policy)
    }

    /// The policy for a plan file; for standard input (`-`), the named store's, else the standard
    /// one (never a `config.yaml` in the current folder).
    static func policy(for path: String, _ global: GlobalOptions, cache: inout [String: Policy]) throws -> Policy {
        guard path == "-" else { return try StoreLocation.policy(for: path, global, cache: &cache) }
        guard StoreLocation.explicit(global) != nil else { return .standard }
        return try StoreLocation.policy(for: path, global, cache: &cache)
    }

    /// The sign-off status: not signed, or signed and verified (or not) with a trusted key.
    func signOff(_ global: GlobalOptions) -> SignOffStatus {
        guard path != "-" else { return .notSigned }
        let sigPath = path + ".minisig"
        guard AtomicFile.exists(sigPath), let bytes = try? AtomicFile.read(sigPath),
              case .success(let text) = decodeUTF8(bytes) else { return .notSigned }
        return SignOffStatus.check(planBytes: self.bytes, signatureText: text, keys: LoadedPlan.trustedKeys(near: path, global))
    }

    /// The store's `keys/*.pub` (the store of the plan: see `StoreLocation.root`).
    static func trustedKeys(near path: String, _ global: GlobalOptions) -> [MinisignPublicKey] {
        Array(trustedKeys(in: StoreLocation.root(for: path, global) + "/keys").values)
    }

    /// Public keys by file name without `.pub`.
    static func trustedKeys(in folder: String) -> [String: MinisignPublicKey] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var out: [String: MinisignPublicKey] = [:]
        for name in files where name.hasSuffix(".pub") {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                  let key = try? MinisignPublicKey(fileText: text) else { continue }
            out[String(name.dropLast(4))] = key
        }
        return out
    }
}

/// Writes output to a file (atomically, 0600) or to standard output (no `-o`, or `-o -`).
func emit(_ text: String, to output: String?, force: Bool = true) throws {
    guard let output, output != "-" else {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        return
    }
    do { try AtomicFile.write(text, to: output) } catch { throw CLIError("\(error)") }
}
