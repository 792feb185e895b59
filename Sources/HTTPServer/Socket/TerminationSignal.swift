#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Locking

/// Waiting for SIGTERM/SIGINT without the caller importing Glibc.
///
/// Uses a self-pipe: the installed handler only writes the signal number to a pipe
/// (async-signal-safe), and the waiting thread reads it. Unlike `sigwait`, this works
/// whichever thread the kernel delivers the signal to, so the server's threads need no
/// special signal masks.
public enum TerminationSignal {
    /// SIGTERM, for callers that do not import Glibc.
    public static let terminate: Int32 = SIGTERM
    /// SIGINT (Ctrl-C), for callers that do not import Glibc.
    public static let interrupt: Int32 = SIGINT

    /// Blocks the calling thread until one of `signals` arrives; returns which one.
    public static func wait(for signals: [Int32] = [SIGTERM, SIGINT]) -> Int32 {
        let readFD = SignalPipe.install(signals)
        var number: Int32 = 0
        while true {
            let count = withUnsafeMutableBytes(of: &number) { read(readFD, $0.baseAddress, $0.count) }
            if count == MemoryLayout<Int32>.size { return number }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return SIGTERM }  // the pipe cannot close while the process lives
        }
    }

    /// Installs the handlers now and calls `body` once, on a background thread, when one
    /// of `signals` arrives; returns at once.
    public static func onTermination(
        _ signals: [Int32] = [SIGTERM, SIGINT],
        _ body: @escaping @Sendable (Int32) -> Void
    ) {
        _ = SignalPipe.install(signals)
        let thread = Thread { body(wait(for: signals)) }
        thread.name = "termination-signal"
        thread.start()
    }
}

/// Write end of the self-pipe, read by the signal handler. A plain global because a
/// signal handler cannot capture context. `nonisolated(unsafe)` is safe: it is written
/// exactly once, under `SignalPipe.state`, before any handler that reads it is installed.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1

private enum SignalPipe {
    /// The read end, and the signals that already have the handler.
    private struct State {
        var readFD: Int32 = -1
        var installed: Set<Int32> = []
    }

    private static let state = LockedValue(State())

    static func install(_ signals: [Int32]) -> Int32 {
        state.withLock { install(signals, into: &$0) }
    }

    private static func install(_ signals: [Int32], into state: inout State) -> Int32 {
        if state.readFD < 0 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else {
                fatalError("TerminationSignal: pipe failed: \(SocketError.message(for: errno))")
            }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            state.readFD = fds[0]
            signalPipeWriteFD = fds[1]
        }
        for number in signals where !state.installed.contains(number) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                let saved = errno
                var value = number
                _ = withUnsafeBytes(of: &value) { write(signalPipeWriteFD, $0.baseAddress, $0.count) }
                errno = saved
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            _ = sigaction(number, &action, nil)
            state.installed.insert(number)
        }
        // A parent may start us with these signals blocked (Foundation's Process spawns
        // children with the spawning thread's mask, and libdispatch threads block them):
        // unblock them here, so the threads started after this inherit an open mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in signals { sigaddset(&unblock, number) }
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return state.readFD
    }
}
