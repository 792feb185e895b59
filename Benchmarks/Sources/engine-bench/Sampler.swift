#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Times one call at a time on the monotonic clock, after a warm-up, and keeps every
/// sample so medians and tails come from real distributions, not averages.
struct Sampler {
    var warmup: Int
    var iterations: Int

    func samples(_ body: () -> Void) -> [Double] {
        for _ in 0..<warmup { body() }
        var microseconds = [Double]()
        microseconds.reserveCapacity(iterations)
        for _ in 0..<iterations {
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
