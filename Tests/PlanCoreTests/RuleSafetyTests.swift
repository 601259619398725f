/// Safety, rights and process: near misses and edges of each rule, notably the review dates
/// counted from the plan's start (`shared/spec/rules.md`, "Plan's start").
import Testing
@testable import PlanCore

@Suite("Rules: safety, rights and process")
struct RuleSafetyTests: RuleTesting {
    @Test func adviceIsOneFindingNamingEachMissingPart() {
        let found = expectFires(.adviceMissing, in: variant([
            ("  meet_or_reduce: Told Alex about the free travel training scheme.\n", ""),
            ("prevent_or_delay: Told dad about his right to a carer's assessment.", "prevent_or_delay: ~"),
        ]), at: "advice:")
        #expect(found.first.map { $0.message.contains("meet_or_reduce") && $0.message.contains("prevent_or_delay") } == true)
    }

    @Test func anAdvocateInPlannedWithIsInvolvement() {
        expectQuiet(.involvementMissing, in: variant([("    role: person\n", "    role: advocate\n")]))
        expectFires(.involvementMissing, in: variant([("planned_with:\n  - name: Alex Morgan\n    role: person\n", "planned_with:\n")]))
    }

    @Test(arguments: ["status: not-yet", "status: ~", ""])
    func agreementMissing(_ status: String) {
        let yaml = variant([("  status: agreed\n", status.isEmpty ? "" : "  \(status)\n")])
        expectFires(.agreementMissing, in: yaml)
    }

    @Test(arguments: ["partly-agreed", "disagreed"])
    func disagreementNeedsThePersonsWords(_ status: String) {
        let withWords = variant([("status: agreed", "status: \(status)")])
        expectQuiet(.disagreementWordsMissing, in: withWords)
        expectQuiet(.agreementMissing, in: withWords)
        expectFires(.disagreementWordsMissing,
                    in: variant([("person_words: |\n    I am happy with my plan.\n", "person_words: \"\"\n")], of: withWords),
                    at: "person_words:")
    }

    @Test func agreedNeedsNoWords() {
        expectQuiet(.disagreementWordsMissing, in: variant([("person_words: |\n    I am happy with my plan.\n", "person_words: \"\"\n")]))
    }

    /// A plan of paid recurring lines only, with no PA and no direct payment.
    func agencyOnly(_ secondProvider: String, management: String = "managed-account") -> String {
        let supports = """
            supports:
              - id: S1
                what: Help to get to town
                kind: agency
                provider: Brightcare Ltd
                funding: council
                management: \(management)
                rate: 24.00
                unit: hour
                quantity: 10
                per: week
                meets: [N1, O1]
              - id: S7
                what: Cooking practice at home with a support worker
                kind: agency
                provider: \(secondProvider)
                funding: council
                management: managed-account
                rate: 23.50
                unit: hour
                quantity: 2
                per: week
                meets: [N2, O2]

            """
        return variant([(RuleFixture.supportsBlock, supports), (RuleFixture.contingencyBlock, "")])
    }

    @Test func contingencyWhenOneProviderDoesAllThePaidSupport() {
        expectFires(.contingencyMissing, in: agencyOnly("Brightcare Ltd"))
        expectQuiet(.contingencyMissing, in: agencyOnly("Kindred Care"))
        expectFires(.contingencyMissing, in: agencyOnly("Kindred Care", management: "direct-payment"))
        // No PA and no direct payment, several providers.
        expectQuiet(.contingencyMissing, in: variant([(RuleFixture.contingencyBlock, ""), ("kind: pa\n", "kind: activity\n"),
                                                      ("management: direct-payment", "management: managed-account")]))
        // The base plan has a PA line: without contingency it fires.
        expectFires(.contingencyMissing, in: variant([(RuleFixture.contingencyBlock, "")]), at: "format:")
    }

    @Test func riskAcceptedByThePersonIsManaged() {
        let noMitigation = ("mitigation: Travel training one route at a time with Lewis.", "mitigation: ~")
        expectQuiet(.riskUnmanaged, in: variant([noMitigation, ("accepted_by_person: false", "accepted_by_person: true")]))
        let two = variant([noMitigation, ("    accepted_by_person: false\n",
                                          "    accepted_by_person: false\n  - risk: Alex may forget his keys.\n")])
        expectFires(.riskUnmanaged, in: two, at: "- risk: Alex may get lost", count: 2)
    }

    @Test func reviewNextAbsentForms() {
        expectFires(.reviewMissing, in: variant([("next: 2027-11-16", "next: \"\"")]), at: "next:")
        expectQuiet(.reviewMissing, in: variant([("next: 2027-11-16", "next: 2027-11-32")]))  // date-invalid instead
    }

    @Test(arguments: [("2028-01-04", false), ("2028-01-05", true), ("2027-01-04", false)])
    func nextReviewWithinTwelveMonthsOfTheStart(_ next: String, _ fires: Bool) {
        let yaml = variant([("next: 2027-11-16", "next: \(next)")])
        if fires {
            expectFires(.reviewOver12Months, in: yaml, at: "next: \(next)")
        } else {
            expectQuiet(.reviewOver12Months, in: yaml)
        }
    }

    /// Twelve months is the same calendar day, not 365 days: across 29 February 2028 it is 366.
    @Test(arguments: [("2027-06-01", "2028-06-01", false), ("2027-06-01", "2028-06-02", true),
                      ("2028-02-28", "2029-02-28", false), ("2028-02-28", "2029-03-01", true)])
    func nextReviewIsTheSameCalendarDayAYearLater(_ start: String, _ next: String, _ fires: Bool) {
        let yaml = variant([("start: 2027-01-04", "start: \(start)"), ("    start: 2027-01-11\n", ""),
                            ("next: 2027-11-16", "next: \(next)")])
        #expect(fires == self.fires(.reviewOver12Months, in: yaml))
    }

    /// 29 February counts as 28 February a year later.
    @Test(arguments: [("2029-02-28", false), ("2029-03-01", true)])
    func nextReviewFromTwentyNinthFebruary(_ next: String, _ fires: Bool) {
        let yaml = variant([("start: 2027-01-04", "start: 2028-02-29"), ("start: 2027-01-11", "start: 2028-03-06"),
                            ("created: 2026-11-16", "created: 2028-02-01"), ("first: 2027-02-15", "first: 2028-04-25"),
                            ("next: 2027-11-16", "next: \(next)")])
        #expect(fires == self.fires(.reviewOver12Months, in: yaml))
        expectQuiet(.firstReviewLate, in: yaml)  // 2028-04-25 is 56 days after 2028-02-29
        expectQuiet(.dateInvalid, in: yaml)
    }

    @Test func planStartIsTheEarliestSupportStart() {
        // An informal line starting earlier moves the start to 2026-12-01: the limit becomes 2027-12-01.
        let earlier = ("meets: [N2]\n", "meets: [N2]\n    start: 2026-12-01\n")
        expectFires(.reviewOver12Months, in: variant([earlier, ("next: 2027-11-16", "next: 2027-12-02")]))
        expectQuiet(.reviewOver12Months, in: variant([earlier, ("next: 2027-11-16", "next: 2027-12-01")]))
        // Without it the start is S1's 2027-01-04 and 2027-12-02 is well within 12 months.
        expectQuiet(.reviewOver12Months, in: variant([("next: 2027-11-16", "next: 2027-12-02")]))
    }

    @Test func planStartIsCreatedWhenNoLineHasAStart() {
        let noStarts: [(String, String)] = [("    start: 2027-01-04\n", ""), ("    start: 2027-01-11\n", "")]
        expectQuiet(.reviewOver12Months, in: variant(noStarts))  // next is exactly 12 months after created
        expectFires(.reviewOver12Months, in: variant(noStarts + [("next: 2027-11-16", "next: 2027-11-17")]), at: "next: 2027-11-17")
        // The first review then counts from 2026-11-16 too: 56 days later is 2027-01-11.
        expectQuiet(.firstReviewLate, in: variant(noStarts + [("first: 2027-02-15", "first: 2027-01-11")]))
        expectFires(.firstReviewLate, in: variant(noStarts + [("first: 2027-02-15", "first: 2027-01-12")]))
    }

    @Test(arguments: [("2027-03-01", false), ("2027-03-02", true), ("2027-01-04", false)])
    func firstReviewWithinFiftySixDays(_ first: String, _ fires: Bool) {
        let yaml = variant([("first: 2027-02-15", "first: \(first)")])
        if fires {
            expectFires(.firstReviewLate, in: yaml, at: "first: \(first)")
        } else {
            expectQuiet(.firstReviewLate, in: yaml)
        }
    }

    @Test func firstReviewOnlyForANewPlan() {
        let noFirst = ("  first: 2027-02-15\n", "")
        expectFires(.firstReviewLate, in: variant([noFirst]), at: "review:")
        expectQuiet(.firstReviewLate, in: variant([noFirst, ("version: 1", "version: 2")]))
        expectQuiet(.firstReviewLate, in: variant([("first: 2027-02-15", "first: 2027-06-01"), ("version: 1", "version: 3")]))
    }

    @Test func bestInterestsRecordedIsEnough() {
        let noCapacity = ("has_capacity: true", "has_capacity: false")
        expectFires(.bestInterestsMissing, in: variant([noCapacity]), at: "best_interests:")
        expectQuiet(.bestInterestsMissing, in: variant([noCapacity, ("best_interests: \"\"", "best_interests: |\n    Decided with dad and Alex's GP.")]))
    }

    @Test func advocateOrAppropriatePersonIsEnough() {
        let difficulty = ("substantial_difficulty: false", "substantial_difficulty: true")
        expectFires(.advocateMissing, in: variant([difficulty]), at: "  advocate: \"\"")
        expectQuiet(.advocateMissing, in: variant([difficulty, ("advocate: \"\"", "advocate: Sam Okafor (VoiceAbility)")]))
        expectQuiet(.advocateMissing, in: variant([difficulty, ("appropriate_person: \"\"", "appropriate_person: Tom Morgan")]))
    }

    @Test(arguments: [("care-home", false), ("supported-living", false), ("shared-lives", false),
                      ("agency", true), ("respite", true)])
    func topUpOnlyOnAccommodation(_ kind: String, _ fires: Bool) {
        let yaml = variant([("kind: agency\n    provider: Brightcare Ltd\n    funding: council",
                             "kind: \(kind)\n    provider: Brightcare Ltd\n    funding: top-up")])
        #expect(fires == self.fires(.topUpNotAccommodation, in: yaml))
    }

    @Test func eligibleNeedMetByTopUpAndByTheBudgetIsFine() {
        let topUp = ("funding: council\n    management: managed-account", "funding: top-up\n    management: managed-account")
        expectQuiet(.topUpMeetsEligibleNeed, in: variant([topUp]))  // the informal line meets N2 too
        expectFires(.topUpMeetsEligibleNeed, in: variant([topUp, ("meets: [N2]\n", "meets: [O1]\n")]), at: "- id: N2")
    }

    @Test(arguments: [
        ("I like football, music and my cat.", "I like football and my Direct Payment.", "about_me:"),
        ("Short sentences, please.", "Short sentences about respite, please.", "communication:"),
        ("- Going to the football on Saturdays", "- Going to the football without safeguarding", "- Going to the football"),
        ("I want to learn to cook three meals I like.", "I want a bigger personal budget.", "text: I want a bigger"),
        ("I am happy with my plan.", "Happy with the care and support plan.", "person_words:"),
    ])
    func jargonInThePersonsWords(_ from: String, _ to: String, _ at: String) {
        expectFires(.jargon, in: variant([(from, to)]), at: at)
    }

    @Test func jargonOnlyInPersonFacingTextAndAsWholeWords() {
        // Professional fields may use professional words.
        expectQuiet(.jargon, in: variant([("what: Lewis, my PA, for town, buses and football", "what: Direct payment for a PA")]))
        expectQuiet(.jargon, in: variant([("free travel training scheme.", "free travel training scheme and direct payments.")]))
        // "RAS" is a term; "rash" is not.
        expectQuiet(.jargon, in: variant([("my cat.", "my cat's rash.")]))
        // The longer term hides the shorter one inside it: one finding.
        expectFires(.jargon, in: variant([("my cat.", "my eligible needs.")]), count: 1)
    }
}
