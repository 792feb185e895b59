#if canImport(Glibc)
    import Glibc
#endif
import CSystemLinux

extension SocketFD {
    /// Accepts one pending connection as non-blocking + close-on-exec in a single call.
    func accept() -> AcceptOutcome {
        let flags = Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        do throws(SocketError) {
            let fd = try Syscall.call("accept4") { csystemlinux_accept4(raw, flags) }
            return .accepted(SocketFD(fd))
        } catch {
            switch error.errno {
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted(error)
            case ECONNABORTED, EPROTO, EPERM, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET,
                EHOSTUNREACH, EOPNOTSUPP, ENETUNREACH, ETIMEDOUT:
                return .transient(error)
            default: return .failed(error)
            }
        }
    }

    /// Reads what is there without blocking (`.bytes(0)` = the peer closed its side).
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> IOResult {
        try Syscall.io("recv") { recv(raw, buffer.baseAddress, buffer.count, 0) }
    }

    /// True when request bytes wait unread (not just end-of-stream), without consuming them.
    func hasPendingInput() -> Bool {
        var byte: UInt8 = 0
        let flags = Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)
        guard let result = try? Syscall.io("recv", { recv(raw, &byte, 1, flags) }) else { return false }
        if case .bytes(let count) = result { return count > 0 }
        return false
    }

    /// Writes what the kernel takes without blocking; MSG_NOSIGNAL so a closed peer is EPIPE, not SIGPIPE.
    func send(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> IOResult {
        try Syscall.io("send") { Glibc.send(raw, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Disables Nagle: every response goes out in one write, so waiting for more only adds latency.
    func setNoDelay() {
        setOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
    }

    /// Whether Nagle's algorithm is off on this socket.
    var isNoDelay: Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(raw, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0 else { return false }
        return value != 0
    }

    /// Sends FIN while still letting us read: the first half of a lingering close.
    func shutdownWrite() {
        _ = Glibc.shutdown(raw, Int32(SHUT_WR))
    }

    /// Makes any blocked or future read/write on this socket fail at once; the owner still closes it.
    func shutdownBoth() {
        _ = Glibc.shutdown(raw, Int32(SHUT_RDWR))
    }

    func close() {
        Syscall.close(raw)
    }

    func setOption(level: Int32, name: Int32, value: Int32) {
        var value = value
        _ = setsockopt(raw, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sets SO_RCVTIMEO and SO_SNDTIMEO: used only by the blocking loopback client.
    func setTimeouts(seconds: Double) {
        let whole = max(0, seconds.rounded(.down))
        var tv = timeval(tv_sec: Int(whole), tv_usec: Int((max(0, seconds) - whole) * 1_000_000))
        if tv.tv_sec == 0 && tv.tv_usec == 0 { tv.tv_usec = 1_000 }
        _ = setsockopt(raw, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(raw, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The local port (after binding port 0 this is the one the kernel chose).
    func localPort() throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { (pointer) throws(SocketError) -> Int32 in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (address) throws(SocketError) -> Int32 in
                try Syscall.call("getsockname") { getsockname(raw, address, &length) }
            }
        }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: storage) { Int(UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self))) }
        case AF_INET6:
            return withUnsafeBytes(of: storage) { Int(UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self))) }
        default:
            throw SocketError(operation: "getsockname", errno: EAFNOSUPPORT)
        }
    }
}
