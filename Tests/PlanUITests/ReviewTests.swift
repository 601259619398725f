/// The approver's review screen: everything a manager signs, wrapped whole and read a page at a
/// time; return with reasons and a comment, and sign, each confirmed in one key.
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@Suite struct ReviewTests {
    static let submitted = ["Submitted by Helen Mistry at 2026-11-25T10:00:00Z (version 1).",
                            "The plan has not changed since it was submitted: what you read is what was submitted."]

    /// Peggy's plan, with a budget change and its reason, as a manager opens it.
    func state(_ choice: SignChoice = .askKey, reason: String? = "Peggy's teatime visit was added after her hospital stay.") -> ReviewState {
        var plan = Driver.example("older-person-home-care").state.plan
        var old = plan
        old.budget.final = Money(pence: 1_600_000)
        plan.budget.previousFinal = old.budget.final
        plan.budget.changeReason = reason
        let check = EditorState(plan: plan, file: "/s/plans/x.yaml", diskDigest: "d").check
        return ReviewState(path: "/s/plans/x.yaml", plan: plan, check: check, previous: old,
                           reasons: Policy.standard.returnReasons, submission: Self.submitted, signChoice: choice)
    }

    /// Sends keys as the loop does: event → action → reduce.
    @discardableResult
    func send(_ s: inout ReviewState, _ events: [InputEvent]) -> [ReviewEffect] {
        events.flatMap { e in ReviewProgram.action(for: e, in: s).map { ReviewProgram.reduce(&s, $0) } ?? [] }
    }

    /// Every page at a size, read with Space from the first to the last.
    func pages(_ size: Size, _ s: ReviewState) -> [Canvas] {
        var s = s
        send(&s, [.resize(size)])
        var out = [ReviewProgram.render(s, size: size)]
        while !ScreenAssert.text(out.last!).contains("— end of the plan —") {
            send(&s, [.text(" ")])
            out.append(ReviewProgram.render(s, size: size))
            if out.count > 40 { Issue.record("no end after 40 pages"); break }
        }
        return out
    }

    @Test func firstPageWholeAt80x24() {
        ScreenAssert.expect(ReviewProgram.render(state(), size: Size(width: 80, height: 24)), """
             Review: Peggy · PW-2026-0117 v1 · read-only                       page 1 of 10

             Written by Helen Mistry; last updated 24 November 2026; status draft.

             THE PERSON
             Name: Margaret Whitfield (known as Peggy)
             Born: 18 June 1940; lives with: alone
             Communication: I wear a hearing aid in my right ear. Please sit on that side,
             look at me and speak clearly. Anything I need to read, please print it large
             (16 point or bigger). I like things written down so I can look at them again
             after you have gone.
             Has capacity: yes
             About me: I have lived in this house on Albert Terrace for fifty-two years. I
             brought up Karen and her brother here, and I nursed my husband Bill here until
             he died in 2019. I was a dinner lady at St Mary's school for thirty years, and
             people still stop me in the street to say hello.
             In September I fell in the kitchen and was in hospital for three weeks. My
             heart is not what it was, my knees and hands are bad with arthritis, and I get
             muddled with my tablets. I am frightened of falling again, but I am more
             frightened of leaving my home.
             Karen comes round most days, but she works and has her own family, and I can
             ↓ 168 more lines: Space or PgDn for the next page
             Read every page (Space), then s signs off or r returns it with reasons.
             F1 Help  s Sign off  r Return  PgDn Next page  Esc Back
            """, cursor: Point(row: 2, column: 1))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)])
    func everythingAManagerSignsIsOnSomePageAndNothingIsCut(_ size: Size) {
        let s = state()
        let shown = pages(size, s).map { c in (2..<(c.size.height - 3)).map { c.line($0) } }
        // Nothing cut: the words of the text rows, page after page (the last page overlaps the
        // one before it, so it is read from where that one stopped), are the words of the lines.
        let words = s.lines.joined(separator: " ").split(separator: " ").map(String.init)
        var seen: [String] = []
        var rowsSeen = 0
        let all = s.wrapped(size)
        for (n, rows) in shown.enumerated() {
            let height = s.page(size).height
            let first = n == shown.count - 1 ? max(0, all.count - height) : n * height
            let skip = rowsSeen - first
            for row in rows.prefix(height).dropFirst(max(0, skip)) { seen += row.split(separator: " ").map(String.init) }
            rowsSeen = first + height
            #expect(rows.allSatisfy { DisplayWidth.of($0) <= size.width }, "a row wider than the screen at \(size)")
        }
        #expect(seen == words, "at \(size) the pages do not hold every word of the review, in order")
        let text = seen.joined(separator: " ")
        for must in ["RISKS", "Peggy wants to keep sleeping upstairs", "CONTINGENCY", "Careline rings Karen",
                     "In their words: I didn't want strangers in the house", "Reason for the change: Peggy's teatime visit",
                     "Budget change: £16,000.00 → £17,250.00 (up £1,250.00).", "One-off costs: £75.00",
                     "direct payment every 4 weeks:", "= £75.00 one-off", "Reason: The visits start in December",
                     "CHANGES SINCE THE LAST SIGNED-OFF VERSION", "SINCE SUBMISSION", "Submitted by Helen Mistry"] {
            #expect(text.contains(must), "\(size): '\(must)' is on no page")
        }
    }

    @Test func aMissingChangeReasonIsShownAsMissing() {
        #expect(state(reason: nil).lines.contains("✗ Reason for the change: not given"))
    }

    @Test func returnNeedsAReasonACommentAndOneKeyToConfirm() {
        var s = state()
        #expect(send(&s, [.text("r"), .key(.tab), .key(.enter)]).isEmpty)
        #expect(s.status == "! Tick at least one reason (Tab goes back to them).")
        send(&s, [.key(.tab), .key(.down), .text(" "), .key(.tab), .key(.enter)])
        #expect(s.status == "! Write what to change.")
        #expect(send(&s, InputEvent.typing("Who pays for the key safe?") + [.key(.enter)]).isEmpty)
        let box = ScreenAssert.text(ReviewProgram.render(s, size: Size(width: 80, height: 24)))
        #expect(box.contains("|  Return this plan to the planner because: The costs are not clear or  |"))
        #expect(box.contains("|  cannot be checked.                                                   |"))
        #expect(box.contains("y returns it · n or Esc goes back to change it"))
        #expect(send(&s, [.text("n")]).isEmpty)
        #expect(s.returning?.confirming == false)
        send(&s, [.key(.enter)])
        #expect(send(&s, [.text("y")]) == [.returnPlan(reasons: ["costs-unclear"], comment: "Who pays for the key safe?")])
        #expect(s.returning == nil)
    }

    @Test func aDigitGoesToThatReasonAsInEveryListAndSpaceTicksIt() {
        var s = state()
        send(&s, [.text("r"), .text("3")])
        #expect(s.returning?.selected == 2 && s.returning?.chosen.isEmpty == true)
        send(&s, [.text(" ")])
        ScreenAssert.expect(ReviewProgram.render(s, size: Size(width: 80, height: 24)), """
             Review: Peggy · PW-2026-0117 v1 · read-only                       page 1 of 10

             Written by Helen Mistry; last updated 24 November 2026; status draft.

             THE PE+- Return the plan with reasons ---------------------------------+
             Name: |                                                                |
             Born: |  [ ] The outcomes are not clear or not in the person's words.  |
             Commun|  [ ] The costs are not clear or cannot be checked.             |side,
             look a|  [x] The plan costs more than the budget.                      |arge
             (16 po|  [ ] There is no plan B for when the support cannot come.      |gain
             after |  [ ] Some eligible needs are not met.                          |
             Has ca|  [ ] It does not show that the person was involved.            |
             About |  [ ] Another reason (see the comment).                         |rs. I
             brough|                                                                | until
             he die|  What should the planner change?                               |s, and
             people|                                                                |
             In Sep|  Space ticks · Enter ticks and goes to the comment             |My
             heart |  Tab switches · Esc cancels                                    | I get
             muddle|                                                                |
             fright+----------------------------------------------------------------+
             Karen comes round most days, but she works and has her own family, and I can
             ↓ 168 more lines: Space or PgDn for the next page
             Read every page (Space), then s signs off or r returns it with reasons.
             F1 Help  s Sign off  r Return  PgDn Next page  Esc Back
            """, cursor: Point(row: 8, column: 10))
    }

    @Test func withOneSignerSigningAsksNoKeyName() {
        var s = state(.key(path: "/k/ana.key", signer: "Ana Lopez (team manager, level team-manager)", sealed: false))
        send(&s, [.text("s")])
        ScreenAssert.expect(ReviewProgram.render(s, size: Size(width: 80, height: 24)), """
             Review: Peggy · PW-2026-0117 v1 · read-only                       page 1 of 10

             Written by Helen Mistry; last updated 24 November 2026; status draft.

             THE PERSON
             Name: Margaret Whitfield (known as Peggy)
             Born: 18 June 1940; lives with: alone
             Communication: I wear a hearing aid in my right ear. Please sit on that side,
             loo+- Sign off? ----------------------------------------------------------+e
             (16|                                                                      |n
             aft|  Sign off Peggy · PW-2026-0117 v1 as Ana Lopez (team manager, level  |
             Has|  team-manager)?                                                      |
             Abo|                                                                      | I
             bro|  Enter signs · Esc cancels                                           |til
             he |                                                                      |and
             peo+----------------------------------------------------------------------+
             In September I fell in the kitchen and was in hospital for three weeks. My
             heart is not what it was, my knees and hands are bad with arthritis, and I get
             muddled with my tablets. I am frightened of falling again, but I am more
             frightened of leaving my home.
             Karen comes round most days, but she works and has her own family, and I can
             ↓ 168 more lines: Space or PgDn for the next page
             Read every page (Space), then s signs off or r returns it with reasons.
             F1 Help  s Sign off  r Return  PgDn Next page  Esc Back
            """, cursor: Point(row: 13, column: 7))
        #expect(send(&s, [.key(.enter)]) == [.sign(key: "/k/ana.key", passphrase: nil)])
    }

    @Test func aSealedKeyAsksOnlyForThePassphraseAndHidesIt() {
        var s = state(.key(path: "/k/ana.key", signer: "Ana Lopez", sealed: true))
        send(&s, [.text("s"), .key(.enter)])
        #expect(s.status == "! Type your key's passphrase.")
        send(&s, InputEvent.typing("secret"))
        let c = ReviewProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.text.contains("••••••"))
        #expect(!c.text.contains("secret"))
        #expect(send(&s, [.key(.enter)]) == [.sign(key: "/k/ana.key", passphrase: "secret")])
    }

    @Test func theLevelIsCheckedBeforeAnyKeyIsAskedAndTheWholeReasonShows() {
        let why = "Ana Lopez signs at team-manager; £17,325.00 (the budget a year plus one-off costs) needs service-manager or above"
        var s = state(.refused(why))
        send(&s, [.text("s")])
        #expect(s.signing == nil)
        let c = ReviewProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.line(21) == " ! Not signed: Ana Lopez signs at team-manager; £17,325.00 (the budget a year")
        #expect(c.line(22) == "   plus one-off costs) needs service-manager or above")
        #expect(c.line(20) == " ↓ 169 more lines: Space or PgDn for the next page")
    }

    @Test func severalSignersNameTheirKey() {
        var s = state()
        send(&s, [.text("s")] + InputEvent.typing("ana-lopez") + [.key(.tab)] + InputEvent.typing("secret"))
        let c = ReviewProgram.render(s, size: Size(width: 80, height: 24))
        #expect(c.text.contains("••••••"))
        #expect(!c.text.contains("secret"))
        #expect(send(&s, [.key(.enter)]) == [.sign(key: "ana-lopez", passphrase: "secret")])
        #expect(send(&s, [.key(.escape)]) == [.back])
    }

    @Test func queueShowsSubmittedPlansOldestFirst() {
        var plans = ["older-person-home-care", "young-adult-pa"].map {
            PlanStore(root: "/nonexistent-store").summary(of: Driver.root.appendingPathComponent("examples/\($0).yaml").path, policy: .standard)
        }
        plans[0].status = "submitted"; plans[0].submitted = "2026-11-25T10:00:00Z"; plans[0].change = .new
        plans[1].status = "submitted"; plans[1].submitted = "2026-11-24T09:00:00Z"; plans[1].change = .by(Money(pence: 40_000))
        var s = PlanListState(store: "/s", plans: plans, templates: [])
        _ = PlanListProgram.reduce(&s, .text("v"))
        #expect(s.visible.map(\.name) == ["Cal", "Peggy"])
        #expect(PlanListProgram.reduce(&s, .key(.enter)) == [.review(plans[1].path)])
        let c = PlanListProgram.render(s, size: Size(width: 80, height: 24))
        // Ids and authors whole; the focused plan whole on the line under the list.
        ScreenAssert.expect(c, """
             SupportPlan · review queue in /s
             Submitted plans, oldest first

              Person   Id                Budget  Change      ✗  Author       Submitted
            > Cal      CA-2026-0388  £29,400.00  +£400.00     0  Priya Shah   2026-11-24
              Peggy    PW-2026-0117  £17,250.00  new          0  Helen Mistry 2026-11-25














             Cal · CA-2026-0388 · by Priya Shah · submitted 2026-11-24 09:00 · £29,400.00
             (+£400.00)
             Review queue: Enter reviews a plan · v all plans
             F1 Help  Enter Open  n New  v Queue  c Caseload  / Filter  s Sort  F10 Quit
            """, cursor: Point(row: 4, column: 0))
    }
}
