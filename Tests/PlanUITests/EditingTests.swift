/// Reducer tests: each section's editing and linking, findings and acknowledging, and the
import Foundation
/// save, conflict, lock, recovery, undo and quit paths.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct SectionEditingTests {
    @Test func aboutMe() {
        var d = Driver.blank()
        d.set("Name", "Mary Jones")
        d.set("Likes to be called", "Mary")
        d.set("Date of birth", "1948-03-02")
        d.set("About me", "I was a seamstress.\nI love my garden.")
        d.set("Important to me", "Church on Sunday\nMy cat")
        #expect(d.state.plan.person.name == "Mary Jones")
        #expect(d.state.plan.person.dateOfBirth == PlanDate("1948-03-02"))
        #expect(d.state.plan.aboutMe == "I was a seamstress.\nI love my garden.")
        #expect(d.state.plan.importantToMe == ["Church on Sunday", "My cat"])
        #expect(d.state.dirty)
        d.set("Date of birth", "1948-02-30")
        #expect(d.state.edit != nil, "a date that is not real keeps the field open")
        #expect(d.state.edit?.problem == "There is no such day as “1948-02-30”: write it like 2027-03-31 or 31/03/2027 (or today).")
        d.send(.key(.escape))
        #expect(d.state.plan.person.dateOfBirth == PlanDate("1948-03-02"))
    }

    @Test func lettersAreCommandsUntilAFieldIsOpened() {
        var d = Driver.blank()
        d.focus("Lives with")
        d.type("alone")  // "a" is accept, "l"/"o"/"n"/"e" nothing: the plan is untouched
        #expect(d.state.edit == nil && !d.state.dirty)
        d.send(.key(.enter))
        d.type("alone")
        #expect(d.state.edit?.text == "alone")
        d.send(.key(.enter))
        #expect(d.state.plan.person.livesWith == "alone")
    }

    @Test func needsAndOutcomesLinkByPicking() {
        var d = Driver.blank()
        d.send(.text("2"))
        #expect(d.state.section == .needs)
        d.focus("+ Add a need")
        d.send(.key(.enter))
        #expect(d.state.entry == OpenEntry(list: .needs, index: 0))
        #expect(d.state.plan.needs.map(\.id) == ["N1"])
        d.choose("Area", ["Keeping clean"])
        d.set("Description", "Cannot get in or out of the bath safely.")
        d.choose("Eligible", ["eligible: the council must meet it"])
        d.choose("Unable because", ["needs-help", "endangers-health-safety"])
        let n = d.state.plan.needs[0]
        #expect(n.area == .personalHygiene && n.eligible == true && n.unableBecause == [.needsHelp, .endangersHealthSafety])
        d.send(.key(.escape))
        #expect(d.state.entry == nil)
        d.send(.text("3"))
        d.focus("+ Add an outcome")
        d.send(.key(.enter))
        d.set("In the person's words", "I want to keep clean without being afraid of falling.")
        d.choose("Wellbeing", ["personal-dignity"])
        d.choose("Needs it answers", ["N1"])
        #expect(d.state.plan.outcomes[0].needs == ["N1"])
        #expect(d.state.plan.outcomes[0].wellbeing == [.personalDignity])
    }

    @Test func supportsCostAndTheBarMovesAsYouType() {
        var d = Driver.blank()
        d.send(.text("2"))
        d.focus("+ Add a")
        d.send(.key(.enter))
        d.choose("Eligible", ["true"])
        d.send(.text("4"))
        d.focus("+ Add a")
        d.send(.key(.enter))
        d.set("What", "Help to wash, every morning")
        d.choose("Kind", ["agency"])
        d.choose("Funding", ["council"])
        d.choose("Unit", ["hour"])
        d.choose("Per", ["week"])
        d.choose("Meets", ["N1"])
        d.set("Rate", "24.10")
        // Half filled: the bar stays and names what is missing.
        #expect(d.screen.line(1) == " ! S1 has no quantity yet · costs £0.00 a year")
        d.focus("Quantity")
        d.send(.key(.enter))
        d.type("7")
        // Typed, not yet kept: the bar already shows it.
        #expect(d.state.preview?.totals?.countedAgainstBudgetPence == 877_240)  // 24.10 × 7 × 52
        #expect(BudgetBar.text(EditorReducer.previewPlan(d.state)!, d.state.preview!, typing: true).0
                == "! No final budget yet · costs £8,772.40 a year (£168.70 a week) (typing)")
        d.send(.key(.enter))
        #expect(d.state.preview == nil)
        #expect(d.state.costing.totals?.countedAgainstBudgetPence == 877_240)
        #expect(d.state.plan.supports[0].meets == ["N1"])
        #expect(!d.state.findings.contains { $0.rule == .eligibleNeedUnmet })
    }

    @Test func moneyFieldRefusesAThirdDecimal() {
        var d = Driver.blank()
        d.send(.text("5"))
        d.focus("Final budget")
        d.send(.key(.enter))
        d.type("15200.505")
        #expect(d.state.edit?.text == "15200.50")
        #expect(d.state.status == "! Not typed: the amount has more than two decimal places (pence are the smallest unit).")
        d.send(.key(.enter))
        #expect(d.state.plan.budget.final == Money(pence: 1_520_050))
    }

    @Test func budgetSafetyAndAgreement() {
        var d = Driver.blank()
        d.send(.text("5"))
        d.set("Final budget", "£15,200.00")
        d.set("Person's contribution", "2100")
        d.set("Council contribution", "13100")
        #expect(!d.state.findings.contains { $0.rule == .budgetPartsMismatch })
        d.send(.text("6"))
        d.focus("+ Add a risk")
        d.send(.key(.enter))
        d.set("Risk", "Mary may fall getting out of the bath.")
        d.send(.key(.escape))
        #expect(d.state.findings.contains { $0.rule == .riskUnmanaged })
        d.focus("+ Add a contingency")
        d.send(.key(.enter))
        d.set("If", "My carer is ill")
        d.set("Then", "The agency sends another carer.")
        d.send(.key(.escape))
        d.set("Advice: meet/reduce", "Falls class at the leisure centre.")
        d.set("Advice: prevent/delay", "Age UK befriending.")
        #expect(!d.state.findings.contains { $0.rule == .adviceMissing })
        d.send(.text("7"))
        d.choose("The person", ["agreed"])
        d.set("Next review", "2027-11-20")
        #expect(d.state.plan.agreement.status == .agreed)
        #expect(!d.state.findings.contains { [RuleID.reviewMissing, .agreementMissing].contains($0.rule) })
    }
}

@Suite struct FindingsAndSafetyTests {
    @Test func enterOnAFindingJumpsToTheFieldAtFault() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("5"))
        d.set("Final budget", "16000")
        d.send(.text("8"))
        let i = d.state.findings.firstIndex { $0.rule == .overBudget }!
        d.moveTo(i)
        d.send(.key(.enter))
        #expect(d.state.section == .budget)
        #expect(d.state.rows[d.state.focus].path == "budget.final")
        // A finding inside an entry opens that entry.
        d.send(.text("4"))
        d.focus("S1 (£154.88 a week) Morning")
        d.send(.key(.enter))
        d.focus("Meets")
        d.send(.key(.enter))
        d.untickAll()
        d.send(.key(.enter))
        #expect(d.state.plan.supports[0].meets.isEmpty)
        d.send(.key(.escape), .text("8"))
        let unlinked = d.state.findings.firstIndex { $0.rule == .supportUnlinked }!
        d.moveTo(unlinked)
        d.send(.key(.enter))
        #expect(d.state.section == .supports && d.state.entry == OpenEntry(list: .supports, index: 0))
    }

    @Test func acknowledgingAWarningAsksForTheReason() {
        var d = Driver.example("young-adult-pa")
        d.send(.text("7"))
        d.focus("Accepted outcome-unsupported")
        d.send(.key(.enter))
        d.focus("Delete this")
        d.send(.key(.enter), .text("y"))
        d.send(.text("8"))
        let i = d.state.findings.firstIndex { $0.rule == .outcomeUnsupported }!
        #expect(!d.state.findings[i].acknowledged)
        d.moveTo(i)
        d.send(.text("a"))
        guard case .acknowledge(.outcomeUnsupported, "O5", _) = d.state.overlay else { Issue.record("no reason box"); return }
        d.send(.key(.enter))
        #expect(d.state.overlay != nil, "a reason is required")
        d.type("A job is for next year.")
        d.send(.key(.enter))
        #expect(d.state.plan.acknowledged.last == Acknowledgement(rule: "outcome-unsupported", target: "O5", reason: "A job is for next year."))
        #expect(d.state.findings.first { $0.rule == .outcomeUnsupported }?.acknowledged == true)
        // Errors cannot be accepted.
        d.send(.text("5"))
        d.set("Final budget", "1000")
        d.send(.text("8"))
        d.moveTo(d.state.findings.firstIndex { $0.rule == .overBudget }!)
        d.send(.text("a"))
        #expect(d.state.overlay == nil && d.state.status.contains("Errors cannot be accepted"))
    }

    @Test func saveAndConflictAreEffects() {
        var d = Driver.blank()
        d.set("Name", "Mary")
        let save = d.send(.key(.ctrl("s")))
        #expect(save == [.save(path: "/tmp/plan.yaml", text: PlanWriter.write(d.state.plan), expected: "d0")])
        #expect(EditorReducer.reduce(&d.state, .saved(digest: "d1")) == [.deleteRecovery])
        #expect(!d.state.dirty && d.state.diskDigest == "d1")
        _ = EditorReducer.reduce(&d.state, .conflict)
        #expect(d.state.overlay == .conflict)
        #expect(d.send(.text("r")) == [.reload])
        _ = EditorReducer.reduce(&d.state, .conflict)
        d.send(.text("a"))
        guard case .saveAs = d.state.overlay else { Issue.record("no save-as"); return }
        let effects = d.send(.key(.enter))
        #expect(effects == [.save(path: "/tmp/plan-mine.yaml", text: PlanWriter.write(d.state.plan), expected: nil)])
    }

    @Test func savingStampsTodayAsUpdated() {
        var d = Driver.blank()
        d.state.today = PlanDate("2027-01-05")
        d.send(.key(.ctrl("s")))
        #expect(d.state.plan.updated == PlanDate("2026-11-25"), "nothing changed, nothing stamped")
        d.set("Name", "Mary")
        let effects = d.send(.key(.ctrl("s")))
        #expect(d.state.plan.updated == PlanDate("2027-01-05"))
        #expect(effects == [.save(path: "/tmp/plan.yaml", text: PlanWriter.write(d.state.plan), expected: "d0")])
    }

    @Test func quitAsksWhenUnsaved() {
        var d = Driver.blank()
        #expect(d.send(.key(.function(10))) == [.deleteRecovery, .quit])
        d.set("Name", "Mary")
        #expect(d.send(.key(.ctrl("q"))).isEmpty)
        #expect(d.state.overlay == .confirmQuit)
        d.send(.key(.escape))
        #expect(d.state.overlay == nil)
        d.send(.key(.ctrl("q")))
        let saving = d.send(.text("s"))
        #expect(saving.count == 1 && d.state.quitAfterSave)
        #expect(EditorReducer.reduce(&d.state, .saved(digest: "x")) == [.deleteRecovery, .quit])
    }

    @Test func undoRedoAndRecovery() {
        var d = Driver.blank()
        d.set("Name", "Mary")
        d.set("Name", "Mary Jones")
        #expect(d.state.recoveryPending)
        let tick = EditorReducer.reduce(&d.state, .tick)
        #expect(tick == [.writeRecovery(PlanWriter.write(d.state.plan))])
        #expect(EditorReducer.reduce(&d.state, .tick).isEmpty, "nothing new, nothing written")
        d.send(.text("u"))
        #expect(d.state.plan.person.name == "Mary")
        d.send(.text("u"))
        #expect(d.state.plan.person.name == nil)
        d.send(.text("r"))
        #expect(d.state.plan.person.name == "Mary")
        // A field being typed is in the recovery file too.
        d.focus("Name")
        d.send(.key(.enter))
        d.type(" Ann")
        #expect(EditorReducer.reduce(&d.state, .tick) == [.writeRecovery(PlanWriter.write(EditorReducer.previewPlan(d.state)!))])
    }

    @Test func findJumpsToTheFieldThatSaysIt() {
        var d = Driver.example("older-person-home-care")
        d.send(.text("/"))
        d.type("pendant")
        d.send(.key(.enter))
        #expect(d.state.section == .supports && d.state.entry == OpenEntry(list: .supports, index: 4))
        #expect(d.state.rows[d.state.focus].label == "What")
        d.send(.key(.ctrl("f")))
        d.type("review")
        d.send(.key(.enter))
        #expect(d.state.section == .agreement && d.state.rows[d.state.focus].label == "First review")
        d.send(.text("/"))
        d.type("zebra")
        d.send(.key(.enter))
        #expect(d.state.status == "! Nothing matches “zebra”.")
    }

    @Test func lockedPlanOpensReadOnly() {
        var d = Driver.blank()
        d.state.overlay = .locked(holder: "Sam on desk-3 has had this plan open since 10:42.")
        d.send(.text("o"))
        #expect(d.state.readOnly && d.state.overlay == nil)
        d.focus("Name")
        d.send(.key(.enter))
        #expect(d.state.edit == nil)
        #expect(d.send(.key(.ctrl("s"))).isEmpty)
    }

    @Test func paOnCostCalculatorProposesEditableLines() throws {
        var d = Driver.example("young-adult-pa")
        d.send(.text("4"))
        d.focus("S1 (£269.00 a week) Lewis")
        d.send(.key(.enter))
        d.focus("Propose employer costs")
        d.send(.key(.enter))
        guard case .onCosts(_, let lines) = d.state.overlay else { Issue.record("no proposal"); return }
        // One employer, both PAs: Lewis 15% × (£13,988.00 − £5,000.00) = £1,348.20; Jade is 20, so
        // under-21 NI is £0.00; £1,348.20 ÷ 12 = £112.35 a month, into the plan's own NI line S4.
        let ni = try #require(lines.first { $0.onCost == .employerNI })
        #expect(ni.working.contains("15% × (£13,988.00 − £5,000.00 threshold)"), "\(ni.working)")
        #expect(ni.rate == Money(pence: 11_235) && ni.replaces == 3)
        let pension = try #require(lines.first { $0.onCost == .pension })
        #expect(pension.working.contains("3% × (£13,988.00 − £6,240.00)") && pension.rate == Money(pence: 1_937))
        let cover = try #require(lines.first { $0.onCost == .holidayCover })
        #expect(cover.quantity == Hundredths(whole: 168) && cover.replaces == 2)  // 5.6 weeks × (20 + 10) hours
        // Insurance and payroll lines are there already: nothing to add.
        #expect(!lines.contains { [OnCostType.elInsurance, .payroll].contains($0.onCost) })
        let before = d.state.plan.supports.count
        d.send(.key(.enter))
        #expect(d.state.plan.supports.count == before)
        #expect(d.state.plan.supports[3].rate == Money(pence: 11_235) && d.state.plan.supports[4].per == .month)
    }
}

@Suite(.serialized) @MainActor struct SessionFileTests {
    @Test func aSignedPlanOpensAsTheNextVersion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("signed"), withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("signed/PW-2026-0117-v1.yaml").path
        let text = try String(contentsOf: Driver.root.appendingPathComponent("examples/older-person-home-care.yaml"), encoding: .utf8)
        try Workflow.setting(status: .signedOff, in: text).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o400)
        let session = EditorSession()
        let state = try session.open(path, policy: .standard, user: "sam").get()
        #expect(state.plan.version == 2 && state.plan.status == .draft)
        #expect(state.plan.budget.previousFinal == Money(pence: 1_725_000))
        #expect(!state.dirty && state.status.contains("version 2"))
        // Its edits are saved as the next version in plans/, never into signed/.
        #expect(state.file == dir.appendingPathComponent("plans/PW-2026-0117.yaml").path)
        PlanStore.releaseEditLock(state.file)
        // A save aimed at signed/ is refused whatever the state says.
        var s = state
        s.file = path
        _ = session.perform(.save(path: path, text: "format: supportplan/1\n", expected: nil), &s)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Workflow.setting(status: .signedOff, in: text))
    }

    @Test func aSecondEditorIsToldWhoHasThePlan() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("p.yaml").path
        try FileManager.default.copyItem(atPath: Driver.root.appendingPathComponent("examples/young-adult-pa.yaml").path, toPath: path)
        let files = PlanFileSet(path)
        try "user: priya\nhost: other-desk\nsince: 2026-11-25T09:00:00Z\npid: 1\n".write(toFile: files.lock, atomically: true, encoding: .utf8)
        let state = try EditorSession().open(path, policy: .standard, user: "sam").get()
        #expect(state.overlay == .locked(holder: "priya on other-desk has had this plan open since 2026-11-25T09:00:00Z."))
        // A lock left on this host by a process that is gone is stale and taken over.
        try "user: sam\nhost: \(ProcessInfo.processInfo.hostName)\nsince: x\npid: 999999\n".write(toFile: files.lock, atomically: true, encoding: .utf8)
        let again = try EditorSession().open(path, policy: .standard, user: "sam").get()
        #expect(again.overlay == nil)
        PlanStore.releaseEditLock(path)
    }

    @Test func aReadOnlySecondEditorLeavesTheFirstEditorsRecoveryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("p.yaml").path
        try FileManager.default.copyItem(atPath: Driver.root.appendingPathComponent("examples/young-adult-pa.yaml").path, toPath: path)
        let files = PlanFileSet(path)
        try "user: priya\nhost: other-desk\nsince: 2026-11-25T09:00:00Z\npid: 1\n".write(toFile: files.lock, atomically: true, encoding: .utf8)
        try "unsaved edits of the first editor".write(toFile: files.recovery, atomically: true, encoding: .utf8)
        let session = EditorSession()
        var state = try session.open(path, policy: .standard, user: "sam").get()
        #expect(state.overlay == .locked(holder: "priya on other-desk has had this plan open since 2026-11-25T09:00:00Z."))
        _ = session.perform(.deleteRecovery, &state)
        _ = session.perform(.writeRecovery("the second editor's text"), &state)
        #expect(try String(contentsOfFile: files.recovery, encoding: .utf8) == "unsaved edits of the first editor")
        PlanStore.releaseEditLock(path)
        #expect(FileManager.default.fileExists(atPath: files.lock), "another editor's lock is not released")
    }
}
