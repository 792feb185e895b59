/// What a registration waits for. Registrations are one-shot: after an event is delivered
/// the descriptor stays silent until re-armed, so exactly one thread handles it at a time.
struct EpollInterest: OptionSet, Sendable {
    let rawValue: UInt32
    static let read = EpollInterest(rawValue: 1 << 0)
    static let write = EpollInterest(rawValue: 1 << 1)
    /// Level-triggered and never disarmed: used only for the shutdown eventfd, so it wakes every worker.
    static let persistent = EpollInterest(rawValue: 1 << 2)
}

/// One delivered readiness event: the token given at registration and what happened.
struct EpollEvent: Sendable {
    let token: UInt64
    let readable: Bool
    let writable: Bool
    let hangup: Bool
}
