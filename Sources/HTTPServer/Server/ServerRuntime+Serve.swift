/// The per-event path of a worker: read what arrived, answer every complete request in
/// it, write all answers with one `send`, then re-arm (or close).
extension ServerRuntime {
    enum WriteOutcome {
        case done
        case blocked(sent: Int)
        case failed
    }

    /// Output gathered from pipelined requests before it is sent (bounds memory per connection).
    static let outputBatchLimit = 256 * 1024
    /// After a parse error, unread input is discarded for at most this long / this much,
    /// so the error response is not destroyed by a TCP reset before the client reads it.
    static let lingerSeconds = 1.0
    static let lingerBytes = 256 * 1024

    func handleEvent(_ event: EpollEvent, context: WorkerContext) {
        guard let connection = table.lookup(event.token), connection.acquire() else { return }
        if connection.isLingering {
            continueLinger(connection, context: context)
            return
        }
        if connection.hasPendingOutput {
            switch flushPending(connection) {
            case .failed:
                close(connection)
                return
            case .blocked:
                rearm(connection, interest: .write)
                return
            case .done:
                if connection.closeAfterFlush {
                    finishClose(connection, linger: connection.lingerAfterFlush)
                    return
                }
            }
        } else if !readAvailable(connection, context: context) {
            close(connection)
            return
        }
        process(connection, context: context)
    }

    /// Reads until the socket is empty (a few reads at most per event, to stay fair).
    /// Returns false when the connection is broken.
    private func readAvailable(_ connection: Connection, context: WorkerContext) -> Bool {
        let scratch = context.scratch
        for _ in 0..<4 {
            let result: IOResult
            do {
                result = try connection.socket.receive(into: scratch)
            } catch {
                return false
            }
            switch result {
            case .wouldBlock:
                return true
            case .bytes(0):
                connection.peerClosed = true
                return true
            case .bytes(let count):
                connection.parser.append(UnsafeBufferPointer(start: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
                if count < scratch.count { return true }
            }
        }
        return true
    }

    /// Answers every complete request buffered on the connection, then writes and re-arms.
    func process(_ connection: Connection, context: WorkerContext) {
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
                    return
                case .blocked(let sent):
                    connection.pending = Array(context.out[sent...])
                    connection.pendingOffset = 0
                    connection.writeStarted = SystemClock.monotonic()
                    connection.closeAfterFlush = closing
                    connection.lingerAfterFlush = linger || connection.parser.unconsumedCount > 0
                    scheduleDeadline(connection)
                    rearm(connection, interest: .write)
                    return
                case .done:
                    break
                }
            }
            if closing {
                finishClose(connection, linger: linger || connection.parser.unconsumedCount > 0)
                return
            }
            if !batchFull { break }
        }
        if connection.peerClosed || (isDraining && connection.parser.phase == .idle) {
            close(connection)
            return
        }
        connection.parser.shrinkIfIdle()
        scheduleDeadline(connection)
        rearm(connection, interest: .read)
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
    func finishClose(_ connection: Connection, linger: Bool) {
        guard linger else {
            close(connection)
            return
        }
        connection.socket.shutdownWrite()
        connection.isLingering = true
        connection.lingerBudget = Self.lingerBytes
        connection.lingerUntil = SystemClock.monotonic() + Self.lingerSeconds
        scheduleDeadline(connection)
        rearm(connection, interest: .read)
    }

    private func continueLinger(_ connection: Connection, context: WorkerContext) {
        while connection.lingerBudget > 0 {
            let result: IOResult
            do {
                result = try connection.socket.receive(into: context.scratch)
            } catch {
                close(connection)
                return
            }
            switch result {
            case .bytes(0):
                close(connection)
                return
            case .bytes(let count):
                connection.lingerBudget -= count
            case .wouldBlock:
                rearm(connection, interest: .read)
                return
            }
        }
        close(connection)
    }

    /// Sets the deadline the timer enforces while the connection waits in epoll.
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
