/// `supportplan render FILE --as text|markdown|html|easy-read [-o OUT]`: the printable plan.
import ArgumentParser
import PlanCore
import PlanDocuments

extension DocumentFormat: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the plan as a document people can read and print.",
        discussion: """
            text and markdown: the whole plan in the person's words, with the costing and sign-off. \
            html: one self-contained page that prints on A4. easy-read: short sentences in plain \
            words, large type (HTML). Templates: templates/documents/*.mustache, or --templates DIR.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A plan file.", valueName: "FILE"))
    var file: String

    @Option(name: .customLong("as"), help: "text, markdown, html or easy-read.")
    var format: DocumentFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of to standard output.", valueName: "OUT"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead.", valueName: "DIR"))
    var templates: String?

    func run() throws {
        var cache: [String: Policy] = [:]
        let loaded = try LoadedPlan.load(file, global, cache: &cache)
        let folder = try PlanTemplates.folder(override: templates)
        let renderer: DocumentRenderer
        do {
            renderer = try DocumentRenderer(templatesFolder: folder) { path in
                guard AtomicFile.exists(path) else { throw CLIError("\(path): the template is missing") }
                guard case .success(let text) = decodeUTF8(try AtomicFile.read(path)) else {
                    throw CLIError("\(path): the template is not UTF-8 text")
                }
                return text
            }
        } catch let error as TemplateError {
            throw CLIError(error.description)
        }
        let text = renderer.render(format, plan: loaded.plan, costing: loaded.costing, findings: loaded.result.findings,
                                   signOff: loaded.signOff(global), policy: loaded.policy)
        try emit(text, to: output)
        if let output { printError("Wrote \(output) (\(format.rawValue)).") }
    }
}
