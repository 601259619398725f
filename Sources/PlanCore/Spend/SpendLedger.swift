/// A plan's money in use, as kept in the store: `spend/ID/transactions.jsonl` (every
/// statement row imported, oldest first) and `spend/ID/imports.jsonl` (one line per import).
/// Both are 0600 (0660 in a group-shared store), each written whole (`AtomicFile`) under an
/// exclusive `flock` on the plan's `spend/ID/` folder, so two imports never interleave.
///
/// A transaction's id is the first 16 hex digits of the SHA-256 of its date, amount,
/// description and its occurrence among the statement's identical rows (same date, amount and
/// description): two identical payments on one day are two transactions, and a statement that
/// overlaps one already imported adds only the rows the ledger does not have.
import Foundation
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// One import, as `imports.jsonl` records it.
public struct StatementImport: Sendable, Hashable {
    /// The file name as given on the command line (`<stdin>` for `-`).
    public var file: String
    public var sha256: String
    public var time: String
    public var layout: String
    public var rowsRead: Int
    public var rowsAdded: Int
}

/// What an import did.
public struct ImportResult: Sendable {
    public var record: StatementImport
    /// The rows the statement holds, oldest first, with their ids.
    public var transactions: [Transaction]
    /// The rows that were new to the ledger.
    public var added: [Transaction]
    public var from: PlanDate
    public var to: PlanDate
    public var newestFirst: Bool
    public var hasBalance: Bool
}

public struct SpendLedger: Sendable {
    public let store: PlanStore
    public let planID: String

    /// Refused unless `planID` is a valid plan id and the plan is in the store (in `plans/`,
    /// or signed off in `signed/`).
    public init(store: PlanStore, planID: String) throws(StoreError) {
        guard PlanID.isValid(planID) else {
            throw .refused("\(PlanID.shown(planID)): not a plan id (\(PlanID.rule))")
        }
        let signed = (try? FileManager.default.contentsOfDirectory(atPath: store.signedFolder))?
            .contains { $0.hasPrefix(planID + "-v") && $0.hasSuffix(".yaml") } ?? false
        guard AtomicFile.isRegularFile(store.planPath(planID)) || signed else {
            throw .refused("\(planID): there is no such plan in the store at \(store.root) (no plans/\(planID).yaml). "
                           + "Check the plan's id (`supportplan list`), or give the store with --store DIR.")
        }
        self.store = store
        self.planID = planID
    }

    public var folder: String { store.root + "/spend/" + planID }
    public var transactionsPath: String { folder + "/transactions.jsonl" }
    public var importsPath: String { folder + "/imports.jsonl" }

    // MARK: Reading

    /// Every transaction kept, oldest first; none when nothing was imported yet. Refused at
    /// `transactions.jsonl:LINE:1` when a line is not as the ledger writes it: a date that is
    /// not one, an amount or balance beyond a statement row's limit or not a whole number, an
    /// id twice, or a date before the line above's (a bad merge or a hand edit).
    public func transactions() throws(StoreError) -> [Transaction] {
        try requireRealFolders()
        var lineNumbers: [Int] = []
        let lines = try Self.readLines(transactionsPath, as: TransactionLine.self, lineNumbers: &lineNumbers)
        var out: [Transaction] = []
        out.reserveCapacity(lines.count)
        var ids = Set<String>()
        ids.reserveCapacity(lines.count)
        for (i, l) in lines.enumerated() {
            func refuse(_ what: String) -> StoreError {
                .unreadable("\(transactionsPath):\(lineNumbers[i]):1: error: \(what); the file was changed by hand or "
                            + "merged badly. Restore it from git (git checkout -- \(transactionsPath)).")
            }
            guard let date = PlanDate(l.date) else { throw refuse("`date` is not a date (YYYY-MM-DD)") }
            let limit = StatementAmount.limitPence
            guard l.amount_pence.magnitude <= limit.magnitude else {
                throw refuse("`amount_pence` is beyond the largest amount a statement row may hold (\(limit) pence)")
            }
            if let b = l.balance_pence, b.magnitude > limit.magnitude {
                throw refuse("`balance_pence` is beyond the largest amount a statement row may hold (\(limit) pence)")
            }
            guard ids.insert(l.id).inserted else {
                throw refuse("the transaction \(SafeText.visible(l.id)) is in the ledger twice")
            }
            if let previous = out.last, date < previous.date {
                throw refuse("the date \(date) is before the line above's (\(previous.date)); the ledger is kept oldest first")
            }
            out.append(Transaction(id: l.id, date: date, description: l.description, amountPence: l.amount_pence,
                                   balancePence: l.balance_pence, sourceSHA256: l.source_sha256, sourceLine: l.source_line))
        }
        return out
    }

    /// Every import recorded, oldest first.
    public func imports() throws(StoreError) -> [StatementImport] {
        try requireRealFolders()
        var lineNumbers: [Int] = []
        return try Self.readLines(importsPath, as: ImportLine.self, lineNumbers: &lineNumbers).map {
            StatementImport(file: $0.file, sha256: $0.sha256, time: $0.time, layout: $0.layout, rowsRead: $0.rows_read,
                            rowsAdded: $0.rows_added)
        }
    }

    // MARK: Importing

    /// Reads a statement (refused whole on any fault: `StoreError.unreadable` with
    /// `file:line:column`), then adds the rows the ledger does not have yet, under the lock.
    /// `name` is the file as the person named it, for messages and the import record.
    @discardableResult
    public func importStatement(_ bytes: [UInt8], name: String, rules: StatementLayout? = nil,
                                time: String = Workflow.timestamp()) throws(StoreError) -> ImportResult {
        let statement: ReadStatement
        do { statement = try StatementReader.read(bytes, file: name, rules: rules) } catch {
            throw .unreadable(error.description)
        }
        let sha = AuditLog.sha256(bytes)
        let incoming = Self.transactions(statement.rows, sourceSHA256: sha)
        return try withLock { () throws(StoreError) -> ImportResult in
            var kept = try transactions()
            let known = Set(kept.map(\.id))
            let added = incoming.filter { !known.contains($0.id) }
            var earlier = try imports()
            // The first record of this file counts every row it brought, those an earlier run
            // added before it stopped short of recording itself included.
            let addedBefore = earlier.contains { $0.sha256 == sha } ? 0 : kept.count(where: { $0.sourceSHA256 == sha })
            let record = StatementImport(file: name, sha256: sha, time: time, layout: statement.layout,
                                         rowsRead: incoming.count, rowsAdded: added.count + addedBefore)
            if !added.isEmpty {
                // New rows go after the ledger's rows of the same day, in the statement's order.
                kept += added
                kept = kept.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
                try write(kept.map(Self.jsonLine), to: transactionsPath)
            }
            earlier += Self.unrecorded(kept, imports: earlier + [record], time: time)  // not this import's own rows
            try write((earlier + [record]).map(Self.jsonLine), to: importsPath)
            return ImportResult(record: record, transactions: incoming, added: added, from: incoming.first!.date,
                                to: incoming.last!.date, newestFirst: statement.newestFirst, hasBalance: statement.hasBalance)
        }
    }

    /// Imports whose rows are in the ledger but that `imports.jsonl` does not record (the
    /// program stopped between writing the two files): recorded now, by their rows.
    static func unrecorded(_ kept: [Transaction], imports: [StatementImport], time: String) -> [StatementImport] {
        let recorded = Set(imports.map(\.sha256))
        var counts: [String: Int] = [:]
        var order: [String] = []
        for t in kept where !recorded.contains(t.sourceSHA256) {
            if counts[t.sourceSHA256] == nil { order.append(t.sourceSHA256) }
            counts[t.sourceSHA256, default: 0] += 1
        }
        return order.map {
            StatementImport(file: "(not recorded: the import stopped before recording it)", sha256: $0, time: time, layout: "",
                            rowsRead: counts[$0]!, rowsAdded: counts[$0]!)
        }
    }

    /// Rows (oldest first) with their ids: an identical row's second occurrence gets index 1.
    public static func transactions(_ rows: [StatementRow], sourceSHA256: String) -> [Transaction] {
        var seen: [String: Int] = [:]
        return rows.map { row in
            let key = "\(row.date)\u{1F}\(row.amountPence)\u{1F}\(row.description)"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return Transaction(id: id(date: row.date, amountPence: row.amountPence, description: row.description,
                                      occurrence: occurrence),
                               date: row.date, description: row.description, amountPence: row.amountPence,
                               balancePence: row.balancePence, sourceSHA256: sourceSHA256, sourceLine: row.line)
        }
    }

    /// The stable id: 16 hex digits of SHA-256("DATE\u1F AMOUNT\u1F DESCRIPTION\u1F OCCURRENCE").
    public static func id(date: PlanDate, amountPence: Int64, description: String, occurrence: Int) -> String {
        let digest = SHA256.hash(data: Array("\(date)\u{1F}\(amountPence)\u{1F}\(description)\u{1F}\(occurrence)".utf8))
        return digest.prefix(8).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }

    // MARK: Files

    /// Refused when `spend/` or `spend/ID/` (under the store root) is there but is not a real
    /// folder: a symbolic link there would put the ledger outside the store.
    func requireRealFolders() throws(StoreError) {
        for path in [store.root + "/spend", folder] {
            var info = stat()
            guard lstat(path, &info) == 0 else { return }  // missing: made when first written
            if (info.st_mode & S_IFMT) != S_IFDIR {
                throw .refused("\(SafeText.visible(path)) is \(AtomicFile.describe(info.st_mode)), not a folder; the spend folder "
                               + "must be a real folder in the store, or the ledger would be written elsewhere. Nothing was "
                               + "read or written. Remove it (rm \(SafeText.visible(path))) and import the statements again, "
                               + "or move the real folder back there.")
            }
        }
    }

    /// Runs `body` holding an exclusive `flock` on `spend/ID/` (made 0700, or 2770 shared; an
    /// existing one is set to that mode). `spend/` and `spend/ID/` are opened one under the
    /// other without following links: a link there is refused.
    public func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try requireRealFolders()
        let rootFD = open(store.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw .file(FileError(store.root, "cannot open the store folder")) }
        defer { close(rootFD) }
        func openFolder(_ parent: Int32, _ name: String, _ path: String) throws(StoreError) -> Int32 {
            if mkdirat(parent, name, FileModes.folder) == 0 {
                if FileModes.isGroupShared { _ = fchmodat(parent, name, FileModes.folder, 0) }  // past the umask, with setgid
            } else if errno != EEXIST {
                throw .file(FileError(path, "cannot create the folder"))
            }
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                try requireRealFolders()  // a link put there since: say so
                throw .file(FileError(path, "cannot open the spend folder"))
            }
            return fd
        }
        let spendFD = try openFolder(rootFD, "spend", store.root + "/spend")
        defer { close(spendFD) }
        let fd = try openFolder(spendFD, planID, folder)
        defer { close(fd) }
        _ = fchmod(fd, FileModes.folder)
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .file(FileError(folder, "cannot lock the spend folder")) }
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    func write(_ lines: [String], to path: String) throws(StoreError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.count * 200)
        for line in lines { bytes += line.utf8; bytes.append(0x0A) }
        do { try AtomicFile.write(bytes, to: path, exactMode: FileModes.file, followLinks: false) } catch { throw .file(error) }
    }

    static func jsonLine(_ t: Transaction) -> String {
        "{\"id\":\(quoted(t.id)),\"date\":\"\(t.date)\",\"description\":\(quoted(t.description)),"
            + "\"amount_pence\":\(t.amountPence),\"balance_pence\":\(t.balancePence.map(String.init) ?? "null"),"
            + "\"source_sha256\":\(quoted(t.sourceSHA256)),\"source_line\":\(t.sourceLine)}"
    }

    /// A JSON string: as is between quotes when it holds nothing to escape (printable ASCII
    /// but `"` and `\\`, or any non-ASCII but C1 controls), else `JSONWriter.quote`.
    static func quoted(_ s: String) -> String {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(b))
                || (previous == 0xE2 && b == 0x80) {  // U+2028/2029 and friends: let the writer decide
                return JSONWriter.quote(s)
            }
            previous = b
        }
        return "\"" + s + "\""
    }

    static func jsonLine(_ i: StatementImport) -> String {
        var w = JSONWriter()
        w.object { o in
            o.field("file") { $0.string(i.file) }
            o.field("sha256") { $0.string(i.sha256) }
            o.field("time") { $0.string(i.time) }
            o.field("layout") { $0.string(i.layout) }
            o.field("rows_read") { $0.int(Int64(i.rowsRead)) }
            o.field("rows_added") { $0.int(Int64(i.rowsAdded)) }
        }
        return w.text
    }

    /// The lines of a `.jsonl` file decoded, oldest first; none when the file is missing. The
    /// whole file is decoded at once; on a fault, line by line to name the line at fault.
    static func readLines<T: Decodable>(_ path: String, as type: T.Type, lineNumbers: inout [Int]) throws(StoreError) -> [T] {
        guard AtomicFile.anythingAt(path) else { return [] }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path, limit: 1 << 30) } catch { throw .file(error) }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var array: [UInt8] = [0x5B]
        array.reserveCapacity(bytes.count + 2)
        lineNumbers.removeAll()
        for (i, line) in lines.enumerated() where !line.isEmpty {
            if let column = fractionalNumber(line) {
                throw .unreadable("\(path):\(i + 1):\(column): error: a number that is not a whole number (the ledger writes "
                                  + "pence and line numbers as whole numbers, like 1250); the file was changed by hand. "
                                  + "Restore it from git (git checkout -- \(path)).")
            }
            if array.count > 1 { array.append(0x2C) }
            array += line
            lineNumbers.append(i + 1)
        }
        array.append(0x5D)
        let decoder = JSONDecoder()
        if let all = try? decoder.decode([T].self, from: Data(array)) { return all }
        for (i, line) in lines.enumerated() where !line.isEmpty {
            do { _ = try decoder.decode(T.self, from: Data(line)) } catch {
                throw .unreadable("\(path):\(i + 1):1: error: this line is not what the ledger writes (\(Self.why(error))); "
                                  + "the file was changed by hand or cut short. Restore it from git (git checkout -- \(path)).")
            }
        }
        throw .unreadable("\(path):1:1: error: the file is not JSON lines as the ledger writes them. Restore it from git "
                          + "(git checkout -- \(path)).")
    }

    /// The column (1-based) of a `.` or an exponent in a number outside strings, if any.
    static func fractionalNumber(_ line: ArraySlice<UInt8>) -> Int? {
        var inString = false, escaped = false, previous: UInt8 = 0
        for (k, b) in line.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
            } else if b == 0x22 {
                inString = true
            } else if b == 0x2E || ((b == 0x65 || b == 0x45) && (0x30...0x39).contains(previous)) {
                return k + 1
            }
            previous = b
        }
        return nil
    }

    static func why(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "`\(key.stringValue)` is missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return c.codingPath.last.map { "`\($0.stringValue)` is not valid" } ?? "not a JSON object"
        default: return "not a JSON object"
        }
    }

    struct TransactionLine: Codable {
        var id: String
        var date: String
        var description: String
        var amount_pence: Int64
        var balance_pence: Int64?
        var source_sha256: String
        var source_line: Int
    }

    struct ImportLine: Codable {
        var file: String
        var sha256: String
        var time: String
        var layout: String
        var rows_read: Int
        var rows_added: Int
    }
}
