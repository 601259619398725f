/// `supportplan list [--json] [--status S] [--review-due DAYS]`: the store's plans, one line
/// (or one JSON object) each, read from the store's index (`PlanIndex`); and `supportplan config check`: the store's config read and its
/// signature checked, as `sign` and `verify` will see it.
import ArgumentParser
import Foundation
import PlanCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The store's plans: person, id, status, budget, findings and next review."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Only plans with this status (draft, submitted, returned, signed-off, superseded).")
    var status: String?
    @Option(name: .customLong("review-due"), help: ArgumentHelp("Only plans whose next review is within DAYS days (or late).", valueName: "DAYS"))
    var reviewDue: Int?
    @Flag(name: .long, help: "JSON Lines: one object per plan.") var json = false

    func run() throws {
        let store = StoreLocation.store(global)
        if let status, PlanStatus(rawValue: status) == nil {
            throw CLIError("--status \(status): use one of \(PlanStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let policy = try store.config().policy
        let today = PlanDate.today()
        var rows = store.summaries(policy: policy, progress: IndexProgress.line)
        IndexProgress.end()
        if let status { rows = rows.filter { $0.status == status } }
        if let days = reviewDue {
            let limit = today.adding(days: days)
            rows = rows.filter { PlanDate($0.review).map { $0 <= limit } ?? false }
        }
        for s in rows {
            if json {
                var w = JSONWriter()
                w.object {
                    $0.field("file") { $0.string(s.path) }
                    $0.field("id") { $0.string(s.id) }
                    $0.field("person") { $0.string(s.name) }
                    $0.field("status") { $0.string(s.status) }
                    $0.field("author") { $0.string(s.author) }
                    $0.field("version") { w in if let v = s.version { w.int(Int64(v)) } else { w.null() } }
                    $0.field("budget_pence") { w in if let b = s.budget { w.int(b.pence) } else { w.null() } }
                    $0.field("recurring_annual_pence") { $0.optionalInt(s.recurringAnnual?.pence) }
                    $0.field("one_off_pence") { $0.optionalInt(s.oneOff?.pence) }
                    $0.field("remaining_pence") { $0.optionalInt(s.remaining?.pence) }
                    $0.field("errors") { $0.int(Int64(s.errors)) }
                    $0.field("warnings") { $0.int(Int64(s.warnings)) }
                    $0.field("review_next") { w in if PlanDate(s.review) != nil { w.string(s.review) } else { w.null() } }
                    $0.field("submitted_at") { w in if let t = s.submitted { w.string(t) } else { w.null() } }
                }
                print(w.text)
            } else {
                print(SafeTerminal.visible("\(s.id.padding(16)) \(s.status.padding(11)) \((s.budget?.pounds ?? "—").padding(12)) "
                                           + "\(String(s.errors)) ✗ \(String(s.warnings)) !  review \(s.review)  \(s.name)"))
            }
        }
        if !json { printError("\(rows.count) plan\(rows.count == 1 ? "" : "s") in \(store.plansFolder)") }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "The store's config.yaml.",
        subcommands: [ConfigCheckCommand.self, ConfigSignCommand.self]
    )
}

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read the store's config.yaml and check its signature (exit 0 trusted, 1 readable but not trusted, 2 errors)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let config = try store.config()
        for w in config.warnings { print(w) }
        let p = config.policy
        print("\(store.configPath): reads cleanly; \(p.signers.count) signer\(p.signers.count == 1 ? "" : "s"), "
              + "levels \(p.signerLevels.map(\.name).joined(separator: ", ")).")
        if let why = config.untrusted {
            print("Not trusted for sign-off: \(why)")
            throw ExitCode(1)
        }
        print("Signed by the owner key \(config.ownerKeyID ?? "?"), which you have pinned: trusted for sign-off.")
    }
}

struct ConfigSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "The owner signs config.yaml again after changing it by hand (shows what it will trust first)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("owner-key"), help: ArgumentHelp("The owner's secret key (default: one of yours whose key you pinned).", valueName: "KEY"))
    var ownerKey: String?
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The owner key's passphrase, from a file.", valueName: "FILE"))
    var passphraseFile: String?
    @Flag(name: .customLong("accept-signer-changes"), help: "Sign even though signers changed since you last signed (after checking each key with its person).")
    var acceptSignerChanges = false

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let config = try store.config()  // must read cleanly (errors exit 2 with file:line:column)
        let changes = store.signerChangesSinceOwnerSigned()
        if !changes.isEmpty && !acceptSignerChanges {
            for c in changes { print(SafeTerminal.visible(c)) }
            throw CLIError("not signed: the signers changed since you last signed this config, by hand (above). "
                           + "Use `supportplan signer add` to add or change signers; if you made these changes yourself and "
                           + "checked each public key with its person, sign with --accept-signer-changes")
        }
        let pinned = TrustRoot.pinned(in: StoreLocation.user)
        let path = ownerKey ?? pinned.lazy.map { KeyFiles.path(forKeyID: $0.keyIDHex) }.first(where: AtomicFile.exists)
            ?? KeyFiles.path(forKeyID: "")
        let owner = try KeyFiles.load(path) { try Passphrase.read(file: passphraseFile, prompt: "Owner key passphrase: ") }
        guard pinned.contains(where: { $0.keyID == owner.keyID }) else {
            throw CLIError("key \(owner.publicKey.keyIDHex) is not an owner key you have pinned; only the store's owner signs its config")
        }
        for s in config.policy.signers {
            print("signer: \(s.name) (\(s.role), \(s.level)), key \(s.keyID)" + (s.until.map { " until \($0)" } ?? ""))
        }
        print("levels: " + config.policy.signerLevels.map { "\($0.name) up to \($0.upTo?.description ?? "any amount")" }.joined(separator: ", "))
        try store.signConfig(with: owner)
        print("Signed \(store.configPath) with the owner key \(owner.publicKey.keyIDHex).")
    }
}
