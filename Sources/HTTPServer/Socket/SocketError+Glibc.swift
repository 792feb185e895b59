#if canImport(Glibc)
    import Glibc
#endif

extension SocketError {
    /// The C library's text for an errno value.
    static func message(for code: Int32) -> String {
        guard code != 0, let text = strerror(code) else { return "unknown error" }
        return String(cString: text)
    }

    /// True for "address already in use": lets callers explain a busy port plainly.
    public var isAddressInUse: Bool { errno == EADDRINUSE }
}
