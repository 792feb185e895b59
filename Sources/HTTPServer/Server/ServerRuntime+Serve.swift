/// The per-event path of a worker: read until the socket is drained, answer every complete
/// request, write the answers with one `send`, then park the connection (or close it).
extension ServerRuntime {
    enum WriteOutcome {
        case done
        case blocked(sent: Int)
        case failed
    }

    /// What one pass over a connection left to do.
    enum Step {
        /// The connection is closed (or handed to lingering close and parked).
        case finished
        /// Input is drained (or output is blocked): safe to park; epoll reports what comes next.
        case wait
        /// The socket may hold more input: go round again before parking.
        case again
    }

    /// Output gathered from pipelined requests before it is sent (bounds memory per connection).
    static let outputBatchLimit = 256 * 1024
    /// After a parse error, unread input is discarded for at most this long / this much,
    /// so the error response is not destroyed by a TCP reset before the client reads it.
    static let lingerSeconds = 1.0
    static let lingerBytes = 256 * 1024

    func handleEvent(_ event: EpollEvent, context: WorkerContext) {
        guard let connection = table.lookup(event.token), connection.claim(hangup: event.hangup) else { return }
        serve(connection, context: context)
    }

    /// Works on an owned connection until it can be parked or is closed.
    func serve(_ connection: Connection, context: WorkerContext) {
        while true {
            switch step(connection, context: context) {
            case .finished:
                return
            case .again:
                continue
            case .wait:
                scheduleDeadline(connection)
                guard register(connection) else { return }
                if connection.park() { return }
            }
        }
    }

    private func step(_ connection: Connection, context: WorkerContext) -> Step {
        if connection.isLingering { return discardLingering(connection, context: context) }
        if connection.hasPendingOutput {
            switch flushPending(connection) {
            case .failed:
                close(connection)
                return .finished
            case .blocked:
                return .wait
            case .done:
                if connection.closeAfterFlush {
                    return finishClose(connection, linger: connection.lingerAfterFlush)
                }
            }
        }
        let drained: Bool
        switch readAvailable(connection, context: context) {
        case nil:
            close(connection)
            return .finished
        case let value?:
            drained = value
        }
        if let finished = process(connection, context: context) { return finished }
        // While draining, an idle connection is left to the timer's sweep, which closes it
        // only when no request waits on it: closing here could reset a request the client
        // sent after a keep-alive answer that left just before the drain began.
        if connection.peerClosed {
            close(connection)
            return .finished
        }
        connection.parser.shrinkIfIdle()
        return drained ? .wait : .again
    }

    /// Reads what is there, a few buffers at most per pass (to interleave parsing).
    /// Returns whether the socket is drained, or nil when the connection is broken.
    /// Drained means would-block or end of stream, or a short read — unless the peer's close
    /// was reported: its end-of-stream may wait behind the data without raising a new event.
    private func readAvailable(_ connection: Connection, context: WorkerContext) -> Bool? {
        let scratch = context.scratch
        for _ in 0..<4 {
            let result: IOResult
            do {
                result = try connection.socket.receive(into: scratch)
            } catch {
                return nil
            }
            switch result {
            case .wouldBlock:
                return true
            case .bytes(0):
                connection.peerClosed = true
                return true
            case .bytes(let count):
                connection.parser.append(
                    UnsafeBufferPointer(start: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
                if count < scratch.count && !connection.hangupReported { return true }
            }
        }
        return false
    }

    /// Answers every complete request buffered on the connection and writes the answers.
    /// Returns a final step when the connection is done or must wait for writability.
    private func process(_ connection: Connection, context: WorkerContext) -> Step? {
        while true {
            context.resetOutput()
            var closing = false
            var linger = false
            var batchFull = false
            parse: while true {
                if context.out.count >= Self.outputBatchLimit {
                    batchFull = true
                    break parse
                }
                switch connection.parser.next() {
                case .needMore:
                    break parse
                case .sendContinue:
                    context.out.append(contentsOf: ResponseSerializer.continueResponse)
                case .request(let request):
                    closing = respond(to: request, on: connection, context: context)
                    connection.lastPhase = .idle
                    connection.phaseStarted = SystemClock.monotonic()
                    if closing { break parse }
                case .failure(let error):
                    appendError(status: error.status, detail: error.detail, context: context)
                    closing = true
                    linger = true
                    break parse
                }
            }
            if !context.out.isEmpty {
                switch Self.write(context.out, from: 0, to: connection.socket) {
                case .failed:
                    close(connection)
                    return .finished
                case .blocked(let sent):
                    connection.pending = Array(context.out[sent...])
                    connection.pendingOffset = 0
                    connection.writeStarted = SystemClock.monotonic()
                    connection.closeAfterFlush = closing
                    connection.lingerAfterFlush = linger || connection.parser.unconsumedCount > 0
                    return .wait
                case .done:
                    break
                }
            }
            if closing {
                return finishClose(connection, linger: linger || connection.parser.unconsumedCount > 0)
            }
            if !batchFull { return nil }
        }
    }

    /// Continues a response that did not fit in the socket buffer.
    private func flushPending(_ connection: Connection) -> WriteOutcome {
        let outcome = Self.write(connection.pending, from: connection.pendingOffset, to: connection.socket)
        switch outcome {
        case .blocked(let sent):
            connection.pendingOffset = sent
        case .done:
            connection.pending = []
            connection.pendingOffset = 0
        case .failed:
            break
        }
        return outcome
    }

    /// Sends bytes[offset...] without blocking; `.blocked` tells how far it got.
    static func write(_ bytes: [UInt8], from offset: Int, to socket: SocketFD) -> WriteOutcome {
        var sent = offset
        while sent < bytes.count {
            let result: IOResult
            do {
                result = try bytes.withUnsafeBytes { (raw) throws(SocketError) -> IOResult in
                    try socket.send(UnsafeRawBufferPointer(rebasing: raw[sent...]))
                }
            } catch {
                return .failed
            }
            switch result {
            case .bytes(let count): sent += count
            case .wouldBlock: return .blocked(sent: sent)
            }
        }
        return .done
    }

    /// Closes after a final response. With unread input, half-closes first and discards
    /// what still arrives for a moment (lingering close), so the client sees the answer.
    private func finishClose(_ connection: Connection, linger: Bool) -> Step {
        guard linger else {
            close(connection)
            return .finished
        }
        connection.socket.shutdownWrite()
        connection.isLingering = true
        connection.lingerBudget = Self.lingerBytes
        connection.lingerUntil = SystemClock.monotonic() + Self.lingerSeconds
        return .again  // discard what is already there, then park until more comes or time is up
    }

    private func discardLingering(_ connection: Connection, context: WorkerContext) -> Step {
        while connection.lingerBudget > 0 {
            let result: IOResult
            do {
                result = try connection.socket.receive(into: context.scratch)
            } catch {
                close(connection)
                return .finished
            }
            switch result {
            case .bytes(0):
                close(connection)
                return .finished
            case .bytes(let count):
                connection.lingerBudget -= count
            case .wouldBlock:
                return .wait
            }
        }
        close(connection)
        return .finished
    }

    /// Sets the deadline the timer enforces while the connection is parked.
    func scheduleDeadline(_ connection: Connection) {
        if connection.hasPendingOutput {
            connection.deadlineKind = .write
            connection.deadline = connection.writeStarted + configuration.writeTimeout
            return
        }
        if connection.isLingering {
            connection.deadlineKind = .linger
            connection.deadline = connection.lingerUntil
            return
        }
        let phase = connection.parser.phase
        if phase != connection.lastPhase {
            connection.lastPhase = phase
            connection.phaseStarted = SystemClock.monotonic()
        }
        switch phase {
        case .idle:
            connection.deadlineKind = .idle
            connection.deadline = connection.phaseStarted + configuration.idleTimeout
        case .head:
            connection.deadlineKind = .head
            connection.deadline = connection.phaseStarted + configuration.headTimeout
        case .body:
            connection.deadlineKind = .body
            connection.deadline = connection.phaseStarted + configuration.bodyTimeout
        }
    }
}
