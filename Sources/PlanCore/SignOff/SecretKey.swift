/// An approver's secret signing key: the program's own small text file, created 0600 and
/// refused when group or others can read it. Optionally sealed with a passphrase (scrypt,
/// then AES-GCM). The public half is a minisign `.pub` file anyone can use.
import _CryptoExtras
import Crypto
import Foundation

public struct SecretKeyFile {
    public var name: String
    public var keyID: [UInt8]
    public var secret: Curve25519.Signing.PrivateKey

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case readableByOthers(String)
        case malformed(String)
        case passphraseNeeded
        case wrongPassphrase

        public var description: String {
            switch self {
            case .readableByOthers(let p):
                return "\(p): group or others can read this secret key; run `chmod 600 \(p)` and keep it to yourself"
            case .malformed(let why): return "not a supportplan secret key: \(why)"
            case .passphraseNeeded: return "this secret key is sealed with a passphrase; give it"
            case .wrongPassphrase: return "the passphrase does not open this secret key"
            }
        }
    }

    /// A new key pair with a random 8-byte key id.
    public static func generate(name: String) -> SecretKeyFile {
        var id = [UInt8](repeating: 0, count: 8)
        for i in id.indices { id[i] = UInt8.random(in: 0...255) }
        return SecretKeyFile(name: name, keyID: id, secret: Curve25519.Signing.PrivateKey())
    }

    public var publicKey: MinisignPublicKey {
        MinisignPublicKey(keyID: keyID, key: [UInt8](secret.publicKey.rawRepresentation),
                          comment: "supportplan approver \(name)")
    }

    /// The file's text; sealed with the passphrase when one is given.
    public func fileText(passphrase: String?) throws -> String {
        let seed = [UInt8](secret.rawRepresentation)
        var lines = ["supportplan-secret-key: 1", "name: \(name)",
                     "key_id: " + keyID.map { String(format: "%02x", $0) }.joined()]
        if let passphrase, !passphrase.isEmpty {
            var salt = [UInt8](repeating: 0, count: 16)
            for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
            let key = try Self.derive(passphrase, salt)
            let sealed = try AES.GCM.seal(seed, using: key)
            lines += ["sealed: scrypt-aes-gcm", "salt: " + Data(salt).base64EncodedString(),
                      "secret: " + (sealed.combined ?? Data()).base64EncodedString()]
        } else {
            lines += ["sealed: no", "secret: " + Data(seed).base64EncodedString()]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func derive(_ passphrase: String, _ salt: [UInt8]) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << 15,
                                 blockSize: 8, parallelism: 1)
    }

    /// True when the file is sealed and needs a passphrase.
    public static func isSealed(_ text: String) -> Bool { fields(text)["sealed"] == "scrypt-aes-gcm" }

    static func fields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingSpaces()
        }
        return out
    }

    public init(name: String, keyID: [UInt8], secret: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.keyID = keyID
        self.secret = secret
    }

    public init(fileText text: String, passphrase: String?) throws(Problem) {
        let f = Self.fields(text)
        guard f["supportplan-secret-key"] == "1" else { throw .malformed("the first line is not 'supportplan-secret-key: 1'") }
        guard let hex = f["key_id"], hex.count == 16 else { throw .malformed("no 16-digit key_id") }
        var id: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let b = UInt8(hex[i..<j], radix: 16) else { throw .malformed("key_id is not hexadecimal") }
            id.append(b)
            i = j
        }
        guard let secretText = f["secret"], let raw = Data(base64Encoded: secretText) else { throw .malformed("no secret") }
        var seed = [UInt8](raw)
        if f["sealed"] == "scrypt-aes-gcm" {
            guard let passphrase, !passphrase.isEmpty else { throw .passphraseNeeded }
            guard let saltText = f["salt"], let salt = Data(base64Encoded: saltText) else { throw .malformed("no salt") }
            do {
                let key = try Self.derive(passphrase, [UInt8](salt))
                seed = [UInt8](try AES.GCM.open(AES.GCM.SealedBox(combined: raw), using: key))
            } catch {
                throw .wrongPassphrase
            }
        }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { throw .malformed("the secret is not an Ed25519 key") }
        self.init(name: f["name"] ?? "", keyID: id, secret: key)
    }
}
