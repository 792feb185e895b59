#if canImport(Glibc)
    import Glibc
#endif

extension SocketFD {
    /// Creates a non-blocking listening socket (SO_REUSEADDR, close-on-exec) on host:port.
    /// TCP_NODELAY is set here once: Linux copies it to every accepted socket, which saves a
    /// `setsockopt` per connection (a test checks that the accepted sockets have it).
    /// `host` may be a numeric IPv4/IPv6 address or a name such as "localhost".
    static func listen(host: String, port: Int, backlog: Int32) throws(SocketError) -> SocketFD {
        try withAddress(host: host, port: port, passive: true) { (info) throws(SocketError) -> SocketFD in
            let type = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
            let fd = try Syscall.call("socket") { socket(info.ai_family, type, 0) }
            let created = SocketFD(fd)
            do throws(SocketError) {
                created.setOption(level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
                created.setNoDelay()
                _ = try Syscall.call("bind") { bind(fd, info.ai_addr, info.ai_addrlen) }
                _ = try Syscall.call("listen") { Glibc.listen(fd, backlog) }
                return created
            } catch {
                created.close()
                throw error
            }
        }
    }

    /// Opens a blocking TCP connection with send/receive timeouts (the loopback client's socket).
    static func connect(host: String, port: Int, timeout: Double) throws(SocketError) -> SocketFD {
        try withAddress(host: host, port: port, passive: false) { (info) throws(SocketError) -> SocketFD in
            let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue)
            let fd = try Syscall.call("socket") { socket(info.ai_family, type, 0) }
            let created = SocketFD(fd)
            created.setTimeouts(seconds: timeout)
            created.setNoDelay()
            do throws(SocketError) {
                _ = try Syscall.call("connect") { Glibc.connect(fd, info.ai_addr, info.ai_addrlen) }
                return created
            } catch {
                created.close()
                throw error
            }
        }
    }

    /// Resolves host:port (numeric service, stream sockets) and hands the first address to `body`.
    private static func withAddress<R>(
        host: String, port: Int, passive: Bool,
        _ body: (addrinfo) throws(SocketError) -> R
    ) throws(SocketError) -> R {
        guard (0...65_535).contains(port) else { throw SocketError(operation: "getaddrinfo", errno: EINVAL) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            // getaddrinfo reports its own codes; EAI_SYSTEM means errno holds the reason.
            let code = status == EAI_SYSTEM ? errno : EADDRNOTAVAIL
            throw SocketError(operation: "getaddrinfo(\(host))", errno: code)
        }
        defer { freeaddrinfo(list) }
        return try body(first.pointee)
    }
}
