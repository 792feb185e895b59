/// A socket descriptor. A plain value on purpose: who owns (and closes) it is decided
/// by the connection that holds it, never by a deinit racing with another thread.
struct SocketFD: Hashable, Sendable {
    let raw: Int32

    init(_ raw: Int32) { self.raw = raw }
}

/// What one `accept` gave. Failures are sorted by what the accept loop must do about them,
/// so the loop itself never has to look at errno.
enum AcceptOutcome: Sendable {
    /// A new non-blocking, close-on-exec connection.
    case accepted(SocketFD)
    /// Nothing pending right now.
    case wouldBlock
    /// The peer went away before we accepted (ECONNABORTED, EPROTO, ...): just go on.
    case transient(SocketError)
    /// Out of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM): back off, then go on.
    case exhausted(SocketError)
    /// The listener itself is gone or broken (EBADF, EINVAL after shutdown).
    case failed(SocketError)
}
