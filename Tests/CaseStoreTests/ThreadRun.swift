import Foundation
import Locking

/// Runs `body(0..<count)` on that many real threads at once (not the cooperative pool, which
/// has one thread per core and must not be blocked) and collects the results.
///
/// `@unchecked Sendable`: `group` is thread-safe.
final class ThreadRun<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let results = LockedValue<[Int: Value]>([:])
    private let count: Int

    init(_ count: Int, _ body: @escaping @Sendable (Int) -> Value) {
        self.count = count
        for index in 0..<count {
            group.enter()
            Thread { [self] in
                let value = body(index)
                results.withLock { $0[index] = value }
                group.leave()
            }.start()
        }
    }

    /// Blocks until every thread finished; results in index order.
    func wait() -> [Value] {
        group.wait()
        let results = results.withLock { $0 }
        return (0..<count).map { results[$0]! }
    }
}
