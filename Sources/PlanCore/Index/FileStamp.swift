/// What the index compares to tell whether a file changed without reading it: its size and
/// modification time (nanoseconds), read for a whole folder with one `readdir` and `fstatat`.
#if canImport(Glibc)
import Glibc
#endif

public struct FileStamp: Sendable, Equatable {
    public var size: Int64
    public var mtime: Int64

    public init(size: Int64, mtime: Int64) {
        self.size = size
        self.mtime = mtime
    }

    /// The stamp of one file (following links), or nil when it is not a regular file.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// The regular files in a folder whose names end with `suffix` and do not start with a dot,
    /// with their stamps (name → stamp). An unreadable or missing folder is empty.
    public static func folder(_ path: String, suffix: String) -> [String: FileStamp] {
        var skipped = 0
        return folder(path, suffix: suffix, skipped: &skipped)
    }

    /// The same, counting in `skipped` the names with the suffix that are not regular files
    /// (FIFOs, devices, sockets, folders, broken links).
    public static func folder(_ path: String, suffix: String, skipped: inout Int) -> [String: FileStamp] {
        guard let dir = opendir(path) else { return [:] }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [String: FileStamp] = [:]
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name.hasSuffix(suffix) else { continue }
            var st = stat()
            guard fstatat(fd, name, &st, 0) == 0, st.st_mode & S_IFMT == S_IFREG else { skipped += 1; continue }
            out[name] = FileStamp(size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
        }
        return out
    }
}
