import Foundation

/// Ids of the cases the service answered 201 for, in order.
final class AcknowledgedCases: @unchecked Sendable {
    // @unchecked: `ids` is guarded by `lock`.
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var count: Int { lock.withLock { ids.count } }
    var snapshot: [String] { lock.withLock { ids } }
}
