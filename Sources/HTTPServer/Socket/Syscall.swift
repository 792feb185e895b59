/// What a non-blocking read or write gave: a count (0 on read = end of stream),
/// or "would block", which is an ordinary outcome, not an error.
enum IOResult: Equatable, Sendable {
    case bytes(Int)
    case wouldBlock
}
