/// Guided mode: every screen in plain words (no jargon-list term), the cursor always in the
/// answer box, answers going into the right fields, back and skip.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct GuideTests {
    /// Answers by step id (prefix), as a person might give them.
    static func answer(for step: GuideStep) -> String {
        let id = step.id
        let table: [(String, String)] = [
            ("name", "Mary Jones"), ("called", "Mary"), ("information", "Large print"),
            ("about", "I was a seamstress."), ("important-to", "Church\nMy cat"), ("important-for", "My tablets"),
            ("need.personal-hygiene.what", "I cannot get into the bath."), ("need.personal-hygiene.why", "1 3"),
            ("need.personal-hygiene.council", "1"), ("need.personal-hygiene", "1"), ("need.", "2"),
            ("goals", "I want to keep clean."), ("goal.0.about", "1"), ("goal.0.needs", "1"),
            ("helpers", "Jane does my shopping."), ("helper.", "1"),
            ("help.new.0", "Help to wash"), ("help.new.", ""), ("help.1.who", "Brightcare"), ("help.1.cost", "24.10"),
            ("help.1.unit", "1"), ("help.1.often", "1"), ("help.1.howmany", "7"), ("help.1.meets", "1 2"),
            ("help.1.pays", "1"), ("help.1.money", "1"), ("money.year", "9000"), ("money.mine", "0"),
            ("risks", "I might fall."), ("risk.0.do", "A carer is with me."), ("plan-b", "Jane comes."),
            ("advice.help", "The falls class."), ("advice.well", "Age UK."), ("people", ""), ("agree.words", "Happy."),
            ("agree", "1"), ("check.", ""),
        ]
        if let exact = table.first(where: { $0.0 == id }) { return exact.1 }
        return table.filter { id.hasPrefix($0.0) }.max { $0.0.count < $1.0.count }!.1
    }

    func blank() -> GuideState {
        let text = try! String(contentsOf: Driver.root.appendingPathComponent("templates/plans/self-written.yaml"), encoding: .utf8)
        let filled = TemplateFill.fill(text, values: ["id": "SP-1", "created": "2026-11-25", "updated": "2026-11-25"])
        return GuideState(plan: PlanReader.read(filled).plan!, file: "mary.yaml")
    }

    @Test func everyScreenIsInPlainWordsWithTheCursorInTheAnswer() {
        var s = blank()
        var screens = 0
        while let step = s.step {
            let c = GuideProgram.render(s, size: Size(width: 80, height: 24))
            let text = c.text
            #expect(JargonRule.matches(in: text, Policy.defaultJargon).isEmpty,
                    "\(step.id): \(JargonRule.matches(in: text, Policy.defaultJargon).map(\.term))")
            let label = (0..<24).first { c.line($0).hasPrefix("  Your answer:") }
            #expect(label != nil && c.cursor.row == label! + 1, "\(step.id): the cursor is in the answer box")
            #expect(c.cursor.column >= 4)
            #expect(c.line(0).hasPrefix(" Your plan · question \(s.number) of "))
            let answered = s.answer(Self.answer(for: step))
            #expect(answered, "\(step.id): \(s.problem ?? "")")
            screens += 1
            if screens > 80 { Issue.record("the questions never end"); break }
        }
        #expect(s.finished)
        let summary = GuideProgram.render(s, size: Size(width: 80, height: 24))
        #expect(summary.text.contains("✓ Your plan has everything it needs."), "\(GuideFlow.missing(s.plan, policy: .standard))")
        #expect(JargonRule.matches(in: summary.text, Policy.defaultJargon).isEmpty)
        let r = Checker.check(text: PlanWriter.write(s.plan), file: "mary.yaml")
        #expect(r.count(.error) == 0 && r.count(.warning) == 0, "\(r.findings.map(\.rule))")
        #expect(s.plan.supports.first { $0.what == "Help to wash" }?.meets == ["N1", "O1"])
    }

    @Test func keysGoBackSkipAndStop() {
        var s = blank()
        let r1 = GuideProgram.reduce(&s, .text("M"))
        #expect(r1.isEmpty)
        let r2 = GuideProgram.reduce(&s, .key(.enter))
        #expect(r2 == [.save])
        #expect(s.plan.person.name == "M" && s.step?.id == "called")
        _ = GuideProgram.reduce(&s, .key(.escape))
        #expect(s.step?.id == "name" && s.field.text == "M", "back shows the answer given")
        _ = GuideProgram.reduce(&s, .key(.ctrl("n")))
        #expect(s.step?.id == "called" && s.skipped.contains("name"))
        let r3 = GuideProgram.reduce(&s, .key(.function(10)))
        #expect(r3 == [.save, .stop])
        // Several lines: Enter on an empty line finishes.
        s.current = "important-to"
        s.loadInput()
        for e in InputEvent.typing("Church") + [.key(.enter)] + InputEvent.typing("Cat") { _ = GuideProgram.reduce(&s, e) }
        _ = GuideProgram.reduce(&s, .key(.enter))
        #expect(s.step?.id == "important-to", "one Enter starts a new line")
        let r4 = GuideProgram.reduce(&s, .key(.enter))
        #expect(r4 == [.save])
        #expect(s.plan.importantToMe == ["Church", "Cat"])
    }

    @Test func badAnswersSayWhatToDo() {
        var s = blank()
        s.current = "need.nutrition"
        s.loadInput()
        let first = s.answer("yes please")
        #expect(!first)
        #expect(s.problem == "Type the number of your answer, from 1 to 2.")
        s.current = "money.year"
        s.loadInput()
        let second = s.answer("12.345")
        #expect(!second)
        #expect(s.problem?.contains("two decimal places") == true)
        let c = GuideProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.line(22).hasPrefix(" ! That amount"))
    }
}
