/// The "Money so far" screen on the young-adult example and its 16-week statement
/// (examples/statements/young-adult-16-weeks.csv) imported into a store: the whole screen at
/// 80×24, two unmatched transactions assigned by keys (a line from the picker, and "not for
/// care" with a reason) and `assigned.yaml` then holding them, plain words, the help, and the
/// smallest and a large screen with nothing cut without `…`.
import Foundation
import PlanCore
import Testing
import TerminalKit
@testable import PlanUI

@MainActor @Suite(.serialized) struct MoneySoFarTests {
    static let planID = "CA-2026-0388"

    /// A store in a fresh folder holding the example plan, with the statement imported.
    static func store() throws -> (PlanStore, Plan) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("money-so-far-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        let store = PlanStore(root: root.path)
        let plan = Driver.root.appendingPathComponent("examples/young-adult-pa.yaml")
        try FileManager.default.copyItem(atPath: plan.path, toPath: store.planPath(planID))
        let statement = Driver.root.appendingPathComponent("examples/statements/young-adult-16-weeks.csv")
        let bytes = Array(try Data(contentsOf: statement))
        _ = try SpendLedger(store: store, planID: planID).importStatement(bytes, name: "young-adult-16-weeks.csv")
        let loaded = try store.load(store.planPath(planID), policy: .standard)
        return (store, loaded.plan)
    }

    /// The session and its first state at a size.
    static func open(_ size: Size = Size(width: 80, height: 24), plain: Bool = false) throws -> (MoneySoFarSession, MoneySoFarState, PlanStore) {
        let (store, plan) = try store()
        let session = MoneySoFarSession(store: store, planID: planID, plan: plan, policy: .standard)
        var state = try session.open(plainLanguage: plain).get()
        _ = MoneySoFarProgram.reduce(&state, .resize(size))
        return (session, state, store)
    }

    /// Keys as the loop sends them: event → action → reduce → the session performs each effect.
    static func send(_ session: MoneySoFarSession, _ s: inout MoneySoFarState, _ events: [InputEvent]) {
        for e in events {
            guard let a = MoneySoFarProgram.action(for: e, in: s) else { continue }
            for effect in MoneySoFarProgram.reduce(&s, a) { _ = session.perform(effect, &s) }
        }
    }

    @Test func theWholeScreenAt80x24() throws {
        let (_, s, _) = try Self.open()
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: Size(width: 80, height: 24)), """
             Money so far · Cal · CA-2026-0388                            as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you
             may keep (£2,167.37).

             Balance on 23 April 2027: £938.95

             PAYMENT PERIODS (4-WEEKLY)
             Period             Money in  Money out  Unplanned    Balance
             Brought forward                                        £0.00
             4 Jan – 31 Jan    £2,496.37  £2,302.12      £0.00    £194.25
             1 Feb – 28 Feb    £2,190.77  £1,848.52     £23.40    £536.50
             1 Mar – 28 Mar    £2,167.37  £1,711.12     £96.00    £992.75
             29 Mar – 25 Apr   £2,167.37  £2,221.17      £0.00    £938.95

             EACH LINE: SPENT SO FAR OF PLANNED SO FAR
             S1  Lewis, my daytime PA, … [##########]   £4,304.00 of  £4,304.00       £0.00
             S2  Jade, my evening and S… [#########-]   £1,883.00 of  £2,152.00    -£269.00
             ↓ 14 more lines: Space or PgDn
             Unmatched: 3 transactions matching nothing in the plan
             > 13 Feb 2027 TESCO STORES 2231                                        -£23.40
               20 Feb 2027 D ASHBY                                                   £23.40
               13 Mar 2027 KINDRED CARE LTD                                         -£96.00
             ↑/↓ choose · Enter or l: a line · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 19, column: 1))
    }

    /// Kindred Care's evening cover goes to Jade's line (S2) from the picker; the Tesco bill is
    /// not for care, with the reason typed in the box. assigned.yaml then holds both.
    @Test func assigningTwoUnmatchedByKeys() throws {
        let (session, start, store) = try Self.open()
        var s = start
        let ids = s.unmatched.map(\.transaction.id)
        #expect(s.unmatched.map(\.transaction.description) == ["TESCO STORES 2231", "D ASHBY", "KINDRED CARE LTD"])
        Self.send(session, &s, [.key(.down), .key(.down), .key(.enter), .key(.down)])
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388                            as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you
             m+- Assign to a line -------------------------------------------------------+
              |                                                                          |
             B|  13 Mar 2027 · KINDRED CARE LTD · -£96.00                                |
              |                                                                          |
             P|    S1  Lewis, my daytime PA, 20 hours a week - gym, learning the buses…  |
             P|  > S2  Jade, my evening and Saturday PA, 10 hours a week - football, c…  |
             B|    S3  Holiday cover - 5.6 weeks of each PA's hours (168 hours a year)…  |
             4|    S4  Employer's National Insurance for Lewis (15% of his pay above £…  |
             1|    S5  Workplace pension for Lewis (3% of his pay between £6,240 and £…  |
             1|    S6  Employer's and public liability insurance (£5 million cover)      |
             2|    S7  Payroll service - payslips, tax and pension paperwork for both …  |
              |    S8  Enhanced DBS checks for Lewis and Jade                            |
             E|    S9  First aid and epilepsy rescue medicine training for Lewis and J…  |
             S|    S10  Advert on the PA Finder website and travel costs for interviews  |0
             S|    S11  Thursday pottery session at Kiln Yard Studio                     |0
             ↓|    S12  Taxi to Kiln Yard and back on Thursdays (the studio is not on …  |
             U|                                                                          |
              |  ↑/↓ choose · Enter keeps it · Esc cancels                               |0
              |                                                                          |0
             >+--------------------------------------------------------------------------+0
             ↑/↓ choose · Enter or l: a line · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 7, column: 5))
        Self.send(session, &s, [.key(.enter)])
        #expect(s.unmatched.count == 2)
        Self.send(session, &s, [.key(.home), .key(.up), .key(.up), .text("n")] + InputEvent.typing("Bought with the wrong card; paid back"))
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388                            as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you
             may keep (£2,167.37).

             Balance on 23 April 2027: £938.95

             PAYMENT +- Not for care ---------------------------------------------+
             Period  |                                                            |
             Brought |  13 Feb 2027 · TESCO STORES 2231 · -£23.40                 |
             4 Jan – |                                                            |
             1 Feb – |  Why was it not for care? (kept with the choice)           |
             1 Mar – |                                                            |
             29 Mar –|  Bought with the wrong card; paid back                     |
                     |                                                            |
             EACH LIN|  Enter keeps it · Esc cancels                              |
             S1  Lewi|                                                            |   £0.00
             S2  Jade+------------------------------------------------------------+-£173.00
             S3  Holiday cover - 5.6 we… [----------]       £0.00 of    £680.98    -£680.98
             ↓ 13 more lines: Space or PgDn
             Unmatched: 2 transactions matching nothing in the plan
             > 13 Feb 2027 TESCO STORES 2231                                        -£23.40
               20 Feb 2027 D ASHBY                                                   £23.40
             Kept in assigned.yaml: KINDRED CARE LTD -£96.00 pays for S2.
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 12, column: 49))
        Self.send(session, &s, [.key(.enter)])
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388                            as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you
             may keep (£2,167.37).

             Balance on 23 April 2027: £938.95

             PAYMENT PERIODS (4-WEEKLY)
             Period             Money in  Money out  Unplanned    Balance
             Brought forward                                        £0.00
             4 Jan – 31 Jan    £2,496.37  £2,302.12      £0.00    £194.25
             1 Feb – 28 Feb    £2,190.77  £1,848.52     £23.40    £536.50
             1 Mar – 28 Mar    £2,167.37  £1,711.12      £0.00    £992.75
             29 Mar – 25 Apr   £2,167.37  £2,221.17      £0.00    £938.95

             EACH LINE: SPENT SO FAR OF PLANNED SO FAR
             S1  Lewis, my daytime PA, … [##########]   £4,304.00 of  £4,304.00       £0.00
             S2  Jade, my evening and S… [#########-]   £1,979.00 of  £2,152.00    -£173.00
             S3  Holiday cover - 5.6 we… [----------]       £0.00 of    £680.98    -£680.98
             S4  Employer's National In… [########--]     £337.05 of    £449.40    -£112.35
             ↓ 11 more lines: Space or PgDn
             Unmatched: 1 transaction matching nothing in the plan
             > 20 Feb 2027 D ASHBY                                                   £23.40
             Kept in assigned.yaml: TESCO STORES 2231 -£23.40 is not for care.
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 21, column: 1))
        let file = try String(contentsOfFile: store.root + "/spend/\(Self.planID)/assigned.yaml", encoding: .utf8)
        let entries = try SpendAssignments.parse(file, path: "assigned.yaml")
        #expect(entries == [ids[2]: .line("S2"), ids[0]: .notForCare(reason: "Bought with the wrong card; paid back")])
        #expect(file.contains("  - id: \(ids[2])\n    line: S2\n"))
        // Read again from the files, the two stay assigned.
        let again = try session.open().get()
        #expect(again.unmatched.map(\.transaction.description) == ["D ASHBY"])
    }

    /// Money in (D Ashby paying back the Tesco bill) given to a line from the picker is
    /// refused by the same call as `spend assign`, said on the status line; nothing is kept.
    @Test func moneyInToALineIsRefusedOnTheScreen() throws {
        let (session, start, store) = try Self.open()
        var s = start
        Self.send(session, &s, [.key(.down), .key(.enter), .key(.enter)])
        #expect(s.unmatched.count == 3)
        let text = ScreenAssert.text(MoneySoFarProgram.render(s, size: s.size))
        #expect(text.contains("is money in: only money out"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: store.root + "/spend/\(Self.planID)/assigned.yaml"))
    }

    /// Without `budget.payer` the forecast is not made: said in plain words on the plain
    /// screen (no field names), and with the field named on the professional one.
    @Test func noForecastIsSaidInPlainWords() throws {
        var (store, plan) = try Self.store()
        plan.budget.payer = []
        let r = try SpendLedger(store: store, planID: Self.planID).report(plan: plan)
        let plainWords = MoneySoFarWords(plain: true).forecast(r, plan: plan)
        #expect(plainWords.hasPrefix("We cannot say how your money will last"), "\(plainWords)")
        #expect(!plainWords.contains("`"))
        #expect(MoneySoFarWords(plain: false).forecast(r, plan: plan).contains("`budget.payer`"))
    }

    @Test func anEmptyReasonIsRefusedAndEscCancels() throws {
        let (session, start, store) = try Self.open()
        var s = start
        Self.send(session, &s, [.text("n"), .key(.enter)])
        #expect(s.status == "! Write why it was not for care (Esc cancels).")
        #expect(s.reason != nil)
        Self.send(session, &s, [.key(.escape), .text("l"), .key(.escape)])
        #expect(s.reason == nil && s.picking == nil)
        #expect(s.unmatched.count == 3)
        #expect(!FileManager.default.fileExists(atPath: store.root + "/spend/\(Self.planID)/assigned.yaml"))
    }

    @Test func plainWordsTitleItYourMoneySoFar() throws {
        let (session, start, _) = try Self.open(plain: true)
        var s = start
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Your money so far · Cal · CA-2026-0388                       as of 23 Apr 2027
             If you keep spending like this, £912.93 will be left on 3 January 2028, within
             the 4 weeks you may keep (£2,167.37).

             Money in the account on 23 April 2027: £938.95

             EACH 4 WEEKS
             Dates                Paid in    Paid out Not in plan        Left
             At the start                                               £0.00
             4 Jan – 31 Jan     £2,496.37   £2,302.12       £0.00     £194.25
             1 Feb – 28 Feb     £2,190.77   £1,848.52      £23.40     £536.50
             1 Mar – 28 Mar     £2,167.37   £1,711.12      £96.00     £992.75
             29 Mar – 25 Apr    £2,167.37   £2,221.17       £0.00     £938.95

             WHAT YOU SPENT AND WHAT YOU PLANNED
             S1  Lewis, my daytime P… [##########]   £4,304.00 of  £4,304.00     as planned
             S2  Jade, my evening an… [#########-]   £1,883.00 of  £2,152.00   £269.00 less
             ↓ 14 more lines: Space or PgDn
             Payments we could not match: 3
             > 13 Feb 2027 TESCO STORES 2231                                        -£23.40
               20 Feb 2027 D ASHBY                                                   £23.40
               13 Mar 2027 KINDRED CARE LTD                                         -£96.00
             ↑/↓ choose · Enter: what it paid for · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 19, column: 1))
        Self.send(session, &s, [.text("p")])
        #expect(ScreenAssert.text(MoneySoFarProgram.render(s, size: s.size)).hasPrefix(" Money so far · Cal · CA-2026-0388"))
    }

    @Test func helpAt60x20() throws {
        let (session, start, _) = try Self.open(Size(width: 60, height: 20))
        var s = start
        Self.send(session, &s, [.text("?")])
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388        as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028,
             within the 4 weeks you may keep (£2,167.37).
                   +- Help: Money so far ----------------------+
             Balanc| F1/?              This help.              |
                   | Enter/l           Assign it to a line.    |
             PAYMEN| n                 Not for care, with why. |
             Period| ↓/j               Next unmatched payment. |
             Brough| ↑/k               Previous unmatched one. |
             4 Jan | PgDn/Space        Scroll the page down.   |
             1 Feb | PgUp/b            Scroll the page up.     |
             1 Mar | Home/g            The top of the page.    |
             29 Mar| End/G             The end of the page.    |
                   | F9/p              Plain words on or off.  |
             ↓ 30 m| Esc/F10/Ctrl-Q/q  Go back.                |
             Unmatc+- Esc or F1 closes this help --------------+lan
             > 13 Feb 2027 TESCO STORES 2231                    -£23.40
               20 Feb 2027 D ASHBY                               £23.40
             ↑/↓ choose · Enter or l: a line · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 3, column: 10))
        Self.send(session, &s, [.key(.escape)])
        #expect(!s.showHelp)
    }

    @Test func theSmallestScreen60x20() throws {
        let (session, start, _) = try Self.open(Size(width: 60, height: 20))
        var s = start
        Self.send(session, &s, [.text(" ")])
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388        as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028,
             within the 4 weeks you may keep (£2,167.37).

             EACH LINE: SPENT SO FAR OF PLANNED SO FAR
             S1  Lewis, my daytime PA, 20 hours a week - gym, learning…
                 [##########]   £4,304.00 of  £4,304.00       £0.00
             S2  Jade, my evening and Saturday PA, 10 hours a week - f…
                 [#########-]   £1,883.00 of  £2,152.00    -£269.00
             S3  Holiday cover - 5.6 weeks of each PA's hours (168 hou…
                 [----------]       £0.00 of    £680.98    -£680.98
             S4  Employer's National Insurance for Lewis (15% of his p…
                 [########--]     £337.05 of    £449.40    -£112.35
             S5  Workplace pension for Lewis (3% of his pay between £6…
             ↓ 20 more lines: Space or PgDn
             Unmatched: 3 transactions matching nothing in the plan
             > 13 Feb 2027 TESCO STORES 2231                    -£23.40
               20 Feb 2027 D ASHBY                               £23.40
             ↑/↓ choose · Enter or l: a line · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 16, column: 1))
    }

    @Test func aLargeScreen120x40() throws {
        let (_, s, _) = try Self.open(Size(width: 120, height: 40))
        ScreenAssert.expect(MoneySoFarProgram.render(s, size: s.size), """
             Money so far · Cal · CA-2026-0388                                                                    as of 23 Apr 2027
             At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you may keep (£2,167.37).

             Balance on 23 April 2027: £938.95

             PAYMENT PERIODS (4-WEEKLY)
             Period             Money in  Money out  Unplanned    Balance
             Brought forward                                        £0.00
             4 Jan – 31 Jan    £2,496.37  £2,302.12      £0.00    £194.25
             1 Feb – 28 Feb    £2,190.77  £1,848.52     £23.40    £536.50
             1 Mar – 28 Mar    £2,167.37  £1,711.12     £96.00    £992.75
             29 Mar – 25 Apr   £2,167.37  £2,221.17      £0.00    £938.95

             EACH LINE: SPENT SO FAR OF PLANNED SO FAR
             S1  Lewis, my daytime PA, 20 hours a week - gym, learning the buse… [##########]   £4,304.00 of  £4,304.00       £0.00
             S2  Jade, my evening and Saturday PA, 10 hours a week - football, … [#########-]   £1,883.00 of  £2,152.00    -£269.00
             S3  Holiday cover - 5.6 weeks of each PA's hours (168 hours a year… [----------]       £0.00 of    £680.98    -£680.98
             S4  Employer's National Insurance for Lewis (15% of his pay above … [########--]     £337.05 of    £449.40    -£112.35
             S5  Workplace pension for Lewis (3% of his pay between £6,240 and … [##########]      £78.48 of     £78.48       £0.00
             S6  Employer's and public liability insurance (£5 million cover)    [##########]      £89.00 of     £26.82     +£62.18
             S7  Payroll service - payslips, tax and pension paperwork for both… [##########]      £58.00 of     £58.00       £0.00
             S8  Enhanced DBS checks for Lewis and Jade                          [##########]      £99.00 of     £99.00       £0.00
             S9  First aid and epilepsy rescue medicine training for Lewis and … [##########]     £170.00 of    £170.00       £0.00
             S10 Advert on the PA Finder website and travel costs for interviews [##########]      £60.00 of     £60.00       £0.00
             S11 Thursday pottery session at Kiln Yard Studio                    [#########-]     £540.00 of    £576.00     -£36.00
             S12 Taxi to Kiln Yard and back on Thursdays (the studio is not on … [#########-]     £345.00 of    £368.00     -£23.00

             FINDINGS
             ! spend-unplanned: 2 payments out, £119.40, pay for nothing in the plan (2027-02-13 TESCO STORES 2231 £23.40;
               2027-03-13 KINDRED CARE LTD £96.00)




             Unmatched: 3 transactions matching nothing in the plan
             > 13 Feb 2027 TESCO STORES 2231                                                                                -£23.40
               20 Feb 2027 D ASHBY                                                                                           £23.40
               13 Mar 2027 KINDRED CARE LTD                                                                                 -£96.00
             ↑/↓ choose · Enter or l: a line · n: not for care
             F1 Help  Enter Line  n Not for care  PgDn More  Esc Back
            """, cursor: Point(row: 35, column: 1))
    }

    /// The editor's m and the plan list's m open it; the review shows the money in use.
    @Test func reachedFromTheEditorAndThePlanList() throws {
        var d = Driver.example("young-adult-pa")
        #expect(d.send(.text("m")) == [.moneySoFar])
        #expect(EditorKeys.navigation.helpLines().contains { $0.hasPrefix("m/F7") && $0.contains("Money so far") })
        var list = PlanListState(store: "/s", plans: [PlanSummary(path: "/s/plans/CA-2026-0388.yaml", id: "CA-2026-0388", name: "Cal", status: "draft", budget: nil, errors: 0, warnings: 0, review: "")],
                                 templates: [])
        #expect(PlanListProgram.reduce(&list, .text("m")) == [.money("/s/plans/CA-2026-0388.yaml")])
    }

    @Test func theReviewShowsMoneySoFar() throws {
        let (_, s, _) = try Self.open()
        let check = EditorState(plan: s.plan, file: "/s/plans/x.yaml", diskDigest: "d").check
        let review = ReviewState(path: "/s/plans/x.yaml", plan: s.plan, check: check, previous: nil, reasons: [], money: s.report)
        let at = try #require(review.lines.firstIndex(of: "MONEY SO FAR"))
        #expect(Array(review.lines[(at + 1)...(at + 4)]) == [
            "Balance on 23 April 2027: £938.95 (from the account's statement).",
            "At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you may keep (£2,167.37).",
            "! spend-unplanned: 2 payments out, £119.40, pay for nothing in the plan (2027-02-13 TESCO STORES 2231 £23.40; "
                + "2027-03-13 KINDRED CARE LTD £96.00)",
            "Unmatched: 3 transactions match nothing in the plan yet (Money so far, or supportplan spend assign).",
        ])
    }
}
