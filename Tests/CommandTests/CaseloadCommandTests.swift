/// `supportplan caseload --json` on a small store made from the examples (figures exact in
/// pence), `list --json` from the index, and two processes opening one store's index at once.
import Foundation
import Testing

@Suite(.serialized) struct CaseloadCommandTests {
    /// The test store plus two copies of Peggy's plan: one with its budget cut below its cost
    /// (over by £1,036.14), one with it raised (£2,963.86, 14.8%, not planned); Cal submitted.
    func store() throws -> SignOffCommandTests.Store {
        let s = try SignOffCommandTests.makeStore()
        let peggy = try String(contentsOf: Binary.examples.appendingPathComponent("older-person-home-care.yaml"), encoding: .utf8)
        for (id, final) in [("PW-2026-0999", "16000.00"), ("PW-2026-0998", "20000.00")] {
            let text = peggy.replacingOccurrences(of: "id: PW-2026-0117", with: "id: \(id)")
                .replacingOccurrences(of: "final: 17250.00", with: "final: \(final)")
            try text.write(toFile: s.plan(id), atomically: true, encoding: .utf8)
        }
        #expect(try Binary.run(["submit", s.plan("CA-2026-0388")], in: s.root, env: s.env).status == 0)
        return s
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func caseloadJSONInPence() throws {
        let s = try store()
        let days = PlanDateDays.until("2027-11-08")  // Peggy's next review; Cal's is a week later
        let run = try Binary.run(["caseload", "--json", "--days", String(days)], in: s.root, env: s.env)
        #expect(run.status == 0, "\(run.err)")
        let c = try object(run.out)
        let due = try #require(c["reviews_due"] as? [[String: Any]])
        #expect(due.compactMap { $0["id"] as? String } == ["PW-2026-0117", "PW-2026-0998", "PW-2026-0999"])
        #expect(due.compactMap { $0["days_until_due"] as? Int } == [days, days, days])
        let over = try #require(c["over_budget"] as? [[String: Any]])
        #expect(over.compactMap { $0["id"] as? String } == ["PW-2026-0999"])
        #expect(over.compactMap { $0["over_pence"] as? Int } == [103_614])
        let under = try #require(c["under_budget"] as? [[String: Any]])
        #expect(under.compactMap { $0["id"] as? String } == ["PW-2026-0998"])
        #expect(under.compactMap { $0["unplanned_pence"] as? Int } == [296_386])
        let waiting = try #require(c["waiting"] as? [[String: Any]])
        #expect(waiting.compactMap { $0["id"] as? String } == ["CA-2026-0388"])
        #expect(waiting.compactMap { $0["days_waiting"] as? Int } == [0])
        let store = try #require(c["store"] as? [String: Any])
        #expect(store["plans"] as? Int == 4)
        #expect(store["annual_pence"] as? Int == 3 * 1_703_614 + 2_817_586)
        #expect(store["one_off_pence"] as? Int == 3 * 7_500 + 32_900)
        let funding = try #require(store["by_funding"] as? [[String: Any]])
        #expect(funding.compactMap { $0["name"] as? String } == ["council", "person"])
        let authors = try #require(c["authors"] as? [[String: Any]])
        #expect(authors.compactMap { $0["author"] as? String } == ["Helen Mistry", "Priya Shah"])
        let helen = try #require(authors.first?["totals"] as? [String: Any])
        #expect(helen["annual_pence"] as? Int == 3 * 1_703_614 && helen["plans"] as? Int == 3)
        // Read again from the warm index: the same answer.
        #expect(try Binary.run(["caseload", "--json", "--days", String(days)], in: s.root, env: s.env).out == run.out)
        let list = try Binary.run(["list", "--json"], in: s.root, env: s.env)
        let rows = list.out.split(separator: "\n").compactMap { try? object(String($0)) }
        #expect(rows.compactMap { $0["id"] as? String } == ["CA-2026-0388", "PW-2026-0117", "PW-2026-0998", "PW-2026-0999"])
        #expect(rows.compactMap { $0["remaining_pence"] as? Int } == [122_414, 21_386, 296_386, -103_614])
        #expect(rows.first?["status"] as? String == "submitted")
    }

    @Test func twoProcessesOpenTheStoreAtOnce() throws {
        let s = try store()
        try? FileManager.default.removeItem(at: s.root.appendingPathComponent(".supportplan/index.sqlite"))
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let r = try? Binary.run(["list", "--json"], in: s.root, env: s.env) { results.add(r.status, r.out) }
        }
        #expect(results.all.count == 2)
        #expect(results.all.map(\.0) == [0, 0])
        #expect(results.all.map { $0.1.split(separator: "\n").count } == [4, 4])
        #expect(results.all[0].1 == results.all[1].1)
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(Int32, String)] = []
    func add(_ status: Int32, _ out: String) { lock.lock(); list.append((status, out)); lock.unlock() }
    var all: [(Int32, String)] { lock.lock(); defer { lock.unlock() }; return list }
}
