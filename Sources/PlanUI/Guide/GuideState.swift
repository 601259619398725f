/// Where a person is in the guided questions: which are done (kept beside the plan, so they
/// can stop and come back), which one is open, what is typed so far, and where it is in the
/// conversation (`progress`). Pure; the runners
/// (full screen, line mode) save the plan and the progress after every answer.
import PlanCore
import TerminalKit

public struct GuideState: Sendable, Equatable {
    public var plan: Plan
    public var file: String
    public var policy: Policy
    /// Step ids answered or skipped, in order.
    public var handled: [String]
    public var skipped: Set<String> = []
    public var current: String?
    public var field = TextField()
    public var area = TextArea(wrapWidth: 70)
    public var problem: String?
    public var status = ""
    public var finished = false
    /// The screen's size as the loop last reported it (nil in line mode and until known).
    public var screen: Size?
    /// The person chose plain line mode on a screen too small for the questions.
    public var wantsLineMode = false

    public init(plan: Plan, file: String, policy: Policy = .standard, handled: [String] = []) {
        self.plan = plan
        self.file = file
        self.policy = policy
        self.handled = handled
        moveToNext()
    }

    public var steps: [GuideStep] { GuideFlow.steps(plan) }
    public var step: GuideStep? { current.flatMap { id in steps.first { $0.id == id } } }
    public var number: Int { current.flatMap { id in steps.firstIndex { $0.id == id } }.map { $0 + 1 } ?? steps.count }

    /// Where the open question is, counted so it stays steady as follow-up questions appear:
    /// the part (of all `GuideFlow.parts`), its main question (follow-ups do not count), and
    /// for a follow-up, which of the follow-ups so far it is.
    public struct Progress: Equatable, Sendable {
        public var part: Int, parts: Int, partName: String
        public var question: Int, questions: Int
        public var more: (Int, Int)?
        public static func == (a: Progress, b: Progress) -> Bool {
            a.part == b.part && a.parts == b.parts && a.question == b.question && a.questions == b.questions
                && a.more?.0 == b.more?.0 && a.more?.1 == b.more?.1
        }

        /// "part 3 of 12 · question 2 of 10" (", more 1 of 3" on a follow-up).
        public var words: String { "part \(part) of \(parts) · " + questionWords }
        /// "question 2 of 10" (", more 1 of 3" on a follow-up).
        public var questionWords: String {
            "question \(question) of \(questions)" + (more.map { ", more \($0.0) of \($0.1)" } ?? "")
        }
    }

    public var progress: Progress? {
        let all = steps
        guard let id = current, let at = all.firstIndex(where: { $0.id == id }) else { return nil }
        let step = all[at]
        let inPart = all.indices.filter { all[$0].part == step.part }
        let mains = inPart.filter { !all[$0].followUp }
        let main = mains.last { $0 <= at }
        var more: (Int, Int)?
        if step.followUp {
            let next = mains.first { $0 > at } ?? (inPart.last.map { $0 + 1 } ?? at + 1)
            let follow = inPart.filter { all[$0].followUp && $0 > (main ?? -1) && $0 < next }
            more = (follow.firstIndex(of: at).map { $0 + 1 } ?? 1, follow.count)
        }
        return Progress(part: (GuideFlow.parts.firstIndex(of: step.part) ?? 0) + 1, parts: GuideFlow.parts.count,
                        partName: step.part, question: main.flatMap { mains.firstIndex(of: $0) }.map { $0 + 1 } ?? 1,
                        questions: max(1, mains.count), more: more)
    }

    /// What is still to do, each with the question that fixes it.
    public var toDo: [GuideToDo] { GuideEnd.toDo(plan, policy: policy, skipped: skipped) }

    /// Opens a question from the list of things still to do; answered, it comes back to the end.
    public mutating func jump(to id: String) {
        guard steps.contains(where: { $0.id == id }) else { return }
        current = id
        finished = false
        status = ""
        loadInput()
    }

    /// The first question not yet answered or skipped; none means the end.
    public mutating func moveToNext() {
        current = steps.first { !handled.contains($0.id) }?.id
        finished = current == nil
        loadInput()
    }

    mutating func loadInput() {
        problem = nil
        guard let step else { return }
        switch step.kind {
        case .lines: area = TextArea(step.current, wrapWidth: 70)
        // A choice, an amount or a date starts empty, so what is typed replaces the answer shown
        // above the box (Enter keeps it); words stay in the box to be changed.
        case .choice, .several, .money, .date: field = TextField()
        default: field = TextField(step.current)
        }
    }

    /// Puts the answer in; false (with `problem` set) when it cannot be used.
    @discardableResult
    public mutating func answer(_ text: String) -> Bool {
        guard let step else { return false }
        var p = plan
        if let problem = GuideFlow.apply(step, text, to: &p) {
            self.problem = problem
            return false
        }
        plan = p
        if !handled.contains(step.id) { handled.append(step.id) }
        skipped.remove(step.id)
        moveToNext()
        status = step.costs ? GuideEnd.runningMoney(plan) ?? "" : ""
        return true
    }

    public mutating func skip() {
        guard let step else { return }
        if !handled.contains(step.id) { handled.append(step.id) }
        skipped.insert(step.id)
        moveToNext()
        status = "Skipped. It will be on the list of things still to do."
    }

    /// The question before this one (answered again, it replaces the answer).
    public mutating func back() {
        let all = steps
        let index = current.flatMap { id in all.firstIndex { $0.id == id } } ?? all.count
        guard index > 0 else { status = "This is the first question."; return }
        current = all[index - 1].id
        finished = false
        loadInput()
    }

    /// A choice's, an amount's or a date's box starts empty: Enter on it keeps the answer
    /// already given.
    var keepsByEnter: Bool {
        switch step?.kind {
        case .choice?, .several?, .money?, .date?: return true
        default: return false
        }
    }

    /// What the person typed, as one answer.
    public var typed: String {
        guard let step else { return "" }
        if case .lines = step.kind { return area.text }
        return field.text
    }
}
