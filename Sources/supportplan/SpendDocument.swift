/// The direct-payment audit return reached from `render FILE --as spend|spend-markdown|spend-html`
/// and `export FILE --as spend-csv`: the same `SpendReturn` as `spend return` / `spend export`,
/// for a plan file inside a store (its statement is the store's `spend/ID/`). docs/spend.md.
import ArgumentParser
import PlanCore
import PlanDocuments
import PlanUI

/// What `render --as` takes: the plan's documents, or the spend return in one of its formats.
enum RenderAs: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html
    case easyRead = "easy-read"
    case spend
    case spendMarkdown = "spend-markdown"
    case spendHTML = "spend-html"

    var document: DocumentFormat? { DocumentFormat(rawValue: rawValue) }
    var spendFormat: SpendReturnFormat? {
        switch self {
        case .spend: return .text
        case .spendMarkdown: return .markdown
        case .spendHTML: return .html
        default: return nil
        }
    }
}

enum SpendDocument {
    /// The return (or, with `csv`, the CSV) for the plan in `file`, from the statement imported
    /// into its store. Refused in words when the file is not a plan in a store or has no statement.
    static func make(file: String, loaded: LoadedPlan, global: GlobalOptions,
                     _ what: (SpendReturn, Plan, String) -> String) throws -> String {
        guard file != "-" else {
            throw CLIError("-: the money so far needs the plan's file in a store (plans/ID.yaml), not standard input")
        }
        guard let id = loaded.plan.id, PlanID.isValid(id) else {
            throw CLIError("\(file): the plan has no valid id, so it has no statement; see `supportplan spend import`")
        }
        guard let root = PlanTemplates.store(global, file: file) ?? MoneySoFarSession.store(forPlanFile: file)?.root else {
            throw CLIError("\(file): not in a store, so it has no statement; import one with `supportplan spend import \(id) STATEMENT.csv` in the store")
        }
        let store = PlanStore(root: root)
        let report: SpendReport?
        switch MoneySoFarSession.report(store: store, planID: id, plan: loaded.plan, policy: loaded.policy) {
        case .success(let r): report = r
        case .failure(let e): throw CLIError(e.message)
        }
        guard let report else {
            throw CLIError("\(file): no statement has been imported for \(id); run `supportplan spend import \(id) STATEMENT.csv` first")
        }
        return what(SpendReturn(report), loaded.plan, id)
    }
}
