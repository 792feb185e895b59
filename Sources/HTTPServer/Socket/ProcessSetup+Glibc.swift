#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide settings a socket server needs; each is idempotent.
enum ProcessSetup {
    /// A write to a closed peer must be an EPIPE error, never a process-killing signal.
    static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Raises the soft open-file limit towards `wanted` (never above the hard limit) so the
    /// configured connection cap can actually be reached. Returns the soft limit in force.
    @discardableResult
    static func raiseOpenFileLimit(toAtLeast wanted: Int) -> Int {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0 else { return -1 }
        let target = rlim_t(max(0, wanted))
        if limit.rlim_cur < target {
            limit.rlim_cur = min(target, limit.rlim_max)
            _ = setrlimit(resource, &limit)
            _ = getrlimit(resource, &limit)
        }
        return limit.rlim_cur > rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }
}
