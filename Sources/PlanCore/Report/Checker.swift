/// Checks one plan file: read it, cost it, run every rule, apply acknowledgements and place
/// each finding at its line and column. The same result feeds `check`, `totals` and the UI.
/// `Checker.inParallel` checks many files on several threads, results in file order.
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct CheckResult: Sendable {
    public var file: String
    public var plan: Plan?
    /// Every finding, sorted by position, then severity.
    public var findings: [Finding]
    public var costing: Costing?
    /// True when the file could not be read as UTF-8 YAML (exit code 2).
    public var unreadable: Bool

    public init(file: String, plan: Plan?, findings: [Finding], costing: Costing?, unreadable: Bool) {
        self.file = file
        self.plan = plan
        self.findings = findings
        self.costing = costing
        self.unreadable = unreadable
    }

    public var totals: Totals? { costing?.totals }
    public func count(_ s: Severity) -> Int { findings.filter { $0.severity == s }.count }
    public var acknowledgedCount: Int { findings.filter(\.acknowledged).count }
    public var unacknowledgedWarnings: Int { findings.filter { $0.severity == .warning && !$0.acknowledged }.count }
}

public enum Checker {
    /// Checks plan text as read from `file` (the name is only used in the result).
    public static func check(text: String, file: String, policy: Policy = .standard) -> CheckResult {
        let read = PlanReader.read(text, keepingComments: false)  // a check never writes the plan back
        guard let plan = read.plan else {
            return CheckResult(file: file, plan: nil, findings: read.findings, costing: nil, unreadable: true)
        }
        let costing = Coster.cost(plan)
        var findings = read.findings
        for var f in read.isPlan ? Validator.validate(plan, costing: costing, policy: policy) : [] {
            f.position = read.position(for: f.path)
            findings.append(f)
        }
        findings = Validator.applyAcknowledgements(findings, plan)
        findings = sorted(findings)
        return CheckResult(file: file, plan: plan, findings: findings, costing: costing, unreadable: false)
    }

    /// Checks file bytes: text that is not UTF-8 is a `syntax` error at the first bad byte.
    public static func check(bytes: [UInt8], file: String, policy: Policy = .standard) -> CheckResult {
        switch decodeUTF8(bytes) {
        case .success(let text): return check(text: text, file: file, policy: policy)
        case .failure(let fault):
            let f = Finding(.syntax, path: "", position: fault.position,
                            message: "the file is not UTF-8 text (a byte here cannot be read); save it as UTF-8",
                            plain: "The file is saved in a way the program cannot read. Save it as UTF-8 text.")
            return CheckResult(file: file, plan: nil, findings: [f], costing: nil, unreadable: true)
        }
    }

    /// `body(0..<count)` on `jobs` threads at most (the calling thread alone when 1), each
    /// thread taking the next index as it finishes one; the results in index order.
    public static func inParallel<T: Sendable>(_ count: Int, jobs: Int, _ body: (Int) -> T) -> [T] {
        let threads = max(1, min(jobs, count))
        if threads == 1 { return (0..<count).map(body) }
        let next = Atomic<Int>(0)
        let results = Mutex([T?](repeating: nil, count: count))
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < count else { return }
                    let r = work.value(i)
                    results.withLock { $0[i] = r }
                }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// The number of cores online (the default for `check --jobs`).
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public static func sorted(_ findings: [Finding]) -> [Finding] {
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        return findings.enumerated().sorted { a, b in
            let pa = a.element.position ?? .start, pb = b.element.position ?? .start
            if pa != pb { return pa < pb }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            let ra = order[a.element.rule]!, rb = order[b.element.rule]!
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}

/// Decodes UTF-8 strictly (a leading byte-order mark is dropped); on failure, the line and
/// column of the first byte that is not UTF-8.
public struct NotUTF8: Error, Sendable { public var position: Position }

public func decodeUTF8(_ bytes: [UInt8]) -> Result<String, NotUTF8> {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) { return .success(text) }
    var decoder = UTF8()
    var iterator = body.makeIterator()
    var scalars = String.UnicodeScalarView()
    var line = 1, column = 1
    loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let u):
            scalars.append(u)
            if u == "\n" { line += 1; column = 1 } else { column += 1 }
        case .emptyInput: break loop
        case .error: return .failure(NotUTF8(position: Position(line: line, column: column)))
        }
    }
    return .success(String(scalars))
}

/// A value passed to the threads of `Checker.inParallel`: the closure is only called while
/// `inParallel` runs, and the results it gives are `Sendable`.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
