/// `spend/ID/assigned.yaml`: what a person decided about transactions that matched no line
/// (docs/spend.md). Plain YAML, one entry per transaction id, sorted by id so that git shows
/// each choice as one small change; written atomically, 0600 (or the store's group mode).
///
/// ```yaml
/// assigned:
///   - id: 3f9a0c1d2e4b5a67
///     line: S3
///   - id: 8be41f0a9c2d7e55
///     not_for_care: Bank charge, refunded the next week
/// ```

public struct SpendAssignmentsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var position: Position
    public var problem: String
    public var description: String { "\(path):\(position.line):\(position.column): error: \(problem)" }
}

public enum SpendAssignments {
    public static let fileName = "assigned.yaml"

    /// The entries of `text` (the file at `path`, for messages). An absent or empty file has none.
    public static func parse(_ text: String, path: String) throws(SpendAssignmentsError) -> [String: Assignment] {
        let root: YAMLNode?
        do { root = try YAMLReader.parse(text) } catch {
            throw SpendAssignmentsError(path: path, position: error.position, problem: "\(error.problem); fix the YAML or delete the entry")
        }
        guard let root else { return [:] }
        guard case .mapping(let pairs, _) = root else {
            throw SpendAssignmentsError(path: path, position: root.position, problem: "expected `assigned:` and a list of entries")
        }
        var out: [String: Assignment] = [:]
        var firstAt: [String: Position] = [:]
        for pair in pairs {
            guard pair.key == "assigned" else {
                throw SpendAssignmentsError(path: path, position: pair.keyPosition,
                                            problem: "unknown key '\(pair.key)'; the file holds only `assigned:`")
            }
            if pair.value.isAbsent { continue }
            guard case .sequence(let items, _) = pair.value else {
                throw SpendAssignmentsError(path: path, position: pair.value.position, problem: "`assigned:` should be a list of entries")
            }
            for item in items {
                guard case .mapping(let fields, let at) = item else {
                    throw SpendAssignmentsError(path: path, position: item.position,
                                                problem: "each entry should have `id:` and either `line:` or `not_for_care:`")
                }
                var id: String?, line: String?, reason: String?
                for f in fields {
                    switch f.key {
                    case "id": id = f.value.text
                    case "line": line = f.value.text
                    case "not_for_care": reason = f.value.text
                    default:
                        throw SpendAssignmentsError(path: path, position: f.keyPosition,
                                                    problem: "unknown key '\(f.key)'; an entry has `id:`, and `line:` or `not_for_care:`")
                    }
                }
                guard let id, id.hasWords else {
                    throw SpendAssignmentsError(path: path, position: at, problem: "the entry has no `id:` (the transaction's id)")
                }
                if let first = firstAt[id] {
                    throw SpendAssignmentsError(path: path, position: at,
                                                problem: "a second entry for \(SafeText.visible(id)) (the first is at line "
                                                    + "\(first.line)); keep one entry per transaction and delete the other")
                }
                firstAt[id] = at
                switch (line, reason) {
                case let (l?, nil) where l.hasWords: out[id] = .line(l.trimmingSpaces())
                case let (nil, r?) where r.hasWords: out[id] = .notForCare(reason: r.trimmingSpaces())
                default:
                    throw SpendAssignmentsError(path: path, position: at,
                                                problem: "the entry for \(id) needs exactly one of `line:` (a line id) or `not_for_care:` (the reason)")
                }
            }
        }
        return out
    }

    /// The file's text, entries sorted by id.
    public static func render(_ entries: [String: Assignment]) -> String {
        let items: [OutNode] = entries.keys.sorted().map { id in
            switch entries[id]! {
            case .line(let l): return .map([("id", .text(id)), ("line", .text(l))])
            case .notForCare(let r): return .map([("id", .text(id)), ("not_for_care", .text(r))])
            }
        }
        return "# What each transaction that matched no line of the plan was for (supportplan spend assign).\n"
            + YAMLEmitter.document([("assigned", items.isEmpty ? .empty(list: true) : .block(items))])
    }

    /// Reads `folder/assigned.yaml`; none when the file does not exist.
    public static func load(folder: String) throws -> [String: Assignment] {
        let path = folder + "/" + fileName
        guard AtomicFile.exists(path) else { return [:] }
        let bytes = try AtomicFile.read(path)
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Writes `folder/assigned.yaml` atomically (the folder is made if missing), 0600 (or the
    /// store's group mode) whatever mode it had; a symbolic link there is replaced by the file,
    /// never written through.
    public static func save(_ entries: [String: Assignment], folder: String) throws {
        if !AtomicFile.isFolder(folder) { try AtomicFile.makeFolder(folder) }
        try AtomicFile.write(Array(render(entries).utf8), to: folder + "/" + fileName, exactMode: FileModes.file,
                             followLinks: false)
    }
}
