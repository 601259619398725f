/// `supportplan render FILE --as text|markdown|html|easy-read [-o OUT]`: the printable plan;
/// `--as spend|spend-markdown|spend-html`: the direct-payment audit return (SpendDocument).
import ArgumentParser
import PlanCore
import PlanDocuments

extension DocumentFormat: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the plan as a document people can read and print.",
        discussion: HelpExamples.discussion("""
            text and markdown: the whole plan in the person's words, with the costing and sign-off. \
            html: one self-contained page that prints on A4. easy-read: short sentences in plain \
            words, large type (HTML). Document templates (documents/*.mustache) come from \
            --templates DIR, else the store's templates/ folder, else the installed ones \
            (share/supportplan/templates beside the program's bin/); never the current folder.
            """, examples)
    )

    static let examples = [
        "supportplan render plans/SP-2026-7KQ4XM.yaml --as html -o plan.html",
        "supportplan render plan.yaml --as easy-read -o plan-easy-read.html",
        "cat plan.yaml | supportplan render - --as text -o - | less",
        "supportplan render plans/CA-2026-0388.yaml --as spend-html -o return.html",
    ]

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A plan file (- for standard input).", valueName: "FILE"))
    var file: String

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "text, markdown, html or easy-read; or spend, spend-markdown, spend-html: the direct-payment audit return from the plan's statement (a plan in a store).",
        valueName: "FORMAT"))
    var format: RenderAs

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of to standard output (- for standard output).", valueName: "OUT"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead.", valueName: "DIR"))
    var templates: String?

    func run() throws {
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(file, global, cache: &cache)
        if let spend = format.spendFormat {
            let text = try SpendDocument.make(file: file, loaded: loaded, global: global) { r, plan, id in r.render(spend, plan: plan, planID: id) }
            try emit(text, to: output)
            if let output, output != "-" { printError("Wrote \(output) (\(format.rawValue)).") }
            return
        }
        guard let format = format.document else { return }
        let folder = try PlanTemplates.folder(override: templates, store: PlanTemplates.store(global, file: file), kind: .documents)
        let renderer = try PlanTemplates.documentRenderer(in: folder)
        let text = renderer.render(format, plan: loaded.plan, costing: loaded.costing, findings: loaded.result.findings,
                                   signOff: loaded.signOff(global), policy: loaded.policy,
                                   spend: format == .easyRead ? MoneySoFarLauncher.spend(file: file, plan: loaded.plan, policy: loaded.policy, global) : nil)
        try emit(text, to: output)
        if let output, output != "-" { printError("Wrote \(output) (\(format.rawValue)).") }
    }
}
