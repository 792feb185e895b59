/// A failed system call, kept with the call's name and the errno it left behind,
/// so a log line says *which* call failed and *why* without guessing.
public struct SocketError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The system call (or step) that failed, e.g. `"bind"`.
    public let operation: String
    /// The errno value read right after the failure (0 when the failure was not an errno one).
    public let errno: Int32

    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation) failed: \(SocketError.message(for: errno)) (errno \(errno))"
    }
}
