/// `supportplan spend …`: money in use. `spend import PLAN STATEMENT.csv` reads a
/// direct-payment account's statement into the plan's ledger in the store (`spend/ID/`).
/// The group's subcommands are listed in `SpendCommand.subcommands`; add new ones there.
import ArgumentParser
import PlanCore

struct SpendCommand: ParsableCommand {
    /// The group's subcommands, in the order `--help` lists them.
    static let subcommands: [ParsableCommand.Type] = [SpendShowCommand.self, SpendImportCommand.self, SpendAssignCommand.self,
                                                       SpendReturnCommand.self, SpendExportCommand.self]

    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Money in use: a direct-payment account's statements against the plan.",
        discussion: HelpExamples.discussion("""
            `spend import` reads a bank statement (CSV) into the plan's ledger in the store \
            (spend/ID/transactions.jsonl). `spend PLAN` (`spend show`) sets it against the plan: \
            the money so far, each line planned against spent, and the forecast; `spend assign` \
            says what an unmatched transaction was for; `spend return` is the council's audit \
            return and `spend export` the transactions as CSV. See docs/spend.md.
            """, examples),
        subcommands: subcommands,
        defaultSubcommand: SpendShowCommand.self
    )

    static let examples = SpendImportCommand.examples + SpendShowCommand.examples + SpendAssignCommand.examples
}

struct SpendImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a bank statement (CSV) into a plan's ledger; rows already there are not added again.",
        discussion: HelpExamples.discussion("""
            Reads the CSV exports of Lloyds, Nationwide, NatWest, Barclays, Monzo and Starling, \
            recognised by their header row; any other statement with --rules FILE (docs/spend.md, \
            "Rules files"). Newest-first and oldest-first statements both read. Where the statement \
            has a balance column, every row is checked against it. A file with any fault is refused \
            whole, at file:line:column; nothing is imported from it. STATEMENT may be - (standard input).
            """, examples)
    )

    static let examples = [
        "supportplan spend import CA-2026-0388 examples/statements/lloyds.csv",
        "supportplan spend import CA-2026-0388 examples/statements/prepaid-card.csv --rules examples/statements/prepaid-card.yaml",
        "supportplan spend import CA-2026-0388 - --json --store team-store < statement.csv",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The plan's id (as in plans/ID.yaml).", valueName: "PLAN")) var plan: String
    @Argument(help: ArgumentHelp("The statement: a CSV file, or - for standard input.", valueName: "STATEMENT")) var statement: String
    @Option(name: .long, help: ArgumentHelp("A rules file describing the statement's columns (YAML).", valueName: "FILE"))
    var rules: String?
    @Flag(name: .long, help: "Print the result as JSON.") var json = false

    func run() throws {
        let store = try StoreLocation.requireStore(global)
        let ledger = try SpendLedger(store: store, planID: plan)
        var layout: StatementLayout?
        if let rules {
            let bytes = try StandardStreams.read(rules, limit: 1_000_000)
            do { layout = try StatementRules.read(bytes, file: StandardStreams.display(rules)) } catch {
                throw CLIError(error.description)
            }
        }
        let limit = (try? store.config().policy.maxFileBytes) ?? InputLimits.defaultMaxFileBytes
        let bytes = try StandardStreams.read(statement, limit: max(limit, 20_000_000))  // a statement: at least 20 MB
        let name = StandardStreams.display(statement)
        let result = try ledger.importStatement(bytes, name: name, rules: layout)
        if json {
            var w = JSONWriter()
            w.object { o in
                o.field("plan") { $0.string(plan) }
                o.field("file") { $0.string(result.record.file) }
                o.field("sha256") { $0.string(result.record.sha256) }
                o.field("layout") { $0.string(result.record.layout) }
                o.field("order") { $0.string(result.newestFirst ? "newest-first" : "oldest-first") }
                o.field("balance_checked") { $0.bool(result.hasBalance) }
                o.field("from") { $0.string(result.from.description) }
                o.field("to") { $0.string(result.to.description) }
                o.field("rows_read") { $0.int(Int64(result.record.rowsRead)) }
                o.field("rows_added") { $0.int(Int64(result.record.rowsAdded)) }
                o.field("added") { f in f.array(result.added) { $0.string($1.id) } }
            }
            print(w.text)
            return
        }
        let r = result.record
        let already = r.rowsRead - r.rowsAdded
        print(SafeTerminal.visible(
            "Imported \(SafeText.visible(name)) (\(SafeText.visible(r.layout)), \(result.newestFirst ? "newest first" : "oldest first")) into \(plan): "
            + "\(r.rowsRead) row\(r.rowsRead == 1 ? "" : "s") from \(result.from.spoken) to \(result.to.spoken); "
            + "\(r.rowsAdded) added\(already > 0 ? ", \(already) already in the ledger" : "")."
            + (result.hasBalance ? " Every row agrees with the statement's balance." : " The statement has no balance column to check against.")))
    }
}
