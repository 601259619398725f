/// Is this plan file signed off, by whom, and does the signature still match? Reads the
/// `.minisig` beside the plan and checks it against trusted public keys.

public enum SignOffStatus: Sendable, Equatable {
    case notSigned
    /// A signature file is there. `problem` is nil when it verified with a trusted key.
    case signed(signer: String, role: String, decision: String, time: String, keyID: String, problem: String?)

    public static func check(planBytes: [UInt8], signatureText: String?, keys: [MinisignPublicKey]) -> SignOffStatus {
        guard let signatureText else { return .notSigned }
        let sig: MinisignSignature
        do { sig = try MinisignSignature(fileText: signatureText) } catch {
            return .signed(signer: "unknown", role: "", decision: "", time: "", keyID: "", problem: "\(error)")
        }
        let f = sig.trustedFields
        var problem: String?
        do { _ = try sig.verify(planBytes, keys: keys) } catch { problem = "\(error)" }
        return .signed(signer: f["signer"] ?? "unknown", role: f["role"] ?? "", decision: f["decision"] ?? "",
                       time: f["time"] ?? "", keyID: sig.keyIDHex, problem: problem)
    }

    public var isVerified: Bool {
        if case .signed(_, _, _, _, _, nil) = self { return true }
        return false
    }
}
