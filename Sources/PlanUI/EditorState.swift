/// The editor's whole state: a value, so every screen is a pure function of it and every
/// key a tested step (`reduce`). The plan's findings and costing are recomputed by PlanCore
/// after each change, from the same text a save would write, so the screen and `check` agree.
import PlanCore
import TerminalKit

public struct FieldEdit: Sendable, Equatable {
    public var path: String
    public var kind: FieldKind
    public var line = TextField()
    public var area = TextArea(wrapWidth: 50)
    public var money = MoneyField(parse: Money.problem(in:))
    public var problem: String?

    public var text: String {
        switch kind {
        case .multiline: return area.text
        case .money: return money.text
        default: return line.text
        }
    }
}

public struct Picker: Sendable, Equatable {
    public var path: String
    public var title: String
    public var options: [Choice]
    public var multi: Bool
    public var selected: Int
    public var chosen: Set<String>
}

public enum Overlay: Sendable, Equatable {
    case help
    case picker(Picker)
    case acknowledge(rule: RuleID, target: String, reason: TextField)
    case confirmQuit
    case confirmDelete(EntryList, Int)
    /// "Submit for sign-off?" (one key confirms).
    case confirmSubmit
    /// "Withdraw it from sign-off, back to a draft?" (one key confirms).
    case confirmWithdraw
    case recover(savedAt: String)
    case conflict
    case saveAs(TextField)
    case locked(holder: String)
    case onCosts(support: Int, lines: [OnCostProposal])
    case message(String)
    case find(TextField)
}

public struct EditorState: Sendable, Equatable {
    public var plan: Plan
    public var file: String
    public var policy: Policy
    public var section: Section = .about
    public var entry: OpenEntry?
    public var focus = 0
    public var edit: FieldEdit?
    public var overlay: Overlay?
    public var dirty = false
    /// Changes not yet written to the recovery file.
    public var recoveryPending = false
    public var readOnly = false
    /// Submitted for sign-off: nothing can change until the planner withdraws it.
    public var submitted: Bool { plan.status == .submitted }
    static let submittedNote = "! Submitted for sign-off: it cannot be changed. F8 withdraws it to change it."
    public var status = "F1 help · PgUp/PgDn or 1–8 change section · Enter edits"
    public var undo: [Plan] = []
    public var redo: [Plan] = []
    /// Where each undo (redo) step was made, so undoing goes back there.
    var undoPlaces: [Place] = []
    var redoPlaces: [Place] = []
    /// The plan as last read or saved: back at it (by undo) it is not "unsaved".
    public var savedPlan: Plan
    /// The text last found (`n` finds the next).
    public var lastFind: String?
    /// Where the last find went.
    var lastFindPlace: Place?
    /// SHA-256 of the file as last read or saved: a save refuses when the disk differs.
    public var diskDigest: String
    public private(set) var check: CheckResult
    /// The costing with the field being typed applied (the budget bar moves as you type).
    public var preview: Costing?
    /// Quit once the save that was asked for succeeds.
    public var quitAfterSave = false
    /// Plain words for labels, sections and fixed values (`--plain-language`, P or F9).
    public var plainLanguage = false
    /// Today, for `updated:` on save (given, so the reducer stays pure).
    public var today: PlanDate?

    public init(plan: Plan, file: String, policy: Policy = .standard, diskDigest: String = "") {
        self.plan = plan
        self.file = file
        self.policy = policy
        self.diskDigest = diskDigest
        savedPlan = plan
        check = EditorState.check(plan, file, policy)
    }

    /// A place in the form: a section, an open entry and the focused row.
    struct Place: Sendable, Equatable {
        var section: Section
        var entry: OpenEntry?
        var focus: Int
    }

    var place: Place { Place(section: section, entry: entry, focus: focus) }

    /// The message line when nothing has been said in this section yet.
    var defaultStatus: String {
        submitted ? EditorState.submittedNote : "F1 help · PgUp/PgDn or 1–8 change section · Enter edits"
    }

    static func check(_ plan: Plan, _ file: String, _ policy: Policy) -> CheckResult {
        Checker.check(text: PlanWriter.write(plan), file: file, policy: policy)
    }

    public var findings: [Finding] { check.findings }
    public var costing: Costing { check.costing ?? Coster.cost(plan) }

    mutating func recheck() { check = EditorState.check(plan, file, policy) }

    /// The rows on screen now.
    var rows: [FieldRow] { Form.rows(section, plan, entry: entry) }

    public static func == (a: EditorState, b: EditorState) -> Bool {
        a.plan == b.plan && a.file == b.file && a.section == b.section && a.entry == b.entry && a.focus == b.focus
            && a.edit == b.edit && a.overlay == b.overlay && a.dirty == b.dirty && a.readOnly == b.readOnly
            && a.status == b.status && a.recoveryPending == b.recoveryPending && a.undo.count == b.undo.count
            && a.redo.count == b.redo.count && a.diskDigest == b.diskDigest && a.preview == b.preview
            && a.plainLanguage == b.plainLanguage
    }
}

