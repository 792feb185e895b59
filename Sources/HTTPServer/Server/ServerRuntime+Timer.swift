/// The timer thread: enforces deadlines by sweeping the table a few times a second.
/// A sweep over a few thousand connections costs microseconds; between sweeps the thread
/// sleeps, so an idle server uses ~0 % CPU.
extension ServerRuntime {
    /// Sweep period: a quarter of the shortest timeout, between 50 and 250 ms.
    var sweepInterval: Double {
        let shortest = min(
            configuration.headTimeout, configuration.bodyTimeout,
            configuration.idleTimeout, configuration.writeTimeout)
        return min(0.25, max(0.05, shortest / 4))
    }

    func runTimer() {
        let context = WorkerContext(scratchSize: 4_096)
        while true {
            let interval = acceptPaused ? min(sweepInterval, Self.exhaustionPause) : sweepInterval
            if timerStop.wait(seconds: interval) { break }
            let now = SystemClock.monotonic()
            resumeAcceptingIfDue(now: now)
            admission.sweep()
            sweep(now: now, context: context)
        }
        threadExited()
    }

    /// Takes over every connection whose deadline passed (and, while draining, every idle
    /// one) and ends it: 408 for a request that did not arrive in time, silence otherwise.
    func sweep(now: Double, context: WorkerContext) {
        guard table.openCount > 0 else { return }
        let draining = isDraining
        for connection in table.snapshot() {
            guard let kind = connection.takeIfDue(now: now, draining: draining) else { continue }
            switch kind {
            case .head, .body:
                context.resetOutput()
                appendError(status: 408, detail: "the request was not received in time", context: context)
                _ = Self.write(context.out, from: 0, to: connection.socket)
                close(connection)
            case .idle where draining && connection.socket.hasPendingInput():
                // A request reached this keep-alive connection just as the drain began:
                // the timer thread, which owns it now, answers it (with `Connection: close`)
                // instead of a reset.
                serve(connection, context: context)
            case .idle, .write, .linger:
                close(connection)
            }
        }
    }
}
