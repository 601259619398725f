/// The comments and blank lines a file had at one key or list item, kept so that a save puts
/// them back where they were: the lines above it and the comment at the end of its line.

public struct Note: Sendable, Equatable {
    /// Whole lines just above the key (blank lines and `#` comments), as written, without line ends.
    public var before: [String] = []
    /// The end-of-line comment, from its `#` (nil when the line had none).
    public var comment: String?
    /// The column (in Unicode scalars, from 0) where that comment started, so a re-written line
    /// keeps it aligned with its neighbours.
    public var column = 0

    public init(before: [String] = [], comment: String? = nil, column: Int = 0) {
        self.before = before
        self.comment = comment
        self.column = column
    }

    /// It holds a comment (not only blank lines).
    public var hasComment: Bool { comment != nil || before.contains { $0.contains("#") } }

    /// Nothing to put back.
    public var isEmpty: Bool { before.isEmpty && comment == nil }

    /// Every line of the note as whole lines (the end-of-line comment on its own line, at its
    /// column): for a place where it cannot stay at the end of a line.
    public var asLines: [String] {
        before + (comment.map { [String(repeating: " ", count: column) + $0] } ?? [])
    }
}
