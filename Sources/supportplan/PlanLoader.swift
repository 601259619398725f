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
        let policy = try StoreLocation.policy(for: path, global, cache: &cache)
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path, limit: policy.maxFileBytes) } catch { throw CLIError(error.readReport) }
        let result = Checker.check(bytes: bytes, file: path, policy: policy)
        guard !result.unreadable else {
            throw CLIError(CheckOutput.text(result).trimmingCharacters(in: .newlines))
        }
        return LoadedPlan(path: path, bytes: bytes, result: result, policy: policy)
    }

    /// The sign-off status: not signed, or signed and verified (or not) with a trusted key.
    func signOff(_ global: GlobalOptions) -> SignOffStatus {
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
            // Read like a plan: a FIFO or a link to a device named x.pub is skipped, not opened.
            guard let bytes = try? AtomicFile.read(folder + "/" + name, limit: 65_536), case .success(let text) = decodeUTF8(bytes),
                  let key = try? MinisignPublicKey(fileText: text) else { continue }
            out[String(name.dropLast(4))] = key
        }
        return out
    }
}

/// Writes output to a file (atomically, 0600) or to standard output (control characters other
/// than line ends and tabs shown visibly there: `SafeText.terminal`).
func emit(_ text: String, to output: String?, force: Bool = true) throws {
    guard let output else {
        let safe = SafeText.terminal(text)
        print(safe, terminator: safe.hasSuffix("\n") ? "" : "\n")
        return
    }
    do { try AtomicFile.write(text, to: output) } catch { throw CLIError("\(error)") }
}
