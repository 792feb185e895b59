#if canImport(Glibc)
import Glibc
#endif

/// A thin owner of one epoll descriptor shared by all worker threads.
///
/// The epoll calls come through `LinuxCalls` (Swift's Glibc module map lacks `<sys/epoll.h>`).
struct Epoll: Sendable {
    let fd: Int32

    static func make() throws(SocketError) -> Epoll {
        let calls = try LinuxCalls.shared()
        return Epoll(fd: try Syscall.call("epoll_create1") { calls.epollCreate(EpollABI.cloexec) })
    }

    func add(_ target: Int32, token: UInt64, interest: EpollInterest) throws(SocketError) {
        try control(EpollABI.add, target, token: token, interest: interest, operation: "epoll_ctl(ADD)")
    }

    /// Re-arms a one-shot registration, or changes what a registration waits for.
    func rearm(_ target: Int32, token: UInt64, interest: EpollInterest) throws(SocketError) {
        try control(EpollABI.modify, target, token: token, interest: interest, operation: "epoll_ctl(MOD)")
    }

    func remove(_ target: Int32) {
        var event = EpollABI.Event()
        _ = withUnsafeMutableBytes(of: &event.bytes) { LinuxCalls.loaded.epollControl(fd, EpollABI.delete, target, $0.baseAddress) }
    }

    /// Waits for one event; EINTR is retried, `nil` means the timeout passed.
    /// One event per call on purpose: the thread that takes an event works on that
    /// connection, so taking several would make unrelated connections wait behind one
    /// (possibly slow) handler while other workers sleep.
    func wait(timeoutMilliseconds: Int32) throws(SocketError) -> EpollEvent? {
        var event = EpollABI.Event()
        let count = try withUnsafeMutableBytes(of: &event.bytes) { (raw) throws(SocketError) -> Int32 in
            try Syscall.call("epoll_wait") { LinuxCalls.loaded.epollWait(fd, raw.baseAddress, 1, timeoutMilliseconds) }
        }
        guard count > 0 else { return nil }
        let flags = event.flags
        return EpollEvent(
            token: event.token,
            readable: flags & (EpollABI.input | EpollABI.readHangup) != 0,
            writable: flags & EpollABI.output != 0,
            hangup: flags & (EpollABI.hangup | EpollABI.error | EpollABI.readHangup) != 0
        )
    }

    func close() {
        Syscall.close(fd)
    }

    private func control(
        _ op: Int32, _ target: Int32, token: UInt64, interest: EpollInterest, operation: String
    ) throws(SocketError) {
        var flags: UInt32 = 0
        if interest.contains(.oneShot) { flags |= EpollABI.oneShot }
        if interest.contains(.edgeTriggered) { flags |= EpollABI.edgeTriggered }
        if interest.contains(.read) { flags |= EpollABI.input | EpollABI.readHangup }
        if interest.contains(.write) { flags |= EpollABI.output }
        var event = EpollABI.Event(flags: flags, token: token)
        _ = try withUnsafeMutableBytes(of: &event.bytes) { (raw) throws(SocketError) -> Int32 in
            try Syscall.call(operation) { LinuxCalls.loaded.epollControl(fd, op, target, raw.baseAddress) }
        }
    }
}

/// Linux's epoll constants and `struct epoll_event` layout (kernel ABI, stable).
private enum EpollABI {
    static let input: UInt32 = 0x001
    static let output: UInt32 = 0x004
    static let error: UInt32 = 0x008
    static let hangup: UInt32 = 0x010
    static let readHangup: UInt32 = 0x2000
    static let oneShot: UInt32 = 1 << 30
    static let edgeTriggered: UInt32 = 1 << 31
    static let add: Int32 = 1
    static let delete: Int32 = 2
    static let modify: Int32 = 3
    static let cloexec = Int32(O_CLOEXEC)

    /// `struct epoll_event`: packed (12 bytes, data at offset 4) on x86_64, naturally
    /// aligned (16 bytes, data at offset 8) elsewhere. Kept as raw bytes so the layout is exact.
    struct Event {
        #if arch(x86_64)
        static let tokenOffset = 4
        #else
        static let tokenOffset = 8
        #endif
        var bytes: (UInt64, UInt64) = (0, 0)

        init() {}

        init(flags: UInt32, token: UInt64) {
            withUnsafeMutableBytes(of: &bytes) {
                $0.storeBytes(of: flags, toByteOffset: 0, as: UInt32.self)
                $0.storeBytes(of: token, toByteOffset: Event.tokenOffset, as: UInt64.self)
            }
        }

        var flags: UInt32 { withUnsafeBytes(of: bytes) { $0.loadUnaligned(fromByteOffset: 0, as: UInt32.self) } }
        var token: UInt64 { withUnsafeBytes(of: bytes) { $0.loadUnaligned(fromByteOffset: Event.tokenOffset, as: UInt64.self) } }
    }
}
