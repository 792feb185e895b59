import Locking

/// Graceful stop: refuse new connections, finish what is in flight, then stop the threads.
extension ServerRuntime {
    /// Extra time given to worker threads to leave after the drain, before giving up on
    /// one stuck in a handler (its thread is then left to finish on its own).
    static let exitGrace = 1.0

    func drainAndStop() {
        flags.withLock { $0.draining = true }
        listener.withLock { state in
            if let socket = state.socket {
                epoll.remove(socket.raw)
                socket.close()
                state.socket = nil
            }
        }
        let context = WorkerContext(scratchSize: 4_096)
        sweep(now: SystemClock.monotonic(), context: context)  // idle keep-alive connections go now
        let deadline = SystemClock.monotonic() + max(0, configuration.drainTimeout)
        if !table.waitUntilEmpty(deadline: deadline) {
            for connection in table.snapshot() {
                if connection.takeIfParked() {
                    close(connection)
                } else {
                    connection.abortIfOwned()
                }
            }
        }
        flags.withLock { $0.stopping = true }
        doorbell.ring()
        admission.stop()
        timerStop.open()
        _ = threadsExited.wait(seconds: Self.exitGrace)
    }
}
