/// The C-library clock helpers agree with Foundation's formatters (which the program avoids
/// for memory's sake): timestamps in UTC, today's date on the local clock.

import Foundation
import Testing
@testable import PlanCore

@Suite struct ClockTests {
    @Test(arguments: [0.0, 951_782_400.9, 1_795_600_920, 4_102_444_799, -86_401])
    func timestampMatchesISO8601(seconds: Double) {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Workflow.timestamp(date) == f.string(from: date))
    }

    @Test func todayMatchesTheCalendar() {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        let expected = PlanDate(year: parts.year!, month: parts.month!, day: parts.day!)
        // Either side of midnight the two reads may differ by a day; run it twice then.
        let today = PlanDate.today()
        #expect(today == expected || PlanDate.today() == expected)
    }
}
