/// The one owner of ncurses (MainActor only: curses is not thread-safe, and the process has
/// one SCREEN). It starts and stops the terminal, reads events and presents Canvases.
///
/// - `.terminal`: the real tty, alternate screen, colours unless `NO_COLOR`/`--no-color`.
/// - `.headless(Size)`: `newterm` on /dev/null, for tests that read the screen back.
///
/// `present` copies only the cells that changed since the last frame and ALWAYS moves the
/// terminal cursor to the canvas cursor, visible or not: screen readers follow it.
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

@MainActor
public final class CursesScreen {
    public enum Mode: Sendable { case terminal, headless(Size) }

    public struct Options: Sendable {
        public var color: Bool
        public init(color: Bool = true) { self.color = color }

        /// Colour unless `NO_COLOR` is set (to anything) or `TERM=dumb`.
        public static func fromEnvironment(noColorFlag: Bool) -> Options {
            let noColor = getenv("NO_COLOR") != nil || getenv("TERM").map { String(cString: $0) } == "dumb"
            return Options(color: !(noColorFlag || noColor))
        }
    }

    public let mode: Mode
    public private(set) var size: Size
    public private(set) var colorOn = false
    private var screen: OpaquePointer?
    private var outFile: UnsafeMutablePointer<FILE>?
    private var inFile: UnsafeMutablePointer<FILE>?
    private var previous: Canvas?
    private var pairs: [Color: Int16] = [:]
    private var stderrCapture = StderrCapture()
    private var stopPipe: Int32 = -1
    private var pendingEvents: [InputEvent] = []
    public private(set) var running = false
    /// Bytes written to the terminal are not ours to count; tests use a pty for that.

    static let pasteStart: Int32 = 0x1000
    static let pasteEnd: Int32 = 0x1001

    public init(mode: Mode, options: Options = Options()) {
        self.mode = mode
        ensureUTF8Locale()
        switch mode {
        case .terminal:
            SignalGuard.installCrashRestorer(outputFD: 1)
            stderrCapture.start()
            if getenv("ESCDELAY") == nil { set_escdelay(25) }
            outFile = fdopen(dup(1), "w")
            inFile = fdopen(dup(0), "r")
            screen = newterm(nil, outFile, inFile)
        case .headless(let s):
            setenv("LINES", String(s.height), 1)
            setenv("COLUMNS", String(s.width), 1)
            outFile = fopen("/dev/null", "w")
            inFile = fopen("/dev/null", "r")
            screen = newterm("xterm-256color", outFile, inFile)
        }
        size = Size(width: Int(cnc_cols()), height: Int(cnc_lines()))
        guard screen != nil else { return }
        running = true
        cbreak()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        if options.color && has_colors() {
            start_color()
            use_default_colors()
            colorOn = true
        }
        if case .terminal = mode {
            allowControlKeys()
            define_key("\u{1B}[200~", CursesScreen.pasteStart)
            define_key("\u{1B}[201~", CursesScreen.pasteEnd)
            define_key("\u{1B}[1;5D", KEY_SLEFT)
            define_key("\u{1B}[1;5C", KEY_SRIGHT)
            writeRaw("\u{1B}[?2004h")
            stopPipe = SignalGuard.installStopHandlers()
        }
    }

    /// Ctrl-S and Ctrl-Q are keys here (save, quit), not XON/XOFF flow control.
    private func allowControlKeys() {
        var t = termios()
        if tcgetattr(0, &t) == 0 {
            t.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(0, TCSANOW, &t)
            def_prog_mode()
        }
    }

    /// Restores the terminal: paste mode off, curses ends, stderr comes back.
    public func stop() {
        guard running else { return }
        running = false
        if case .terminal = mode { writeRaw("\u{1B}[?2004l") }
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        if let outFile { fclose(outFile) }
        if let inFile { fclose(inFile) }
        outFile = nil
        inFile = nil
        if case .terminal = mode {
            SignalGuard.uninstall()
            if stopPipe >= 0 { close(stopPipe); stopPipe = -1 }
            stderrCapture.stop()
        }
    }

    private func writeRaw(_ s: String) {
        fflush(outFile)
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }

    // MARK: Output

    /// Draws the canvas: changed cells only, then the cursor, then one `doupdate`.
    public func present(_ canvas: Canvas) {
        guard running else { return }
        let win = cnc_stdscr()
        let full = previous?.size != canvas.size
        if full { werase(win) }
        for row in 0..<min(canvas.size.height, size.height) {
            var col = 0
            while col < min(canvas.size.width, size.width) {
                let cell = canvas[row, col]
                let changed = full || previous![row, col] != cell
                if changed && cell.width > 0 {
                    draw(cell, row: row, column: col, win: win)
                }
                col += max(1, cell.width)
            }
        }
        previous = canvas
        let r = min(max(0, canvas.cursor.row), size.height - 1)
        let c = min(max(0, canvas.cursor.column), size.width - 1)
        curs_set(canvas.cursorVisible ? 1 : 0)
        wmove(win, Int32(r), Int32(c))
        wnoutrefresh(win)
        doupdate()
    }

    /// Forgets the last frame, so the next `present` redraws everything (after Ctrl-L).
    public func invalidate() {
        guard running else { return }
        previous = nil
        clearok(cnc_curscr(), true)
    }

    private func draw(_ cell: Cell, row: Int, column: Int, win: UnsafeMutablePointer<WINDOW>?) {
        var wide = CursesScreen.drawable(cell.grapheme).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        var cc = cchar_t()
        let (attrs, pair) = attributes(cell.style)
        _ = setcchar(&cc, wide, attrs, pair, nil)
        _ = mvwadd_wch(win, Int32(row), Int32(column), &cc)
        // A grapheme we reduced to a narrower scalar still owns its second column.
        if cell.width == 2, DisplayWidth.width(of: CursesScreen.drawable(cell.grapheme).first ?? " ") == 1,
           column + 1 < size.width {
            var space = cchar_t()
            _ = setcchar(&space, [wchar_t(32), 0], attrs, pair, nil)
            _ = mvwadd_wch(win, Int32(row), Int32(column + 1), &space)
        }
    }

    /// A cchar_t keeps one spacing character: emoji clusters are drawn as their first scalar,
    /// without joiners, modifiers or the second regional indicator (terminal-ui.md §4.3).
    /// A control character (C0, DEL, C1), however it got into a cell, is drawn as `?`: plan text
    /// never reaches the terminal as a control sequence.
    static func drawable(_ ch: Character) -> [Unicode.Scalar] {
        let scalars = Array(ch.unicodeScalars).filter { !($0.value < 0x20 || (0x7F..<0xA0).contains($0.value)) }
        guard scalars.count == ch.unicodeScalars.count else { return ["?"] }
        guard scalars.count > 1 else { return scalars }
        if DisplayWidth.of(ch) == 2 { return [scalars[0]] }
        return Array(scalars.prefix(5))  // base + combining marks (CCHARW_MAX = 5)
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var a = cnc_a_normal()
        if style.attributes.contains(.bold) { a |= cnc_a_bold() }
        if style.attributes.contains(.dim) { a |= cnc_a_dim() }
        if style.attributes.contains(.underline) { a |= cnc_a_underline() }
        if style.attributes.contains(.reverse) { a |= cnc_a_reverse() }
        guard colorOn, let color = style.color else { return (a, 0) }
        if let p = pairs[color] { return (a, p) }
        let p = Int16(pairs.count + 1)
        init_pair(p, color.rawValue, -1)
        pairs[color] = p
        return (a, p)
    }

    // MARK: Input

    /// Waits for the next event. Blocks without a timer (nothing happens while idle) unless
    /// `timeoutMilliseconds` is given, and then returns `.tick` when that time passes quietly.
    public func readEvent(timeoutMilliseconds: Int32 = -1) -> InputEvent {
        if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
        while true {
            if let e = nextKey(blocking: false) { return e }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if stopPipe >= 0 { fds.append(pollfd(fd: stopPipe, events: Int16(POLLIN), revents: 0)) }
            let n = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
            if n == 0 { return .tick }
            if n < 0 { continue }  // EINTR: a resize arrives as KEY_RESIZE on the next read
            if fds.count > 1, fds[1].revents & Int16(POLLIN) != 0 {
                var b: UInt8 = 0
                _ = read(stopPipe, &b, 1)
                if Int32(b) == SignalGuard.resumeSignal {
                    writeRaw("\u{1B}[?2004h")
                    continue
                }
                return .signal(Int32(b))
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 { return .signal(SIGHUP) }
        }
    }

    /// One event from curses, or nil when none is waiting.
    private func nextKey(blocking: Bool) -> InputEvent? {
        let win = cnc_stdscr()
        wtimeout(win, blocking ? 1000 : 0)
        var ch: wint_t = 0
        let status = wget_wch(win, &ch)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            let code = Int32(ch)
            if code == KEY_RESIZE {
                size = Size(width: Int(cnc_cols()), height: Int(cnc_lines()))
                previous = nil
                return .resize(size)
            }
            if code == CursesScreen.pasteStart { return readPaste() }
            return CursesScreen.key(code).map(InputEvent.key)
        }
        let value = UInt32(ch)
        if value == 0x1B {
            // Alt-x arrives as ESC then x within ESCDELAY.
            wtimeout(win, 0)
            var next: wint_t = 0
            if wget_wch(win, &next) == OK, let s = Unicode.Scalar(UInt32(next)), UInt32(next) >= 0x20 {
                return .key(.alt(Character(s)))
            }
            return .key(.escape)
        }
        return CursesScreen.event(scalar: value)
    }

    /// Collects a bracketed paste up to its end marker.
    private func readPaste() -> InputEvent {
        var text = String.UnicodeScalarView()
        let win = cnc_stdscr()
        while true {
            wtimeout(win, 1000)
            var ch: wint_t = 0
            let status = wget_wch(win, &ch)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(ch) == CursesScreen.pasteEnd { break }
                if Int32(ch) == KEY_ENTER { text.append("\n") }
                continue
            }
            if let s = Unicode.Scalar(UInt32(ch)) { text.append(s) }
        }
        return .paste(Paste.normalise(String(text)))
    }

    static func event(scalar value: UInt32) -> InputEvent? {
        switch value {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A:
            return .key(.ctrl(Character(Unicode.Scalar(value + 0x60)!)))
        case 0x1F: return .key(.ctrl("_"))
        case 0x00, 0x1C...0x1E: return nil
        default:
            guard let s = Unicode.Scalar(value) else { return nil }
            return .text(String(Character(s)))
        }
    }

    static func key(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SLEFT: return .ctrlLeft
        case KEY_SRIGHT: return .ctrlRight
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    // MARK: Reading back (tests)

    /// The grapheme and attributes curses holds at a cell (headless read-back).
    public func cellAt(row: Int, column: Int) -> (text: String, bold: Bool, reverse: Bool, pair: Int16) {
        var cc = cchar_t()
        mvwin_wch(cnc_stdscr(), Int32(row), Int32(column), &cc)
        var wide = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cc, &wide, &attrs, &pair, nil)
        let scalars = wide.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return (s, attrs & cnc_a_bold() != 0, attrs & cnc_a_reverse() != 0, pair)
    }

    /// Where the terminal's cursor is after the last `present` (curses' physical screen).
    public var cursorPosition: Point {
        Point(row: Int(getcury(cnc_curscr())), column: Int(getcurx(cnc_curscr())))
    }
}

/// ncursesw needs a UTF-8 locale; with none in the environment (a bare CI shell) it would
/// mangle "café 日本". Debian always has C.UTF-8.
func ensureUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: cnc_codeset())
    if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
}
