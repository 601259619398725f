/// `supportplan diff OLD NEW`: what changed between two versions of a plan, in words or as
/// JSON; exits like diff(1): 0 the same, 1 different, 2 a plan cannot be read.
import ArgumentParser
import PlanCore

struct DiffCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a plan: needs, outcomes, support lines and money.",
        discussion: HelpExamples.discussion("""
            Exit status: 0 the plans are the same, 1 they differ, 2 a plan cannot be read (or an \
            option is wrong). Plans with different ids are compared too, with a warning. Either \
            plan may be - for standard input.
            """, examples)
    )

    static let examples = [
        "supportplan diff signed/SP-2026-7KQ4XM-v1.yaml plans/SP-2026-7KQ4XM.yaml",
        "supportplan diff --json old.yaml new.yaml",
        "git show HEAD~1:plans/SP-2026-7KQ4XM.yaml | supportplan diff - plans/SP-2026-7KQ4XM.yaml",
    ]

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "One JSON object: each change, and both plans' totals in pence.") var json = false
    @Argument(help: ArgumentHelp("The earlier version (- for standard input).", valueName: "OLD")) var old: String
    @Argument(help: ArgumentHelp("The later version (- for standard input).", valueName: "NEW")) var new: String

    func run() throws {
        var cache: [String: Policy] = [:]
        let a = try LoadedPlan.load(old, global, cache: &cache), b = try LoadedPlan.load(new, global, cache: &cache)
        if a.plan.id != b.plan.id {
            printError("warning: the plans have different ids (\(a.plan.id ?? "none") and \(b.plan.id ?? "none")): "
                       + "they may not be versions of the same plan")
        }
        let diff = PlanDiff.compare(a.plan, b.plan)
        // Anything else in the plans (names, dates, status, free text elsewhere) counts as a difference too.
        let otherFields = !diff.changed && a.plan != b.plan
        if json {
            print(DiffJSON.json(diff, old: a, new: b, otherFields: otherFields))
        } else {
            var lines = diff.lines
            if otherFields {
                lines[lines.count - 1] = "No changes to needs, outcomes, support lines or money; other parts of the plan differ "
                    + "(compare the files themselves for those)."
            }
            print(lines.joined(separator: "\n"))
        }
        if diff.changed || otherFields { throw ExitCode(1) }
    }
}

/// `diff --json`: the two plans (file, id, version), each change by section, and both totals.
enum DiffJSON {
    static func json(_ diff: PlanDiff.Result, old: LoadedPlan, new: LoadedPlan, otherFields: Bool) -> String {
        var w = JSONWriter()
        func plan(_ p: LoadedPlan, into w: inout JSONWriter) {
            w.object {
                $0.field("file") { $0.string(StandardStreams.display(p.path)) }
                $0.field("id") { $0.optionalString(p.plan.id) }
                $0.field("version") { $0.optionalInt(p.plan.version.map(Int64.init)) }
                $0.field("totals") { w in
                    guard let t = p.costing.totals else { w.null(); return }
                    CheckOutput.totals(t, into: &w)
                }
            }
        }
        w.object {
            $0.field("old") { plan(old, into: &$0) }
            $0.field("new") { plan(new, into: &$0) }
            $0.field("same_id") { $0.bool(old.plan.id == new.plan.id) }
            $0.field("changed") { $0.bool(diff.changed || otherFields) }
            $0.field("other_fields_differ") { $0.bool(otherFields) }
            $0.field("sections") { w in
                w.array(diff.sections) { w, section in
                    w.object {
                        $0.field("title") { $0.string(section.title) }
                        $0.field("rows") { w in
                            w.array(section.rows) { w, row in
                                w.object {
                                    $0.field("change") { $0.string(row.change.rawValue) }
                                    $0.field("id") { $0.optionalString(row.id) }
                                    $0.field("text") { $0.string(row.text) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return w.text
    }
}
