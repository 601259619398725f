/// The YAML layer read from libyaml's events gives the same trees and the same errors as the
/// Yams `Node` tree it replaced, on thousands of mutated plans and random texts; and it refuses
/// anchors, aliases, deep nesting and too many values at once, each at a line and column.
import Foundation
import PropertyBased
import Testing
import Yams
@testable import PlanCore

@Suite struct YAMLReaderTests {
    // MARK: the same answers as the Yams tree

    /// The reader as it was: Yams composes a `Node` tree, which is then copied.
    enum YamsReference {
        enum Outcome: Equatable {
            case tree(YAMLNode?)
            case error(YAMLSyntaxError)
            /// libyaml's reader refused a byte: Yams gave its offset in `Character`s.
            case readerError(problem: String, characterOffset: Int?)
        }

        static func parse(_ text: String) -> Outcome {
            do {
                guard let node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else { return .tree(nil) }
                return .tree(convert(node))
            } catch let error as YamlError {
                switch error {
                case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                     .composer(let context, let problem, let mark, _):
                    var words = problem
                    if let context { words += " (\(context.text))" }
                    return .error(YAMLSyntaxError(position: Position(line: mark.line, column: mark.column), problem: words))
                case .reader(let problem, let offset, _, _):
                    return .readerError(problem: problem, characterOffset: offset)
                case .duplicatedKeysInMapping(let duplicates, let context):
                    let key = duplicates.first ?? ""
                    let first = Position(line: context.mark.line, column: context.mark.column)
                    let at = YAMLReader.repeatedKey(key, after: first, in: text) ?? first
                    return .error(YAMLSyntaxError(position: at, problem: "the key '\(key)' appears twice in the same section; keep one"))
                default:
                    return .error(YAMLSyntaxError(position: .start, problem: "\(error)"))
                }
            } catch {
                return .error(YAMLSyntaxError(position: .start, problem: "\(error)"))
            }
        }

        static func convert(_ node: Node) -> YAMLNode {
            switch node {
            case .scalar(let s):
                let style: YAMLNode.ScalarStyle = switch s.style {
                case .singleQuoted: .singleQuoted
                case .doubleQuoted: .doubleQuoted
                case .literal: .literal
                case .folded: .folded
                default: .plain
                }
                return .scalar(s.string, style, position(s.mark))
            case .sequence(let seq): return .sequence(seq.map(convert), position(seq.mark))
            case .mapping(let map):
                return .mapping(map.map { k, v in
                    YAMLPair(key: k.scalar?.string ?? "(a key that is not text)", keyPosition: position(k.mark), value: convert(v))
                }, position(map.mark))
            case .alias(let alias): return .scalar("*\(alias.anchor)", .plain, position(alias.mark))
            }
        }

        static func position(_ mark: Mark?) -> Position {
            mark.map { Position(line: $0.line, column: $0.column) } ?? .start
        }
    }

    /// True when the text may hold an anchor or an alias (which only the new reader refuses).
    static func mayHoldAnchors(_ text: String) -> Bool { text.contains("&") || text.contains("*") }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let new: Result<YAMLNode?, YAMLSyntaxError>
        do throws(YAMLSyntaxError) { new = .success(try YAMLReader.parse(text)) } catch { new = .failure(error) }
        if case .failure(let e) = new, e.problem.contains("anchor") || e.problem.contains("alias") {
            #expect(mayHoldAnchors(text), "refused an anchor in a text without one: \(e)", sourceLocation: sourceLocation)
            return
        }
        switch (YamsReference.parse(text), new) {
        case (.tree(let a), .success(let b)):
            #expect(a == b, "trees differ for:\n\(text)", sourceLocation: sourceLocation)
        case (.error(let a), .failure(let b)):
            #expect(a == b, "errors differ for:\n\(text)", sourceLocation: sourceLocation)
        case (.readerError(let problem, let offset), .failure(let b)):
            #expect(b.problem == problem, sourceLocation: sourceLocation)
            // The reader placed at the refused character itself (Yams gave a count of characters).
            if let offset {
                let before = text[..<text.index(text.startIndex, offsetBy: offset)].unicodeScalars
                let line = before.filter { $0 == "\n" }.count + 1
                let column = before.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
                #expect(b.position == Position(line: line, column: column), "\(text.debugDescription)", sourceLocation: sourceLocation)
            }
        case (.tree(let a), .failure(let b)):
            // Only an alias (refused above) or a limit may turn a tree into an error.
            Issue.record("new reader refused what Yams read: \(b) (Yams: \(String(describing: a)))", sourceLocation: sourceLocation)
        case (let a, .success):
            Issue.record("new reader read what Yams refused: \(a)", sourceLocation: sourceLocation)
        }
    }

    @Test func examplesAndTemplatesReadTheSame() throws {
        for url in Paths.examples + Paths.templates { YAMLReaderTests.expectSame(try Paths.text(url)) }
    }

    @Test func mutatedExamplesReadTheSame() async {
        let examples = Paths.examples.compactMap { try? Paths.text($0) }
        await propertyCheck(count: 1500, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
            for example in examples { YAMLReaderTests.expectSame(PlanMutator.mutate(example, seed: seed)) }
        }
    }

    @Test func randomTextsReadTheSame() async {
        let alphabet = Gen.element(of: Array(" \n\n\n  -:-:,[]{}'\"#|>!?%@`\\tab1.~é日\u{1}\r\u{85}\u{FEFF}")).map { $0 ?? " " }
        await propertyCheck(count: 3000, input: alphabet.string(of: 0...120)) { text in
            YAMLReaderTests.expectSame(text)
            YAMLReaderTests.expectSame("a:\n  " + text.replacingOccurrences(of: "\n", with: "\n  "))
        }
    }

    @Test(arguments: [
        "a: 1\na: 2\n", "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "? [x]\n: 1\n? [x]\n: 2\n", "b: 1\na: 1\nb: 2\na: 2\n",
        "x: 1\n!!str x: 2\n", "x: 1\n!t x: 2\n", "'x': 1\n\"x\": 2\n", "--- a\n--- b\n", "", "# only a comment\n",
        "---\n", "a: !!binary aGk=\n", "%TAG !e! tag:example.com,2000:\n--- !e!plan\na: 1\n",
        "a: [1, 2\n", "a:\n\t- 1\n", "- a\nb: 1\n",
    ])
    func edgeCasesReadTheSame(_ text: String) {
        YAMLReaderTests.expectSame(text)
    }

    // MARK: limits

    static func refusal(_ text: String) -> YAMLSyntaxError? {
        do throws(YAMLSyntaxError) { _ = try YAMLReader.parse(text); return nil } catch { return error }
    }

    @Test(arguments: [
        ("name: &n Mary\nnick: *n\n", 1, 7, "anchor (&n)"),                       // scalar
        ("person: &p\n  name: Mary\ncarer: *p\n", 1, 9, "anchor (&p)"),           // block mapping
        ("needs: &l [N1, N2]\nmore: *l\n", 1, 8, "anchor (&l)"),                 // flow sequence
        ("needs: &l\n  - N1\nmore: *l\n", 1, 8, "anchor (&l)"),                   // block sequence
        ("a: {x: &v 1}\n", 1, 8, "anchor (&v)"),                                   // in a flow mapping
        ("&top\nformat: supportplan/1\n", 1, 1, "anchor (&top)"),                  // the whole document
        ("a: 1\nb: *nowhere\n", 2, 4, "alias (*nowhere)"),                         // an alias with no anchor
        ("- *x\n", 1, 3, "alias (*x)"),
        ("? &k key\n: 1\n", 1, 3, "anchor (&k)"),                                  // on a key
    ])
    func anchorsAndAliasesAreRefusedWhereTheyStand(_ text: String, line: Int, column: Int, words: String) throws {
        let e = try #require(YAMLReaderTests.refusal(text))
        #expect(e.position == Position(line: line, column: column), "\(e)")
        #expect(e.problem.contains(words), "\(e)")
        let r = PlanReader.read(text)
        #expect(r.isUnparseable && r.findings.map(\.rule) == [.syntax])
        #expect(r.findings.first?.position == Position(line: line, column: column))
    }

    /// "Billion laughs": each level an alias list of the one before. Refused at the first
    /// anchor, before any expansion, however many levels follow.
    @Test(arguments: [3, 9, 40])
    func aliasChainsAreRefusedAtTheFirstAnchor(_ levels: Int) {
        var text = "format: supportplan/1\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for i in 1..<levels {
            text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock(), start = clock.now
        let r = Checker.check(text: text, file: "laughs.yaml")
        #expect(clock.now - start < .seconds(1))
        #expect(r.unreadable && r.findings.count == 1 && r.findings[0].rule == .syntax)
        #expect(r.findings[0].position == Position(line: 2, column: 5))
        let config = PolicyReader.read(text).1
        #expect(config.map(\.rule) == [.syntax] && config.first?.position == Position(line: 2, column: 5))
    }

    @Test(arguments: [YAMLLimits.depth - 1, YAMLLimits.depth, YAMLLimits.depth + 1, 5000])
    func deepFlowNestingIsRefusedAtTheLevelTooDeep(_ depth: Int) {
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let e = YAMLReaderTests.refusal(text)
        // The top mapping is one level: `depth` lists inside it.
        if depth + 1 <= YAMLLimits.depth {
            #expect(e == nil)
        } else if depth > 1000 {
            // libyaml's own limit meets it first, looking ahead: still refused on its line.
            #expect(e?.position.line == 1 && e?.problem.contains("nested more than") == true, "\(String(describing: e))")
        } else {
            #expect(e?.position == Position(line: 1, column: 4 + YAMLLimits.depth - 1), "\(String(describing: e))")
            #expect(e?.problem.contains("nested more than") == true)
        }
    }

    @Test(arguments: [YAMLLimits.depth, YAMLLimits.depth + 1, 900])
    func deepBlockNestingIsRefusedAtTheLevelTooDeep(_ depth: Int) {
        var text = ""
        for level in 0..<depth { text += String(repeating: " ", count: level) + "k:\n" }
        text += String(repeating: " ", count: depth) + "v\n"
        let e = YAMLReaderTests.refusal(text)
        if depth <= YAMLLimits.depth {
            #expect(e == nil)
        } else {
            #expect(e?.position == Position(line: YAMLLimits.depth + 1, column: YAMLLimits.depth + 1), "\(String(describing: e))")
        }
    }

    @Test func tooManyValuesAreRefusedAtTheFirstOneTooMany() {
        let n = YAMLLimits.values
        // A top mapping (1 value) with a key (1) and a list (1) of numbers.
        let fits = "a: [" + Array(repeating: "1", count: n - 3).joined(separator: ",") + "]\n"
        #expect(YAMLReaderTests.refusal(fits) == nil)
        let over = "a: [" + Array(repeating: "1", count: n - 2).joined(separator: ",") + "]\n"
        let e = YAMLReaderTests.refusal(over)
        #expect(e?.position == Position(line: 1, column: 5 + 2 * (n - 3)), "\(String(describing: e))")
        #expect(e?.problem.contains("more than \(n) values") == true)
    }

    @Test func tooManyListsAndSectionsAreRefusedAtTheFirstOneTooMany() {
        let n = YAMLLimits.collections
        // The top mapping and the list are two: `n - 2` sections fit.
        let fits = "a: [" + Array(repeating: "{}", count: n - 2).joined(separator: ",") + "]\n"
        #expect(YAMLReaderTests.refusal(fits) == nil)
        let over = "a: [" + Array(repeating: "{}", count: n - 1).joined(separator: ",") + "]\n"
        let e = YAMLReaderTests.refusal(over)
        #expect(e?.position == Position(line: 1, column: 5 + 3 * (n - 2)), "\(String(describing: e))")
        #expect(e?.problem.contains("more than \(n) lists and sections") == true)
        let blocks = "a:\n" + String(repeating: "  - []\n", count: n - 1)
        #expect(YAMLReaderTests.refusal(blocks)?.position == Position(line: n, column: 5))
    }

    @Test func manyDocumentsAreRefusedAtTheSecond() {
        let text = "format: supportplan/1\n" + String(repeating: "---\na: 1\n", count: 10_000)
        let r = PlanReader.read(text)
        #expect(r.isUnparseable)
        #expect(r.findings.first?.position == Position(line: 2, column: 1))
    }

    @Test func longKeysAreRefusedOrReadAtTheirLine() {
        let key = String(repeating: "k", count: 2000)
        let r = PlanReader.read("format: supportplan/1\n\(key): 1\n")
        #expect(r.isUnparseable && r.findings.first?.position?.line == 2)
        let flow = PlanReader.read("format: supportplan/1\nx: {\(key): 1}\n")
        #expect(flow.findings.allSatisfy { $0.position != nil })
    }

    /// An anchor alone after a list's dash marks the section below it: refused at the anchor.
    @Test func anAnchorBeforeItsSectionIsRefusedAtTheAnchor() {
        let e = YAMLReaderTests.refusal("needs:\n  - &n\n    id: N1\n  - id: N2\n")
        #expect(e?.position == Position(line: 2, column: 5) && e?.problem.contains("anchor (&n)") == true)
    }

    @Test func tagsAreIgnoredAndTheTextKept() throws {
        let node = try YAMLReader.parse("a: !!binary aGk=\nb: !custom 12\nc: !!str 5\n")
        guard case .mapping(let pairs, _)? = node else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.value.text) == ["aGk=", "12", "5"])
    }
}
