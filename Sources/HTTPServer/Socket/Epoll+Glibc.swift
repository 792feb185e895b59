#if canImport(Glibc)
    import Glibc
#endif
import CSystemLinux

/// A thin owner of one epoll descriptor shared by all worker threads.
///
/// The calls and `struct epoll_event` come from `<sys/epoll.h>` through `CSystemLinux`
/// (Swift's Glibc module map lacks it), so the compiler checks types and layout.
struct Epoll: Sendable {
    let fd: Int32

    static func make() throws(SocketError) -> Epoll {
        Epoll(fd: try Syscall.call("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) })
    }

    func add(_ target: Int32, token: UInt64, interest: EpollInterest) throws(SocketError) {
        try control(EPOLL_CTL_ADD, target, token: token, interest: interest, operation: "epoll_ctl(ADD)")
    }

    /// Re-arms a one-shot registration, or changes what a registration waits for.
    func rearm(_ target: Int32, token: UInt64, interest: EpollInterest) throws(SocketError) {
        try control(EPOLL_CTL_MOD, target, token: token, interest: interest, operation: "epoll_ctl(MOD)")
    }

    func remove(_ target: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, target, &event)
    }

    /// Waits for one event; EINTR is retried, `nil` means the timeout passed.
    /// One event per call on purpose: the thread that takes an event works on that
    /// connection, so taking several would make unrelated connections wait behind one
    /// (possibly slow) handler while other workers sleep.
    func wait(timeoutMilliseconds: Int32) throws(SocketError) -> EpollEvent? {
        var event = epoll_event()
        let count = try Syscall.call("epoll_wait") { epoll_wait(fd, &event, 1, timeoutMilliseconds) }
        guard count > 0 else { return nil }
        let flags = event.events
        return EpollEvent(
            token: event.data.u64,
            readable: flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0,
            writable: flags & EPOLLOUT.rawValue != 0,
            hangup: flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLRDHUP.rawValue) != 0
        )
    }

    func close() {
        Syscall.close(fd)
    }

    private func control(
        _ op: Int32, _ target: Int32, token: UInt64, interest: EpollInterest, operation: String
    ) throws(SocketError) {
        var flags: UInt32 = 0
        if interest.contains(.oneShot) { flags |= EPOLLONESHOT.rawValue }
        if interest.contains(.edgeTriggered) { flags |= EPOLLET.rawValue }
        if interest.contains(.read) { flags |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if interest.contains(.write) { flags |= EPOLLOUT.rawValue }
        var event = epoll_event()
        event.events = flags
        event.data.u64 = token
        _ = try Syscall.call(operation) { epoll_ctl(fd, op, target, &event) }
    }
}
