/// Parses YAML text into a `YAMLNode` tree with Yams (libyaml), with no tag resolution.
///
/// A syntax fault becomes a `YAMLSyntaxError` with the line and column libyaml gives.
/// Duplicate keys are a syntax fault too (YAML forbids them); Yams reports the first
/// occurrence, so the reader finds the repeated key's own line to point at.
import Yams

public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var position: Position
    public var problem: String
}

public enum YAMLReader {
    /// Parses one YAML document. Empty text gives nil.
    public static func parse(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
        } catch let error as YamlError {
            throw syntaxError(from: error, in: text)
        } catch {
            throw YAMLSyntaxError(position: .start, problem: "\(error)")
        }
        guard let node else { return nil }
        return convert(node)
    }

    static func convert(_ node: Node) -> YAMLNode {
        switch node {
        case .scalar(let s):
            return .scalar(s.string, style(of: s.style), position(s.mark))
        case .sequence(let seq):
            return .sequence(seq.map(convert), position(seq.mark))
        case .mapping(let map):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(map.count)
            for (k, v) in map {
                let keyText = k.scalar?.string ?? "(a key that is not text)"
                pairs.append(YAMLPair(key: keyText, keyPosition: position(k.mark), value: convert(v)))
            }
            return .mapping(pairs, position(map.mark))
        case .alias(let alias):
            return .scalar("*\(alias.anchor)", .plain, position(alias.mark))
        }
    }

    private static func position(_ mark: Mark?) -> Position {
        guard let mark else { return .start }
        return Position(line: mark.line, column: mark.column)
    }

    private static func style(of style: Node.Scalar.Style) -> YAMLNode.ScalarStyle {
        switch style {
        case .singleQuoted: return .singleQuoted
        case .doubleQuoted: return .doubleQuoted
        case .literal: return .literal
        case .folded: return .folded
        default: return .plain
        }
    }

    static func syntaxError(from error: YamlError, in text: String) -> YAMLSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var words = problem
            if let context { words += " (\(context.text))" }
            return YAMLSyntaxError(position: Position(line: mark.line, column: mark.column), problem: words)
        case .reader(let problem, let offset, _, _):
            return YAMLSyntaxError(position: offset.map { position(ofByte: $0, in: text) } ?? .start,
                                   problem: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = Position(line: context.mark.line, column: context.mark.column)
            let at = repeatedKey(key, after: first, in: text) ?? first
            return YAMLSyntaxError(position: at,
                                   problem: "the key '\(key)' appears twice in the same section; keep one")
        default:
            return YAMLSyntaxError(position: .start, problem: "\(error)")
        }
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

    static func position(ofByte offset: Int, in text: String) -> Position {
        var line = 1, column = 1, seen = 0
        for scalar in text.unicodeScalars {
            if seen >= offset { break }
            seen += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Position(line: line, column: column)
    }
}
