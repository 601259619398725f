/// The sign-off line of a rendered plan: not signed, signed and verified with a trusted key,
/// or signed but changed since (not verified).
import Crypto
import Foundation
import PlanCore
import PlanDocuments
import Testing

@Suite struct SignOffRenderTests {
    let secret = Curve25519.Signing.PrivateKey()
    let keyID: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    var publicKey: MinisignPublicKey {
        MinisignPublicKey(keyID: keyID, key: [UInt8](secret.publicKey.rawRepresentation), comment: "Ana Lopez")
    }

    func signature(_ bytes: [UInt8]) throws -> String {
        try MinisignSignature.sign(bytes, with: secret, keyID: keyID,
                                   trustedComment: "plan=PW-2026-0117 version=1 decision=approved signer=\"Ana Lopez\" role=\"team manager\" time=2026-11-21T10:42:00Z").fileText
    }

    @Test func signedAndVerified() throws {
        let (plan, result, bytes) = try Fixture.example("older-person-home-care")
        let status = SignOffStatus.check(planBytes: bytes, signatureText: try signature(bytes), keys: [publicKey])
        #expect(status.isVerified)
        let text = try Fixture.renderer().render(.text, plan: plan, costing: result.costing!, findings: [], signOff: status,
                                                 policy: .standard)
        #expect(text.contains("Signed off by Ana Lopez (team manager), approved, at 2026-11-21T10:42:00Z."))
        #expect(text.contains("Signature verified with trusted key 0807060504030201."))
    }

    @Test func changedFileIsNotVerified() throws {
        let (plan, result, bytes) = try Fixture.example("older-person-home-care")
        var changed = bytes
        changed[100] ^= 0x01
        let status = SignOffStatus.check(planBytes: changed, signatureText: try signature(bytes), keys: [publicKey])
        #expect(!status.isVerified)
        let text = try Fixture.renderer().render(.markdown, plan: plan, costing: result.costing!, findings: [],
                                                 signOff: status, policy: .standard)
        #expect(text.contains("NOT VERIFIED: the signature does not match the file's bytes"))
    }

    @Test func unknownKeyAndAlteredCommentAreCaught() throws {
        let (_, _, bytes) = try Fixture.example("older-person-home-care")
        let sig = try signature(bytes)
        let other = MinisignPublicKey(keyID: [9, 9, 9, 9, 9, 9, 9, 9], key: publicKey.key, comment: "x")
        #expect(SignOffStatus.check(planBytes: bytes, signatureText: sig, keys: [other]) != .notSigned)
        #expect(!SignOffStatus.check(planBytes: bytes, signatureText: sig, keys: [other]).isVerified)
        let altered = sig.replacingOccurrences(of: "decision=approved", with: "decision=rejected")
        let parsed = try MinisignSignature(fileText: altered)
        #expect(throws: MinisignError.badTrustedComment) { _ = try parsed.verify(bytes, keys: [publicKey]) }
        #expect(SignOffStatus.check(planBytes: bytes, signatureText: nil, keys: []) == .notSigned)
    }

    @Test func keyFilesRoundTrip() throws {
        let text = publicKey.fileText
        #expect(try MinisignPublicKey(fileText: text) == publicKey)
        #expect(throws: MinisignError.self) { _ = try MinisignPublicKey(fileText: "nonsense") }
    }
}
