/// A submitted plan is read-only in the editor until the planner withdraws it; submitting and
/// withdrawing each ask first and take one key to confirm.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct SubmittedPlanTests {
    func submitted() -> Driver { Driver.example("older-person-home-care", replacing: [("status: draft", "status: submitted")]) }

    @Test func editingASubmittedPlanIsRefusedWithTheWayOut() {
        var d = submitted()
        let before = d.state.plan
        d.send(.key(.enter))  // the first field of About me
        #expect(d.state.edit == nil)
        #expect(d.state.status == EditorState.submittedNote)
        d.send(.text("2"), .key(.enter), .key(.enter))  // open N1, then its first field
        #expect(d.state.entry != nil)
        #expect(d.state.edit == nil)
        d.send(.text("8"), .text("a"), .text("u"))
        #expect(d.state.overlay == nil)
        #expect(d.state.plan == before)
        #expect(d.state.dirty == false)
        #expect(d.screen.line(0) == " SupportPlan · Peggy · PW-2026-0117 v1 · submitted                    read-only")
        #expect(d.screen.line(22) == " ! Submitted for sign-off: it cannot be changed. F8 withdraws it to change it.")
    }

    @Test func f8OnASubmittedPlanAsksToWithdrawAndOneKeyDoesIt() {
        var d = submitted()
        #expect(d.send(.key(.function(8))).isEmpty)
        #expect(d.state.overlay == .confirmWithdraw)
        #expect(d.screen.text.contains("Withdraw it (back to a draft, written in the log) to change it?"))
        #expect(d.send(.text("n")).isEmpty)
        #expect(d.state.overlay == nil)
        #expect(d.send(.key(.function(8)), .text("y")) == [.withdraw])
    }

    @Test func f8OnADraftAsksBeforeSubmittingAndSavesFirst() {
        var d = Driver.example("older-person-home-care")
        #expect(d.send(.key(.function(8))).isEmpty)
        #expect(d.state.overlay == .confirmSubmit)
        #expect(d.send(.key(.escape)).isEmpty)
        #expect(d.send(.key(.function(8)), .key(.enter)) == [.submit])
        d.set("Name", "Margaret Ann Whitfield")
        let effects = d.send(.key(.function(8)), .text("y"))
        #expect(effects.count == 2)
        #expect(effects.last == .submit)
        if case .save(let path, _, _) = effects.first { #expect(path == d.state.file) } else { Issue.record("no save before the submit") }
    }

    @Test func theBudgetBarShowsOneOffCostsAt80And120Columns() {
        let d = Driver.example("older-person-home-care")
        #expect(d.screen.line(1) == " ✓ £213.86 left · £17,036.14 of £17,250.00 a year · one-off £75.00")
        #expect(EditorView.render(d.state, size: Size(width: 120, height: 40)).line(1).hasPrefix(
            " ✓ £213.86 left · £17,036.14 of £17,250.00 a year (£326.72 a week) · one-off £75.00"))
    }

    @Test func aRefusalIsShownWholeInItsBox() {
        var d = Driver.example("older-person-home-care")
        let refusal = "Not submitted yet. First put right: Outcome O5 is not linked to any need. Support S3 does not say "
            + "who provides it. The final budget is not given. The person's agreement is not recorded."
        _ = EditorReducer.reduce(&d.state, .saveFailed(refusal))
        let text = d.screen.text
        for word in refusal.split(separator: " ") { #expect(text.contains(word), "'\(word)' is not on the screen") }
        #expect(text.contains("recorded."))
    }
}
