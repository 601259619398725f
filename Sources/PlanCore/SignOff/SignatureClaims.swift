/// What a sign-off's trusted comment claims, field by field: the plan and version, the
/// decision, who signed (name, role, level, key id), when, the SHA-256 of the signed bytes and
/// the hash of the plan's audit log's last entry before the sign-off (its anchor). Every value
/// is checked before it is written (ids by `PlanID`, names and roles by `SignerText`), so the
/// comment has one reading; `verify` compares each field with the bytes, the file name and the
/// store's signed config.

public struct SignatureClaims: Sendable, Equatable {
    public var plan: String
    public var version: Int
    public var decision: String
    public var signer: String
    public var role: String
    public var level: String
    public var key: String
    public var time: String
    public var sha256: String
    public var log: String

    public init(plan: String, version: Int, decision: String, signer: String, role: String, level: String, key: String,
                time: String, sha256: String, log: String) {
        self.plan = plan
        self.version = version
        self.decision = decision
        self.signer = signer
        self.role = role
        self.level = level
        self.key = key
        self.time = time
        self.sha256 = sha256
        self.log = log
    }

    /// The field names, in the order they are written.
    public static let fields = ["plan", "version", "decision", "signer", "role", "level", "key", "time", "sha256", "log"]

    /// One line: `plan=ID version=N decision=approved signer="…" role="…" level=… key=… time=… sha256=… log=…`.
    public var text: String {
        "plan=\(plan) version=\(version) decision=\(decision) signer=\"\(signer)\" role=\"\(role)\" level=\(level) "
            + "key=\(key) time=\(time) sha256=\(sha256) log=\(log)"
    }

    /// Reads a trusted comment written by `text`; nil (with the first bad field) when it has
    /// another shape: a missing, repeated or unknown field, or a value that could not have been
    /// written.
    public static func parse(_ comment: String) -> Result<SignatureClaims, ClaimProblem> {
        var values: [String: String] = [:]
        var rest = Substring(comment)
        while !rest.isEmpty {
            guard let eq = rest.firstIndex(of: "=") else { return .failure(ClaimProblem(field: "comment", why: "it is not key=value pairs")) }
            let key = String(rest[..<eq])
            guard fields.contains(key) else { return .failure(ClaimProblem(field: key, why: "it is not a sign-off field")) }
            guard values[key] == nil else { return .failure(ClaimProblem(field: key, why: "it is given twice")) }
            rest = rest[rest.index(after: eq)...]
            let value: Substring
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let end = rest.firstIndex(of: "\"") else { return .failure(ClaimProblem(field: key, why: "its quote is not closed")) }
                value = rest[..<end]
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = rest[..<end]
                rest = rest[end...]
            }
            values[key] = String(value)
            if !rest.isEmpty {
                guard rest.first == " " else { return .failure(ClaimProblem(field: key, why: "no space after its value")) }
                rest = rest.dropFirst()
            }
        }
        for f in fields where values[f] == nil { return .failure(ClaimProblem(field: f, why: "it is missing")) }
        guard let version = Int(values["version"]!), version >= 1 else {
            return .failure(ClaimProblem(field: "version", why: "it is not a version number"))
        }
        let claims = SignatureClaims(plan: values["plan"]!, version: version, decision: values["decision"]!,
                                     signer: values["signer"]!, role: values["role"]!, level: values["level"]!,
                                     key: values["key"]!, time: values["time"]!, sha256: values["sha256"]!, log: values["log"]!)
        guard claims.text == comment else { return .failure(ClaimProblem(field: "comment", why: "it is not written the usual way")) }
        return .success(claims)
    }
}

public struct ClaimProblem: Error, Sendable, Equatable {
    public var field: String
    public var why: String
}
