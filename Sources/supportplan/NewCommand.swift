/// `supportplan new --template NAME [-o FILE]`: a new plan from the template `plans/NAME.yaml`,
/// with a fresh id and today's date. Without `-o` it goes to `<store>/plans/<id>.yaml`; with
/// `-o -` to standard output. `new --list` names the templates there are.
import ArgumentParser
import Foundation
import PlanCore

struct NewCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plan from a template.",
        discussion: HelpExamples.discussion("""
            Templates: \(PlanTemplates.bundledNames.joined(separator: ", ")), and any the store \
            adds in its templates/plans folder. They come from --templates DIR, else the store's \
            templates/ folder, else the installed ones (share/supportplan/templates beside the \
            program's bin/); never the current folder.
            """, examples)
    )

    static let examples = [
        "supportplan new --list",
        "supportplan new --template self-written -o my-plan.yaml",
        "supportplan new --template older-person-home-care --store /srv/plans",
        "supportplan new --template young-adult-pa -o - | less",
    ]

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The template's name (see --list).",
            completion: .custom { words, _, prefix in PlanTemplates.completionNames(words).filter { $0.hasPrefix(prefix) } })
    var template: String?

    @Flag(name: .long, help: "List the templates there are, one name a line, and where they are.")
    var list = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan (- for standard output).", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: "The plan's id (default: a new one).")
    var id: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead.", valueName: "DIR"),
            completion: .directory)
    var templates: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let folder = try PlanTemplates.folder(override: templates, store: PlanTemplates.store(global))
        if list {
            for name in PlanTemplates.names(in: folder) { print(name) }
            printError("(templates in \(folder)/plans)")
            return
        }
        guard let template else {
            throw CLIError("give --template NAME (one of: \(PlanTemplates.names(in: folder).joined(separator: ", "))), or --list")
        }
        let path = "\(folder)/plans/\(template).yaml"
        guard !template.contains("/"), AtomicFile.exists(path) else {
            let names = PlanTemplates.names(in: folder)
            throw CLIError("no template '\(template)' in \(folder)/plans; choose one of: \(names.joined(separator: ", "))")
        }
        let text: String
        do {
            guard case .success(let t) = decodeUTF8(try AtomicFile.read(path)) else { throw CLIError("\(path): not UTF-8") }
            text = t
        } catch let e as FileError { throw CLIError("\(e)") }
        let today = PlanDate.today()
        let planID = id ?? PlanTemplates.newID(today: today)
        guard PlanID.isValid(planID) else { throw CLIError("--id '\(PlanID.shown(planID))' is not a plan id: \(PlanID.rule)") }
        let plan = PlanTemplates.instantiate(text, id: planID, today: today)
        if output == "-" {
            try emit(plan, to: output)
            return
        }
        let target: String
        if let output {
            target = output
        } else {
            let store = StoreLocation.store(global)
            do { try AtomicFile.makeFolder(store.plansFolder) } catch { throw CLIError("\(error)") }
            target = store.planPath(planID)
        }
        if AtomicFile.exists(target) && !force {
            throw CLIError("\(target) already exists; choose another name with -o, or add --force to replace it")
        }
        do { try AtomicFile.write(plan, to: target) } catch { throw CLIError("\(error)") }
        print("Wrote \(target) from the '\(template)' template. Next: supportplan check \(target)")
        if template == "self-written" {
            print("To write it one question at a time, in plain words: supportplan guide \(target)")
        }
    }
}
