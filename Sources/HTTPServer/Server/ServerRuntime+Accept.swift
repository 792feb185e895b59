import Locking

/// Accepting connections. The loop survives everything: aborted handshakes are skipped,
/// descriptor exhaustion pauses accepting briefly (the timer resumes it), and the
/// connection cap is answered with 503 instead of unbounded growth.
extension ServerRuntime {
    /// Connections accepted per listener event before re-arming, so one worker does not
    /// spend a burst accepting while requests wait.
    static let acceptBatch = 64
    /// Pause after EMFILE/ENFILE: long enough for descriptors to be freed, short enough to be invisible.
    static let exhaustionPause = 0.05

    /// Accepts a batch. The others go to epoll at once, which reports any that already have
    /// data; then the first new connection is served inline by this worker (its request has
    /// usually arrived by now: this saves an epoll round trip per connection for clients that
    /// open a connection per request).
    func acceptPending(context: WorkerContext) {
        var admitted: [Connection] = []
        listener.withLock { state in
            guard let socket = state.socket else { return }
            for _ in 0..<Self.acceptBatch {
                switch socket.accept() {
                case .accepted(let client):
                    if let connection = admit(client, context: context) { admitted.append(connection) }
                    continue
                case .wouldBlock:
                    break
                case .transient:
                    continue
                case .exhausted(let error):
                    pause(&state, for: Self.exhaustionPause, reason: error)
                    return
                case .failed(let error):
                    pause(&state, for: 0.5, reason: error)
                    return
                }
                break
            }
            do throws(SocketError) {
                try epoll.rearm(socket.raw, token: Self.listenerToken, interest: [.read, .oneShot])
            } catch {
                pause(&state, for: Self.exhaustionPause, reason: error)
            }
        }
        // The others go to epoll before the first is served: its handler may block (a commit),
        // and connections left unregistered meanwhile would wait for it.
        guard let first = admitted.first else { return }
        for connection in admitted.dropFirst() { handOver(connection) }
        serve(first, context: context)
    }

    /// Parks a new connection, then registers it: its first event goes to whichever worker
    /// polls next and never comes back to this one, which may be about to block in a handler.
    /// (Registering first and parking after would make this worker serve it whenever its data
    /// arrived in between, as the ownership protocol's missed-event rule requires.)
    private func handOver(_ connection: Connection) {
        connection.isRegistered = true  // owner-only fields are set before letting go
        connection.isRegisteredForWrite = false
        guard connection.park() else { preconditionFailure("an unregistered connection has no missed event") }
        do throws(SocketError) {
            try epoll.add(connection.socket.raw, token: connection.token, interest: [.read, .edgeTriggered])
        } catch {
            hooks.diagnostic("\(error)")
            if connection.takeIfParked() { close(connection) }
        }
    }

    /// Stops accepting until the timer resumes it; reports at most once a second.
    private func pause(_ state: inout ListenerState, for seconds: Double, reason: SocketError) {
        let now = SystemClock.monotonic()
        state.pausedUntil = now + seconds
        if now - state.lastReport >= 1 {
            state.lastReport = now
            hooks.diagnostic("\(reason); pausing accept for \(Int(seconds * 1000)) ms")
        }
    }

    /// Called by the timer: re-arms the listener once a pause is over.
    func resumeAcceptingIfDue(now: Double) {
        listener.withLock { state in
            guard let until = state.pausedUntil, now >= until, let socket = state.socket else { return }
            state.pausedUntil = nil
            do {
                try epoll.rearm(socket.raw, token: Self.listenerToken, interest: [.read, .oneShot])
            } catch {
                state.pausedUntil = now + Self.exhaustionPause
            }
        }
    }

    var acceptPaused: Bool { listener.withLock { $0.pausedUntil != nil } }

    /// Enters a new connection in the table (refusing it over the cap); it is returned owned
    /// by the caller and not yet in epoll. (TCP_NODELAY comes from the listener.)
    private func admit(_ client: SocketFD, context: WorkerContext) -> Connection? {
        let now = SystemClock.monotonic()
        let limits = configuration.parserLimits
        let inserted = table.insert(client, limit: configuration.maxConnections) { token in
            Connection(socket: client, token: token, limits: limits, now: now)
        }
        guard let connection = inserted else {
            refuseOverCapacity(client, context: context)
            return nil
        }
        connection.deadlineKind = .idle
        connection.deadline = now + configuration.idleTimeout
        return connection
    }

    /// Over the cap: answer 503 + `Retry-After` at once and close, holding nothing.
    private func refuseOverCapacity(_ client: SocketFD, context: WorkerContext) {
        _ = try? client.receive(into: context.scratch)  // whatever already arrived, so close sends FIN, not RST
        context.resetOutput()
        appendError(
            status: 503, detail: "the server has too many open connections; retry shortly",
            headers: [("Retry-After", "1")], context: context)
        _ = Self.write(context.out, from: 0, to: client)
        client.shutdownWrite()
        client.close()
    }
}
