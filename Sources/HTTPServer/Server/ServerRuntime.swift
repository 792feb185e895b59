import Foundation
import Locking

/// The running server: sockets, epoll, threads. Created by `HTTPServer.start()`.
///
/// Concurrency design (leader/follower over one epoll):
/// - Every admitted worker thread blocks in `epoll_wait` (one event at a time) on one shared
///   epoll descriptor; `WorkerAdmission` admits about one per core, more while handlers are
///   blocked in a commit, and the rest sleep there. Client sockets are non-blocking and registered once, edge-triggered. The
///   worker that takes an event claims the connection (see `Connection`'s ownership
///   protocol) and owns it while it reads until drained, parses, runs the handler and
///   writes; then it parks it again. No queue, no hand-off between threads, and no epoll
///   call per request; idle connections cost a kernel registration and a small object,
///   never a thread.
/// - The listener is registered the same way; the worker that sees it readable accepts a
///   batch, registers each new socket, and re-arms the listener (or pauses it briefly on
///   EMFILE/ENFILE; the timer resumes it).
/// - A slow handler holds only its own worker; other connections are served by the others.
///   When all workers are busy, new readiness simply waits in the kernel.
/// - One timer thread sweeps the connection table a few times a second and takes over
///   (see `Connection`'s ownership protocol) connections whose head/body/idle/write/linger
///   deadline passed. With nothing to do, every thread sleeps in the kernel: ~0 % CPU.
/// - Shutdown closes the listener, closes idle connections, lets busy ones finish (up to
///   `drainTimeout`), then rings a doorbell pipe registered level-triggered, which wakes
///   every worker to exit.
final class ServerRuntime: Sendable {
    static let listenerToken = UInt64.max
    static let doorbellToken = UInt64.max - 1

    struct ListenerState {
        var socket: SocketFD?
        /// Accepting is paused (descriptor exhaustion) until this monotonic time.
        var pausedUntil: Double?
        var lastReport: Double = -.infinity
    }

    struct Flags {
        var draining = false
        var stopping = false
        var aliveThreads = 0
    }

    let configuration: ServerConfiguration
    let router: Router
    let hooks: ServerHooks
    let epoll: Epoll
    let doorbell: Doorbell
    let port: Int
    let table = ConnectionTable()
    let listener: LockedValue<ListenerState>
    let flags = LockedValue(Flags())
    let timerStop = Latch()
    let threadsExited = Latch()
    let admission: WorkerAdmission

    init(configuration: ServerConfiguration, router: Router, hooks: ServerHooks) throws(SocketError) {
        self.configuration = configuration
        self.admission = WorkerAdmission(workers: configuration.workerThreads)
        self.router = router
        self.hooks = hooks
        let epoll = try Epoll.make()
        var doorbell: Doorbell?
        var socket: SocketFD?
        do throws(SocketError) {
            doorbell = try Doorbell.make()
            socket = try SocketFD.listen(
                host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
            port = try socket!.localPort()
            try epoll.add(doorbell!.readFD, token: Self.doorbellToken, interest: .read)
            try epoll.add(socket!.raw, token: Self.listenerToken, interest: [.read, .oneShot])
        } catch {
            socket?.close()
            doorbell?.close()
            epoll.close()
            throw error
        }
        self.epoll = epoll
        self.doorbell = doorbell!
        self.listener = LockedValue(ListenerState(socket: socket))
    }

    var isDraining: Bool { flags.withLock { $0.draining } }

    func startThreads() {
        let workers = max(1, configuration.workerThreads)
        flags.withLock { $0.aliveThreads = workers + 1 }
        for index in 0..<workers {
            let thread = Thread { [self] in self.runWorker() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
        let timer = Thread { [self] in self.runTimer() }
        timer.name = "http-timer"
        timer.start()
    }

    private func runWorker() {
        let context = WorkerContext()
        BlockingWait.install(admission)
        defer { BlockingWait.install(nil) }
        guard admission.enter() else { return threadExited() }
        loop: while true {
            let event: EpollEvent?
            do {
                event = try epoll.wait(timeoutMilliseconds: -1)
            } catch {
                // Not EINTR (retried inside): something is badly wrong; never spin on it.
                hooks.diagnostic("\(error)")
                if flags.withLock({ $0.stopping }) { break loop }
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            guard let event else { continue }
            if event.token == Self.doorbellToken { break loop }
            admission.eventStarted()
            if event.token == Self.listenerToken {
                acceptPending(context: context)
            } else {
                handleEvent(event, context: context)
            }
            // Over the limit (a blocked worker came back): sleep until a place is free.
            if admission.eventFinished() && !admission.enter() { return threadExited() }
        }
        admission.leave()
        threadExited()
    }

    /// The last thread out releases the shared descriptors: none can be in use any more.
    func threadExited() {
        let last = flags.withLock { flags -> Bool in
            flags.aliveThreads -= 1
            return flags.aliveThreads == 0
        }
        if last {
            epoll.close()
            doorbell.close()
            threadsExited.open()
        }
    }

    /// Closes a connection its caller owns: out of the table, then the descriptor (closing
    /// the only reference also removes it from epoll, so no EPOLL_CTL_DEL call is needed).
    func close(_ connection: Connection) {
        connection.markClosed()
        table.remove(connection)
        connection.socket.close()
    }

    /// Makes sure epoll watches the connection for what it now needs: readability always
    /// (edge-triggered), writability once a response is waiting to drain. Registering reports
    /// a socket that is already ready, so nothing that arrived meanwhile is missed.
    /// Returns false (after closing the connection) when epoll refuses.
    func register(_ connection: Connection) -> Bool {
        let wantsWrite = connection.hasPendingOutput
        var interest: EpollInterest = [.read, .edgeTriggered]
        if wantsWrite || connection.isRegisteredForWrite { interest.insert(.write) }
        do throws(SocketError) {
            if !connection.isRegistered {
                try epoll.add(connection.socket.raw, token: connection.token, interest: interest)
                connection.isRegistered = true
            } else if wantsWrite && !connection.isRegisteredForWrite {
                try epoll.rearm(connection.socket.raw, token: connection.token, interest: interest)
            }
            connection.isRegisteredForWrite = interest.contains(.write)
            return true
        } catch {
            hooks.diagnostic("\(error)")
            close(connection)
            return false
        }
    }
}
