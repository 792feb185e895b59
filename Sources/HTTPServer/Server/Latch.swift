import Foundation

/// A one-way latch: threads wait until it is opened, once. An NSCondition, not a
/// `LockedValue`: waiting needs a condition variable.
/// `@unchecked Sendable`: `isOpen` is read and written only while holding `condition`.
final class Latch: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Waits at most `seconds`; returns whether the latch is open.
    func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !isOpen {
            if !condition.wait(until: deadline) { return isOpen }
        }
        return true
    }
}
