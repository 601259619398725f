/// Statements made to slip past the checks, each refused at its `file:line:column`: a blank
/// balance (a forged row would go unchecked), rows out of date order, amounts with two signs
/// or a bare point, an over-long description, a row of thousands of fields, a header with a
/// column twice, paid-in and paid-out both filled or a negative paid-in, a single-byte layout
/// re-saved as UTF-8, and rules files whose paid-in and paid-out are one column or that skip
/// past the end.
import Foundation
import Testing
@testable import PlanCore

@Suite struct StatementHardeningTests {
    static let starlingHeader = "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes\n"

    func starling(_ rows: String) -> [UInt8] { Array((Self.starlingHeader + rows).utf8) }

    @Test func aBlankBalanceIsRefusedNotSkipped() {
        // A forged -5,000.00 with no balance: the rows either side still agree with each other.
        let forged = starling("01/04/2026,A,x,FP,100.00,100.00,,\n02/04/2026,FORGED,x,FP,-5000.00,,,\n03/04/2026,C,x,FP,-10.00,90.00,,\n")
        #expect(Statements.problem(forged) == "s.csv:3:33: error: the balance is empty, but the statement has a \"Balance (GBP)\" "
                + "column and every row is checked against it (a row without a balance could be anything). Export the statement "
                + "again from the bank, unedited. Nothing was imported.")
        // Every balance blank: refused at the first, not read as "no balance column".
        let allBlank = starling("01/04/2026,A,x,FP,100.00,,,\n02/04/2026,B,x,FP,-10.00,,,\n")
        let p = Statements.problem(allBlank)
        #expect(p?.hasPrefix("s.csv:2:26: error: the balance is empty") == true, "\(p ?? "")")
    }

    @Test func rowsOutOfDateOrderAreRefused() {
        let text = starling("01/04/2026,A,x,FP,100.00,100.00,,\n05/04/2026,B,x,FP,-10.00,90.00,,\n"
                            + "03/04/2026,C,x,FP,-10.00,80.00,,\n06/04/2026,D,x,FP,-10.00,70.00,,\n")
        #expect(Statements.problem(text) == "s.csv:4:1: error: this row's date (2026-04-03) is out of order: the statement lists "
                + "the oldest first (line 2 is 2026-04-01, line 5 is 2026-04-06), but the row before it (line 3) is 2026-04-05. "
                + "Rows were moved or changed: export the statement again from the bank, unedited. Nothing was imported.")
    }

    @Test(arguments: ["(-12.00)", "-£-12.00", "(+12.00)", "+£-12.00", "(£-12.00)"])
    func twoSignsAreNotMoney(text: String) {
        #expect(StatementAmount.parse(text) == .failure(.twoSigns))
    }

    @Test(arguments: ["12.", ".5", "£.50", "-.5"])
    func aPointNeedsDigitsBothSides(text: String) {
        #expect(StatementAmount.parse(text) == .failure(.notANumber))
    }

    @Test func aDoubleNegativeRowIsRefused() {
        let text = starling("01/04/2026,A,x,FP,100.00,100.00,,\n02/04/2026,B,x,FP,\"(-12.00)\",112.00,,\n")
        let p = Statements.problem(text)
        #expect(p?.hasPrefix("s.csv:3:19: error: \"(-12.00)\" has more than one sign") == true, "\(p ?? "")")
    }

    @Test func anOverlongDescriptionIsRefused() {
        let long = String(repeating: "x", count: StatementReader.maxDescription + 1)
        let text = starling("01/04/2026,\(long),x,FP,100.00,100.00,,\n")
        #expect(Statements.problem(text) == "s.csv:2:12: error: the description is 501 characters long; at most 500 are kept. "
                + "Correct the row, or export the statement again from the bank. Nothing was imported.")
        let fits = starling("01/04/2026,\(String(repeating: "x", count: 500)),x,FP,100.00,100.00,,\n")
        #expect(Statements.problem(fits) == nil)
    }

    @Test func aRowOfTooManyFieldsIsRefused() throws {
        let text = starling("01/04/2026,A,x,FP,100.00,100.00,," + String(repeating: ",", count: 100_000) + "\n")
        #expect(Statements.problem(text) == "s.csv:2:91: error: this row has more than 64 fields; a statement row has far "
                + "fewer. Export the statement again from the bank; if it was edited in a spreadsheet, save it as CSV. "
                + "Nothing was imported.")
        #expect(throws: CSVSyntaxError.self) { try CSVReader.records(Array(String(repeating: ",", count: 64).utf8)) }
        #expect(try CSVReader.records(Array(String(repeating: ",", count: 62).utf8)).first?.fields.count == 63)
    }

    @Test func aHeaderWithAColumnTwiceIsRefused() {
        let text = Array(("Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Amount (GBP)\n"
                          + "01/04/2026,A,x,FP,100.00,100.00,5.00\n").utf8)
        #expect(Statements.problem(text) == "s.csv:1:62: error: the header has two \"Amount (GBP)\" columns (fields 5 and 7), "
                + "so it is not clear which one to read. Export the statement again from the bank, or rename one of the "
                + "columns. Nothing was imported.")
    }

    @Test func lloydsDebitAndCreditBothFilledOrANegativeCredit() throws {
        let both = try Statements.text("lloyds.csv").replacingOccurrences(of: "23.40,,2201.10", with: "23.40,5.00,2201.10")
        #expect(Statements.problem(Array(both.utf8), file: "l.csv")?.hasPrefix("l.csv:3:57: error: both \"Credit Amount\" and "
                + "\"Debit Amount\" have an amount") == true)
        let negative = try Statements.text("lloyds.csv").replacingOccurrences(of: ",,2480.00,3480.00", with: ",,-2480.00,3480.00")
        #expect(negative != (try Statements.text("lloyds.csv")))
        #expect(Statements.problem(Array(negative.utf8), file: "l.csv")?.hasPrefix("l.csv:8:") == true)
        #expect(Statements.problem(Array(negative.utf8), file: "l.csv")?.contains("\"Credit Amount\" is negative (\"-2480.00\")") == true)
    }

    @Test func nationwideResavedAsUTF8ReadsAsUTF8() throws {
        let original = try StatementReader.read(try Statements.bytes("nationwide.csv"), file: "n.csv")
        // Every byte as ISO-8859-1 reads, written as UTF-8 (`£` becomes C2 A3), with and without a mark.
        let latin = try Statements.bytes("nationwide.csv")
        let utf8 = Array(String(String.UnicodeScalarView(latin.map { Unicode.Scalar($0) })).utf8)
        #expect(utf8 != latin)
        for bytes in [utf8, [0xEF, 0xBB, 0xBF] + utf8, [0xEF, 0xBB, 0xBF] + latin] {
            let s = try StatementReader.read(bytes, file: "n.csv")
            #expect(s.rows == original.rows)
        }
    }

    @Test func rulesWithPaidInAndOutOneColumnOrSkippingPastTheEnd() throws {
        let same = "date: Date\ndate_format: DD/MM/YYYY\ndescription: Memo\npaid_in: Money\npaid_out: money\n"
        do { _ = try StatementRules.read(Array(same.utf8), file: "r.yaml"); Issue.record("read") } catch {
            #expect(error.description == "r.yaml:5:11: error: `paid_in:` and `paid_out:` both name Money; they are two columns "
                    + "(money in, money out). Give each its own column, or one signed column as `amount:`")
        }
        var rules = try Statements.rules()
        rules.skipLines = 50
        let p = Statements.problem(try Statements.bytes("prepaid-card.csv"), file: "p.csv", rules: rules)
        #expect(p?.contains("the rules file skips 50 line(s), but the statement's last row is on line") == true, "\(p ?? "")")
    }
}
