/// Renders plans to documents from Mustache templates that a council can change without
/// recompiling (`templates/documents/*.mustache`). Text and Markdown are rendered without
/// HTML escaping but with their own: every `{{value}}` in a text document shows control
/// characters visibly, and in a Markdown document also escapes HTML and Markdown (`SafeText`),
/// so plan text cannot reach a terminal raw or add markup. Every template, partials included,
/// is registered with its content type, because swift-mustache resets partials to HTML. A
/// template error names its file, line and column.
import Mustache
import PlanCore

public enum DocumentFormat: String, CaseIterable, Sendable {
    case text, markdown, html
    case easyRead = "easy-read"

    var isHTML: Bool { self == .html || self == .easyRead }
    /// The file extension a person would expect.
    public var fileExtension: String { self == .text ? "txt" : self == .markdown ? "md" : "html" }
}

public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String
    public var description: String { "\(file):\(line):\(column): template error: \(problem)" }
}

public struct DocumentRenderer: Sendable {
    let folder: String
    let library: MustacheLibrary
    let textLibrary: MustacheLibrary
    let markdownLibrary: MustacheLibrary

    /// `{{value}}` in text documents: control characters visible, line breaks kept.
    struct SafeTextContent: MustacheContentType {
        func escapeText(_ text: String) -> String { SafeText.visible(text, keepNewlines: true) }
    }

    /// `{{value}}` in Markdown documents: also HTML and Markdown escaped.
    struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { SafeText.markdown(text) }
    }

    static let contentTypes: Void = {
        MustacheContentTypes.register(SafeTextContent(), named: "SUPPORTPLAN_TEXT")
        MustacheContentTypes.register(MarkdownContent(), named: "SUPPORTPLAN_MARKDOWN")
    }()

    /// Loads every template in `<folder>/documents`.
    public init(templatesFolder folder: String, read: (String) throws -> String) throws {
        self.folder = folder + "/documents"
        _ = DocumentRenderer.contentTypes
        var html = MustacheLibrary()
        var text = MustacheLibrary()
        var markdown = MustacheLibrary()
        for name in ["text", "markdown", "html", "easy-read", "style"] {
            let path = "\(self.folder)/\(name).mustache"
            let source = try read(path)
            try DocumentRenderer.register(source, named: name, path: path, into: &html, contentType: nil)
            try DocumentRenderer.register(source, named: name, path: path, into: &text, contentType: "SUPPORTPLAN_TEXT")
            try DocumentRenderer.register(source, named: name, path: path, into: &markdown, contentType: "SUPPORTPLAN_MARKDOWN")
        }
        library = html
        textLibrary = text
        markdownLibrary = markdown
    }

    static func register(_ source: String, named name: String, path: String, into library: inout MustacheLibrary,
                         contentType: String?) throws(TemplateError) {
        let prefix = contentType.map { "{{% CONTENT_TYPE: \($0)}}" } ?? ""
        do {
            try library.register(prefix + source, named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: path, line: error.context.lineNumber,
                                column: max(1, error.context.columnNumber - (error.context.lineNumber == 1 ? prefix.count : 0)),
                                problem: "\(error.error)")
        } catch {
            throw TemplateError(file: path, line: 1, column: 1, problem: "\(error)")
        }
    }

    public func render(_ format: DocumentFormat, plan: Plan, costing: Costing, findings: [Finding],
                       signOff: SignOffStatus, policy: Policy, spend: SpendReport? = nil) -> String {
        switch format {
        case .easyRead:
            return library.render(EasyReadModel(plan: plan, costing: costing, policy: policy, spend: spend), withTemplate: "easy-read") ?? ""
        case .html:
            return library.render(DocumentModel(plan: plan, costing: costing, findings: findings, signOff: signOff),
                                  withTemplate: "html") ?? ""
        case .text, .markdown:
            let model = DocumentModel(plan: plan, costing: costing, findings: findings, signOff: signOff)
            let text = (format == .text ? textLibrary : markdownLibrary).render(model, withTemplate: format.rawValue) ?? ""
            return format == .text ? DocumentRenderer.wrap(text, width: 80) : text
        }
    }

    /// Wraps long lines at spaces, continuing at the line's own indentation (plain text prints
    /// on paper and reads in a terminal).
    static func wrap(_ text: String, width: Int) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = String(line)
            let indent = String(rest.prefix { $0 == " " })
            let body = rest.dropFirst(indent.count)
            // "- item" hangs under its text; "N1. …" and "S12. …" hang under the text too.
            let label = body.prefix { $0.isLetter || $0.isNumber }
            let numbered = !label.isEmpty && label.contains(where: \.isNumber) && body.dropFirst(label.count).hasPrefix(". ")
            let hang = indent + (body.hasPrefix("- ") ? "  " : numbered ? String(repeating: " ", count: label.count + 2) : "")
            while rest.count > width, let cut = rest.prefix(width + 1).lastIndex(of: " "),
                  rest.distance(from: rest.startIndex, to: cut) > hang.count {
                out.append(String(rest[..<cut]))
                rest = hang + rest[rest.index(after: cut)...]
            }
            out.append(rest)
        }
        return out.joined(separator: "\n")
    }
}
