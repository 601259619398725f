/// Guided mode, driven by keys as the loop drives it: every screen in plain words with the
/// cursor in the answer box; a self-advocate's personal assistant becomes a `kind: pa` line the
/// employer model costs; money and choices answered in words; steady progress by part; the
/// running money; the end list that jumps to each question; the line-mode offer below 80×24.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

/// Sends key events to the guide's reducer, as `UILoop` does.
struct GuideDriver {
    var state: GuideState
    var effects: [GuideEffect] = []

    static func blank() -> GuideDriver {
        let text = try! String(contentsOf: Driver.root.appendingPathComponent("templates/plans/self-written.yaml"), encoding: .utf8)
        let filled = TemplateFill.fill(text, values: ["id": "SP-1", "created": "2026-11-25", "updated": "2026-11-25"])
        return GuideDriver(state: GuideState(plan: PlanReader.read(filled).plan!, file: "mary.yaml"))
    }

    mutating func send(_ events: [InputEvent]) {
        for e in events {
            guard let a = GuideProgram.action(for: e, in: state) else { continue }
            effects += GuideProgram.reduce(&state, a)
        }
    }

    mutating func send(_ events: InputEvent...) { send(events) }

    /// Clears the box (Ctrl-A, Ctrl-K on each line) and types the answer: a longer answer one
    /// line at a time, then Enter on an empty line.
    mutating func answer(_ text: String) {
        guard let step = state.step else { Issue.record("no question open"); return }
        if case .lines = step.kind {
            state.area = TextArea(wrapWidth: 70)  // as a fresh box; the tests' answers replace
            for line in text.split(separator: "\n") { send(InputEvent.typing(String(line)) + [.key(.enter)]) }
            send(.key(.enter))
            return
        }
        // Enter alone keeps the answer shown in the box.
        if !text.isEmpty { send(.key(.ctrl("a")), .key(.ctrl("k"))) }
        send(InputEvent.typing(text) + [.key(.enter)])
    }

    var screen: Canvas { GuideProgram.render(state, size: Size(width: 80, height: 24)) }
    var id: String? { state.step?.id }

    /// Answers the open question from `table` (by step id, or the longest id prefix).
    mutating func answerFrom(_ table: [(String, String)]) {
        guard let id else { return }
        guard let exact = table.first(where: { $0.0 == id }) ?? table.filter({ id.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count })
        else { Issue.record("no answer for \(id)"); return }
        answer(exact.1)
        if let problem = state.problem { Issue.record("\(id): \(problem)") }
    }

    /// Answers every question from `table` until the question `stop` (or the end).
    mutating func run(_ table: [(String, String)], until stop: String? = nil) {
        var n = 0
        while let id, id != stop, state.problem == nil {
            answerFrom(table)
            n += 1
            if n > 120 { Issue.record("the questions never end"); return }
        }
    }
}

@Suite struct GuideTests {
    /// A self-advocate who wants a personal assistant, as they might answer.
    static let mary: [(String, String)] = [
        ("name", "Mary Jones"), ("called", "Mary"), ("information", "Large print"),
        ("about", "I was a seamstress."), ("important-to", "Church\nMy cat"), ("important-for", "My tablets"),
        ("need.", "no"), ("need.personal-hygiene.what", "I cannot get into the bath."), ("need.personal-hygiene.why", "1"),
        ("need.personal-hygiene.council", "1"), ("need.community-services", "yes"), ("need.community-services.what", "I cannot go out alone."),
        ("need.community-services.why", "1 3"), ("need.community-services.council", "y"),
        ("goals", "I want to go to church every Sunday."), ("goal.0.about", "work, learning or fun"), ("goal.0.needs", "1"),
        ("helpers", "Jane does my shopping."), ("helper.", "1"),
        ("money.year", "£8,500 a year"), ("money.mine", "0"),
        ("help.new.0", "A personal assistant to go out with me"), ("help.1.employ", "yes"), ("help.1.who", "Lewis Carter"),
        ("help.1.pay", "£13 an hour"), ("help.1.hours", "10"), ("help.1.age", "14/08/1995"), ("help.1.meets", "1 2"),
        ("help.1.pays", ""), ("help.1.employer", "Y"), ("oncost.4", "£150 a year"), ("oncost.5", "12.50"), ("help.new.", ""),
        ("money.paid", "every month"),
        ("risks", "I might fall."), ("risk.0.do", "Lewis is with me."), ("risk.0.accept", "yes"), ("plan-b", "Jane comes."),
        ("advice.help", "The falls class."), ("advice.well", "Age UK."), ("people", ""), ("agree", "Yes"),
        ("agree.words", "Happy."), ("check.", ""),
    ]

    @Test func everyScreenIsInPlainWordsWithTheCursorInTheAnswer() {
        var d = GuideDriver.blank()
        var seen = 0
        while let step = d.state.step {
            let c = d.screen
            #expect(JargonRule.matches(in: c.text, Policy.defaultJargon).isEmpty,
                    "\(step.id): \(JargonRule.matches(in: c.text, Policy.defaultJargon).map(\.term))")
            let label = (0..<24).first { c.line($0).hasPrefix("  Your answer:") }
            #expect(label.map { c.cursor.row == $0 + 1 } == true, "\(step.id): the cursor is in the answer box")
            #expect(c.cursor.column >= 4)
            d.answerFrom(Self.mary)
            seen += 1
            if seen > 120 { Issue.record("the questions never end"); break }
        }
        #expect(d.state.finished)
        #expect(JargonRule.matches(in: d.screen.text, Policy.defaultJargon).isEmpty)
    }

    /// Every follow-up question names what it is about: a need, a goal, a help or a risk.
    @Test func everyFollowUpNamesItsSubject() {
        var d = GuideDriver.blank()
        d.run(Self.mary)
        let followUps = d.state.steps.filter(\.followUp)
        #expect(followUps.count >= 20)
        for s in followUps where !s.id.hasPrefix("help.new.") {  // "What other help would you like?"
            let subject = s.question.split(separator: ":").first.map(String.init) ?? ""
            #expect(s.question.contains(":") && !subject.isEmpty && !["It", "This"].contains(subject), "\(s.id): \(s.question)")
            #expect(!s.question.hasPrefix("It ") && !s.question.hasPrefix("This ") && !s.question.hasPrefix("What is hard about it"),
                    "\(s.id): \(s.question)")
        }
    }

    @Test func aPersonalAssistantBecomesAPALineThatIsCostedAsAnEmployer() {
        var d = GuideDriver.blank()
        d.run(Self.mary, until: "help.1.employ")
        #expect(d.state.plan.supports[1].kind == .pa, "the person's words name a personal assistant: never kind other")
        ScreenAssert.expect(d.screen, """
             Your plan · part 7 of 12 · question 1 of 1, more 1 of 10
             The help I would like

              "A personal assistant to go out with me": is this someone you employ
              yourself, your own personal assistant?
              Your own personal assistant works for you: you choose them and pay them.

                1. Yes
                2. No
              Type the number or the words of your answer.

              Your answer now: Yes. Press Enter to keep it, or type a new one.

              Your answer:









             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 14, column: 4))
        d.answer("yes")
        #expect(d.state.plan.supports[1].kind == .pa)
        // Help in other words is asked about the same way, and is not a PA until the person says so.
        var other = GuideDriver.blank()
        other.run(Self.mary.map { $0.0 == "help.new.0" ? ($0.0, "Help to wash, every morning") : $0 }, until: "help.1.employ")
        #expect(other.state.plan.supports[1].kind == .other && other.state.field.text.isEmpty)
        other.answer("n")
        #expect(other.state.plan.supports[1].kind == .other && other.id == "help.1.who")
        #expect(other.screen.line(3) == "  \"Help to wash, every morning\": who would give it?")
        d.run(Self.mary, until: "help.1.pay")
        d.answer("£13 an hour")
        ScreenAssert.expect(d.screen, """
             Your plan · part 7 of 12 · question 1 of 1, more 4 of 10
             The help I would like

              "A personal assistant to go out with me": how many hours a week will they
              work?
              For example 10 or 7.5.

              Your answer:














             Your help costs £676 a year; you have £8,500.
             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 8, column: 4))
        d.answer("10")
        #expect(d.state.status == "Your help costs £6,760 a year; you have £8,500.")
        ScreenAssert.expect(d.screen, """
             Your plan · part 7 of 12 · question 1 of 1, more 5 of 10
             The help I would like

              "A personal assistant to go out with me": how old is your personal
              assistant, or when were they born?
              Their age, like 31, or their date of birth, like 14/08/1995. It sets the
              least they can be paid.

              Your answer:













             Your help costs £6,760 a year; you have £8,500.
             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 9, column: 4))
        d.run(Self.mary, until: "help.1.pays")
        #expect(d.screen.text.contains("\n  Your answer now: The council. Press Enter to keep it, or type a new one.\n"))
        #expect(d.state.field.text.isEmpty, "what is typed replaces the answer shown")
        d.run(Self.mary, until: "oncost.4")
        #expect(d.state.status == "Your help costs £7,752 a year (£992 of it for being an employer); you have £8,500.")
        d.run(Self.mary)
        let plan = d.state.plan
        let pa = plan.supports[1]
        #expect(pa.kind == .pa && pa.rate == Money(pence: 1300) && pa.unit == .hour && pa.quantity == Hundredths(whole: 10)
                && pa.per == .week && pa.employee == "P1" && pa.management == .directPayment && pa.funding == .council)
        #expect(plan.employees.map(\.name) == ["Lewis Carter"] && plan.employees.first?.dateOfBirth == PlanDate("1995-08-14"))
        // The employer model costs him: NI 15% × (£6,760 − £5,000), holiday cover 5.6 weeks.
        let m = EmployerModel.compute(plan, Coster.cost(plan))!
        #expect(m.niPence == 26_400 && m.holidayCoverPence == 72_800 && m.statedNIPence == 26_400
                && m.statedHolidayCoverPence == 72_800)
        let r = Checker.check(text: PlanWriter.write(plan), file: "mary.yaml")
        #expect(r.count(.error) == 0, "\(r.findings.map(\.rule))")
        #expect(!r.findings.contains { [.paOncostsMissing, .paELInsuranceMissing, .paDateOfBirthMissing].contains($0.rule) })
    }

    @Test func belowTheMinimumWageIsOnTheListToDo() {
        var d = GuideDriver.blank()
        let table = Self.mary.map { $0.0 == "help.1.pay" ? ($0.0, "£9.50 per hour") : $0 }
        d.run(table)
        let item = d.state.toDo.first { $0.words.contains("least") || $0.words.contains("minimum") }
        #expect(item?.step == "help.1.pay", "\(d.state.toDo)")
        let r = Checker.check(text: PlanWriter.write(d.state.plan), file: "mary.yaml")
        #expect(r.findings.contains { $0.rule == .paBelowMinimumWage })
    }

    @Test func moneyAnswersAreReadWithTheirWords() {
        for (typed, pence) in [("£13 an hour", 1300), ("13", 1300), ("£13.00", 1300), ("13.50 per hour", 1350),
                               ("13.50/hr", 1350), ("£13 ph", 1300), ("13 pounds an hour", 1300), ("£1,300.00", 130_000)] {
            var d = GuideDriver.blank()
            d.run(Self.mary, until: "help.1.pay")
            d.answer(typed)
            #expect(d.state.problem == nil && d.state.plan.supports[1].rate == Money(pence: Int64(pence)), "\(typed)")
        }
        var d = GuideDriver.blank()
        d.run(Self.mary, until: "help.1.pay")
        d.answer("£13 a week")
        #expect(d.id == "help.1.pay" && d.state.plan.supports[1].rate == nil)
        d.answer("about thirteen")
        ScreenAssert.expect(d.screen, """
             Your plan · part 7 of 12 · question 1 of 1, more 3 of 10
             The help I would like

              "A personal assistant to go out with me": how much will you pay them an
              hour?
              For example £13 an hour. The law sets the least you can pay.

              Your answer:
                about thirteen













             ! That is not an amount of money: write it like £13 an hour, or 13.50.
             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 8, column: 18))
        d.answer("£13 a week")
        #expect(d.state.problem == "This asks for the amount an hour, not a week.")
        // Back to an amount given: the box is empty and the amount is shown; typing replaces it.
        d.answer("£13 an hour")
        d.send(.key(.escape))
        #expect(d.id == "help.1.pay" && d.state.field.text.isEmpty)
        #expect(d.screen.text.contains("\n  Your answer now: £13. Press Enter to keep it, or type a new one.\n"))
        d.send(InputEvent.typing("13.50") + [.key(.enter)])
        #expect(d.state.plan.supports[1].rate == Money(pence: 1350) && d.id == "help.1.hours")
        d.send(.key(.escape), .key(.enter))
        #expect(d.state.plan.supports[1].rate == Money(pence: 1350) && d.id == "help.1.hours", "Enter keeps it")
        // The budget: a year's amount with its words.
        var b = GuideDriver.blank()
        b.run(Self.mary, until: "money.year")
        b.answer("£9,000 a year")
        #expect(b.state.plan.budget.final == Money(pence: 900_000) && b.id == "money.mine")
    }

    @Test func choicesTakeTheirWordsAndYesOrNo() {
        var d = GuideDriver.blank()
        d.run(Self.mary, until: "need.nutrition")
        d.answer("YES")
        #expect(d.state.plan.needs.map(\.area) == [.nutrition] && d.id == "need.nutrition.what")
        d.send(.key(.escape))
        d.answer("n")
        #expect(d.state.plan.needs.isEmpty && d.id == "need.personal-hygiene")
        d.answer("maybe")
        ScreenAssert.expect(d.screen, """
             Your plan · part 3 of 12 · question 2 of 10
             What I need help with

              Do you need help to wash or have a bath?

                1. Yes
                2. No
              Type the number or the words of your answer.

              Your answer:
                maybe











             ! Type the number of your answer, from 1 to 2, or its words, like Yes.
             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 10, column: 9))
        d.answer("y")
        #expect(d.state.plan.needs.map(\.area) == [.personalHygiene])
        d.run(Self.mary, until: "need.personal-hygiene.council")
        d.answer("I do not")  // the start of "I do not know yet"
        #expect(d.state.plan.needs[0].eligible == nil && d.state.problem == nil)
        // Several, by words with commas.
        d.run(Self.mary, until: "goal.0.about")
        d.answer("my health, being safe from harm")
        #expect(d.state.plan.outcomes.first?.wellbeing == [.physicalMentalHealth, .protectionFromAbuse])
        // The unit of a cost: words, unambiguous start.
        #expect(GuideAnswers.choose("an h", Everyday.units.map(\.1)) == 0)
        #expect(GuideAnswers.choose("a", Everyday.units.map(\.1)) == nil, "\"a\" starts several")
        #expect(GuideAnswers.choose("every 4", Everyday.periods.map(\.1)) == 1)
    }

    @Test func progressIsByPartAndStaysSteadyAsFollowUpsAppear() {
        var d = GuideDriver.blank()
        #expect(d.screen.line(0) == " Your plan · part 1 of 12 · question 1 of 4")
        d.run(Self.mary, until: "need.nutrition")
        ScreenAssert.expect(d.screen, """
             Your plan · part 3 of 12 · question 1 of 10
             What I need help with

              Do you need help to eat well, cook, or get a drink?

                1. Yes
                2. No
              Type the number or the words of your answer.

              Your answer:













             Enter Next  Esc Back  F6 Skip  F1 Help  F10 Stop
            """, cursor: Point(row: 10, column: 4))
        d.answer("yes")
        #expect(d.screen.line(0) == " Your plan · part 3 of 12 · question 1 of 10, more 1 of 3")
        #expect(d.screen.line(3) == "  Eating and drinking well: what is hard about it for you?")
        d.answer("I cannot cook.")
        #expect(d.screen.line(0) == " Your plan · part 3 of 12 · question 1 of 10, more 2 of 3")
        d.answer("1")
        d.answer("yes")
        #expect(d.screen.line(0) == " Your plan · part 3 of 12 · question 2 of 10", "the count did not grow with the follow-ups")
        d.run(Self.mary, until: "risks")
        #expect(d.screen.line(0) == " Your plan · part 8 of 12 · question 1 of 2")
        d.answer("I might fall.\nI might get lost.")
        #expect(d.screen.line(0) == " Your plan · part 8 of 12 · question 1 of 2, more 1 of 4")
    }

    @Test func risksAreAskedAboutNotAccepted() {
        var d = GuideDriver.blank()
        d.run(Self.mary, until: "risks")
        d.answer("I might fall.")
        #expect(d.state.plan.risks[0].acceptedByPerson == nil, "nothing is written before the person is asked")
        d.answer("Lewis is with me.")
        #expect(d.id == "risk.0.accept")
        #expect(d.screen.line(3) == "  \"I might fall.\": do you accept this risk, knowing what could happen?")
        d.answer("no")
        #expect(d.state.plan.risks[0].acceptedByPerson == false)
    }

    @Test func theEndListsWhatIsStillToDoAndJumpsToEach() {
        var d = GuideDriver.blank()
        let table = Self.mary.map { $0.0 == "help.1.age" ? ($0.0, "") : $0 }
        d.run(table, until: "called")
        d.send(.key(.ctrl("n")))  // skipped: no finding asks for it, so the list names the question
        d.run(table, until: "plan-b")
        d.send(.key(.ctrl("n")))  // skipped: the finding about it is listed instead
        d.run(table)
        #expect(d.state.finished)
        ScreenAssert.expect(d.screen, """
             Your plan · all the questions are done

              Your plan is saved in mary.yaml.
              Your help costs £8,052 a year (£1,292 of it for being an employer); you have
              £8,500.

              Still to do. Press a number to go to that question:
                1  Answer: What do you like to be called?
                2  Write down what will happen if your help cannot come, for example if
                   your helper is ill.
                3  Write down your personal assistant's date of birth. It decides their
                   minimum pay, National Insurance and pension.
                4  The legal minimum pay after 31 March 2027 is not known yet. Check this
                   personal assistant's pay when it is.

              Press E for an easy-read copy of your plan (large print, for a web browser).







             1-4 Go to it  Esc Back  E Easy read  F10 Finish
            """, cursor: Point(row: 2, column: 2))
        #expect(!d.screen.text.contains("N1") && !d.screen.text.contains("S2"))
        d.send(.text("3"))
        #expect(d.id == "help.1.age")
        d.answer("31")
        #expect(d.state.finished && d.state.plan.supports[1].pa.age == 31 && d.state.plan.supports[1].employee == nil)
        #expect(d.state.plan.employees.isEmpty, "an age goes in the line's pa: block; no employee entry without a date of birth")
        d.send(.text("2"))
        #expect(d.id == "plan-b")
        d.answer("Jane comes.")
        d.send(.text("1"))
        #expect(d.id == "called")
        d.answer("Mary")
        #expect(d.state.finished && d.state.plan.person.preferredName == "Mary")
        #expect(d.state.toDo.map(\.words) == ["The legal minimum pay after 31 March 2027 is not known yet. Check this personal assistant's pay when it is."])
    }

    @Test func belowEightyByTwentyFourItOffersLineMode() {
        var d = GuideDriver.blank()
        d.send(.resize(Size(width: 60, height: 20)))
        ScreenAssert.expect(GuideProgram.render(d.state, size: Size(width: 60, height: 20)), """






              This window is too small for the questions: they need
              80×24, and this one is 60×20.

              Press L to answer them here one at a time, in plain
              lines.

              Or make the window bigger. F10 stops; your answers are
              saved.






            """, cursor: Point(row: 6, column: 2))
        d.send(.text("x"))
        #expect(d.state.field.text.isEmpty, "keys typed on the small screen do not go into the hidden answer")
        d.send(.text("L"))
        #expect(d.effects == [.save, .lineMode] && d.state.wantsLineMode)
        var e = GuideDriver.blank()
        e.send(.resize(Size(width: 70, height: 24)), .key(.function(10)))
        #expect(e.effects == [.save, .stop])
        e.send(.resize(Size(width: 80, height: 24)), .text("M"))
        #expect(e.state.field.text == "M")
    }

    @Test func keysGoBackSkipAndStop() {
        var d = GuideDriver.blank()
        d.send(.text("M"), .key(.enter))
        #expect(d.effects == [.save])
        #expect(d.state.plan.person.name == "M" && d.id == "called")
        d.send(.key(.escape))
        #expect(d.id == "name" && d.state.field.text == "M", "back shows the answer given")
        d.send(.key(.ctrl("n")))
        #expect(d.id == "called" && d.state.skipped.contains("name"))
        d.effects = []
        d.send(.key(.function(10)))
        #expect(d.effects == [.save, .stop])
    }
}
