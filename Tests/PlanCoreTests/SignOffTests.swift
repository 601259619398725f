/// The sign-off building blocks: the audit chain, sealed secret keys, status changes, the
/// signing findings, a new version after sign-off, and the diff.
import Foundation
import Testing
@testable import PlanCore

@Suite struct AuditLogTests {
    func entry(_ action: String) -> AuditEntry {
        AuditEntry(time: "2026-11-25T10:00:00Z", who: "Sam", action: action, plan: "P1", version: 1, fileSHA256: "ab")
    }

    @Test func chainHoldsAndABrokenLineIsNamed() throws {
        let path = NSTemporaryDirectory() + "audit-\(UUID().uuidString)/P1.log"
        let audit = PlanAudit(path: path)
        for a in ["submit", "return", "submit", "sign"] { try audit.withLock { held in try held.append(entry(a)) } }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let good = AuditLog.read(text)
        #expect(good.entries.map(\.action) == ["submit", "return", "submit", "sign"])
        #expect(good.broken == nil)
        #expect(good.entries[0].previous == AuditLog.genesis)
        #expect(good.hashes.count == 4 && good.lastHash == good.hashes[3])
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)

        var lines = text.split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"return\"", with: "\"sign\"")
        let edited = AuditLog.read(lines.joined(separator: "\n") + "\n")
        #expect(edited.broken?.line == 3, "changing line 2 breaks the link from line 3")
        lines = text.split(separator: "\n").map(String.init)
        lines.remove(at: 0)
        #expect(AuditLog.read(lines.joined(separator: "\n") + "\n").broken?.line == 1)
        lines = text.split(separator: "\n").map(String.init)
        lines.swapAt(1, 2)
        #expect(AuditLog.read(lines.joined(separator: "\n") + "\n").broken?.line == 2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try audit.withLock { held in try held.append(entry("sign")) } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == lines.joined(separator: "\n") + "\n", "nothing added")
    }

    @Test func claimsReadBackAndAnyOtherShapeIsRefused() throws {
        let c = SignatureClaims(plan: "CA-1", version: 3, decision: "approved", signer: "Ana Lopez", role: "team manager",
                                level: "team-manager", key: "0123456789ABCDEF", time: "2026-12-02T10:00:00Z",
                                sha256: String(repeating: "a", count: 64), log: String(repeating: "b", count: 64))
        #expect(try SignatureClaims.parse(c.text).get() == c)
        for bad in [c.text + " extra=1", c.text.replacingOccurrences(of: " level=team-manager", with: ""),
                    c.text.replacingOccurrences(of: "signer=\"Ana Lopez\"", with: "signer=\"Ana\" signer=\"Raj\""),
                    c.text.replacingOccurrences(of: "version=3", with: "version=x"), c.text + " ",
                    c.text.replacingOccurrences(of: "signer=\"Ana Lopez\"", with: "signer=Ana")] {
            #expect(throws: ClaimProblem.self, "\(bad)") { _ = try SignatureClaims.parse(bad).get() }
        }
    }

    @Test(arguments: [("CA-2026-0412", true), ("A1", true), ("0-0", true), ("A", false), ("-A", false), ("a1", false),
                      ("A/B", false), ("../x", false), ("A B", false), ("A\"B", false), ("A\nB", false), ("", false),
                      (String(repeating: "A", count: 40), true), (String(repeating: "A", count: 41), false), ("É1", false)])
    func planIDs(_ id: String, _ valid: Bool) {
        #expect(PlanID.isValid(id) == valid)
    }
}

@Suite struct SecretKeyTests {
    @Test func plainAndSealedKeysRoundTrip() throws {
        let key = SecretKeyFile.generate(name: "Ana Lopez")
        let plain = try SecretKeyFile(fileText: try key.fileText(passphrase: nil), passphrase: nil)
        #expect(plain.keyID == key.keyID && plain.secret.rawRepresentation == key.secret.rawRepresentation)
        let sealedText = try key.fileText(passphrase: "correct horse")
        #expect(SecretKeyFile.isSealed(sealedText))
        #expect(!sealedText.contains(Data(key.secret.rawRepresentation).base64EncodedString()))
        #expect(throws: SecretKeyFile.Problem.passphraseNeeded) { _ = try SecretKeyFile(fileText: sealedText, passphrase: nil) }
        #expect(throws: SecretKeyFile.Problem.wrongPassphrase) { _ = try SecretKeyFile(fileText: sealedText, passphrase: "wrong") }
        let opened = try SecretKeyFile(fileText: sealedText, passphrase: "correct horse")
        #expect(opened.secret.rawRepresentation == key.secret.rawRepresentation)
    }
}

@Suite struct WorkflowTests {
    let peggy = Paths.examples[0]

    @Test func statusChangeTouchesOnlyTheStatusLine() throws {
        let text = try Paths.text(peggy)
        let submitted = Workflow.setting(status: .submitted, in: text)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let b = submitted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == b.count)
        #expect(zip(a, b).filter { $0 != $1 }.map { String($1) } == ["status: submitted"])
        let noStatus = Workflow.setting(status: .submitted, in: "format: supportplan/1\nid: X\nversion: 2\nauthor: S\n")
        #expect(noStatus == "format: supportplan/1\nid: X\nversion: 2\nstatus: submitted\nauthor: S\n")
    }

    @Test func readinessListsErrorsAndUnacknowledgedWarnings() throws {
        let ok = Checker.check(text: try Paths.text(peggy), file: "p")
        #expect(Workflow.readiness(ok).isEmpty)
        let text = try Paths.text(peggy).replacingOccurrences(of: "  - rule: first-review-late", with: "  - rule: underspend")
        let notOK = Workflow.readiness(Checker.check(text: text, file: "p"))
        #expect(notOK.map(\.rule) == [.warningsUnacknowledged])
        #expect(notOK[0].message.contains("first-review-late"))
    }

    @Test func signerLevelAndAuthor() throws {
        let cal = readPlan(try Paths.text(Paths.examples[1]))  // £29,400: needs service-manager
        let costing = Coster.cost(cal)
        var policy = Policy()
        func signer(_ name: String, _ role: String, _ level: String) -> Signer {
            Signer(name: name, role: role, level: level, keyID: "0000000000000000", publicKey: "")
        }
        let ana = signer("Ana Lopez", "team manager", "team-manager")
        let raj = signer("Raj Patel", "service manager", "service-manager")
        #expect(Workflow.signingFindings(plan: cal, costing: costing, signer: ana, policy: policy, submitter: nil).map(\.rule) == [.signerLevelTooLow])
        #expect(Workflow.signingFindings(plan: cal, costing: costing, signer: raj, policy: policy, submitter: nil).isEmpty)
        // Submitting it yourself counts as your own plan too.
        #expect(Workflow.signingFindings(plan: cal, costing: costing, signer: raj, policy: policy, submitter: "raj patel ").map(\.rule)
                == [.approverIsAuthor])
        let priya = signer("Priya Shah", "head of service", "head-of-service")
        let own = Workflow.signingFindings(plan: cal, costing: costing, signer: priya, policy: policy, submitter: nil)
        #expect(own.map(\.rule) == [.approverIsAuthor])
        #expect(own[0].severity == .error, "refused unless the config allows it")
        policy.allowSelfApproval = true
        #expect(Workflow.signingFindings(plan: cal, costing: costing, signer: priya, policy: policy, submitter: nil)[0].severity == .warning)
        // One-off costs count towards the level: Peggy's £17,250 a year plus her £75 key safe.
        let peggy = readPlan(try Paths.text(Paths.examples[0]))
        #expect(Workflow.authorisationAmount(plan: peggy, costing: Coster.cost(peggy)) == Money(pence: 1_725_000 + 7_500))
    }

    @Test func aNewVersionAfterSignOffIsADraftThatRemembersTheBudget() throws {
        let signed = readPlan(Workflow.setting(status: .signedOff, in: try Paths.text(peggy)))
        var next = Workflow.newVersion(of: signed, today: PlanDate("2027-03-01")!)
        #expect(next.version == 2 && next.status == .draft && next.budget.previousFinal == Money(pence: 1_725_000))
        #expect(!Validator.validate(next).contains { $0.rule == .budgetCutUnexplained })
        next.budget.final = Money(pence: 1_700_000)
        #expect(Validator.validate(next).contains { $0.rule == .budgetCutUnexplained })
        let back = readPlan(PlanWriter.write(next))
        #expect(back.version == 2 && back.budget.previousFinal == Money(pence: 1_725_000))
    }

    @Test func diffShowsNeedsOutcomesLinesAndMoney() throws {
        let old = readPlan(try Paths.text(peggy))
        var new = old
        new.version = 2
        new.supports[1].quantity = Hundredths(whole: 7)  // teatime visits double: 206.50 × 52.143 = 10,767.5295
        new.supports.remove(at: 4)  // the pendant alarm goes
        new.needs[6].eligible = true
        new.outcomes.append(Outcome(id: "O6"))
        new.outcomes[5].text = "I want to go to church on Sundays."
        new.budget.final = Money(pence: 2_000_000)
        let lines = PlanDiff.compare(old, new).lines
        #expect(lines.first == "PW-2026-0117 version 1 → 2")
        #expect(lines.contains("  ~ N7 eligible: no → yes"))
        #expect(lines.contains("  + O6 \"I want to go to church on Sundays.\""))
        #expect(lines.contains { $0.hasPrefix("  ~ S2 cost: £5,383.76 a year → £10,767.53 a year (+£5,383.77); quantity: 3.5 → 7") })
        #expect(lines.contains { $0.hasPrefix("  - S5 \"Pendant alarm") && $0.hasSuffix("£258.00 a year") })
        #expect(lines.contains("  ~ final budget: £17,250.00 → £20,000.00"))
        #expect(lines.contains("  ~ counted against the budget, a year: £17,036.14 → £22,161.91 (+£5,125.77)"))
        #expect(PlanDiff.compare(old, old).lines.last == "No changes to needs, outcomes, support lines or money.")
    }
}
