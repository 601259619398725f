/// Direct payments and personal assistants: near misses and edges of each rule
/// (`shared/spec/rules.md`, and the dated rate table at its end).
import Testing
@testable import PlanCore

@Suite("Rules: direct payments and personal assistants")
struct RuleDirectPaymentTests: RuleTesting {
    /// The base plan with no direct-payment line (managed accounts are not direct payments).
    var noDirectPayment: String {
        variant([("management: direct-payment", "management: managed-account")])
    }

    @Test func paymentFrequencyOnlyNeededForDirectPayments() {
        expectFires(.dpPaymentMissing, in: variant([("payment: four-weekly", "payment: \"\"")]), at: "payment:")
        expectQuiet(.dpPaymentMissing, in: variant([("  payment: four-weekly\n", "")], of: noDirectPayment))
    }

    @Test func authorisedPersonOnlyForADirectPaymentWithoutCapacity() {
        let noCapacity = ("has_capacity: true", "has_capacity: false")
        expectFires(.dpAuthorisedPersonMissing, in: variant([noCapacity]), at: "authorised_person:")
        expectQuiet(.dpAuthorisedPersonMissing, in: variant([noCapacity], of: noDirectPayment))
        expectQuiet(.dpAuthorisedPersonMissing, in: variant([noCapacity, ("authorised_person: \"\"", "authorised_person: Tom Morgan")]))
        expectQuiet(.dpAuthorisedPersonMissing, in: variant([("has_capacity: true", "has_capacity: ~")]))
    }

    @Test func relativeInHouseholdNeedsTheRecordedException() {
        let relative = ("relative_in_household: false", "relative_in_household: true")
        expectFires(.dpRelativeInHousehold, in: variant([relative]), at: "necessary_exception:")
        expectQuiet(.dpRelativeInHousehold,
                    in: variant([relative, ("necessary_exception: \"\"", "necessary_exception: Alex needs help at night; agreed by the council.")]))
        expectFires(.dpRelativeInHousehold, in: variant([relative, ("necessary_exception: \"\"", "necessary_exception: \"   \"")]))
    }

    /// DP Regulations 2014 reg. 8: up to 4 weeks (28 days or nights) a year is a lawful short stay.
    @Test(arguments: [
        ("night", "28", "year", false), ("night", "29", "year", true), ("night", "28.01", "year", true),
        ("day", "28", "year", false), ("day", "29", "year", true),
        ("week", "4", "year", false), ("week", "5", "year", true),
        ("night", "2", "month", false), ("night", "3", "month", true),       // 24 / 36 a year
        ("night", "2", "4-weeks", false), ("night", "3", "4-weeks", true),   // 26 / 39 a year
        ("night", "0.5", "week", false), ("night", "1", "week", true),       // 26 / 52 a year
        ("item", "1", "year", true), ("hour", "1", "year", true), ("session", "1", "year", true),
    ])
    func residentialCareByDirectPayment(_ unit: String, _ quantity: String, _ per: String, _ fires: Bool) {
        let yaml = insertingSupport(RuleFixture.careHomeLine(unit: unit, quantity: quantity, per: per))
        if fires {
            expectFires(.dpResidentialCare, in: yaml, at: "- id: S9")
        } else {
            expectQuiet(.dpResidentialCare, in: yaml)
        }
    }

    @Test func residentialCareNotByDirectPaymentIsNotThisRule() {
        expectQuiet(.dpResidentialCare,
                    in: insertingSupport(RuleFixture.careHomeLine(quantity: "60", management: "managed-account")))
        expectQuiet(.dpResidentialCare,
                    in: insertingSupport(RuleFixture.careHomeLine(quantity: "60", management: "council-managed")))
    }

    /// The agency line S7 made a purchase (an item, not a worker's hours) of `what`.
    func purchase(_ what: String) -> String {
        variant([("what: Cooking practice at home with a support worker", "what: \(what)"), ("kind: agency\n", "kind: other\n"),
                 ("unit: hour\n    quantity: 2", "unit: item\n    quantity: 2")])
    }

    @Test(arguments: [
        ("Rent arrears", "rent"), ("Money for FOOD", "food"), ("Paying household bills", "household bills"),
        ("Gambling stakes", "gambling"), ("NHS-funded care top up", "NHS-funded care"), ("debt repayments", "debt"),
        ("tobacco", "tobacco"), ("Alcohol", "alcohol"),
    ])
    func notAllowedWordsMatchWholeWordsInAnyCase(_ what: String, _ word: String) {
        let yaml = purchase(what)
        let found = expectFires(.notAllowedItem, in: yaml, at: "what: \(what)")
        #expect(found.first?.message.contains(word) == true, "\(found)")
    }

    @Test(arguments: ["Help with current accounts", "Rental of a hoist", "Foodbank run", "A household helper",
                      "Debtor letters", "Parent support"])
    func wordsInsideOtherWordsAreAllowed(_ what: String) {
        expectQuiet(.notAllowedItem, in: purchase(what))
    }

    @Test func unpaidLinesMayMentionNotAllowedWords() {
        expectQuiet(.notAllowedItem, in: variant([("what: Dad helps me with the weekly shop", "what: Dad buys my food and pays the rent")]))
    }

    /// Rates from 2026-04-01: £12.71 (21+), £10.85 (18–20), £8.00 (under 18). Equal is lawful.
    @Test(arguments: [
        (30, "12.71", false), (30, "12.70", true), (21, "12.70", true), (20, "12.70", false),
        (20, "10.85", false), (20, "10.84", true), (18, "10.84", true), (17, "10.84", false),
        (17, "8.00", false), (17, "7.99", true),
    ])
    func paMinimumWageByAge(_ age: Int, _ rate: String, _ fires: Bool) {
        let yaml = variant([("rate: 13.00", "rate: \(rate)"), ("age: 30", "age: \(age)")])
        if fires {
            expectFires(.paBelowMinimumWage, in: yaml, at: "rate: \(rate)")
        } else {
            expectQuiet(.paBelowMinimumWage, in: yaml)
        }
    }

    @Test func paOfUnknownAgeIsHeldToTheAdultRate() {
        expectFires(.paBelowMinimumWage, in: variant([("rate: 13.00", "rate: 12.70"), ("      age: 30\n", "")]), at: "rate: 12.70")
    }

    /// A rate lawful at the start but below the new rate on a later day of the line's first year.
    @Test func paMinimumWageOverTheFirstYear() {
        let rate = ("rate: 13.00", "rate: 12.21")
        // From 2026-01-05 the first year includes 2026-04-01, when £12.71 applies.
        expectFires(.paBelowMinimumWage, in: variant([rate, ("start: 2027-01-04", "start: 2026-01-05")]), at: "rate: 12.21")
        // Ending on 2026-03-31, it never meets the new rate.
        expectQuiet(.paBelowMinimumWage, in: variant([rate, ("start: 2027-01-04", "start: 2026-01-05\n    end: 2026-03-31")]))
        // Ending on 2026-04-01, it does.
        expectFires(.paBelowMinimumWage, in: variant([rate, ("start: 2027-01-04", "start: 2026-01-05\n    end: 2026-04-01")]))
        // From 2025-04-01 the first year ends on 2026-03-31; from 2025-04-02 it includes 2026-04-01.
        expectQuiet(.paBelowMinimumWage, in: variant([rate, ("start: 2027-01-04", "start: 2025-04-01")]))
        expectFires(.paBelowMinimumWage, in: variant([rate, ("start: 2027-01-04", "start: 2025-04-02")]))
        // £12.20 is below even the 2025 rate.
        expectFires(.paBelowMinimumWage, in: variant([("rate: 13.00", "rate: 12.20"), ("start: 2027-01-04", "start: 2025-04-01")]))
    }

    @Test func paLineWithoutStartUsesThePlansCreatedDate() {
        let noStart = [("rate: 13.00", "rate: 12.21"), ("    start: 2027-01-04\n", "")]
        expectFires(.paBelowMinimumWage, in: variant(noStart + [("created: 2026-11-16", "created: 2026-01-05")]))
        expectQuiet(.paBelowMinimumWage, in: variant(noStart + [("created: 2026-11-16", "created: 2025-04-01")]))
    }

    @Test func elInsuranceIsNeededOnlyWithAPA() {
        let noInsurance = ("on_cost: el-insurance", "on_cost: training")
        expectFires(.paELInsuranceMissing, in: variant([noInsurance]), at: "- id: S1")
        expectQuiet(.paELInsuranceMissing, in: variant([noInsurance, ("kind: pa\n", "kind: activity\n")]))
    }

    @Test func missingOnCostsAreOneFindingNamingEach() throws {
        let noAllowance = ("employment_allowance: true", "employment_allowance: false")
        let two = expectFires(.paOncostsMissing, in: variant([("on_cost: payroll", "on_cost: dbs"), noAllowance,
                                                              ("on_cost: employer-ni", "on_cost: recruitment")]), at: "- id: S1")
        let message = try #require(two.first?.message)
        #expect(message.contains("employer-ni") && message.contains("payroll") && !message.contains("holiday-cover"))
        let all = expectFires(.paOncostsMissing, in: variant([("on_cost: payroll", "on_cost: dbs"), noAllowance,
                                                              ("on_cost: employer-ni", "on_cost: recruitment"),
                                                              ("on_cost: holiday-cover", "on_cost: training")]))
        #expect(all.first.map { ["employer-ni", "holiday-cover", "payroll"].allSatisfy($0.message.contains) } == true)
        // No PA line, no on-cost finding.
        expectQuiet(.paOncostsMissing, in: variant([("on_cost: payroll", "on_cost: dbs"), ("kind: pa\n", "kind: activity\n")]))
    }

    /// Pension: a PA aged 22 to 65 whose line costs more than £10,000 a year.
    @Test(arguments: [(21, false), (22, true), (30, true), (65, true), (66, false)])
    func pensionByAge(_ age: Int, _ fires: Bool) {
        let yaml = variant([("on_cost: pension", "on_cost: training"), ("age: 30", "age: \(age)")])
        if fires {
            expectFires(.paPensionMissing, in: yaml, at: "- id: S1")
        } else {
            expectQuiet(.paPensionMissing, in: yaml)
        }
    }

    @Test(arguments: [("10000.00", false), ("10000.01", true)])
    func pensionOverTenThousandAYear(_ annual: String, _ fires: Bool) {
        let yaml = variant([("on_cost: pension", "on_cost: training"),
                            ("rate: 13.00\n    unit: hour\n    quantity: 16\n    per: week",
                             "rate: \(annual)\n    unit: hour\n    quantity: 1\n    per: year")])
        #expect(fires == self.fires(.paPensionMissing, in: yaml))
    }

    @Test func pensionLineOrLowPayMeansNoFinding() {
        expectQuiet(.paPensionMissing, in: base)
        expectQuiet(.paPensionMissing, in: variant([("on_cost: pension", "on_cost: training"), ("quantity: 16", "quantity: 10")]))
    }
}
