import CSystemLinux

#if canImport(Glibc)
    import Glibc
#endif

/// Clocks without Foundation overhead: a monotonic one for deadlines (immune to wall-clock
/// jumps) and whole wall-clock seconds for the `Date` header cache.
enum SystemClock {
    /// Seconds since an arbitrary fixed point; only differences mean anything.
    static func monotonic() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }

    /// Whole seconds since the Unix epoch.
    static func wallSeconds() -> Int {
        Int(time(nil))
    }
}
