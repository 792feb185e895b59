import Glibc

/// A value that only one thread at a time can read or change: the project's one lock type.
///
/// Why not the standard library's `Synchronization.Mutex`: on Linux it is a priority-inheritance
/// futex whose contended hand-over happens inside the kernel, which ThreadSanitizer cannot
/// see, so every contended section is reported as a race (the CI sanitizer run of session 6
/// reported 35) and real races would drown in them; it is also slow under contention
/// (swiftlang/swift#88440). A `pthread_mutex_t` is what TSan intercepts and what glibc
/// makes fast. Threads that must *wait* for a change use `NSCondition` instead.
public final class LockedValue<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed with \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock; what it returns is returned.
    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
