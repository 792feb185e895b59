#if canImport(Glibc)
import Glibc
#endif

/// Linux calls that Swift's Glibc module map does not expose (`<sys/epoll.h>`, and
/// `accept4`, which needs `_GNU_SOURCE`). This package has no C target, so they are looked
/// up once with `dlsym` and called through typed `@convention(c)` pointers: the exact C ABI,
/// no guessing at calling conventions.
/// `@unchecked Sendable`: immutable C function pointers into libc, safe to call from any thread.
struct LinuxCalls: @unchecked Sendable {
    typealias EpollCreate = @convention(c) (Int32) -> Int32
    typealias EpollControl = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias EpollWait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    typealias Accept4 = @convention(c) (Int32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int32) -> Int32

    let epollCreate: EpollCreate
    let epollControl: EpollControl
    let epollWait: EpollWait
    let accept4: Accept4

    /// Only used after `shared()` succeeded (the server checks at start), so it cannot fail here.
    static var loaded: LinuxCalls { try! resolved.get() }

    static func shared() throws(SocketError) -> LinuxCalls { try resolved.get() }

    private static let resolved: Result<LinuxCalls, SocketError> = {
        let library = dlopen(nil, RTLD_NOW)
        func symbol(_ name: String) -> UnsafeMutableRawPointer? { dlsym(library, name) }
        guard let create = symbol("epoll_create1"), let control = symbol("epoll_ctl"),
              let wait = symbol("epoll_wait"), let accept4 = symbol("accept4")
        else {
            return .failure(SocketError(operation: "dlsym(epoll/accept4)", errno: ENOSYS))
        }
        return .success(LinuxCalls(
            epollCreate: unsafeBitCast(create, to: EpollCreate.self),
            epollControl: unsafeBitCast(control, to: EpollControl.self),
            epollWait: unsafeBitCast(wait, to: EpollWait.self),
            accept4: unsafeBitCast(accept4, to: Accept4.self)
        ))
    }()
}
