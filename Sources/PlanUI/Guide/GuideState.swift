/// Where a person is in the guided questions: which are done (kept beside the plan, so they
/// can stop and come back), which one is open, and what is typed so far. Pure; the runners
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

    /// What the person typed, as one answer.
    public var typed: String {
        guard let step else { return "" }
        if case .lines = step.kind { return area.text }
        return field.text
    }
}
