/// Reading statements: every built-in layout from its fixture in examples/statements/ (the
/// same seven rows written as each bank writes them), the rules file, amounts, dates, CSV
/// quoting, newest-first against oldest-first, and every way a file is refused, at its exact
/// `file:line:column`.
import Foundation
import Testing
@testable import PlanCore

enum Statements {
    static let folder = Paths.root.appendingPathComponent("examples/statements")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    /// The seven rows every fixture holds, oldest first: (date, pence, balance).
    static let expected: [(String, Int64, Int64)] = [
        ("2026-04-01", 248000, 348000), ("2026-04-03", -41250, 306750), ("2026-04-03", -41250, 265500),
        ("2026-04-07", -1800, 263700), ("2026-04-10", -41250, 222450), ("2026-04-14", -2340, 220110),
        ("2026-04-17", -41250, 178860),
    ]

    static func rules() throws -> StatementLayout {
        try StatementRules.read(try bytes("prepaid-card.yaml"), file: "prepaid-card.yaml")
    }

    /// The statement's problem, or nil when it reads.
    static func problem(_ bytes: [UInt8], file: String = "s.csv", rules: StatementLayout? = nil) -> String? {
        do { _ = try StatementReader.read(bytes, file: file, rules: rules); return nil } catch { return error.description }
    }
}

@Suite struct StatementLayoutTests {
    @Test(arguments: [("lloyds.csv", "Lloyds", true, true), ("nationwide.csv", "Nationwide", false, true),
                      ("natwest.csv", "NatWest", false, true), ("barclays.csv", "Barclays", true, false),
                      ("monzo.csv", "Monzo", false, false), ("starling.csv", "Starling", false, true)])
    func everyBuiltInLayoutReadsTheSameRows(file: String, layout: String, newestFirst: Bool, balance: Bool) throws {
        let s = try StatementReader.read(try Statements.bytes(file), file: file)
        #expect(s.layout == layout)
        #expect(s.newestFirst == newestFirst)
        #expect(s.hasBalance == balance)
        #expect(s.rows.map { "\($0.date)" } == Statements.expected.map(\.0))
        #expect(s.rows.map(\.amountPence) == Statements.expected.map(\.1))
        #expect(s.rows.map(\.balancePence) == Statements.expected.map { balance ? $0.2 : nil })
    }

    @Test func descriptionsAsEachBankWritesThem() throws {
        func wages(_ file: String) throws -> String {
            try StatementReader.read(try Statements.bytes(file), file: file).rows[1].description
        }
        #expect(try wages("lloyds.csv") == "G FENWICK WAGES")
        #expect(try wages("nationwide.csv") == "G FENWICK WAGES")
        #expect(try wages("natwest.csv") == "G FENWICK WAGES")  // the leading ' is the bank's, not the payee's
        #expect(try wages("barclays.csv") == "G FENWICK WAGES")  // the padding is one space
        #expect(try wages("monzo.csv") == "G Fenwick / G FENWICK WAGES")
        #expect(try wages("starling.csv") == "G Fenwick / WAGES")
    }

    @Test func sourceLinesAreTheFilesLines() throws {
        // Lloyds lists the newest first: the oldest row is the file's last line (8).
        let lloyds = try StatementReader.read(try Statements.bytes("lloyds.csv"), file: "lloyds.csv")
        #expect(lloyds.rows.map(\.line) == [8, 7, 6, 5, 4, 3, 2])
        // Nationwide has four lines before its header.
        let nationwide = try StatementReader.read(try Statements.bytes("nationwide.csv"), file: "nationwide.csv")
        #expect(nationwide.rows.map(\.line) == [6, 7, 8, 9, 10, 11, 12])
    }

    @Test func theRulesFileReadsThePrepaidCardReport() throws {
        let s = try StatementReader.read(try Statements.bytes("prepaid-card.csv"), file: "prepaid-card.csv", rules: try Statements.rules())
        #expect(s.layout == "Acme prepaid card")
        #expect(s.rows.map(\.amountPence) == Statements.expected.map(\.1))
        #expect(s.rows.map(\.balancePence) == Statements.expected.map(\.2))
        #expect(s.rows[1].description == "G Fenwick / Wages \u{2013} April")  // an en dash, 0x96 in Windows-1252
        #expect(s.rows.first?.line == 4)
    }

    @Test func newestFirstAndOldestFirstGiveTheSameRows() throws {
        let text = try Statements.text("lloyds.csv")
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let oldestFirst = Array(([header] + lines.reversed()).joined(separator: "\n").utf8)
        let a = try StatementReader.read(try Statements.bytes("lloyds.csv"), file: "a.csv")
        let b = try StatementReader.read(oldestFirst, file: "b.csv")
        #expect(a.newestFirst && !b.newestFirst)
        #expect(a.rows.map(\.amountPence) == b.rows.map(\.amountPence))
        #expect(a.rows.map(\.balancePence) == b.rows.map(\.balancePence))
        #expect(a.rows.map(\.description) == b.rows.map(\.description))
    }

    @Test func theHeaderIsLookedForInTheFirst30Lines() throws {
        // CRLF line ends count once: a header on line 30 is found, on line 31 it is not.
        let nationwide = try Statements.bytes("nationwide.csv")
        let header = try #require(nationwide.firstRange(of: Array("\"Date\"".utf8))?.lowerBound)
        func with(_ lines: Int) -> [UInt8] { Array(repeating: Array("\"Note:\",\"x\"\r\n".utf8), count: lines).flatMap { $0 } + nationwide[header...] }
        let found = try StatementReader.read(with(29), file: "n.csv")
        #expect(found.layout == "Nationwide")
        #expect(found.rows.first?.line == 31)
        #expect(Statements.problem(with(30), file: "n.csv")?.hasPrefix("n.csv:1:1: error: this is not a statement layout") == true)
    }

    @Test func withinADayTheBalancesDecideTheOrder() throws {
        // One day only: the dates cannot tell; the balances can (and they say newest first).
        let csv = """
            Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes
            03/04/2026,Shop,B,CARD,-2.00,95.00,,
            03/04/2026,Shop,A,CARD,-3.00,97.00,,
            """
        let s = try StatementReader.read(Array(csv.utf8), file: "day.csv")
        #expect(s.newestFirst)
        #expect(s.rows.map(\.description) == ["Shop / A", "Shop / B"])
    }
}

@Suite struct StatementAmountTests {
    @Test(arguments: [("£1,234.56", 123456), ("-12.00", -1200), ("(12.00)", -1200), ("12.5", 1250), ("12", 1200),
                      ("−3.10", -310), ("-£5.00", -500), ("£-5.00", -500), ("+7.01", 701), (" 1,000,000.00 ", 100_000_000),
                      ("0.5", 50), ("(£1,000.00)", -100_000)] as [(String, Int64)])
    func amountsInExactPence(text: String, pence: Int64) {
        #expect(StatementAmount.parse(text) == .success(pence))
    }

    @Test(arguments: [("1,23.00", AmountProblem.badCommas), ("1234,567.00", .badCommas), ("12.345", .tooManyDecimals),
                      ("abc", .notANumber), ("12.00 GBP", .notANumber), ("£", .notANumber), ("1.2.3", .notANumber),
                      ("99999999999999", .tooLarge)])
    func notAmounts(text: String, problem: AmountProblem) {
        #expect(StatementAmount.parse(text) == .failure(problem))
    }

    @Test func anEmptyCellIsNoAmount() {
        #expect(StatementAmount.parse("") == nil)
        #expect(StatementAmount.parse("  ") == nil)
    }
}

@Suite struct StatementDateTests {
    @Test func patterns() throws {
        let dmy = try #require(StatementDateFormat("DD/MM/YYYY"))
        #expect(dmy.parse("13/06/2025") == PlanDate("2025-06-13"))
        #expect(dmy.parse("3/6/2025") == PlanDate("2025-06-03"))
        #expect(dmy.parse("31/06/2025") == nil)
        #expect(dmy.parse("13/06/25") == nil)
        let named = try #require(StatementDateFormat("DD MMM YYYY"))
        #expect(named.parse("13 Jun 2025") == PlanDate("2025-06-13"))
        #expect(named.parse("13 JUN 2025") == PlanDate("2025-06-13"))
        #expect(named.parse("13 June 2025") == nil)
        #expect(StatementDateFormat("D MMMM YY")?.parse("1 February 26") == PlanDate("2026-02-01"))
        #expect(StatementDateFormat("YYYY-MM-DD")?.parse("2026-02-29") == nil)
        #expect(StatementDateFormat("DD/MM") == nil)
        #expect(StatementDateFormat("DD/MM/YYYY/DD") == nil)
    }
}

@Suite struct CSVReaderTests {
    func records(_ s: String) throws -> [CSVRecord] { try CSVReader.records(Array(s.utf8)) }

    @Test func quotingAndLineEnds() throws {
        let r = try records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x\ny,\n")
        #expect(r.map { $0.fields.map(\.text) } == [["a", "b, c", "say \"hi\""], ["two\nlines", "x"], ["y", ""]])
        #expect(r[1].fields.map { "\($0.line):\($0.column)" } == ["3:1", "4:8"])
        #expect(r[2].line == 5)
        #expect(r[2].fields[1].column == 3)
    }

    @Test func quotesOutOfPlace() {
        #expect(throws: CSVSyntaxError(line: 2, column: 3, problem: "this quoted field has no closing quote (\"), so the rest of the file would be one field")) {
            try records("a,b\nc,\"d\ne\n")
        }
        #expect(throws: CSVSyntaxError(line: 1, column: 4, problem: "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")")) {
            try records("a,b\"c\n")
        }
        #expect(throws: CSVSyntaxError(line: 1, column: 6, problem: "a character after the closing quote of the field that starts at 1:3; inside a quoted field write a quote as \"\"")) {
            try records("a,\"b\"c\n")
        }
    }
}

@Suite struct StatementRefusalTests {
    @Test func anUnknownLayoutNamesTheKnownOnesAndTheRulesFile() {
        let p = Statements.problem(Array("When,What,How much\n01/04/2026,Shop,-1.00\n".utf8), file: "card.csv")
        #expect(p == "card.csv:1:1: error: this is not a statement layout the program knows (it knows the CSV exports of "
                + "Lloyds, Nationwide, NatWest, Barclays, Monzo, Starling, by their header row). Check the file is the bank's "
                + "CSV export, or describe its columns in a rules file and give it with --rules FILE (see docs/spend.md, "
                + "\"Importing statements\"). Nothing was imported.")
    }

    @Test func aMissingColumn() throws {
        // Starling's header without its balance column.
        let text = try Statements.text("starling.csv").replacingOccurrences(of: ",Balance (GBP)", with: "")
        let p = Statements.problem(Array(text.utf8), file: "starling.csv")
        #expect(p?.hasPrefix("starling.csv:1:71: error: the header has no \"Balance (GBP)\" column, which the Starling layout needs.") == true, "\(p ?? "")")
    }

    @Test func aDateThatDoesNotParse() throws {
        let text = try Statements.text("lloyds.csv").replacingOccurrences(of: "10/04/2026", with: "31/04/2026")
        let p = Statements.problem(Array(text.utf8), file: "lloyds.csv")
        #expect(p == "lloyds.csv:4:1: error: \"31/04/2026\" is not a date in the form DD/MM/YYYY (the Lloyds layout). Correct the "
                + "row, or export the statement again. Nothing was imported.")
    }

    @Test func bytesNotInTheEncoding() throws {
        // Monzo is UTF-8: a lone 0xA3 (a pound sign in Latin-1) in line 3's name.
        var monzo = try Statements.bytes("monzo.csv")
        let at = try #require(monzo.firstRange(of: Array("G Fenwick".utf8))?.lowerBound)  // on line 3
        monzo.insert(0xA3, at: at)
        #expect(Statements.problem(monzo, file: "monzo.csv")?.hasPrefix(
            "monzo.csv:3:52: error: byte 0xA3 is not a character in utf-8, the encoding of Monzo statements.") == true,
            "\(Statements.problem(monzo, file: "monzo.csv") ?? "")")
        // Nationwide is ISO-8859-1: 0x85 is a control code there (an ellipsis in Windows-1252).
        var nationwide = try Statements.bytes("nationwide.csv")
        let i = try #require(nationwide.firstRange(of: Array("PAYROLL".utf8))?.lowerBound)
        nationwide[i] = 0x85
        #expect(Statements.problem(nationwide, file: "nationwide.csv")?.hasPrefix(
            "nationwide.csv:9:29: error: byte 0x85 is not a character in iso-8859-1, the encoding of Nationwide statements.") == true,
            "\(Statements.problem(nationwide, file: "nationwide.csv") ?? "")")
    }

    @Test func aBalanceThatDoesNotAddUp() throws {
        // Lloyds, newest first: line 5's balance 2,637.00 changed to 2,637.10.
        let text = try Statements.text("lloyds.csv").replacingOccurrences(of: "18.00,,2637.00", with: "18.00,,2637.10")
        let p = Statements.problem(Array(text.utf8), file: "lloyds.csv")
        #expect(p == "lloyds.csv:5:70: error: the balance does not add up: the row before it (line 6) leaves £2,655.00, and "
                + "this row's -£18.00 makes £2,637.00, not £2,637.10. A row is missing or was changed: export the statement "
                + "again from the bank, unedited. Nothing was imported.")
    }

    @Test func aMissingRowBreaksTheBalance() throws {
        // The first wage payment of 3 April left out: the next row's balance no longer follows.
        let text = try Statements.text("starling.csv").split(separator: "\n").enumerated().filter { $0.offset != 2 }
            .map(\.element).joined(separator: "\n")
        let p = Statements.problem(Array(text.utf8), file: "starling.csv")
        #expect(p?.hasPrefix("starling.csv:3:51: error: the balance does not add up: the row before it (line 2) leaves £3,480.00") == true, "\(p ?? "")")
    }

    @Test func anEmptyStatement() throws {
        #expect(Statements.problem([], file: "e.csv") == "e.csv:1:1: error: the statement is empty. Export it again from the bank "
                + "(as CSV), covering the days you need. Nothing was imported.")
        #expect(Statements.problem([0xEF, 0xBB, 0xBF, 0x0A], file: "e.csv")?.hasPrefix("e.csv:1:1: error: the statement is empty.") == true)
        // Nationwide's account lines and header, and no rows.
        let nationwide = try Statements.bytes("nationwide.csv")
        let end = try #require(nationwide.firstRange(of: Array("\"Balance\"\r\n".utf8))?.upperBound)
        #expect(Statements.problem(Array(nationwide[..<end]), file: "n.csv") == "n.csv:6:1: error: the statement has no "
                + "transactions after its header. Export a statement that covers the days you need. Nothing was imported.")
    }

    @Test func anAmountThatIsNotOne() throws {
        let text = try Statements.text("barclays.csv").replacingOccurrences(of: "-18.00", with: "-18.000")
        #expect(Statements.problem(Array(text.utf8), file: "b.csv") == "b.csv:5:31: error: \"-18.000\" has more than two decimal "
                + "places. Correct the row, or export the statement again from the bank. Nothing was imported.")
    }

    @Test func aRowCutShort() throws {
        let text = try Statements.text("starling.csv").replacingOccurrences(of: "07/04/2026,Payroll Bureau Ltd,PAYSLIPS,FASTER PAYMENT,-18.00,2637.00,PAYMENTS,", with: "07/04/2026,Payroll Bureau Ltd,PAYSLIPS")
        #expect(Statements.problem(Array(text.utf8), file: "s.csv") == "s.csv:5:39: error: this row has 3 fields, so it has no "
                + "\"Amount (GBP)\" (field 5). The row is cut short: export the statement again from the bank. Nothing was imported.")
    }

    @Test func neitherPaidInNorPaidOut() throws {
        let text = try Statements.text("lloyds.csv").replacingOccurrences(of: "23.40,,2201.10", with: ",,2201.10")
        #expect(Statements.problem(Array(text.utf8), file: "l.csv")?.hasPrefix("l.csv:3:57: error: neither \"Credit Amount\" nor \"Debit Amount\" has an amount.") == true)
    }

    @Test func quotesOutOfPlace() throws {
        // NatWest's last field left open: the rest of the file would be one field.
        var text = try Statements.text("natwest.csv")
        text = String(text.dropLast(3)) + ",\r\n"  // ("\r\n" is one Character) the last row ends `"'560036-12345678",` without its closing quote
        #expect(Statements.problem(Array(text.utf8), file: "n.csv")?.hasPrefix("n.csv:9:73: error: this quoted field has no closing quote") == true)
        // A closing quote lost in the middle: the next quote closes the field, and what follows it is refused.
        let odeon = try Statements.text("natwest.csv").replacingOccurrences(of: "\"'ODEON CINEMAS TICKETS\"", with: "\"'ODEON CINEMAS TICKETS")
        #expect(Statements.problem(Array(odeon.utf8), file: "n.csv")?.hasPrefix("n.csv:8:56: error: a character after the closing "
                + "quote of the field that starts at 8:16;") == true)
    }
}

@Suite struct StatementRulesTests {
    func problem(_ yaml: String) -> String? {
        do { _ = try StatementRules.read(Array(yaml.utf8), file: "r.yaml"); return nil } catch { return error.description }
    }

    @Test func theExampleRulesFile() throws {
        let l = try Statements.rules()
        #expect(l.name == "Acme prepaid card")
        #expect(l.encoding == .windows1252)
        #expect(l.skipLines == 2)
        #expect(l.amount == .split(paidIn: .named("Loaded"), paidOut: .named("Spent")))
        #expect(l.balance == .named("Card Balance"))
    }

    @Test func faultsNameTheRulesFilesLineAndColumn() {
        #expect(problem("date: Date\ndate_format: DD/MM/YYYY\ndescription: Memo\nammount: Amount\n")
                == "r.yaml:4:1: error: `ammount` is not a rules-file key; the keys are name, encoding, skip, header, date, "
                + "date_format, description, amount, amount_sign, paid_in, paid_out, balance, order")
        #expect(problem("date: Date\ndate_format: DD/MM/YYY\ndescription: Memo\namount: Amount\n")?
            .hasPrefix("r.yaml:2:14: error: `DD/MM/YYY` is not a date format") == true)
        #expect(problem("date_format: DD/MM/YYYY\ndescription: Memo\namount: Amount\n")
                == "r.yaml:1:1: error: the rules file has no `date:`; give the column that holds the date")
        #expect(problem("header: false\ndate: Date\ndate_format: DD/MM/YYYY\ndescription: 2\namount: 3\n")
                == "r.yaml:2:7: error: `date`: with `header: false` a column is given by its number (1 for the first)")
        #expect(problem("date: 1\ndate_format: DD/MM/YYYY\ndescription: 2\namount: 3\npaid_in: 4\n")
                == "r.yaml:4:9: error: give either `amount:` (one signed column) or `paid_in:` and `paid_out:`, not both")
        #expect(problem("date: 1\ndate_format: DD/MM/YYYY\ndescription: 2\namount: 3\nencoding: ebcdic\n")
                == "r.yaml:5:11: error: `ebcdic` is not an encoding the program reads: utf-8, iso-8859-1 or windows-1252")
        #expect(problem("date: [1\n")?.hasPrefix("r.yaml:") == true)
    }

    @Test func columnsByNumberWithoutAHeader() throws {
        let l = try StatementRules.read(Array("header: false\ndate: 1\ndate_format: YYYY-MM-DD\ndescription: 2\namount: 3\namount_sign: out-positive\n".utf8), file: "r.yaml")
        let s = try StatementReader.read(Array("2026-04-02,Shop,2.50\n2026-04-01,Refund,-1.00\n".utf8), file: "c.csv", rules: l)
        #expect(s.rows.map(\.amountPence) == [100, -250])
        #expect(s.newestFirst)
        #expect(!s.hasBalance)
    }

    @Test func aRulesFileColumnMissingFromTheStatement() throws {
        let l = try StatementRules.read(Array("date: Date\ndate_format: DD/MM/YYYY\ndescription: Payee\namount: Amount\n".utf8), file: "r.yaml")
        #expect(Statements.problem(Array("Date,Amount\n01/04/2026,1.00\n".utf8), file: "c.csv", rules: l)
                == "c.csv:1:12: error: the header has no \"Payee\" column, which the rules file r.yaml names. "
                + "Correct the column's name in the rules file. Nothing was imported.")
    }
}

@Suite struct SpendDocsTests {
    /// Every rules-file key has its row in docs/spend.md's table.
    @Test func everyRulesKeyIsDocumented() throws {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("docs/spend.md"), encoding: .utf8)
        for key in StatementRules.keys { #expect(text.contains("\n| \(key) |"), "docs/spend.md lacks `\(key)`") }
        for layout in StatementLayout.builtIn { #expect(text.contains("\n| \(layout.name)"), "docs/spend.md lacks \(layout.name)") }
    }
}

@Suite struct StatementTextTests {
    func text(_ bytes: [UInt8], _ e: StatementEncoding) throws -> String {
        String(decoding: try StatementText.decode(bytes, as: e), as: UTF8.self)
    }

    @Test func eachEncodingItsOwnBytes() throws {
        #expect(try text([0xA3, 0x31], .iso88591) == "£1")
        #expect(try text([0x80, 0x96], .windows1252) == "€\u{2013}")
        #expect(try text([0xEF, 0xBB, 0xBF, 0xC2, 0xA3], .iso88591) == "£")  // a BOM: UTF-8
        #expect(throws: UndecodableByte(line: 2, column: 2, byte: 0x81)) { try StatementText.decode([0x41, 0x0A, 0x42, 0x81], as: .windows1252) }
        #expect(throws: UndecodableByte(line: 1, column: 3, byte: 0x9D)) { try StatementText.decode([0x41, 0x42, 0x9D], as: .iso88591) }
        #expect(throws: UndecodableByte(line: 1, column: 2, byte: 0xE2)) { try StatementText.decode([0x41, 0xE2, 0x82, 0x0A], as: .utf8) }
        #expect(throws: UndecodableByte(line: 1, column: 3, byte: 0xFF)) { try StatementText.decode([0xC2, 0xA3, 0xC2, 0xA3, 0xFF], as: .utf8) }
    }

    @Test func columnsCountCharacters() throws {
        // "£" is two bytes in UTF-8 and one column.
        let r = try CSVReader.records(Array("£1,£2,\"é\"\"x\",y\n".utf8))
        #expect(r[0].fields.map(\.column) == [1, 4, 7, 14])
        #expect(r[0].fields.map(\.text) == ["£1", "£2", "é\"x", "y"])
    }
}
