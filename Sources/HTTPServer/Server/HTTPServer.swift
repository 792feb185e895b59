import Locking

/// An HTTP/1.1 server on POSIX sockets: epoll readiness, a fixed pool of worker threads,
/// every limit configurable. See `ServerRuntime` for the threading design.
public final class HTTPServer: Sendable {
    private enum Phase {
        case ready
        case running(ServerRuntime)
        case stopping(ServerRuntime)
        case stopped
    }

    public let configuration: ServerConfiguration
    public let router: Router
    public let hooks: ServerHooks
    private let phase = LockedValue(Phase.ready)
    private let stopped = Latch()
    private let boundPortValue = LockedValue<Int?>(nil)

    public init(configuration: ServerConfiguration, router: Router, hooks: ServerHooks = ServerHooks()) {
        self.configuration = configuration
        self.router = router
        self.hooks = hooks
    }

    /// Binds, listens and starts the threads; returns the bound port (the real one when 0
    /// was asked). Connections are accepted once this returns. Throws `SocketError`
    /// (e.g. EADDRINUSE) when the socket cannot be set up, or when already started.
    @discardableResult
    public func start() throws -> Int {
        try phase.withLock { (phase) throws(SocketError) -> Int in
            guard case .ready = phase else {
                throw SocketError(operation: "HTTPServer.start (already started)", errno: 0)
            }
            ProcessSetup.ignoreBrokenPipe()
            ProcessSetup.raiseOpenFileLimit(toAtLeast: configuration.maxConnections + 256)
            let runtime = try ServerRuntime(configuration: configuration, router: router, hooks: hooks)
            runtime.startThreads()
            phase = .running(runtime)
            boundPortValue.withLock { $0 = runtime.port }
            return runtime.port
        }
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish and their
    /// responses go out (up to `drainTimeout`), closes the rest and stops the threads.
    /// Idempotent; a second caller waits for the first to finish.
    public func shutdown() {
        let runtime = phase.withLock { phase -> ServerRuntime? in
            switch phase {
            case .ready:
                phase = .stopped
                stopped.open()
                return nil
            case .running(let runtime):
                phase = .stopping(runtime)
                return runtime
            case .stopping, .stopped:
                return nil
            }
        }
        guard let runtime else {
            stopped.wait()
            return
        }
        runtime.drainAndStop()
        phase.withLock { $0 = .stopped }
        stopped.open()
    }

    /// Blocks until `shutdown()` has completed (e.g. the main thread, while a signal
    /// handler thread calls `shutdown()`).
    public func waitUntilStopped() {
        stopped.wait()
    }

    /// Open client connections right now (a gauge for /metrics).
    public var openConnections: Int {
        phase.withLock { phase -> Int in
            switch phase {
            case .running(let runtime), .stopping(let runtime): return runtime.table.openCount
            case .ready, .stopped: return 0
            }
        }
    }

    /// The running server's worker admission (its counters, for tests).
    var admission: WorkerAdmission? {
        phase.withLock { phase -> WorkerAdmission? in
            switch phase {
            case .running(let runtime), .stopping(let runtime): return runtime.admission
            case .ready, .stopped: return nil
            }
        }
    }

    /// The port being listened on, once started.
    public var boundPort: Int? {
        boundPortValue.withLock { $0 }
    }
}
