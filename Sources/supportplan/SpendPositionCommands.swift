/// `supportplan spend show PLAN` (the group's default: `supportplan spend PLAN`): the money
/// so far against the plan, and the forecast; `supportplan spend assign PLAN TXID` records
/// what an unmatched transaction was for in `spend/ID/assigned.yaml`. docs/spend.md.
import ArgumentParser
import Foundation
import PlanCore
import PlanUI
import TerminalKit

/// The plan a spend command works on: `plans/ID.yaml`, else its newest signed record.
struct SpendPlan {
    var store: PlanStore
    var ledger: SpendLedger
    var loaded: PlanStore.LoadedPlan
    var policy: Policy

    var planIDForMessages: String { ledger.planID }

    static func open(_ id: String, _ global: GlobalOptions) throws -> SpendPlan {
        let store = try StoreLocation.requireStore(global)
        let ledger = try SpendLedger(store: store, planID: id)
        let policy: Policy
        do { policy = try store.config().policy } catch { throw CLIError(error.description) }
        var path = store.planPath(id)
        if !AtomicFile.isRegularFile(path) {
            let signed = (try? FileManager.default.contentsOfDirectory(atPath: store.signedFolder)) ?? []
            let versions = signed.compactMap { name -> Int? in
                guard name.hasPrefix(id + "-v"), name.hasSuffix(".yaml") else { return nil }
                return Int(name.dropFirst(id.count + 2).dropLast(5))
            }
            if let v = versions.max() { path = store.signedPath(id, version: v) }
        }
        let loaded = try store.load(path, policy: policy)
        return SpendPlan(store: store, ledger: ledger, loaded: loaded, policy: policy)
    }

    /// Where a finding's path is in the plan file.
    func position(_ path: String) -> Position {
        PlanReader.read(String(decoding: loaded.bytes, as: UTF8.self)).position(for: path)
    }

    /// The report as of `asOf`; refused (exit 2) when no statement has been imported.
    func report(asOf: PlanDate?) throws -> SpendReport {
        let rows: [Transaction]
        do { rows = try ledger.transactions() } catch { throw CLIError("\(planIDForMessages): \(error)") }
        guard !rows.isEmpty else {
            throw CLIError("no statement has been imported for \(planIDForMessages); run `supportplan spend import \(planIDForMessages) STATEMENT.csv` first")
        }
        do {
            return try ledger.report(plan: loaded.plan, costing: loaded.result.costing, asOf: asOf, policy: policy)
        } catch .refused(let why) {
            throw CLIError("\(loaded.path): \(why)")
        }
    }
}

struct SpendShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The money so far against the plan, period by period, and the forecast to the budget's end.",
        discussion: HelpExamples.discussion("""
            Per payment period (budget.payment, from budget.period.from): money in, money out, \
            unplanned spending and the balance; per line, planned so far against spent so far; \
            the transactions that match no line; the forecast (the balance at the end of the budget \
            period, the part above the reserve, the date the money runs out); and the spend-… \
            findings. The as-of date is the newest transaction's unless --as-of is given. Exit \
            status: 0; 1 when a finding is an error (the money runs out, rows missing from the \
            statement, or the forecast cannot be made); 2 when no statement has been imported. --screen shows the same on \
            the "Money so far" screen, where unmatched transactions are assigned with one key each. \
            See docs/spend.md.
            """, examples)
    )

    static let examples = [
        "supportplan spend CA-2026-0388",
        "supportplan spend show CA-2026-0388 --as-of 2027-03-31",
        "supportplan spend CA-2026-0388 --json | jq .forecast",
        "supportplan spend CA-2026-0388 --screen",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The plan's id (as in plans/ID.yaml).", valueName: "PLAN")) var plan: String
    @Flag(name: .long, help: "One JSON object, every amount in pence.") var json = false
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to look from (YYYY-MM-DD).", valueName: "DATE"))
    var asOf: String?
    @Flag(name: .long, help: "Show it on the \"Money so far\" screen (full screen; assign unmatched transactions there).")
    var screen = false

    func validate() throws {
        if screen && (json || asOf != nil) { throw ValidationError("--screen shows the position as of today's ledger; leave out --json and --as-of") }
    }

    func run() throws {
        if screen { return try showScreen() }
        var day: PlanDate?
        if let asOf {
            guard let d = PlanDate(asOf) else { throw CLIError("--as-of \(asOf): not a date; write it like 2027-03-31") }
            day = d
        }
        let p = try SpendPlan.open(plan, global)
        let r = try p.report(asOf: day)
        let file = p.loaded.path
        if json {
            print(SpendOutput.json(r, planID: plan, file: file, position: p.position))
        } else {
            print(SafeText.terminal(SpendOutput.text(r, plan: p.loaded.plan, planID: plan, file: file, position: p.position)),
                  terminator: "")
        }
        if r.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

extension SpendShowCommand {
    /// `spend PLAN --screen`: the "Money so far" screen until the person goes back.
    func showScreen() throws {
        let p = try SpendPlan.open(plan, global)
        guard case .fullScreen = Backend.choose(plainFlag: global.plain) else {
            throw CLIError("the \"Money so far\" screen needs a full-screen terminal; `supportplan spend \(plan)` prints the same")
        }
        try MainActor.assumeIsolated {
            let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
            guard screen.running else { throw CLIError("this terminal cannot run the full screen") }
            defer { screen.stop() }
            let session = MoneySoFarSession(store: p.store, planID: plan, plan: p.loaded.plan, policy: p.policy)
            switch session.open(plainLanguage: global.plainLanguage) {
            case .success(let state): _ = session.run(state, on: screen)
            case .failure(let e): throw CLIError(e.message)
            }
        }
    }
}

struct SpendAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Say what a transaction that matched no line was for: a line of the plan, or not for care.",
        discussion: HelpExamples.discussion("""
            Kept in the store's spend/ID/assigned.yaml (readable in git), and used for this \
            transaction from then on, whatever is imported later. An assignment wins over the \
            payee words. --line names a paid line of the plan; --not-for-care needs the reason. \
            --clear takes the choice back.
            """, examples)
    )

    static let examples = [
        "supportplan spend assign CA-2026-0388 3f9a0c1d2e4b5a67 --line S2",
        "supportplan spend assign CA-2026-0388 8be41f0a9c2d7e55 --not-for-care \"Food bought by mistake; paid back on 20 Feb\"",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The plan's id.", valueName: "PLAN")) var plan: String
    @Argument(help: ArgumentHelp("The transaction's id, as `spend` shows it.", valueName: "TXID")) var transaction: String
    @Option(name: .long, help: ArgumentHelp("The paid line it was for.", valueName: "ID")) var line: String?
    @Option(name: .customLong("not-for-care"), help: ArgumentHelp("Why it was not for care.", valueName: "REASON"))
    var notForCare: String?
    @Flag(name: .long, help: "Take back an earlier choice.") var clear = false

    func validate() throws {
        let given = [line != nil, notForCare != nil, clear].filter { $0 }.count
        guard given == 1 else { throw ValidationError("give one of --line ID, --not-for-care REASON or --clear") }
        if let notForCare, !notForCare.contains(where: { !$0.isWhitespace }) {
            throw ValidationError("--not-for-care needs the reason, in words")
        }
    }

    func run() throws {
        let p = try SpendPlan.open(plan, global)
        let choice: Assignment?
        if let line {
            choice = .line(line)
        } else if let notForCare {
            choice = .notForCare(reason: notForCare.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            choice = nil
        }
        let t = try p.ledger.assign(transaction, choice, plan: p.loaded.plan)
        let what: String
        switch choice {
        case .line(let l)?: what = "pays for \(l)"
        case .notForCare(let r)?: what = "is not for care: \(r)"
        case nil: what = "is unmatched again"
        }
        print(SafeText.terminal("\(t.date) \(t.description) \(Money.pounds(t.amountPence)) \(what). Kept in spend/\(plan)/assigned.yaml."))
    }
}

extension SpendReturnFormat: ExpressibleByArgument {}

/// The days a return or an export covers: `--from` (default the budget period's first day) to
/// `--as-of` (default the newest transaction).
struct SpendDays: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The first day (YYYY-MM-DD); default the budget period's first.", valueName: "DATE"))
    var from: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The last day (YYYY-MM-DD); default the newest transaction's.", valueName: "DATE"))
    var asOf: String?

    func dates() throws -> (from: PlanDate?, to: PlanDate?) {
        func read(_ s: String?, _ name: String) throws -> PlanDate? {
            guard let s else { return nil }
            guard let d = PlanDate(s) else { throw CLIError("--\(name) \(s): not a date; write it like 2027-03-31") }
            return d
        }
        return (try read(from, "from"), try read(asOf, "as-of"))
    }
}

struct SpendReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "The direct-payment audit return for the council: each statement line and what it paid for.",
        discussion: HelpExamples.discussion("""
            For the days asked: the balance at the start and the end, money in, spending on the \
            plan's lines and on nothing in the plan, the reserve the plan allows and the forecast; \
            then every statement line with what it paid for, and the unplanned items with their \
            explanation. text, markdown, or html (one page that prints on A4).
            """, examples)
    )

    static let examples = [
        "supportplan spend return CA-2026-0388 --as html -o return.html",
        "supportplan spend return CA-2026-0388 --as markdown --from 2027-01-04 --as-of 2027-03-28",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The plan's id.", valueName: "PLAN")) var plan: String
    @Option(name: .customLong("as"), help: "text, markdown or html.") var format: SpendReturnFormat = .text
    @OptionGroup var days: SpendDays
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of to standard output.", valueName: "OUT"))
    var output: String?

    func run() throws {
        let (from, to) = try days.dates()
        let p = try SpendPlan.open(plan, global)
        let report = try p.report(asOf: to)
        do { try SpendReturn.check(report, from: from) } catch { throw CLIError(error.message) }
        let r = SpendReturn(report, from: from)
        try emit(r.render(format, plan: p.loaded.plan, planID: plan), to: output)
        if let output, output != "-" { printError("Wrote \(output) (\(format.rawValue)).") }
    }
}

struct SpendExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The statement lines with what each paid for, as CSV.",
        discussion: HelpExamples.discussion("""
            One row per transaction (RFC 4180, UTF-8; --bom for spreadsheets that need it): date, \
            description, amount in pounds (money out negative), kind (line, council, not-for-care, \
            unmatched), line, matched_by (payee, payer, assigned), reason, transaction_id.
            """, examples)
    )

    static let examples = [
        "supportplan spend export CA-2026-0388 --bom -o money.csv",
        "supportplan spend export CA-2026-0388 --from 2027-04-01 --as-of 2027-04-30",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The plan's id.", valueName: "PLAN")) var plan: String
    @OptionGroup var days: SpendDays
    @Flag(name: .long, help: "Start the CSV with a UTF-8 byte-order mark (for Excel).") var bom = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of to standard output.", valueName: "OUT"))
    var output: String?

    func run() throws {
        let (from, to) = try days.dates()
        let p = try SpendPlan.open(plan, global)
        let report = try p.report(asOf: to)
        do { try SpendReturn.check(report, from: from) } catch { throw CLIError(error.message) }
        let csv = SpendReturn(report, from: from).csv(byteOrderMark: bom)
        // Standard output gets the CRLF lines as they are (`emit` would add a line end).
        if output == nil || output == "-" { print(SafeText.terminal(csv), terminator: "") } else { try emit(csv, to: output) }
    }
}
