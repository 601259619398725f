/// The UI loop: event → action → reduce → effects → render, and present only when the state
/// or the size changed. It blocks on input with no timer, so an idle screen writes nothing
/// (a screen reader is not interrupted).

#if canImport(Glibc)
import Glibc
#endif

public protocol ScreenProgram {
    associatedtype State: Equatable
    associatedtype Action
    associatedtype Effect

    /// What an event means in this state (nil: nothing).
    static func action(for event: InputEvent, in state: State) -> Action?
    /// The pure state change; what should happen outside is returned, not done.
    static func reduce(_ state: inout State, _ action: Action) -> [Effect]
    /// The pure view.
    static func render(_ state: State, size: Size) -> Canvas
    /// Carries out an effect. Returns false to end the loop.
    @MainActor static func perform(_ effect: Effect, state: inout State) -> Bool
    /// How long to wait for input before a `.tick` (nil: wait as long as it takes).
    static func tickAfter(_ state: State) -> Int32?
    /// Below this size the program shows "Terminal too small".
    static var minimumSize: Size { get }
    /// What an event means while the screen is too small: the quit keys that screen names,
    /// signals and timers; nothing else (keys typed blind must not reach a hidden field).
    static func actionWhenTooSmall(for event: InputEvent, in state: State) -> Action?
}

extension ScreenProgram {
    public static func tickAfter(_ state: State) -> Int32? { nil }
    public static var minimumSize: Size { TooSmall.minimum }
    public static func actionWhenTooSmall(for event: InputEvent, in state: State) -> Action? { action(for: event, in: state) }
}

extension UILoop {
    /// What an event does at a screen size: on the "too small" screen only the keys it names
    /// (and signals, timers and resizes), so nothing typed blind goes into a hidden field.
    public static func action<P: ScreenProgram>(_ program: P.Type, for event: InputEvent, in state: P.State, size: Size) -> P.Action? {
        TooSmall.fits(size, need: P.minimumSize) ? P.action(for: event, in: state) : P.actionWhenTooSmall(for: event, in: state)
    }
}

public enum UILoop {
    /// Runs until an effect ends it, performing effects with the program's own `perform`.
    /// Returns the final state.
    @MainActor
    public static func run<P: ScreenProgram>(_ program: P.Type, state initial: P.State,
                                             screen: CursesScreen) -> P.State {
        runToEnd(program, state: initial, screen: screen, perform: P.perform).state
    }

    /// Runs until an effect ends it, performing effects with `perform` (an object that holds
    /// the screen's dependencies). Returns the final state and the effect that ended the loop
    /// (nil when the terminal went away).
    @MainActor
    public static func runToEnd<P: ScreenProgram>(_ program: P.Type, state initial: P.State, screen: CursesScreen,
                                                  perform: (P.Effect, inout P.State) -> Bool)
        -> (state: P.State, ending: P.Effect?) {
        var state = initial
        var size = screen.size
        screen.present(P.render(state, size: size))
        // For the start-up benchmark: stop right after the first frame.
        if getenv("SUPPORTPLAN_EXIT_AFTER_FIRST_FRAME") != nil { return (state, nil) }
        var ending: P.Effect?
        var presented = state
        while screen.running {
            let event = screen.readEvent(timeoutMilliseconds: P.tickAfter(state) ?? -1)
            if case .resize(let s) = event { size = s }
            var keepGoing = true
            if let action = action(program, for: event, in: state, size: size) {
                for effect in P.reduce(&state, action) where keepGoing {
                    keepGoing = perform(effect, &state)
                    if !keepGoing { ending = effect }
                }
            }
            if !keepGoing { break }
            if state != presented || { if case .resize = event { return true } else { return false } }() {
                screen.present(P.render(state, size: size))
                presented = state
            }
        }
        return (state, ending)
    }
}
