/// Parses YAML text into a `YAMLNode` tree straight from libyaml's events (the C library
/// Yams bundles), with no tag resolution and no intermediate Yams `Node` tree.
///
/// A syntax fault becomes a `YAMLSyntaxError` with the line and column libyaml gives.
/// Duplicate keys are a syntax fault too (YAML forbids them); the first occurrence is known,
/// so the reader finds the repeated key's own line to point at. Plan and config files are
/// read under `YAMLLimits`: anchors and aliases are refused (a few hundred bytes of aliases
/// expand to gigabytes), and so are nesting deeper and more values than any plan needs, each
/// at the line and column where the limit is crossed.
import CYaml

/// Where one scalar lies in the text: 0-based lines and columns (columns in Unicode scalars,
/// as libyaml counts them), the end just past it. A block scalar (`|`, `>`) starts at its
/// indicator; its text starts on the next line.
public struct ScalarSpan: Sendable, Equatable {
    public var startLine: Int, startColumn: Int
    public var endLine: Int, endColumn: Int
    public var isBlock: Bool
}

public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var position: Position
    public var problem: String
}

public enum YAMLReader {
    /// Parses one YAML document. Empty text (or only comments) gives nil.
    public static func parse(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        try compose(text, recordingSpans: false).root
    }

    /// Parses one document and gives where every scalar lies in the text, so that what lies
    /// outside them (comments) can be found: see `CommentMap`.
    public static func parseWithSpans(_ text: String) throws(YAMLSyntaxError) -> (root: YAMLNode?, spans: [ScalarSpan]) {
        try compose(text, recordingSpans: true)
    }

    private static func compose(_ text: String, recordingSpans: Bool) throws(YAMLSyntaxError)
        -> (root: YAMLNode?, spans: [ScalarSpan]) {
        var bytes = text
        let result: Result<(root: YAMLNode?, spans: [ScalarSpan]), YAMLSyntaxError> = bytes.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .success((nil, [])) }
            var composer = EventComposer(base: base, count: buffer.count, text: text)
            composer.recordsSpans = recordingSpans
            defer { composer.close() }
            do throws(YAMLSyntaxError) {
                let root = try composer.document()
                return .success((root, composer.spans))
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The next line after `first` that holds `key:` at the same column.
    static func repeatedKey(_ key: String, after first: Position, in text: String) -> Position? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > first.line else { continue }
            let chars = Array(line)
            var col = 0
            while col < chars.count, chars[col] == " " || chars[col] == "-" { col += 1 }
            guard col + 1 == first.column else { continue }
            let rest = String(chars[col...])
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return Position(line: lineNumber, column: col + 1)
            }
        }
        return nil
    }

    /// The line and column of a byte offset into the text (columns count Unicode scalars, as
    /// libyaml's do).
    static func position(ofByte offset: Int, in text: String) -> Position {
        var line = 1, column = 1, seen = 0
        for scalar in text.unicodeScalars {
            if seen >= offset { break }
            seen += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Position(line: line, column: column)
    }
}

/// Builds the tree from libyaml's event stream without recursion (an explicit stack of open
/// collections), checking the limits as each event arrives.
struct EventComposer {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let text: String
    private var stack: [OpenCollection] = []
    private var root: YAMLNode?
    private var values = 0
    private var collections = 0
    /// Kept only when asked for (the plan reader asks, to keep the file's comments).
    var recordsSpans = false
    var spans: [ScalarSpan] = []

    /// A sequence or mapping whose end event has not come yet.
    private struct OpenCollection {
        var isMapping: Bool
        var position: Position
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// The key read, waiting for its value.
        var pendingKey: (text: String, position: Position, identity: KeyIdentity)?
        /// Every key so far, for the duplicate check at the mapping's end.
        var keys: [(identity: KeyIdentity, position: Position)] = []
        /// The keys as a set, once there are 16 of them.
        var seen: Set<KeyIdentity> = []
        var hasDuplicate = false
    }

    /// What makes two keys the same key: their text and tag (a tag other than `!!str` makes
    /// a different key), or for a key that is a collection, its content.
    private struct KeyIdentity: Hashable {
        var tag: String?
        var text: String
        var isScalar: Bool
    }

    init(base: UnsafePointer<UInt8>, count: Int, text: String) {
        self.text = text
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, count)
    }

    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The one document of the stream, or nil for an empty stream.
    mutating func document() throws(YAMLSyntaxError) -> YAMLNode? {
        try next()                      // stream start
        yaml_event_delete(event)
        try next()
        if event.pointee.type == YAML_STREAM_END_EVENT { yaml_event_delete(event); return nil }
        yaml_event_delete(event)        // document start
        repeat {
            try next()
            defer { yaml_event_delete(event) }
            try take()
        } while root == nil
        try next()                      // document end
        yaml_event_delete(event)
        try next()
        defer { yaml_event_delete(event) }
        guard event.pointee.type == YAML_STREAM_END_EVENT else {
            throw YAMLSyntaxError(position: start(of: event),
                                  problem: "but found another document (expected a single document in the stream)")
        }
        return root
    }

    /// Takes one node event: opens or closes a collection, or adds a scalar.
    private mutating func take() throws(YAMLSyntaxError) {
        let e = event.pointee
        switch e.type {
        case YAML_SCALAR_EVENT:
            let s = e.data.scalar
            try refuseAnchor(s.anchor)
            try count()
            var bytes = UnsafeBufferPointer(start: s.value, count: s.length)
            // A byte-order mark opening a scalar is dropped, as Yams (through Foundation) did.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            let value = String(decoding: bytes, as: UTF8.self)
            if recordsSpans {
                let a = e.start_mark, b = e.end_mark
                spans.append(ScalarSpan(startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column,
                                        isBlock: s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE))
            }
            var tag: String?
            if s.quoted_implicit != 1, let t = s.tag {
                let name = String(cString: t)
                if name != "!" && name != "tag:yaml.org,2002:str" { tag = name }
            }
            try add(.scalar(value, Self.style(s.style), start(of: event)),
                    identity: KeyIdentity(tag: tag, text: value, isScalar: true))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = e.type == YAML_MAPPING_START_EVENT
            try refuseAnchor(isMapping ? e.data.mapping_start.anchor : e.data.sequence_start.anchor)
            try count()
            collections += 1
            if collections > YAMLLimits.collections {
                throw YAMLSyntaxError(position: start(of: event), problem:
                    "the file holds more than \(YAMLLimits.collections) lists and sections; no plan needs so many, so it is not read")
            }
            if stack.count >= YAMLLimits.depth {
                throw YAMLSyntaxError(position: start(of: event), problem:
                    "lists and sections are nested more than \(YAMLLimits.depth) deep here; a plan needs only a few levels")
            }
            stack.append(OpenCollection(isMapping: isMapping, position: start(of: event)))
        case YAML_SEQUENCE_END_EVENT:
            let done = stack.removeLast()
            try add(.sequence(done.items, done.position), identity: nil)
        case YAML_MAPPING_END_EVENT:
            let done = stack.removeLast()
            if done.hasDuplicate { throw duplicateKey(in: done) }
            try add(.mapping(done.pairs, done.position), identity: nil)
        case YAML_ALIAS_EVENT:
            throw YAMLSyntaxError(position: start(of: event), problem:
                "an alias (*\(Self.name(e.data.alias.anchor))) repeats a value marked elsewhere; plan and config files do not use anchors or aliases, so write the value out in full")
        default:
            throw YAMLSyntaxError(position: start(of: event), problem: "unexpected YAML event")
        }
    }

    private mutating func add(_ node: YAMLNode, identity: KeyIdentity?) throws(YAMLSyntaxError) {
        guard !stack.isEmpty else { root = node; return }
        let top = stack.count - 1
        guard stack[top].isMapping else { stack[top].items.append(node); return }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key.text, keyPosition: key.position, value: node))
            stack[top].pendingKey = nil
            return
        }
        let id = identity ?? KeyIdentity(tag: nil, text: Self.content(node), isScalar: false)
        stack[top].pendingKey = (node.text ?? "(a key that is not text)", node.position, id)
        // A repeat is looked for among the keys so far: one by one in a small mapping,
        // in a set once the mapping has 16 keys.
        let n = stack[top].keys.count
        if !stack[top].hasDuplicate {
            if n < 16 {
                for k in stack[top].keys where k.identity == id { stack[top].hasDuplicate = true; break }
            } else {
                if n == 16 { stack[top].seen = Set(stack[top].keys.map(\.identity)) }
                if !stack[top].seen.insert(id).inserted { stack[top].hasDuplicate = true }
            }
        }
        stack[top].keys.append((id, node.position))
    }

    /// The first (in text order of key) repeated key, placed at its second occurrence, as
    /// Yams did: of the repeated keys, the smallest text.
    private func duplicateKey(in mapping: OpenCollection) -> YAMLSyntaxError {
        var firstAt: [KeyIdentity: Position] = [:], counts: [KeyIdentity: Int] = [:]
        for (id, position) in mapping.keys {
            if firstAt[id] == nil { firstAt[id] = position }
            counts[id, default: 0] += 1
        }
        let repeated = counts.filter { $0.value > 1 }.keys.sorted { a, b in
            a.isScalar != b.isScalar ? a.isScalar : a.text < b.text
        }
        let id = repeated[0]
        let key = id.isScalar ? id.text : "<uncovertable>"
        let first = firstAt[id]!
        let at = YAMLReader.repeatedKey(key, after: first, in: text) ?? first
        return YAMLSyntaxError(position: at, problem: "the key '\(key)' appears twice in the same section; keep one")
    }

    private mutating func count() throws(YAMLSyntaxError) {
        values += 1
        if values > YAMLLimits.values {
            throw YAMLSyntaxError(position: start(of: event), problem:
                "the file holds more than \(YAMLLimits.values) values; no plan needs so many, so it is not read")
        }
    }

    private func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?) throws(YAMLSyntaxError) {
        guard let anchor else { return }
        throw YAMLSyntaxError(position: start(of: event), problem:
            "an anchor (&\(Self.name(anchor))) marks a value to repeat elsewhere; plan and config files do not use anchors or aliases, so write each value out in full")
    }

    /// Reads the next event into `event`, or throws libyaml's error.
    private func next() throws(YAMLSyntaxError) {
        guard yaml_parser_parse(parser, event) == 1 else { throw error() }
    }

    private func error() -> YAMLSyntaxError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "the YAML cannot be read"
        switch p.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxError(position: YAMLReader.position(ofByte: p.problem_offset, in: text), problem: problem)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            // libyaml's own limit on nesting (1,000 levels), met while it looks ahead.
            var words = problem.hasPrefix("Maximum nesting level reached")
                ? "lists and sections are nested more than \(YAMLLimits.depth) deep here; a plan needs only a few levels"
                : problem
            if let context = p.context { words += " (\(String(cString: context)))" }
            return YAMLSyntaxError(position: Position(line: p.problem_mark.line + 1, column: p.problem_mark.column + 1),
                                   problem: words)
        case YAML_MEMORY_ERROR:
            return YAMLSyntaxError(position: .start, problem: "Memory error")
        default:
            return YAMLSyntaxError(position: .start, problem: problem)
        }
    }

    private func start(of event: UnsafeMutablePointer<yaml_event_t>) -> Position {
        Position(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// An anchor's name for a message (libyaml allows only letters, digits, `-` and `_`), cut short.
    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let anchor else { return "" }
        let name = String(cString: anchor)
        return name.count > 40 ? String(name.prefix(40)) + "…" : name
    }

    /// A collection used as a key, written out so that equal content compares equal.
    private static func content(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s, _, _): return "s\(s.utf8.count):\(s)"
        case .sequence(let items, _): return "[" + items.map(content).joined(separator: ",") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { "s\($0.key.utf8.count):\($0.key)=" + content($0.value) }.joined(separator: ",") + "}"
        }
    }
}
