/// Plain line mode through a pipe: one line per prompt, no escape sequences, answers checked.
import Foundation
import Testing

@Suite struct LineModeTests {
    @Test func demoTranscript() throws {
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["terminal-demo"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data("Ann\nabc\n5\n9\n1\n".utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(out == """
            SupportPlan terminal check, in plain line mode (input or output is not a terminal).
            Answer each question and press Enter. End of input stops.
            1. Name:
            2. Weekly cost, like 24.10 or £1,234.50:
            That amount is not an amount of money (write it like 24.10 or £1,234.50). Please try again.
            2. Weekly cost, like 24.10 or £1,234.50:
            3. What kind of help is it?
              1. Personal assistant
              2. Agency
              3. Day service
              4. Equipment
            Type a number from 1 to 4:
            '9' is not one of the choices.
            Type a number from 1 to 4:
            Thank you. Ann: Personal assistant, £5.00 a week, within the £500.00 a week budget.

            """)
        #expect(!out.contains("\u{1B}"))
    }
}
