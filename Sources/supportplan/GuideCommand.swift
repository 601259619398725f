/// `supportplan guide FILE`: a self-written plan, one plain question at a time. Full screen
/// when it can; plain numbered prompts on standard input and output with `--plain`,
/// `TERM=dumb` or when either is not a terminal (screen readers, braille, scripts).
import ArgumentParser
import Foundation
import PlanCore
import PlanDocuments
import PlanUI
import TerminalKit

struct GuideCommand: ParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Write your own plan, one question at a time, in plain words.",
        discussion: HelpExamples.discussion("""
            Full screen when it can; plain numbered questions with --plain, TERM=dumb, or when \
            input or output is not a terminal (screen readers, braille). Stop at any time; run it \
            again to carry on where you left off.
            """, examples)
    )

    static let examples = [
        "supportplan guide my-plan.yaml",
        "supportplan guide --plain my-plan.yaml",
    ]

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Your plan file (made if it does not exist).", valueName: "FILE")) var file: String

    func run() throws {
        if !AtomicFile.exists(file) {
            let folder = try PlanTemplates.folder(override: nil, store: PlanTemplates.store(global, file: file))
            guard let plan = PlanTemplates.newPlan("self-written", in: folder) else {
                throw CLIError("the self-written template cannot be read")
            }
            do { try AtomicFile.write(plan.text, to: file) } catch { throw CLIError("\(error)") }
        }
        guard case .success(let text) = decodeUTF8((try? AtomicFile.read(file)) ?? []), let plan = PlanReader.read(text).plan else {
            throw CLIError("\(file): cannot be read as a plan; `supportplan check \(file)` says where")
        }
        var cache: [String: Policy] = [:]
        let policy = try StoreLocation.policy(for: file, global, cache: &cache)
        var state = GuideState(plan: plan, file: file, policy: policy, handled: GuideProgress.load(file))
        switch Backend.choose(plainFlag: global.plain) {
        case .plain:
            // Each line (questions quote the plan's own words) shows control characters visibly.
            let terminal = LineTerminal(write: { print(SafeText.visible($0)) })
            try GuideLineMode.run(&state, terminal, offerEasyRead: { try writeEasyRead(state: $0) })
        case .fullScreen:
            try MainActor.assumeIsolated {
                let screen = CursesScreen(mode: .terminal, options: .fromEnvironment(noColorFlag: global.noColor))
                guard screen.running else { throw CLIError("this terminal cannot run the full screen; try --plain") }
                let session = GuideSession(save: { s in try? GuideLineMode.save(s) },
                                           easyRead: { s in (try? writeEasyRead(state: s)) ?? "The easy-read copy could not be written." })
                var final = session.run(state, on: screen)
                screen.stop()
                if final.wantsLineMode {
                    // Chosen on a screen too small for the questions: carry on here in plain lines.
                    final.screen = nil
                    final.status = ""
                    let terminal = LineTerminal(write: { print(SafeText.visible($0)) })
                    try GuideLineMode.run(&final, terminal, offerEasyRead: { try writeEasyRead(state: $0) })
                    return
                }
                print(final.finished ? "Your plan is saved in \(file)." : "Saved. Carry on later with: supportplan guide \(file)")
            }
        }
    }

    /// Writes `<name>-easy-read.html` beside the plan; returns what to tell the person.
    func writeEasyRead(state: GuideState) throws -> String {
        let folder = try PlanTemplates.folder(override: nil, store: PlanTemplates.store(global, file: file), kind: .documents)
        let renderer = try PlanTemplates.documentRenderer(in: folder)
        let html = renderer.render(.easyRead, plan: state.plan, costing: Coster.cost(state.plan), findings: [],
                                   signOff: .notSigned, policy: state.policy,
                                   spend: MoneySoFarLauncher.spend(file: file, plan: state.plan, policy: state.policy, global))
        let out = (file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file) + "-easy-read.html"
        try AtomicFile.write(html, to: out)
        return "Your easy-read copy is in \(out). Open it in a web browser; it prints in large type."
    }
}

/// Which questions are done, kept beside the plan (`.NAME.yaml.guide`, 0600).
enum GuideProgress {
    static func path(_ file: String) -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".guide").path
    }

    static func load(_ file: String) -> [String] {
        guard case .success(let text) = decodeUTF8((try? AtomicFile.read(path(file))) ?? []) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    static func save(_ s: GuideState) throws {
        try AtomicFile.write(s.handled.joined(separator: "\n") + "\n", to: path(s.file), followLinks: false)
    }
}

enum GuideLineMode {
    /// The plan and the progress, after every answer.
    static func save(_ s: GuideState) throws {
        var plan = s.plan
        plan.updated = PlanDate.today()
        // The file keeps its line ends (a CRLF plan stays CRLF).
        let ending = (try? AtomicFile.read(s.file)).map(LineEnding.of) ?? .lf
        try AtomicFile.write(ending.apply(PlanWriter.write(plan)), to: s.file)
        try GuideProgress.save(s)
    }

    static func run(_ s: inout GuideState, _ t: LineTerminal, offerEasyRead: (GuideState) throws -> String) throws {
        t.say("Your plan, one question at a time. Your answers are saved as you go.")
        t.say("At any question you can type: back, skip, or stop.")
        while true {
            guard try questions(&s, t) else { return }
            t.say("")
            t.say("That is all the questions. Your plan is saved in \(s.file).")
            if let money = GuideEnd.runningMoney(s.plan) { t.say(money) }
            let list = s.toDo
            if list.isEmpty {
                t.say("Your plan has everything it needs.")
                break
            }
            t.say("Still to do:")
            for (n, item) in list.enumerated() { t.say("  \(n + 1). \(item.words)") }
            t.say("Type the number of one to go to its question, or press Enter to finish.")
            guard let answer = t.ask(">"), let n = Int(answer), (1...list.count).contains(n) else { break }
            guard let id = list[n - 1].step else {
                t.say("There is no question for that one here: `supportplan check \(s.file)` says where it is in the plan.")
                continue
            }
            s.jump(to: id)
        }
        if t.choose("Would you like an easy-read copy of your plan?", options: ["Yes", "No"]) == 0 {
            t.say(try offerEasyRead(s))
        }
    }

    /// Asks the questions not yet answered; false when the person stopped (or input ended).
    static func questions(_ s: inout GuideState, _ t: LineTerminal) throws -> Bool {
        while let step = s.step {
            t.say("")
            if let at = s.progress { t.say("Part \(at.part) of \(at.parts) · \(at.partName) · \(at.questionWords)") }
            t.say(step.question)
            if !step.hint.isEmpty { t.say(step.hint) }
            switch step.kind {
            case .choice(let options), .several(let options):
                for (i, o) in options.enumerated() { t.say("  \(i + 1). \(o)") }
                if case .several = step.kind { t.say("Type the numbers of all that are true, like 1 3.") }
            case .date(let suggested):
                if let suggested { t.say("Press Enter for \(suggested.spoken) (\(suggested)), or type a date like 2027-01-20.") }
            default: break
            }
            if !step.current.isEmpty { t.say("Your answer now: \(step.current.split(separator: "\n").joined(separator: " / ")) (press Enter to keep it)") }
            let lines: Bool
            if case .lines = step.kind { lines = true } else { lines = false }
            if lines { t.say("Type each line and press Enter. An empty line finishes.") }
            guard let first = t.ask(">") else { try save(s); return false }
            switch first.lowercased() {
            case "stop":
                try save(s)
                t.say("Saved. Carry on later with: supportplan guide \(s.file)")
                return false
            case "skip": s.skip(); try save(s); continue
            case "back": s.back(); continue
            default: break
            }
            var answer = first
            if lines && !first.isEmpty {
                while let more = t.ask(">"), !more.isEmpty { answer += "\n" + more }
            }
            if answer.isEmpty && !step.current.isEmpty { answer = step.current }
            if !s.answer(answer) {
                t.say(s.problem ?? "That answer cannot be used.")
                continue
            }
            if !s.status.isEmpty { t.say(s.status) }
            try save(s)
        }
        return true
    }
}
