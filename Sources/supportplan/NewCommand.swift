/// `supportplan new --template NAME [-o FILE]`: a new plan from `templates/plans/NAME.yaml`,
/// with a fresh id and today's date. Without `-o` it goes to `<store>/plans/<id>.yaml`.
import ArgumentParser
import Foundation
import PlanCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plan from a template.",
        discussion: "Templates: \(PlanTemplates.bundledNames.joined(separator: ", ")). Use --templates DIR for your own."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The template's name.")
    var template: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: "The plan's id (default: a new one).")
    var id: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead.", valueName: "DIR"))
    var templates: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let folder = try PlanTemplates.folder(override: templates)
        let path = "\(folder)/plans/\(template).yaml"
        guard AtomicFile.exists(path) else {
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
