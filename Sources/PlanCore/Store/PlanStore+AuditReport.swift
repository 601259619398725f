/// The whole store's audit record for `log`: every plan's chain checked, and every signed
/// record's anchor (the log entry its signature names) found, followed by its `sign` entry.
import Foundation

extension PlanStore {
    public struct AuditProblem: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var message: String
    }

    public struct AuditReport: Sendable {
        public var entries: [(plan: String, entry: AuditEntry)] = []
        public var problems: [AuditProblem] = []
        public var logs = 0
    }

    public func auditReport(only: String? = nil) -> AuditReport {
        var report = AuditReport()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: auditFolder)) ?? []).sorted()
        for name in names where name.hasSuffix(".log") {
            let id = String(name.dropLast(4))
            guard only == nil || only == id else { continue }
            guard PlanID.isValid(id) else {
                report.problems.append(AuditProblem(file: "\(auditFolder)/\(name)", line: 1, message: "not a plan's log (its name is not a plan id)"))
                continue
            }
            report.logs += 1
            let audit = self.audit(id)
            guard let reading = try? audit.read() else {
                report.problems.append(AuditProblem(file: audit.path, line: 1, message: "the log cannot be read"))
                continue
            }
            report.entries += reading.entries.map { (id, $0) }
            if let broken = reading.broken {
                report.problems.append(AuditProblem(file: audit.path, line: broken.line, message: "the audit chain is broken here: \(broken.why)"))
            }
        }
        // Every sign-off must be anchored in its plan's log.
        let signed = ((try? FileManager.default.contentsOfDirectory(atPath: signedFolder)) ?? []).sorted()
        for name in signed where name.hasSuffix(".yaml.minisig") {
            let path = signedFolder + "/" + String(name.dropLast(".minisig".count))
            guard let b = try? AtomicFile.read(path + ".minisig"), case .success(let text) = decodeUTF8(b),
                  let sig = try? MinisignSignature(fileText: text) else {
                report.problems.append(AuditProblem(file: path + ".minisig", line: 1, message: "not a minisign signature"))
                continue
            }
            guard case .success(let claims) = SignatureClaims.parse(sig.trustedComment), PlanID.isValid(claims.plan) else {
                report.problems.append(AuditProblem(file: path + ".minisig", line: 3, message: "the trusted comment has no audit anchor (signed before anchors, or forged)"))
                continue
            }
            guard only == nil || only == claims.plan else { continue }
            if let why = anchorProblem(claims) {
                report.problems.append(AuditProblem(file: audit(claims.plan).path, line: 1, message: "\(name): \(why)"))
            }
        }
        return report
    }
}
