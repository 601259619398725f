/// Every way a store action can fail, typed, with the exit code each maps to (0 done,
/// 1 findings, 2 bad input or a store that cannot be trusted) in one place.

public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A file could not be read or written.
    case file(FileError)
    /// No store here: what was looked for and what to do.
    case notFound(String)
    /// The store's `config.yaml` is missing, unsigned or signed by nobody this user trusts.
    case untrustedConfig(String)
    /// A plan file that cannot be read as a plan (with `file:line:column` in the text).
    case unreadable(String)
    /// The action does not fit the plan's state (e.g. signing a draft), or bad input.
    case refused(String)
    /// The plan is not ready: the findings that stop it.
    case notReady([Finding])
    /// A plan's audit log is broken, so nothing more is added to it.
    case auditBroken(String)

    public var description: String {
        switch self {
        case .file(let e): return e.description
        case .notFound(let s), .untrustedConfig(let s), .unreadable(let s), .refused(let s), .auditBroken(let s): return s
        case .notReady(let f): return f.map(\.message).joined(separator: "\n")
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .notReady: return 1
        case .file, .notFound, .untrustedConfig, .unreadable, .refused, .auditBroken: return 2
        }
    }
}
