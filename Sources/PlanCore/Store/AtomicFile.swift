/// Saves that cannot leave a half-written plan: write a temporary file in the same folder,
/// fsync it, rename it over the old one, fsync the folder. New files are created 0600
/// (plans hold personal health data); an existing file keeps its mode.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var what: String
    public var description: String { "\(path): \(what)" }

    init(_ path: String, _ what: String, errno code: Int32 = errno) {
        self.path = path
        self.what = "\(what): \(String(cString: strerror(code)))"
    }
}

public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String, mode newMode: mode_t? = nil) throws(FileError) {
        let folder = parentFolder(of: path)
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : newMode ?? FileModes.file
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temp = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path, "cannot create a temporary file in \(folder)") }
        var ok = false
        defer { if !ok { unlink(temp) } }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { sysWrite(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { let e = errno; close(fd); throw FileError(path, "cannot write", errno: e) }
            done += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { let e = errno; close(fd); throw FileError(path, "cannot save", errno: e) }
        close(fd)
        guard rename(temp, path) == 0 else { throw FileError(path, "cannot replace the file") }
        ok = true
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
        removeStaleTemporaries(folder: folder, name: name)
    }

    /// A save killed half-way (kill -9, power cut) leaves its `.NAME.PID.RANDOM.tmp` behind:
    /// the plan itself is whole, old or new. The next save of the same file clears them.
    static func removeStaleTemporaries(folder: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let prefix = "." + name + "."
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4)
            guard let pid = middle.split(separator: ".").first.flatMap({ Int32($0) }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + entry) }
        }
    }

    /// Writes a file that must not exist yet (a signed record): the whole file appears at once,
    /// or not at all, and an existing file is never replaced (`link` fails with EEXIST).
    public static func writeNew(_ bytes: [UInt8], to path: String, mode: mode_t) throws(FileError) {
        let folder = parentFolder(of: path)
        let temp = "\(folder)/.new.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path, "cannot create a temporary file in \(folder)") }
        defer { unlink(temp) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { sysWrite(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { let e = errno; close(fd); throw FileError(path, "cannot write", errno: e) }
            done += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { let e = errno; close(fd); throw FileError(path, "cannot save", errno: e) }
        close(fd)
        guard link(temp, path) == 0 else { throw FileError(path, errno == EEXIST ? "already exists; it is never replaced" : "cannot create") }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Reads a whole file's bytes.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path, "cannot open") }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw FileError(path, "cannot read") }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// Creates a folder and its parents, 0700 for new ones.
    public static func makeFolder(_ path: String) throws(FileError) {
        var sofar = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            sofar += "/" + part
            if mkdir(sofar, FileModes.folder) == 0 {
                if FileModes.isGroupShared { chmod(sofar, FileModes.folder) }  // past the umask, with setgid
            } else if errno != EEXIST {
                throw FileError(sofar, "cannot create the folder")
            }
        }
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A regular file (following links), not a folder, FIFO, device or socket.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

private func sysWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func sysRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }
