/// Reads one plan file for a command: its check result under the right policy, and its
/// sign-off status checked against the store's signed config.
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
        let policy = try LoadedPlan.policy(for: path, global, cache: &cache)
        let bytes = try StandardStreams.read(path, limit: policy.maxFileBytes)
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
        guard global.store != nil || StoreLocation.environment("SUPPORTPLAN_STORE") != nil else { return .standard }
        return try StoreLocation.policy(for: path, global, cache: &cache)
    }

    /// The sign-off status, checked against the store's signed config: a signed record is
    /// verified; a plan that says signed-off must be its signed record. Outside a store, a
    /// signature cannot be checked and says so.
    func signOff(_ global: GlobalOptions) -> SignOffStatus {
        guard path != "-" else { return .notSigned }
        guard let store = StoreLocation.located(global) else {
            guard AtomicFile.exists(path + ".minisig") || plan.status == .signedOff else { return .notSigned }
            return .signed(signer: "unknown", role: "", decision: "", time: "", keyID: "",
                           problem: "no store here to check the signature against (give --store DIR)")
        }
        return store.signOffStatus(of: path, bytes: bytes, plan: plan)
    }
}

/// Writes output to a file (atomically, 0600) or to standard output (no `-o`, or `-o -`;
/// control characters other than line ends and tabs shown visibly there: `SafeText.terminal`).
func emit(_ text: String, to output: String?, force: Bool = true) throws {
    guard let output, output != "-" else {
        let safe = SafeText.terminal(text)
        print(safe, terminator: safe.hasSuffix("\n") ? "" : "\n")
        return
    }
    do { try AtomicFile.write(text, to: output) } catch { throw CLIError("\(error)") }
}
