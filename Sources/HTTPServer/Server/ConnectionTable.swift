import Foundation

/// The open connections, indexed by descriptor number, for event lookup, the timer sweep,
/// the connection cap and the open-connection gauge.
/// `@unchecked Sendable`: all fields are guarded by `lock` (an NSCondition, also used to wait for "empty").
final class ConnectionTable: @unchecked Sendable {
    private let lock = NSCondition()
    private var slots: [Connection?] = []
    private var generations: [UInt32] = []
    private(set) var count = 0

    var openCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// Creates and registers a connection unless `limit` are already open.
    func insert(_ socket: SocketFD, limit: Int, make: (UInt64) -> Connection) -> Connection? {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return nil }
        let index = Int(socket.raw)
        if index >= slots.count {
            let grown = max(index + 1, slots.count * 2, 64)
            slots.append(contentsOf: repeatElement(nil, count: grown - slots.count))
            generations.append(contentsOf: repeatElement(0, count: grown - generations.count))
        }
        generations[index] &+= 1
        let connection = make(UInt64(generations[index]) << 32 | UInt64(UInt32(bitPattern: socket.raw)))
        slots[index] = connection
        count += 1
        return connection
    }

    /// The live connection an epoll token refers to, or nil when it is stale.
    func lookup(_ token: UInt64) -> Connection? {
        let index = Int(UInt32(truncatingIfNeeded: token))
        lock.lock()
        defer { lock.unlock() }
        guard index < slots.count, let connection = slots[index], connection.token == token else { return nil }
        return connection
    }

    func remove(_ connection: Connection) {
        let index = Int(connection.socket.raw)
        lock.lock()
        defer { lock.unlock() }
        guard index < slots.count, slots[index] === connection else { return }
        slots[index] = nil
        count -= 1
        if count == 0 { lock.broadcast() }
    }

    func snapshot() -> [Connection] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }

    /// Waits until no connection is open or the deadline (monotonic seconds) passes.
    func waitUntilEmpty(deadline: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while count > 0 {
            let remaining = deadline - SystemClock.monotonic()
            if remaining <= 0 { return false }
            _ = lock.wait(until: Date(timeIntervalSinceNow: min(remaining, 0.05)))
        }
        return true
    }
}
