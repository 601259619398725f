/// Money and quantities are read exactly from text, never through floating point.
import Testing
@testable import PlanCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("24.10", Int64(2410)), ("£24.10", 2410), ("15200", 1_520_000), ("£15,200.00", 1_520_000),
        ("0.5", 50), ("7.05", 705), ("1,234,567.89", 123_456_789), ("0", 0), (" 12.00 ", 1200),
        ("£0.01", 1), ("+3", 300), ("10000000", 1_000_000_000),
    ])
    func reads(_ text: String, _ pence: Int64) {
        #expect(Money.parse(text) == .success(Money(pence: pence)))
    }

    @Test(arguments: [
        ("24.105", Money.Problem.tooManyDecimals), ("-5", .negative), ("£-5.00", .negative), ("abc", .notANumber),
        ("12,00", .badCommas), ("1,2345", .badCommas), ("", .notANumber), ("24.", .notANumber), (".5", .notANumber),
        ("£", .notANumber), ("1e3", .notANumber), ("10000000.01", .tooLarge), ("99999999999999999999", .tooLarge),
        ("12.3.4", .notANumber), ("£ 5", .notANumber), ("0x10", .notANumber),
    ])
    func rejects(_ text: String, _ problem: Money.Problem) {
        #expect(Money.parse(text) == .failure(problem))
    }

    @Test func writesPlainAndPounds() {
        #expect(Money(pence: 2410).plainText == "24.10")
        #expect(Money(pence: 5).plainText == "0.05")
        #expect(Money(pence: 1_520_000).pounds == "£15,200.00")
        #expect(Money.pounds(-71240) == "-£712.40")
        #expect(Money.pounds(100_000_000_000) == "£1,000,000,000.00")
        #expect(Hundredths.parse("100000.01") == .failure(.tooLarge))
        #expect(Hundredths.parse("100000") == .success(Hundredths(whole: 100_000)))
    }

    @Test(arguments: [("7", Int64(700)), ("7.5", 750), ("5.25", 525), ("0.01", 1), ("168", 16800)])
    func quantities(_ text: String, _ hundredths: Int64) {
        let q = Hundredths.parse(text)
        #expect(q == .success(Hundredths(hundredths: hundredths)))
        if case .success(let v) = q { #expect(v.description == text) }
    }

    @Test func quantityRejects() {
        #expect(Hundredths.parse("7.125") == .failure(.tooManyDecimals))
        #expect(Hundredths.parse("-1") == .failure(.negative))
        #expect(Hundredths.parse("1,000") == .failure(.notANumber))
    }
}

@Suite struct PlanDateTests {
    @Test func readsOnlyRealDates() {
        #expect(PlanDate("2026-02-28") != nil)
        #expect(PlanDate("2028-02-29") != nil)
        #expect(PlanDate("2026-02-29") == nil)
        #expect(PlanDate("2026-13-01") == nil)
        #expect(PlanDate("2026-4-01") == nil)
        #expect(PlanDate("26-04-01") == nil)
        #expect(PlanDate("2026-04-01T00:00") == nil)
    }

    @Test func arithmetic() {
        let d = PlanDate("2026-12-01")!
        #expect(d.adding(days: 56).description == "2027-01-26")
        #expect(PlanDate("2028-02-29")!.adding(years: 1).description == "2029-02-28")
        #expect(PlanDate("2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(PlanDate(dayNumber: 0).description == "1970-01-01")
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(PlanDate(dayNumber: n).dayNumber == n)
        }
        #expect(PlanDate("2026-04-01")!.spoken == "1 April 2026")
    }
}
