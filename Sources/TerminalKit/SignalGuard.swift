/// Leaves the terminal usable on every way out (terminal-ui.md §1.5, htop `CRT.c`):
/// - a crash (SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE): write the reset bytes, restore
///   termios, then re-raise through the previous handler (Swift's backtracer prints after);
/// - SIGTERM, SIGINT, SIGHUP: write a byte to a self-pipe, so the loop can save and stop; a
///   second one restores the terminal at once and exits.
/// Handlers only do async-signal-safe work (write, tcsetattr, sigaction, raise, _exit).
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// ESC[?1049l leave the alternate screen, ?25h show the cursor, ?1l ESC> normal keypad,
/// mouse off, bracketed paste off, attributes off.
let resetBytes: [UInt8] = Array("\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?1000l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[0m\r\n".utf8)

nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveTermios = false
nonisolated(unsafe) private var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
nonisolated(unsafe) private var resetBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
nonisolated(unsafe) private var resetCount = 0
nonisolated(unsafe) private var pipeWrite: Int32 = -1
nonisolated(unsafe) private var stopRequests: Int32 = 0
nonisolated(unsafe) private var outputFD: Int32 = 1
/// While stderr is captured: the in-memory file and the real stderr (see `StderrCapture`).
nonisolated(unsafe) var capturedStderrFD: Int32 = -1
nonisolated(unsafe) var realStderrFD: Int32 = -1

public enum SignalGuard {
    public static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    public static let stopSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    /// After Ctrl-Z and `fg` the shell has switched bracketed paste off: the loop turns it on again.
    public static let resumeSignal: Int32 = SIGCONT

    /// Saves termios and installs the crash restorer. Call before curses starts.
    @MainActor public static func installCrashRestorer(outputFD fd: Int32) {
        outputFD = fd
        haveTermios = tcgetattr(fd, &savedTermios) == 0
        resetCount = resetBytes.count
        for (i, b) in resetBytes.enumerated() { resetBuffer[i] = b }
        for sig in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                restoreTerminalNow()
                sigaction(sig, previousActions + Int(sig), nil)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, previousActions + Int(sig))
        }
    }

    /// Routes SIGTERM, SIGINT and SIGHUP to a pipe the loop watches; returns its read end.
    @MainActor public static func installStopHandlers() -> Int32 {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        pipeWrite = fds[1]
        stopRequests = 0
        var resume = sigaction()
        resume.__sigaction_handler.sa_handler = { sig in
            var b = UInt8(truncatingIfNeeded: sig)
            _ = write(pipeWrite, &b, 1)
        }
        sigemptyset(&resume.sa_mask)
        resume.sa_flags = Int32(SA_RESTART)
        sigaction(SIGCONT, &resume, previousActions + Int(SIGCONT))
        for sig in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                stopRequests += 1
                if stopRequests > 1 {
                    restoreTerminalNow()
                    _exit(128 + sig)
                }
                var b = UInt8(truncatingIfNeeded: sig)
                _ = write(pipeWrite, &b, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, previousActions + Int(sig))
        }
        return fds[0]
    }

    /// Puts back the handlers that were there before (after curses has stopped).
    @MainActor public static func uninstall() {
        for sig in crashSignals + stopSignals + [SIGCONT] {
            sigaction(sig, previousActions + Int(sig), nil)
        }
        if pipeWrite >= 0 { close(pipeWrite); pipeWrite = -1 }
    }
}

/// Async-signal-safe: write the reset bytes, restore the saved terminal modes, and put the
/// real stderr back with what was captured, so a crash report is seen after the screen.
private func restoreTerminalNow() {
    _ = write(outputFD, resetBuffer, resetCount)
    if haveTermios { _ = tcsetattr(outputFD, TCSANOW, &savedTermios) }
    guard capturedStderrFD >= 0, realStderrFD >= 0 else { return }
    _ = dup2(realStderrFD, 2)
    _ = lseek(capturedStderrFD, 0, SEEK_SET)
    var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    while true {
        let n = withUnsafeMutableBytes(of: &buffer) { read(capturedStderrFD, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        _ = withUnsafeBytes(of: &buffer) { write(2, $0.baseAddress, n) }
    }
    capturedStderrFD = -1
}
