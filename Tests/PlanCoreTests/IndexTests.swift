/// The store's index (`.supportplan/index.sqlite`): rebuilt when corrupt, the hash check when a
/// plan is opened, two openers at once, deleted and new plans, its file mode, and the caseload
/// worked out from it.
import Foundation
import Testing
@testable import PlanCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct IndexTests {
    /// A store in a new temporary folder with the two examples in `plans/`.
    static func store() throws -> PlanStore {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/plans", withIntermediateDirectories: true)
        for e in Paths.examples {
            try FileManager.default.copyItem(atPath: e.path, toPath: root + "/plans/" + e.lastPathComponent)
        }
        return PlanStore(root: root, user: UserFolders(config: root + "/user-config"))
    }

    func names(_ s: [PlanSummary]) -> [String] { s.map(\.name) }

    @Test func buildsThenReadsOnlyWhatChanged() throws {
        let store = try Self.store()
        let index = try PlanIndex.open(store, policy: .standard)
        let first = try index.scan()
        #expect(first.indexed == 0 && first.stale.count == 2 && first.summaries.allSatisfy(\.checking))
        let built = try index.current()
        #expect(names(built) == ["Peggy", "Cal"])  // by file name: older-person…, young-adult…
        #expect(built[0].budget == Money(pence: 1_725_000) && built[0].recurringAnnual == Money(pence: 1_703_614))
        let again = try index.scan()
        #expect(again.indexed == 2 && again.stale.isEmpty && !again.summaries.contains(where: \.checking))
        var mode = stat()
        #expect(stat(PlanIndex.path(of: store), &mode) == 0 && mode.st_mode & 0o777 == 0o600)
    }

    @Test func aCorruptIndexIsRebuiltFromTheFiles() throws {
        let store = try Self.store()
        _ = try PlanIndex.open(store, policy: .standard).current()
        PlanIndex.remove(store)
        let garbage = Array("this is not a database, it was overwritten by mistake\n".utf8) + [UInt8](repeating: 0xAB, count: 8_000)
        #expect(FileManager.default.createFile(atPath: PlanIndex.path(of: store), contents: Data(garbage)))
        let rows = store.summaries(policy: .standard)
        #expect(names(rows) == ["Peggy", "Cal"])
        #expect(rows[1].budget == Money(pence: 2_940_000))
        let header = try #require(FileManager.default.contents(atPath: PlanIndex.path(of: store)))
        #expect(header.prefix(15) == Data("SQLite format 3".utf8))
    }

    @Test func aPlanChangedWithTheSameSizeAndTimeIsReadAgainWhenOpened() throws {
        let store = try Self.store()
        let index = try PlanIndex.open(store, policy: .standard)
        _ = try index.current()
        let path = store.plansFolder + "/older-person-home-care.yaml"
        var before = stat()
        #expect(stat(path, &before) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("preferred_name: Peggy"))
        try text.replacingOccurrences(of: "preferred_name: Peggy", with: "preferred_name: Pegga")
            .write(toFile: path, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let scan = try index.scan()
        #expect(scan.stale.isEmpty)  // size and time say nothing changed
        #expect(scan.summaries[0].name == "Peggy")
        let fresh = try #require(index.verify(path))
        #expect(fresh.name == "Pegga")
        #expect(try index.scan().summaries[0].name == "Pegga")
        #expect(index.verify(path) == nil)  // now the row is right
    }

    @Test func twoOpenersAtOnce() throws {
        let store = try Self.store()
        for i in 0..<30 {
            try FileManager.default.copyItem(atPath: Paths.examples[i % 2].path, toPath: store.plansFolder + "/copy-\(i).yaml")
        }
        let counts = Mutex2()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let rows = (try? PlanIndex.open(store, policy: .standard).current()) ?? []
            counts.add(rows.count)
        }
        #expect(counts.values == [32, 32])
        #expect(try PlanIndex.open(store, policy: .standard).scan().indexed == 32)
    }

    @Test func aDeletedPlanDropsOutAndANewOneAppears() throws {
        let store = try Self.store()
        let index = try PlanIndex.open(store, policy: .standard)
        _ = try index.current()
        try FileManager.default.removeItem(atPath: store.plansFolder + "/young-adult-pa.yaml")
        try FileManager.default.copyItem(atPath: Paths.examples[1].path, toPath: store.plansFolder + "/a-new-one.yaml")
        let scan = try index.scan()
        #expect(scan.stale == ["a-new-one.yaml"])
        #expect(scan.summaries.count == 2 && scan.summaries.filter(\.checking).map(\.path) == [store.plansFolder + "/a-new-one.yaml"])
        let job = index.refreshInBackground(scan.stale)
        job.wait()
        let taken = job.take()
        #expect(taken.done && taken.fresh.map(\.name) == ["Cal"])
        #expect(names(try index.current()) == ["Cal", "Peggy"])
        #expect(try index.scan().indexed == 2)
    }

    @Test func caseloadFromTheIndexInPence() throws {
        let store = try Self.store()
        let rows = try PlanIndex.open(store, policy: .standard).currentWithCosts()
        let c = Caseload(rows, today: PlanDate("2027-11-01")!, underspendPercent: Hundredths(whole: 5))
        #expect(c.reviewsDue.map(\.id) == ["PW-2026-0117", "CA-2026-0388"] && c.reviewsDue.map(\.days) == [7, 14])
        #expect(c.overBudget.isEmpty)
        // Cal: £29,400.00 budget, £28,175.86 counted: £1,224.14 (4.2%) unplanned, under 5%; Peggy £213.86 of £17,250.
        #expect(c.underBudget.isEmpty)
        #expect(c.store.annualPence == 4_521_200 && c.store.oneOffPence == 40_400 && c.store.plans == 2)
        #expect(c.store.byFunding.map(\.key) == ["council", "person"])
        #expect(c.store.byFunding.map(\.annualPence) == [4_396_328, 124_872])
        #expect(c.authors.map(\.author) == ["Helen Mistry", "Priya Shah"])
        #expect(c.authors.map(\.totals.annualPence) == [1_703_614, 2_817_586])
        let tight = Caseload(rows, today: PlanDate("2028-01-01")!, underspendPercent: Hundredths(whole: 4))
        #expect(tight.underBudget.map(\.id) == ["CA-2026-0388"] && tight.underBudget.map(\.pence) == [122_414])
        #expect(tight.reviewsDue.map(\.days) == [-54, -47])
    }
}

/// Counts gathered from several threads.
final class Mutex2: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func add(_ n: Int) { lock.lock(); list.append(n); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return list }
}
