/// `supportplan export FILE|DIR --as csv|json [--redact] [--bom]`: support lines and totals
/// for spreadsheets and other systems.
import ArgumentParser
import PlanCore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
    case spendCSV = "spend-csv"
}

struct ExportCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export support lines and totals as CSV or JSON.",
        discussion: HelpExamples.discussion("""
            csv: one row per support line of every plan (RFC 4180, UTF-8; --bom for spreadsheets \
            that need it), money as plain decimals. json: per plan, the whole plan with money in \
            pence, each line's cost and the totals (one object per line for several plans); the \
            schema is docs/plan-export.schema.json. --redact replaces plan ids, names, dates of birth, \
            references and free text with placeholders, keeping structure and money.
            """, examples)
    )

    static let examples = [
        "supportplan export plans/ --as csv --bom -o lines.csv",
        "supportplan export plan.yaml --as json --redact",
        "cat plan.yaml | supportplan export - --as json -o -",
        "supportplan export plans/CA-2026-0388.yaml --as spend-csv --bom -o money.csv",
    ]

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Plan files or folders (- for standard input).", valueName: "FILE|DIR"))
    var paths: [String]

    @Option(name: .customLong("as"), help: "csv or json; or spend-csv: the plan's statement lines with what each paid for (one plan in a store).")
    var format: ExportFormat

    @Flag(name: .long, help: "Replace plan ids, names, dates of birth, references and free text with placeholders.")
    var redact = false

    @Flag(name: .long, help: "Start the CSV with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of to standard output (- for standard output).", valueName: "OUT"))
    var output: String?

    func run() throws {
        var cache: [String: Policy] = [:]
        if format == .spendCSV {
            let files = try PlanFiles.expand(paths)
            guard files.count == 1, let file = files.first else {
                throw CLIError("--as spend-csv takes one plan file (plans/ID.yaml in a store); \(files.count) were given")
            }
            let loaded = try LoadedPlan.load(file, global, cache: &cache)
            let csv = try SpendDocument.make(file: file, loaded: loaded, global: global) { r, _, _ in r.csv(byteOrderMark: bom) }
            if output == nil || output == "-" { print(SafeText.terminal(csv), terminator: "") } else { try emit(csv, to: output) }
            return
        }
        var rows: [[String]] = []
        var objects: [String] = []
        for (i, file) in try PlanFiles.expand(paths).enumerated() {
            let loaded = try LoadedPlan.load(file, global, cache: &cache)
            let plan = redact ? Redaction.redact(loaded.plan, number: i + 1) : loaded.plan
            switch format {
            case .csv: rows += PlanExport.csvRows(plan, loaded.costing)
            case .spendCSV: break
            case .json: objects.append(PlanExport.json(plan, loaded.costing, file: redact ? "[file]" : StandardStreams.display(file)))
            }
        }
        let text = format == .csv ? PlanExport.csv(rows, byteOrderMark: bom) : objects.joined(separator: "\n") + "\n"
        try emit(text, to: output)
    }
}
