/// While curses owns the screen, anything written to stderr (runtime warnings, a library's
/// message) would draw over it. It goes to an in-memory file instead and is shown after the
/// screen is restored (htop `redirectStderr`/`dumpStderr`). No file is written on disk.
#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

struct StderrCapture {
    private var saved: Int32 = -1
    private var memory: Int32 = -1

    mutating func start() {
        memory = cnc_memfd("supportplan-stderr")
        guard memory >= 0 else { return }
        saved = dup(2)
        dup2(memory, 2)
        capturedStderrFD = memory
        realStderrFD = saved
    }

    /// Puts stderr back and writes out what was captured.
    mutating func stop() {
        guard saved >= 0, memory >= 0 else { return }
        capturedStderrFD = -1
        realStderrFD = -1
        dup2(saved, 2)
        close(saved)
        saved = -1
        lseek(memory, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(memory, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            _ = buffer.withUnsafeBytes { write(2, $0.baseAddress, n) }
        }
        close(memory)
        memory = -1
    }
}
