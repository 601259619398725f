/// Plain words everywhere in plain mode: every editor section and entry, every picker, the
/// boxes and help, the review, the plan list, the review queue and the guide's screens,
/// rendered at 80×24 by keys and checked against the jargon list and for the file's codes.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

enum PlainCheck {
    /// Codes of the file format a person should never read in plain mode.
    static let codes: [String] = {
        var all: [String] = []
        func add<W: PlanWord>(_: W.Type) { all += W.allCases.map(\.rawValue).filter { $0.contains("-") } }
        add(UnableBecause.self); add(WellbeingArea.self); add(SupportKind.self); add(OnCostType.self); add(Funding.self)
        add(Management.self); add(Period.self); add(AgreementStatus.self); add(NeedArea.self)
        all += RuleID.allCases.map(\.rawValue).filter { $0.contains("-") }
        return all + ["eligible", "acknowledged", "Kind"]
    }()

    /// What is wrong with a screen in plain mode: jargon-list terms, codes, and ids (N1, O2, S3)
    /// anywhere but the "Number" row that holds them.
    static func problems(_ c: Canvas) -> [String] {
        let text = ScreenAssert.text(c)
        var out = JargonRule.matches(in: text, Policy.defaultJargon).map { "jargon '\($0.term)'" }
        for line in text.split(separator: "\n").map(String.init) {
            let words = line.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
            for w in words where codes.contains(w) { out.append("code '\(w)' in: \(line)") }
            if !line.contains("Number (set for you)"),
               let id = words.first(where: { $0.count >= 2 && "NOS".contains($0.first!) && $0.dropFirst().allSatisfy(\.isNumber) }) {
                out.append("id '\(id)' in: \(line)")
            }
        }
        return out
    }

    static func expectPlain(_ c: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = problems(c)
        #expect(p.isEmpty, "\(name): \(p)\n\(ScreenAssert.text(c))", sourceLocation: sourceLocation)
    }
}

@Suite struct PlainScreensTests {
    /// Every screen of the editor reachable by keys from a plan, in plain words: each section,
    /// each entry of each list, every picker in it, the help (moving, in a field, in a text box),
    /// the accept box on each warning.
    func editorScreens(_ name: String, plain: Bool = true) -> [(String, Canvas)] {
        var d = Driver.example(name, scrubbed: true)
        if plain { d.send(.text("p")) }
        var out: [(String, Canvas)] = [("help", { var h = d; h.send(.key(.function(1))); return h.screen }())]
        for section in Section.allCases where section != .findings {
            d.send(.text(String(section.rawValue + 1)))
            let rows = d.state.rows
            out.append(("\(section)", d.screen))
            for (i, row) in rows.enumerated() {
                var e = d
                e.send(Array(repeating: InputEvent.key(.down), count: i))
                guard e.state.focus == i else { Issue.record("\(section): row \(i) not reached by keys"); continue }
                switch row.kind {
                case .action:
                    guard case .openEntry = row.action else { continue }
                    e.send(.key(.enter))
                    out.append(("\(section) › \(row.label)", e.screen))
                    for (j, inner) in e.state.rows.enumerated() where inner.kind != .action {
                        var f = e
                        f.send(Array(repeating: InputEvent.key(.down), count: j))
                        f.send(.key(.enter))
                        out.append(("\(section) › \(row.label) › \(inner.label)", f.screen))
                        if case .picker = f.state.overlay {
                            var g = f
                            g.send(.key(.down), .text(" "), .key(.enter))
                            out.append(("\(section) › \(row.label) › \(inner.label) chosen", g.screen))
                        }
                        if inner.kind == .multiline { f.send(.key(.function(1))); out.append(("text box help", f.screen)) }
                        if inner.kind == .text { f.send(.key(.function(1))); out.append(("field help", f.screen)) }
                    }
                case .choice, .multi:
                    e.send(.key(.enter))
                    out.append(("\(section) › \(row.label) picker", e.screen))
                    e.send(.key(.down), .text(" "), .key(.enter))
                    out.append(("\(section) › \(row.label) chosen", e.screen))
                default: break
                }
            }
        }
        d.send(.text("8"))
        out.append(("findings", d.screen))
        for i in d.state.findings.indices {
            var e = d
            e.send(Array(repeating: InputEvent.key(.down), count: i))
            out.append(("finding \(i)", e.screen))
            if e.state.findings[i].rule.canBeAcknowledged, !e.state.findings[i].acknowledged {
                e.send(.text("a"))
                out.append(("accept \(i)", e.screen))
            }
        }
        return out
    }

    @Test(arguments: ["older-person-home-care", "young-adult-pa"])
    func everyEditorScreenAndPickerIsInPlainWords(_ name: String) {
        let screens = editorScreens(name)
        #expect(screens.count > 60, "\(screens.count) screens")
        for (what, c) in screens { PlainCheck.expectPlain(c, "\(name) \(what)") }
    }

    /// For professionals too, a picker shows words, never the file's codes (`direct-payment`).
    @Test(arguments: ["older-person-home-care", "young-adult-pa"])
    func pickersShowNoCodesForProfessionalsEither(_ name: String) {
        let pickers = editorScreens(name, plain: false).filter { $0.0.hasSuffix("picker") || $0.0.contains(" › ") }
        #expect(pickers.count > 40)
        for (what, c) in pickers {
            let boxes = ScreenAssert.text(c).split(separator: "\n").filter { $0.contains("|") }
            let codes = boxes.flatMap { line in
                line.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init).filter { PlainCheck.codes.contains($0) && $0.contains("-") }
            }
            #expect(codes.isEmpty, "\(name) \(what): \(codes)\n\(ScreenAssert.text(c))")
        }
    }

    @Test func aPickerShowsTheFocusedChoiceWholeWhenItIsCut() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("4"), .key(.enter))
        d.focus("Meets")
        d.send(.key(.enter), .text("8"))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓+- Meets ------------------------------------------------------------------+
             1|                                                                          |
             S|  [x] 1 N1 Keeping clean                                                  |s
              |  [x] 2 N2 Getting dressed                                                |
              |  [ ] 3 N3 Eating and drinking well                                       |…
              |  [x] 4 N4 Being safe at home                                             |
              |  [ ] 5 N5 Keeping my home clean and safe                                 |
              |  [ ] 6 N6 Getting out and using local places                             |
              |  [ ] 7 N7 Using the toilet                                               |
              |  [x] 8 O1 I want to stay in my own home, and keep clean and smart with…  |
              |  [ ] 9 O2 I want a proper hot dinner every evening and to take my tabl…  |
              |  [ ]   O3 I want my house to look the way I have always kept it.         |
              |  [ ]   O4 I want to see my friends at the Thursday club and not feel s…  |
              |  [x]   O5 I want Karen to be my daughter again, not just my carer.       |
              |                                                                          |
              |  O1 I want to stay in my own home, and keep clean and smart without      |
              |  being frightened of falling.                                            |
              |                                                                          |
              |  ↑/↓ or a digit move · Space ticks · Enter keeps · Esc cancels           |
              |                                                                          |
              +--------------------------------------------------------------------------+
             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 10, column: 5))
    }

    @Test func findingsAboutNewNeedsNameThemInWords() {
        var d = Driver.blank()
        d.send(.text("p"), .text("2"))
        for _ in 0..<3 { d.send(.key(.enter), .key(.escape), .key(.down)) }
        d.send(.key(.up), .key(.enter), .key(.down), .key(.enter), .text("2"), .key(.enter), .key(.escape))
        d.send(.text("8"))
        for i in d.state.findings.indices {
            var e = d
            e.send(Array(repeating: InputEvent.key(.down), count: i))
            PlainCheck.expectPlain(e.screen, "finding \(i)")
            PlainCheck.expectPlain(EditorView.render(e.state, size: Size(width: 120, height: 40)), "finding \(i) at 120")
        }
        #expect(d.screen.text.contains("Say whether the council must help with “Keeping clean”: yes or no."))
    }

    @Test func theSectionBarFitsAt80ColumnsInPlainWords() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("p"), .text("8"))
        #expect(d.screen.line(2) == " 1 Me 2 Needs 3 Goals 4 Help 5 Money 6 Safe 7 Agree[8 Check]")
        d.send(.text("1"))
        ScreenAssert.expect(d.screen, """
             SupportPlan · Peggy · PW-2026-0117 v1 · draft                            saved
             ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00
            [1 Me] 2 Needs 3 Goals 4 Help 5 Money 6 Safe 7 Agree 8 Check
             About me                                              ✗ 0 errors  ! 0 warnings
              > Name                  Margaret Whitfield
                Likes to be called    Peggy
                Date of birth         1940-06-18
                Council reference     704213
                How I get information I wear a hearing aid in my right ear. Please sit on …
                Lives with            alone
                About me              I have lived in this house on Albert Terrace for fif…
                Important to me       Staying in my own home, with my own things around me…
                Important for me      Taking my heart tablets and water tablets at the rig…
                Helped plan: Margaret Whitfield (me)
                Helped plan: Karen Doyle (carer)
                Helped plan: Helen Mistry (the person who helps write plans)
                + Add a person who helped





             F1 help · PgUp/PgDn or 1–8 change section · Enter edits
             F1 Help  F2 Save  Enter Edit  PgDn Section  / Find  F3 Undo  F10 Quit
            """, cursor: Point(row: 4, column: 26))
    }

    @Test func theReviewPlanListQueueAndGuideAreInPlainWords() {
        // The review and the queue are a manager's; they still use no jargon-list term in plain mode.
        var plan = Driver.example("older-person-home-care").state.plan
        plan.budget.previousFinal = Money(pence: 1_600_000)
        plan.budget.changeReason = "The teatime visit was added."
        let check = EditorState(plan: plan, file: "/s/plans/x.yaml", diskDigest: "d").check
        var review = ReviewState(path: "/s/plans/x.yaml", plan: plan, check: check, previous: nil,
                                 reasons: Policy.standard.returnReasons, plainWords: true)
        var pages = 0
        while pages < 40 {
            let c = ReviewProgram.render(review, size: Size(width: 80, height: 24))
            #expect(JargonRule.matches(in: c.text, Policy.defaultJargon).isEmpty, "\(JargonRule.matches(in: c.text, Policy.defaultJargon).map(\.term)):\n\(c.text)")
            if c.text.contains("— end of the plan —") { break }
            _ = ReviewProgram.reduce(&review, .pageDown)
            pages += 1
        }
        #expect(pages > 2)
        for queue in [false, true] {
            var list = PlanListState(store: "/store", plans: ["older-person-home-care", "young-adult-pa"].map {
                PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path,
                                                             policy: .standard)
            }, templates: ["self-written"])
            if queue { _ = PlanListProgram.reduce(&list, .text("v")) }
            for keys in [[], [InputEvent.text("?")]] {
                var l = list
                for k in keys { _ = PlanListProgram.reduce(&l, k) }
                let c = PlanListProgram.render(l, size: Size(width: 80, height: 24))
                #expect(JargonRule.matches(in: c.text, Policy.defaultJargon).isEmpty, "\(c.text)")
            }
        }
    }
}
