/// Saves that cannot leave a half-written plan: write a temporary file in the same folder,
/// fsync it, rename it over the old one, fsync the folder. New files are created 0600
/// (plans hold personal health data); an existing file keeps its mode. A symbolic link is
/// saved through to the file it points at (the link stays a link). Reads never block and
/// never take more than a size limit: FIFOs, devices, sockets and folders are refused
/// without being read (docs/security.md, "Input limits").
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileError: Error, Sendable, CustomStringConvertible {
    /// Why a file was refused before it was read.
    public enum Kind: Sendable, Equatable {
        /// A system call failed (`what` has its reason).
        case system
        /// Larger than the limit: its size and the limit, in bytes.
        case tooLarge(size: Int, limit: Int)
        /// Not a regular file: a FIFO, a device, a socket, a folder (`what` names it).
        case notRegular
    }

    public var path: String
    public var what: String
    public var kind: Kind = .system
    /// `path: what`; a file over the limit is placed at 1:1 like a finding, with its size.
    public var description: String {
        if case .tooLarge = kind { return "\(SafeText.visible(path)):1:1: error: \(what)" }
        return "\(SafeText.visible(path)): \(what)"
    }

    /// For a command that could not read a file: the description for a file over the limit,
    /// else `path: cannot be read: what`.
    public var readReport: String {
        if case .tooLarge = kind { return description }
        return "\(SafeText.visible(path)): cannot be read: \(what)"
    }

    init(_ path: String, _ what: String, errno code: Int32 = errno) {
        self.path = path
        self.what = "\(what): \(String(cString: strerror(code)))"
    }

    init(_ path: String, kind: Kind, _ what: String) {
        self.path = path
        self.kind = kind
        self.what = what
    }
}

/// How large a plan or config file may be before it is refused unread.
public enum InputLimits {
    /// 5 MB; a store's `config.yaml` may set another with `max_file_bytes`.
    public static let defaultMaxFileBytes = 5_000_000

    /// `6,291,456`: bytes with thousands separators, for messages.
    public static func bytes(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}

public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. A new file gets `mode`, an existing one keeps its
    /// own, unless `exactMode` is given: then the file has that mode whatever it had (a secret
    /// key is 0600 even when it replaces a 0644 file). A symbolic link is saved through to its
    /// target, unless `followLinks` is false: then the link itself is replaced by the file and
    /// its target is never touched (recovery files, the program's own files in a shared store,
    /// where anyone who can write the folder could plant a link to a file of yours).
    public static func write(_ bytes: [UInt8], to given: String, mode newMode: mode_t? = nil,
                             exactMode: mode_t? = nil, followLinks: Bool = true) throws(FileError) {
        let path = followLinks ? try target(of: given) : given
        let folder = parentFolder(of: path)
        var info = stat()
        let exists = lstat(path, &info) == 0
        let isLink = exists && (info.st_mode & S_IFMT) == S_IFLNK
        if exists && (info.st_mode & S_IFMT) != S_IFREG && !(isLink && !followLinks) {
            throw FileError(given, kind: .notRegular, "\(describe(info.st_mode)), not a regular file; it was not replaced")
        }
        let mode = exactMode ?? (exists && !isLink ? info.st_mode & 0o7777 : newMode ?? FileModes.file)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temp = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path, "cannot create a temporary file in \(folder)") }
        var ok = false
        defer { if !ok { unlink(temp) } }
        try fill(fd, with: bytes, mode: mode, path: path)
        guard rename(temp, path) == 0 else { throw FileError(path, "cannot replace the file") }
        ok = true
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
        removeStaleTemporaries(folder: folder, name: name)
    }

    /// The file a save really writes: `path` itself, or, when it is a symbolic link, the file
    /// at the end of its links (which may not exist yet), so the link is kept, not replaced.
    static func target(of path: String) throws(FileError) -> String {
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw FileError(path, "cannot read the link") }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : parentFolder(of: current) + "/" + link
        }
        throw FileError(path, kind: .notRegular, "a chain of more than 32 symbolic links; it was not saved")
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
        try fill(fd, with: bytes, mode: mode, path: path)
        guard link(temp, path) == 0 else { throw FileError(path, errno == EEXIST ? "already exists; it is never replaced" : "cannot create") }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    /// Writes all of `bytes` to a new temporary file, sets its mode, fsyncs and closes it.
    static func fill(_ fd: Int32, with bytes: [UInt8], mode: mode_t, path: String) throws(FileError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { sysWrite(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { let e = errno; close(fd); throw FileError(path, "cannot write", errno: e) }
            done += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { let e = errno; close(fd); throw FileError(path, "cannot save", errno: e) }
        close(fd)
    }

    public static func write(_ text: String, to path: String, followLinks: Bool = true) throws(FileError) {
        try write(Array(text.utf8), to: path, followLinks: followLinks)
    }

    /// Reads a whole regular file's bytes, at most `limit` of them. A FIFO, device, socket or
    /// folder (also behind a symbolic link) is refused without blocking: it is checked before
    /// opening, opened non-blocking and checked again on the open file. A file over the limit
    /// is refused with its size (`FileError.Kind.tooLarge`).
    public static func read(_ path: String, limit: Int = InputLimits.defaultMaxFileBytes) throws(FileError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path, "cannot open") }
        try requireRegular(path, info)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path, "cannot open") }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw FileError(path, "cannot read") }
        try requireRegular(path, info)
        if Int(info.st_size) > limit { throw tooLarge(path, size: Int(info.st_size), limit: limit) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw FileError(path, "cannot read") }
            if n == 0 { break }
            out += buffer[0..<n]
            // The file grew while being read.
            if out.count > limit { throw tooLarge(path, size: out.count, limit: limit) }
        }
        return out
    }

    public static func tooLarge(_ path: String, size: Int, limit: Int) -> FileError {
        FileError(path, kind: .tooLarge(size: size, limit: limit),
                  "the file is \(InputLimits.bytes(size)) bytes, over the limit of \(InputLimits.bytes(limit)) bytes "
                  + "(max_file_bytes in config.yaml); it was not read")
    }

    static func requireRegular(_ path: String, _ info: stat) throws(FileError) {
        guard (info.st_mode & S_IFMT) != S_IFREG else { return }
        throw FileError(path, kind: .notRegular, "\(describe(info.st_mode)), not a regular file; it was not read")
    }

    /// Why a path is not a plan file one can read, without opening it: nil for a regular file
    /// (following links), else its kind in words ("a FIFO", "a character device", "a broken
    /// symbolic link"…). For listing folders of plans.
    public static func notRegularFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? "a broken symbolic link" : "missing"
        }
        return (info.st_mode & S_IFMT) == S_IFREG ? nil : describe(info.st_mode)
    }

    /// A file's kind in words.
    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a regular file"
        default: return "not a regular file"
        }
    }

    /// A folder for secrets: created 0700 (with its parents) when missing; refused when group
    /// or others can write to it (they could swap the files in it).
    public static func makePrivateFolder(_ path: String) throws(FileError) {
        try makeFolder(path, mode: 0o700)
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path, "cannot read the folder") }
        let mode = info.st_mode & 0o7777
        if mode & 0o022 != 0 {
            throw FileError(path, kind: .system, "the folder can be written by \(mode & 0o020 != 0 ? "its group" : "others")"
                            + "\(mode & 0o022 == 0o022 ? " and others" : "") (mode 0\(String(mode, radix: 8))); "
                            + "nothing was written. Make it private first: chmod go-w \(path)")
        }
    }

    /// Creates a folder and its parents: new ones 0700 (2770 in a group-shared store), or
    /// `mode` when given.
    public static func makeFolder(_ path: String, mode: mode_t? = nil) throws(FileError) {
        var sofar = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            sofar += "/" + part
            if mkdir(sofar, mode ?? FileModes.folder) == 0 {
                if mode == nil && FileModes.isGroupShared { chmod(sofar, FileModes.folder) }  // past the umask, with setgid
            } else if errno != EEXIST {
                throw FileError(sofar, "cannot create the folder")
            }
        }
    }

    /// Anything at the path, a dangling symbolic link included.
    public static func anythingAt(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
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
