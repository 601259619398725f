/// The store's index, `.supportplan/index.sqlite` (SQLite through GRDB, WAL so several
/// processes may open it at once): one row per plan file, keyed by its name in `plans/`, with
/// its size, modification time, content hash and the summary the list and caseload show.
/// The files stay the truth: the index is rebuilt from them whenever it is missing, cannot be
/// read, or was made under another config or program version; opening a store re-reads only
/// the files whose size or modification time (or audit log) changed.
import Dispatch
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public final class PlanIndex: Sendable {
    public let store: PlanStore
    let policy: Policy
    let pool: DatabasePool
    /// The config and program the rows were made under; rows made under another are dropped.
    let stamp: String

    public static func path(of store: PlanStore) -> String { store.localFolder + "/index.sqlite" }

    /// Opens (creating when missing) the store's index. One that is not a database, or whose
    /// tables cannot be read, is deleted and made again (it is rebuilt from the files).
    public static func open(_ store: PlanStore, policy: Policy) throws -> PlanIndex {
        do { return try PlanIndex(store, policy: policy) } catch let e as DatabaseError where isCorrupt(e) {
            remove(store)
            return try PlanIndex(store, policy: policy)
        }
    }

    /// The errors that mean the file is not a sound index (as opposed to a busy or read-only one).
    static func isCorrupt(_ e: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT].contains(e.resultCode)
    }

    /// Runs `body` on the store's index; if the index turns out corrupt part-way (a damaged
    /// page found by a read), it is deleted and `body` runs once more on a new one.
    public static func reading<T>(_ store: PlanStore, policy: Policy, _ body: (PlanIndex) throws -> T) throws -> T {
        do { return try body(try open(store, policy: policy)) } catch let e as DatabaseError where isCorrupt(e) {
            remove(store)
            return try body(try open(store, policy: policy))
        }
    }

    /// Deletes the index and its WAL files.
    public static func remove(_ store: PlanStore) {
        for suffix in ["", "-wal", "-shm"] { unlink(path(of: store) + suffix) }
    }

    init(_ store: PlanStore, policy: Policy) throws {
        self.store = store
        self.policy = policy
        let file = Self.path(of: store)
        try AtomicFile.makeFolder(store.localFolder)
        // Made here with the store's file mode; SQLite gives its -wal and -shm files the same.
        let fd = Glibc.open(file, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, FileModes.file)
        if fd >= 0 {
            fchmod(fd, FileModes.file)  // past the umask, as every file the program makes
            close(fd)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.label = "supportplan-index"
        pool = try DatabasePool(path: file, configuration: config)
        let configBytes = (try? AtomicFile.read(store.configPath)) ?? []
        stamp = "schema 1; supportplan \(PlanCoreVersion.string); config \(IndexRow.sha256(configBytes))"
        let stamp = self.stamp
        let current = try pool.read { db -> String? in
            guard try db.tableExists("meta") else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'stamp'")
        }
        if current != stamp {
            try pool.write { db in
                try db.execute(sql: "DROP TABLE IF EXISTS plan; DROP TABLE IF EXISTS meta;")
                try db.execute(sql: IndexRow.createSQL)
                try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('stamp', ?)", arguments: [stamp])
            }
        }
        _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM plan") }
    }

    // MARK: Reading

    /// The index against the files now: every plan's summary as last checked, the files that
    /// changed since (`stale`, their rows marked `checking`; a new file has an empty row), and
    /// rows of deleted files dropped.
    public struct Scan: Sendable {
        public var summaries: [PlanSummary]
        /// File names in `plans/` to check again.
        public var stale: [String]
        /// How many rows the index held: 0 means it is being built from nothing.
        public var indexed: Int
        /// Names ending `.yaml` in `plans/` that are not regular files (left out).
        public var skipped: Int
    }

    /// The rows as the index holds them, without looking at the files: what the plan list
    /// draws first, before `scan` (a few milliseconds later) marks what changed as "checking…".
    public func cached() throws -> [PlanSummary] {
        let folder = store.plansFolder
        return try pool.read { db in
            var out: [PlanSummary] = []
            let rows = try Row.fetchCursor(db, sql: IndexRow.summarySelect(stamps: false, costs: false))
            while let row = try rows.next() { out.append(IndexRow.summary(row, folder: folder, costsAt: nil)) }
            return out
        }
    }

    public func scan(costs: Bool = false) throws -> Scan {
        var skipped = 0
        let files = FileStamp.folder(store.plansFolder, suffix: ".yaml", skipped: &skipped)
        let audits = FileStamp.folder(store.auditFolder, suffix: ".log")
        let folder = store.plansFolder
        var out = Scan(summaries: [], stale: [], indexed: 0, skipped: skipped)
        var gone: [String] = []
        var seen = Set<String>()
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: IndexRow.summarySelect(stamps: true, costs: costs))
            while let row = try rows.next() {
                let name: String = row[0]
                out.indexed += 1
                guard let file = files[name] else { gone.append(name); continue }
                seen.insert(name)
                var s = IndexRow.summary(row, folder: folder, costsAt: costs ? 21 : nil)
                let was = FileStamp(size: row[17], mtime: row[18])
                let auditWas: FileStamp? = (row[19] as Int64?).map { FileStamp(size: $0, mtime: row[20]) }
                let auditNow = PlanID.isValid(s.id) ? audits[s.id + ".log"] : nil
                if was != file || auditWas != auditNow {
                    s.checking = true
                    out.stale.append(name)
                }
                out.summaries.append(s)
            }
        }
        for (name, _) in files where !seen.contains(name) {
            var s = PlanSummary(path: folder + "/" + name, id: String(name.dropLast(5)), name: "(new file)", status: "…",
                                budget: nil, errors: 0, warnings: 0, review: "—")
            s.checking = true
            out.summaries.append(s)
            out.stale.append(name)
        }
        if !gone.isEmpty {
            try pool.write { db in
                for name in gone { try db.execute(sql: "DELETE FROM plan WHERE name = ?", arguments: [name]) }
            }
        }
        if out.summaries.count > out.indexed - gone.count { out.summaries.sort { $0.path < $1.path } }  // new files in their place
        out.stale.sort()
        return out
    }

    /// Every plan's summary, the changed files checked again first (on every core, with
    /// `progress` told how it goes when there are many).
    public func current(costs: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [PlanSummary] {
        let scan = try self.scan(costs: costs)
        if scan.stale.isEmpty { return scan.summaries }
        let fresh = try refresh(scan.stale, progress: progress)
        let byPath = Dictionary(fresh.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return scan.summaries.compactMap { s in
            guard s.checking else { return s }
            guard var f = byPath[s.path] else { return nil }  // gone while it was read
            if !costs { f.costs = [] }
            return f
        }
    }

    /// The costs of every plan (for the caseload) with its summary.
    public func currentWithCosts(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [PlanSummary] {
        try current(costs: true, progress: progress)
    }

    // MARK: Checking files

    /// Reads and checks these files of `plans/` (on `jobs` threads) and writes their rows.
    /// Returns their summaries (a file that went away is left out and its row dropped).
    @discardableResult
    public func refresh(_ names: [String], jobs: Int = Checker.cores,
                        progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [PlanSummary] {
        guard !names.isEmpty else { return [] }
        let signed = store.signedVersions()
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        let results = Mutex<[IndexRow]>([])
        let threads = max(1, min(jobs, names.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var mine: [IndexRow] = []
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < names.count else { break }
                if let row = self.read(names[i], signed: signed) { mine.append(row) }
                let n = done.add(1, ordering: .relaxed).newValue
                if let progress, n % 250 == 0 || n == names.count { progress(n, names.count) }
            }
            results.withLock { $0 += mine }
        }
        let rows = results.withLock { $0 }
        let found = Set(rows.map(\.name))
        try pool.write { db in
            let insert = try db.makeStatement(sql: IndexRow.insertSQL)
            for row in rows { try insert.execute(arguments: row.arguments) }
            for name in names where !found.contains(name) {
                try db.execute(sql: "DELETE FROM plan WHERE name = ?", arguments: [name])
            }
        }
        return rows.map(\.summary)
    }

    /// One file read, hashed and checked; nil when it is not a regular file any more.
    func read(_ name: String, signed: [String: [Int]]?) -> IndexRow? {
        let path = store.plansFolder + "/" + name
        guard let stamp = FileStamp.of(path) else { return nil }  // stamped before reading: a change after is seen next time
        guard let bytes = try? AtomicFile.read(path, limit: policy.maxFileBytes) else {
            var s = PlanSummary(path: path, id: String(name.dropLast(5)), name: "(cannot be read)", status: "unreadable",
                                budget: nil, errors: 1, warnings: 0, review: "—")
            s.checking = false
            return IndexRow(name: name, stamp: stamp, sha256: "", audit: nil, summary: s)
        }
        let sha = IndexRow.sha256(bytes)
        let peek = store.summary(of: path, bytes: bytes, policy: policy, signed: signed)
        let audit = PlanID.isValid(peek.id) ? FileStamp.of(store.auditFolder + "/" + peek.id + ".log") : nil
        return IndexRow(name: name, stamp: stamp, sha256: sha, audit: audit, summary: peek)
    }

    /// The hash check when a plan is opened: when the file's bytes are not those the index
    /// read (changed behind its back, even with the same size and time), its row is read
    /// again and the new summary returned; nil when the row is right.
    public func verify(_ path: String) -> PlanSummary? {
        let name = String(path.split(separator: "/").last ?? "")
        guard path == store.plansFolder + "/" + name, let bytes = try? AtomicFile.read(path, limit: policy.maxFileBytes) else { return nil }
        let sha = IndexRow.sha256(bytes)
        let known = try? pool.read { db in try String.fetchOne(db, sql: "SELECT sha256 FROM plan WHERE name = ?", arguments: [name]) }
        if known == sha { return nil }
        return (try? refresh([name], jobs: 1))?.first
    }

    /// Checks these files on another thread; the list takes what is finished as it goes.
    public func refreshInBackground(_ names: [String]) -> BackgroundCheck {
        let job = BackgroundCheck()
        guard !names.isEmpty else { job.finish([]); return job }
        DispatchQueue.global().async {
            let fresh = (try? self.refresh(names, progress: { done, _ in job.progressed(done) })) ?? []
            let found = Set(fresh.map(\.path))
            // A file that went away while it was checked is reported as gone.
            job.finish(fresh, gone: names.map { self.store.plansFolder + "/" + $0 }.filter { !found.contains($0) })
        }
        return job
    }
}

/// Files being checked in the background: what is finished so far, and whether all are.
public final class BackgroundCheck: Sendable {
    private let state = Mutex<(fresh: [PlanSummary], gone: [String], done: Bool)>(([], [], false))
    private let read = Atomic<Int>(0)

    func progressed(_ n: Int) { read.store(n, ordering: .relaxed) }

    /// How many files have been read so far.
    public var filesRead: Int { read.load(ordering: .relaxed) }

    func finish(_ fresh: [PlanSummary], gone: [String] = []) {
        state.withLock { $0 = ($0.fresh + fresh, $0.gone + gone, true) }
    }

    /// Takes the summaries finished since the last call, the paths found gone, and whether
    /// the whole job is over.
    public func take() -> (fresh: [PlanSummary], gone: [String], done: Bool) {
        state.withLock { s in
            defer { s.fresh = []; s.gone = [] }
            return (s.fresh, s.gone, s.done)
        }
    }

    /// Blocks until the job is over (tests and the benchmark hook).
    public func wait() {
        while !state.withLock({ $0.done }) { usleep(2_000) }
    }
}
