#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Times one call at a time on the monotonic clock, after a warm-up, and keeps every
/// sample so medians and tails come from real distributions, not averages. Each phase
/// stops at its count or its time budget, whichever comes first (a slow engine must not
/// turn the benchmark into an hour), but never before `minimumSamples`.
struct Sampler {
    var warmup: Int
    var iterations: Int
    var secondsPerRow: Double
    var minimumSamples = 100

    func samples(_ body: () -> Void) -> [Double] {
        let warmupEnd = Self.nanoseconds() + UInt64(secondsPerRow * 0.2 * 1e9)
        for _ in 0..<warmup where Self.nanoseconds() < warmupEnd { body() }
        var microseconds = [Double]()
        microseconds.reserveCapacity(iterations)
        let end = Self.nanoseconds() + UInt64(secondsPerRow * 1e9)
        while microseconds.count < iterations && (microseconds.count < minimumSamples || Self.nanoseconds() < end) {
            let start = Self.nanoseconds()
            body()
            microseconds.append(Double(Self.nanoseconds() - start) / 1_000)
        }
        return microseconds
    }

    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never) @_optimize(none)
func keep<T>(_ value: T) {}
