/// What a registration waits for, and how it reports it.
struct EpollInterest: OptionSet, Sendable {
    let rawValue: UInt32
    static let read = EpollInterest(rawValue: 1 << 0)
    static let write = EpollInterest(rawValue: 1 << 1)
    /// Report each readiness change once (EPOLLET): the owner reads until the socket is
    /// drained, and new data raises a new event. Used for client connections.
    static let edgeTriggered = EpollInterest(rawValue: 1 << 2)
    /// Disarm after one event until re-armed (EPOLLONESHOT): used for the listener, so one
    /// worker accepts a batch at a time.
    static let oneShot = EpollInterest(rawValue: 1 << 3)
}

/// One delivered readiness event: the token given at registration and what happened.
struct EpollEvent: Sendable {
    let token: UInt64
    let readable: Bool
    let writable: Bool
    /// The peer closed its side or the socket failed (EPOLLRDHUP, EPOLLHUP, EPOLLERR): the
    /// end of the stream may sit behind the data, so a short read does not prove "drained".
    let hangup: Bool
}
