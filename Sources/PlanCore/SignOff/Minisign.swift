/// Sign-off signatures in minisign's format (`shared/spec/plan-format.md`, "Sign-off"):
/// Ed25519, legacy `Ed` mode (the signature covers the file's bytes), with a trusted comment
/// signed by a second, global signature. Anyone can check one with the stock
/// `minisign -Vm plan.yaml -p approver.pub`.
import Crypto
import Foundation

public enum MinisignError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case wrongAlgorithm(String)
    case unknownKey(String)
    case badSignature
    case badTrustedComment

    public var description: String {
        switch self {
        case .malformed(let what): return "not a minisign file: \(what)"
        case .wrongAlgorithm(let a): return "signature algorithm '\(a)' is not the legacy Ed25519 ('Ed') this program uses"
        case .unknownKey(let id): return "signed with key \(id), which is not among the store's trusted keys"
        case .badSignature: return "the signature does not match the file's bytes: the file has changed since it was signed"
        case .badTrustedComment: return "the trusted comment does not match its signature: it has been altered"
        }
    }
}

/// A minisign public key: 8-byte key id and 32-byte Ed25519 key.
public struct MinisignPublicKey: Sendable, Equatable {
    public var keyID: [UInt8]
    public var key: [UInt8]
    public var comment: String

    /// The key id as minisign prints it (hex, most significant byte first).
    public var keyIDHex: String { keyID.reversed().map { String(format: "%02X", $0) }.joined() }

    public init(keyID: [UInt8], key: [UInt8], comment: String) {
        self.keyID = keyID
        self.key = key
        self.comment = comment
    }

    /// Reads a `.pub` file: `untrusted comment: …` then base64("Ed" + key id + key).
    public init(fileText: String) throws(MinisignError) {
        let lines = fileText.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count >= 2, lines[0].hasPrefix("untrusted comment:") else {
            throw .malformed("a public key starts with 'untrusted comment:' and a base64 line")
        }
        guard let raw = Data(base64Encoded: lines[1].trimmingSpaces()), raw.count == 42 else {
            throw .malformed("the public key line is not 42 bytes of base64")
        }
        let bytes = [UInt8](raw)
        guard bytes[0] == 0x45, bytes[1] == 0x64 else { throw .wrongAlgorithm(String(decoding: bytes[0..<2], as: UTF8.self)) }
        keyID = Array(bytes[2..<10])
        key = Array(bytes[10..<42])
        comment = String(lines[0].dropFirst("untrusted comment:".count)).trimmingSpaces()
    }

    /// Reads the base64 line alone (as a store's config.yaml keeps it).
    public init(base64Line: String, comment: String = "") throws(MinisignError) {
        try self.init(fileText: "untrusted comment: \(comment)\n\(base64Line)\n")
    }

    /// The base64 line: "Ed", the key id and the key.
    public var base64Line: String { Data([0x45, 0x64] + keyID + key).base64EncodedString() }

    public var fileText: String {
        "untrusted comment: \(comment)\n" + base64Line + "\n"
    }
}

/// A detached signature file (`.minisig`).
public struct MinisignSignature: Sendable, Equatable {
    public var keyID: [UInt8]
    public var signature: [UInt8]
    public var trustedComment: String
    public var globalSignature: [UInt8]
    public var untrustedComment: String

    public init(fileText: String) throws(MinisignError) {
        let lines = fileText.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard lines.count >= 4, lines[0].hasPrefix("untrusted comment:"), lines[2].hasPrefix("trusted comment: ") else {
            throw .malformed("expected 'untrusted comment:', a signature, 'trusted comment: …' and a global signature")
        }
        guard let sig = Data(base64Encoded: lines[1].trimmingSpaces()), sig.count == 74 else {
            throw .malformed("the signature line is not 74 bytes of base64")
        }
        let bytes = [UInt8](sig)
        guard bytes[0] == 0x45, bytes[1] == 0x64 else { throw .wrongAlgorithm(String(decoding: bytes[0..<2], as: UTF8.self)) }
        guard let global = Data(base64Encoded: lines[3].trimmingSpaces()), global.count == 64 else {
            throw .malformed("the global signature line is not 64 bytes of base64")
        }
        keyID = Array(bytes[2..<10])
        signature = Array(bytes[10..<74])
        trustedComment = String(lines[2].dropFirst("trusted comment: ".count))
        globalSignature = [UInt8](global)
        untrustedComment = String(lines[0].dropFirst("untrusted comment:".count)).trimmingSpaces()
    }

    init(keyID: [UInt8], signature: [UInt8], trustedComment: String, globalSignature: [UInt8], untrustedComment: String) {
        self.keyID = keyID
        self.signature = signature
        self.trustedComment = trustedComment
        self.globalSignature = globalSignature
        self.untrustedComment = untrustedComment
    }

    public var fileText: String {
        "untrusted comment: \(untrustedComment)\n"
            + Data([0x45, 0x64] + keyID + signature).base64EncodedString() + "\n"
            + "trusted comment: \(trustedComment)\n"
            + Data(globalSignature).base64EncodedString() + "\n"
    }

    public var keyIDHex: String { keyID.reversed().map { String(format: "%02X", $0) }.joined() }

    /// Checks the file's bytes and the trusted comment against the trusted keys.
    public func verify(_ message: [UInt8], keys: [MinisignPublicKey]) throws(MinisignError) -> MinisignPublicKey {
        guard let pub = keys.first(where: { $0.keyID == keyID }) else { throw .unknownKey(keyIDHex) }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: pub.key) else {
            throw .malformed("the public key is not a valid Ed25519 key")
        }
        guard key.isValidSignature(signature, for: message) else { throw .badSignature }
        guard key.isValidSignature(globalSignature, for: signature + Array(trustedComment.utf8)) else {
            throw .badTrustedComment
        }
        return pub
    }

    /// Signs `message` (legacy `Ed` mode) with a trusted comment.
    public static func sign(_ message: [UInt8], with secret: Curve25519.Signing.PrivateKey, keyID: [UInt8],
                            trustedComment: String, untrustedComment: String = "supportplan sign-off") throws -> MinisignSignature {
        let sig = [UInt8](try secret.signature(for: message))
        let global = [UInt8](try secret.signature(for: sig + Array(trustedComment.utf8)))
        return MinisignSignature(keyID: keyID, signature: sig, trustedComment: trustedComment, globalSignature: global,
                                 untrustedComment: untrustedComment)
    }

    /// `key=value` pairs of the trusted comment (values may be "quoted").
    public var trustedFields: [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(trustedComment)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            guard let eq = rest.firstIndex(of: "=") else { break }
            let key = String(rest[..<eq])
            rest = rest[rest.index(after: eq)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<end])
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
            out[key] = value
        }
        return out
    }
}
