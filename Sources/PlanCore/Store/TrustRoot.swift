/// The trust root: the store owner's public keys this user has pinned, kept in the user's own
/// config folder (`$XDG_CONFIG_HOME/supportplan/trusted/<KEYID>.pub`), never in the store. A
/// store's `config.yaml` counts only when `config.yaml.minisig` verifies with one of them, so
/// whoever can write the store cannot make themselves a signer.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct UserFolders: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/supportplan` (`~/.config/supportplan`).
    public var config: String

    public init(config: String) { self.config = config }

    /// From the environment: `$XDG_CONFIG_HOME`, else `$HOME/.config`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> UserFolders {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.config")
        return UserFolders(config: base + "/supportplan")
    }

    /// Where this person's secret keys live.
    public var secretKeys: String { config + "/keys" }
    /// Pinned owner keys.
    public var trusted: String { config + "/trusted" }
}

public enum TrustRoot {
    /// Pins an owner's public key; returns the pinned file's path.
    @discardableResult
    public static func pin(_ key: MinisignPublicKey, in user: UserFolders) throws(StoreError) -> String {
        let path = "\(user.trusted)/\(key.keyIDHex).pub"
        do {
            try AtomicFile.makeFolder(user.trusted)
            try AtomicFile.write(Array(key.fileText.utf8), to: path)
        } catch { throw .file(error) }
        return path
    }

    /// Every pinned owner key.
    public static func pinned(in user: UserFolders) -> [MinisignPublicKey] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: user.trusted)) ?? []
        return names.sorted().compactMap { name -> MinisignPublicKey? in
            guard name.hasSuffix(".pub"), let bytes = try? AtomicFile.read("\(user.trusted)/\(name)"),
                  case .success(let text) = decodeUTF8(bytes) else { return nil }
            return try? MinisignPublicKey(fileText: text)
        }
    }
}
