#if canImport(Glibc)
    import Glibc
#endif

/// The one way this module calls into the C library: EINTR is retried, EAGAIN comes back
/// as a value, and errno is read immediately after the failing call (before anything else
/// can overwrite it). `close` is deliberately never retried: on Linux the descriptor is
/// gone even when close reports EINTR, and a retry could close a descriptor reused by
/// another thread in between.
enum Syscall {
    /// Calls `body` until it returns something other than -1/EINTR; throws on any other failure.
    @inline(__always)
    static func call<R: BinaryInteger>(_ operation: String, _ body: () -> R) throws(SocketError) -> R {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw SocketError(operation: operation, errno: code)
        }
    }

    /// Like `call`, for non-blocking I/O: EAGAIN/EWOULDBLOCK become `.wouldBlock`.
    @inline(__always)
    static func io(_ operation: String, _ body: () -> Int) throws(SocketError) -> IOResult {
        while true {
            let result = body()
            if result >= 0 { return .bytes(result) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            throw SocketError(operation: operation, errno: code)
        }
    }

    /// Closes a descriptor exactly once; errors are ignored because the descriptor is
    /// released whatever close reports, and there is nothing useful a caller could do.
    static func close(_ fd: Int32) {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
    }
}
