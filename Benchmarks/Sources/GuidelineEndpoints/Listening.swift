#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Prints the `listening on` line sarcoma-guide prints, flushed at once (stdout is a file
/// when run.sh starts the server).
public func announceListening(port: Int) {
    print("listening on http://127.0.0.1:\(port)")
    fflush(nil)  // every stream; naming `stdout` is not concurrency-safe in Swift 6
}
