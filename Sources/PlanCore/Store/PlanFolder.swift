/// Lists the plan files (`*.yaml`) in a folder without opening any of them: anything that is
/// not a regular file (a FIFO, a device, a socket, a folder named `x.yaml`, a link to one of
/// those, a broken link) is skipped and said why, so no listing can hang or read a device.
import Foundation

public enum PlanFolder {
    /// One entry that was left out, and why.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var why: String
        /// `plans/x.yaml: skipped: a FIFO (named pipe), not a regular file`.
        public var message: String { "\(SafeText.visible(path)): skipped: \(why), not a regular file" }
    }

    /// The `*.yaml` files in `folder` (not `config.yaml`, not hidden), sorted; with `recursive`
    /// also those in its sub-folders (hidden folders left out).
    public static func list(_ folder: String, recursive: Bool) -> (files: [String], skipped: [Skipped]) {
        let base = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var files: [String] = [], skipped: [Skipped] = []
        var names: [String] = []
        if recursive {
            let walker = FileManager.default.enumerator(atPath: base)
            while let rel = walker?.nextObject() as? String {
                let name = rel.split(separator: "/").last.map(String.init) ?? rel
                if name.hasPrefix(".") { walker?.skipDescendants(); continue }
                names.append(rel)
            }
        } else {
            names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        }
        for rel in names {
            let name = rel.split(separator: "/").last.map(String.init) ?? rel
            guard rel.hasSuffix(".yaml"), name != "config.yaml", !name.hasPrefix(".") else { continue }
            let path = base + "/" + rel
            switch AtomicFile.notRegularFile(path) {
            case nil: files.append(path)
            // A folder named `x.yaml` is walked into when recursive; its plans are listed.
            case "a folder" where recursive: continue
            case let why?: skipped.append(Skipped(path: path, why: why))
            }
        }
        return (files.sorted(), skipped.sorted { $0.path < $1.path })
    }
}
