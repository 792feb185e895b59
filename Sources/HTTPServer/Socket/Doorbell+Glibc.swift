#if canImport(Glibc)
    import Glibc
#endif

/// A non-blocking pipe used to wake every worker at shutdown: one byte is written and never
/// read, so a level-triggered registration of the read end keeps every `epoll_wait` returning.
struct Doorbell: Sendable {
    let readFD: Int32
    let writeFD: Int32

    static func make() throws(SocketError) -> Doorbell {
        var fds: [Int32] = [-1, -1]
        _ = try Syscall.call("pipe") { pipe(&fds) }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return Doorbell(readFD: fds[0], writeFD: fds[1])
    }

    func ring() {
        var byte: UInt8 = 1
        _ = try? Syscall.io("write(doorbell)") { write(writeFD, &byte, 1) }
    }

    func close() {
        Syscall.close(readFD)
        Syscall.close(writeFD)
    }
}
