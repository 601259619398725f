/// Reads one mapping of a plan file into typed values, reporting every problem with its
/// position and keeping what it cannot read (so a save loses nothing).

/// Collects findings and the position of every path while a file is read.
final class ReadContext {
    var findings: [Finding] = []
    var positions: [String: Position] = [:]
    /// The file's comments, given to the keys and items that read them (nil: not kept).
    var comments: CommentMap?

    func report(_ rule: RuleID, _ path: String, at position: Position, _ message: String, plain: String) {
        findings.append(Finding(rule, path: path, position: position, message: message, plain: plain))
    }
}

/// A reader over one mapping node. Call its typed getters once per known key.
final class FieldReader {
    let ctx: ReadContext
    let path: String
    let position: Position
    private var pairs: [String: YAMLPair] = [:]
    var kept = Kept()

    /// Reads `node` as a mapping at `path`; reports unknown keys (with a suggestion) and a
    /// value that is not a mapping at all.
    init(_ node: YAMLNode?, path: String, known: [String], ctx: ReadContext, section: String) {
        self.ctx = ctx
        self.path = path
        self.position = node?.position ?? .start
        guard let node, !node.isAbsent else { return }
        guard case .mapping(let list, _) = node else {
            ctx.report(.fieldInvalid, path, at: node.position,
                       "\(section) should be a set of `key: value` lines, not \(FieldReader.kindWords(node))",
                       plain: "This part of the plan is not written the right way.")
            return
        }
        for pair in list {
            kept.order.append(pair.key)
            pairs[pair.key] = pair
            takeNotes(pair)
            ctx.positions[child(pair.key)] = pair.value.isScalar ? pair.value.position : pair.keyPosition
            if !known.contains(pair.key) {
                keepRaw(pair.key, pair.value)
                let hint = nearest(pair.key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                ctx.report(.unknownField, child(pair.key), at: pair.keyPosition,
                           "'\(pair.key)' is not a field of \(section)\(hint). It is kept as written.",
                           plain: "There is a heading here the program does not know: '\(pair.key)'.")
            }
        }
    }

    /// The comments at a key and at the items of its list (a list of entries gives its
    /// entries' comments to each entry's own reader).
    private func takeNotes(_ pair: YAMLPair) {
        guard let comments = ctx.comments else { return }
        if let n = comments.take(pair.keyPosition.line) { kept.notes[pair.key] = n }
        guard case .sequence(let list, _) = pair.value else { return }
        var found: [ItemNote] = []
        for item in list {
            guard case .scalar(let text, _, let at) = item, let n = comments.take(at.line) else { continue }
            found.append(ItemNote(text: text, note: n))
        }
        if !found.isEmpty { kept.items[pair.key] = found }
    }

    /// Keeps a value as written, with the comments inside it.
    func keepRaw(_ key: String, _ value: YAMLNode?) {
        kept.raw[key] = value
        if let value, let comments = ctx.comments { kept.inner.merge(comments.takeAll(in: value)) { a, _ in a } }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func kindWords(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s, _, _): return "the text '\(s)'"
        case .sequence: return "a list"
        case .mapping: return "a set of fields"
        }
    }

    /// The value of `key`, or nil when absent.
    func node(_ key: String) -> YAMLNode? {
        guard let v = pairs[key]?.value, !v.isAbsent else { return nil }
        return v
    }

    /// The key is written, even with an absent value (`[]`, `""`).
    func has(_ key: String) -> Bool { pairs[key] != nil }

    func keyPosition(_ key: String) -> Position { pairs[key]?.keyPosition ?? position }

    /// Keeps the written value and reports it as unreadable.
    private func reject(_ key: String, _ value: YAMLNode, _ rule: RuleID, _ message: String, plain: String) {
        keepRaw(key, value)
        ctx.report(rule, child(key), at: value.position, message, plain: plain)
    }

    /// A scalar's text; a list or mapping where text belongs is `field-invalid`.
    func scalar(_ key: String, what: @autoclosure () -> String = "text") -> String? {
        guard let v = node(key) else { return nil }
        guard let s = v.text else {
            reject(key, v, .fieldInvalid, "'\(key)' should be \(what()), not \(FieldReader.kindWords(v))",
                   plain: "'\(key)' is not filled in the right way.")
            return nil
        }
        return s
    }

    func text(_ key: String) -> String? { scalar(key) }

    func word<W: PlanWord>(_ key: String, _: W.Type) -> W? {
        guard let s = scalar(key, what: "one of: \(W.allCases.map(\.rawValue).joined(separator: ", "))") else { return nil }
        if let w = W(rawValue: s) { return w }
        let allowed = W.allCases.map(\.rawValue)
        let hint = nearest(s, in: allowed).map { " Did you mean '\($0)'?" } ?? ""
        reject(key, node(key)!, .fieldInvalid,
               "'\(key)' is '\(s)', which is not one of: \(allowed.joined(separator: ", ")).\(hint)",
               plain: "'\(s)' is not one of the words that can go here.")
        return nil
    }

    func money(_ key: String) -> Money? {
        guard let s = scalar(key, what: "an amount of money") else { return nil }
        switch Money.parse(s) {
        case .success(let m): return m
        case .failure(let p):
            reject(key, node(key)!, .moneyInvalid, "'\(key)' is '\(s)', which \(p.words)",
                   plain: "The amount '\(s)' cannot be read. Write it like 24.10.")
            return nil
        }
    }

    func hundredths(_ key: String, what: String) -> Hundredths? {
        guard let s = scalar(key, what: what) else { return nil }
        switch Hundredths.parse(s) {
        case .success(let q): return q
        case .failure(let p):
            let words: String
            switch p {
            case .tooManyDecimals: words = "has more than two decimal places"
            case .negative: words = "is negative"
            case .tooLarge: words = "is too large"
            default: words = "is not a number"
            }
            reject(key, node(key)!, .fieldInvalid, "'\(key)' is '\(s)', which \(words); write \(what) like 7 or 7.5",
                   plain: "The number '\(s)' cannot be read. Write it like 7 or 7.5.")
            return nil
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>, what: String) -> Int? {
        guard let s = scalar(key, what: what) else { return nil }
        if s.allSatisfy(\.isASCIIDigit), s.count <= 9, let n = Int(s), range.contains(n) { return n }
        reject(key, node(key)!, .fieldInvalid,
               "'\(key)' is '\(s)'; it should be \(what), a whole number from \(range.lowerBound) to \(range.upperBound)",
               plain: "'\(s)' is not the right kind of number for '\(key)'.")
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let s = scalar(key, what: "true or false") else { return nil }
        if s == "true" { return true }
        if s == "false" { return false }
        reject(key, node(key)!, .fieldInvalid, "'\(key)' is '\(s)'; it should be true or false",
               plain: "Write true (yes) or false (no) for '\(key)'.")
        return nil
    }

    func date(_ key: String) -> PlanDate? {
        guard let s = scalar(key, what: "a date (YYYY-MM-DD)") else { return nil }
        if let d = PlanDate(s) { return d }
        reject(key, node(key)!, .dateInvalid, "'\(key)' is '\(s)', which is not a real date written YYYY-MM-DD",
               plain: "The date '\(s)' cannot be read. Write it like 2026-12-01 (year, month, day).")
        return nil
    }

    /// A list's items with their paths; a single scalar reads as a list of one.
    func items(_ key: String) -> [(YAMLNode, String)] {
        guard let v = node(key) else { return [] }
        switch v {
        case .sequence(let list, _):
            return list.enumerated().map { i, item in
                let itemPath = "\(child(key))[\(i)]"
                ctx.positions[itemPath] = item.position
                return (item, itemPath)
            }
        case .scalar:
            ctx.positions["\(child(key))[0]"] = v.position
            return [(v, "\(child(key))[0]")]
        case .mapping:
            reject(key, v, .fieldInvalid, "'\(key)' should be a list (lines starting with '- '), not a set of fields",
                   plain: "'\(key)' should be a list.")
            return []
        }
    }

    /// A list of text lines (each item a scalar).
    func texts(_ key: String) -> [String] {
        var out: [String] = []
        for (item, itemPath) in items(key) {
            guard let s = item.text else {
                keepRaw(key, node(key))
                ctx.report(.fieldInvalid, itemPath, at: item.position, "each item of '\(key)' should be a line of text",
                           plain: "Each item of this list should be one line of words.")
                return []
            }
            if !item.isAbsent { out.append(s) }
        }
        return out
    }

    func words<W: PlanWord>(_ key: String, _: W.Type) -> [W] {
        let allowed = W.allCases.map(\.rawValue)
        var out: [W] = []
        var bad = false
        for (item, itemPath) in items(key) {
            guard let s = item.text, let w = W(rawValue: s) else {
                bad = true
                let hint = item.text.flatMap { nearest($0, in: allowed) }.map { " Did you mean '\($0)'?" } ?? ""
                ctx.report(.fieldInvalid, itemPath, at: item.position,
                           "'\(item.text ?? "this item")' is not one of: \(allowed.joined(separator: ", ")).\(hint)",
                           plain: "One of the words in '\(key)' is not one that can go here.")
                continue
            }
            out.append(w)
        }
        if bad { keepRaw(key, node(key)) }
        return bad ? [] : out
    }

    /// Mappings in a list, each read by `read`.
    func list<T>(_ key: String, section: String, known: [String]? = nil, _ read: (FieldReader) -> T) -> [T] {
        guard let v = node(key) else { return [] }
        guard case .sequence(let list, _) = v else {
            reject(key, v, .fieldInvalid, "'\(key)' should be a list of entries, each starting with '- '",
                   plain: "'\(key)' should be a list.")
            return []
        }
        return list.enumerated().map { i, item in
            ctx.positions["\(child(key))[\(i)]"] = item.position
            return read(FieldReader(item, path: "\(child(key))[\(i)]", known: known ?? knownKeys[key] ?? [], ctx: ctx, section: section))
        }
    }

    func section(_ key: String, known: [String], name: String) -> FieldReader {
        FieldReader(node(key), path: child(key), known: known, ctx: ctx, section: name)
    }

    private var knownKeys: [String: [String]] {
        ["planned_with": Schema.participant, "needs": Schema.need, "outcomes": Schema.outcome,
         "supports": Schema.support, "risks": Schema.risk, "contingency": Schema.contingency,
         "acknowledged": Schema.acknowledgement, "employees": Schema.employee, "rate_changes": Schema.rateChange]
    }
}

extension YAMLNode {
    var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}

