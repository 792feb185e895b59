import Glibc

/// A thread's announcement that it is about to wait for someone else (a group commit, a
/// database round trip), so the pool that runs it can let another thread work meanwhile.
///
/// Why: the HTTP server admits about one running worker per core (more runnable threads than
/// cores cost a wake-up and a context switch per request), yet a handler waiting for its
/// commit must not hold back requests that could run. The store announces its waits here;
/// the server installs an observer on its worker threads. On any other thread (the writer,
/// the timer, tests) no observer is installed and `around` only runs its body. Nested waits
/// are announced once.
public enum BlockingWait {
    /// Runs `body`, announced as a wait to the current thread's observer, if any.
    public static func around<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard let raw = pthread_getspecific(key) else { return try body() }
        let state = Unmanaged<ThreadState>.fromOpaque(raw).takeUnretainedValue()
        state.depth += 1
        if state.depth == 1 { state.observer.waitBegan() }
        defer {
            state.depth -= 1
            if state.depth == 0 { state.observer.waitEnded() }
        }
        return try body()
    }

    /// Makes `observer` hear this thread's waits (nil: nobody does). Call from the thread itself.
    public static func install(_ observer: (any BlockingWaitObserver)?) {
        if let old = pthread_getspecific(key) {
            Unmanaged<ThreadState>.fromOpaque(old).release()
        }
        let state = observer.map { Unmanaged.passRetained(ThreadState(observer: $0)).toOpaque() }
        pthread_setspecific(key, state)
    }

    /// Whether this thread is inside an announced wait (for tests and assertions).
    public static var isWaiting: Bool {
        guard let raw = pthread_getspecific(key) else { return false }
        return Unmanaged<ThreadState>.fromOpaque(raw).takeUnretainedValue().depth > 0
    }

    /// Per-thread: the observer and how deep the current wait nests. Touched only by its thread.
    private final class ThreadState {
        let observer: any BlockingWaitObserver
        var depth = 0
        init(observer: any BlockingWaitObserver) { self.observer = observer }
    }

    /// One key for the process; a thread that exits with a state installed leaks nothing
    /// because its owner uninstalls before the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()
}

/// Hears the waits a thread announces through `BlockingWait.around` (called on that thread).
public protocol BlockingWaitObserver: AnyObject, Sendable {
    func waitBegan()
    func waitEnded()
}
