/// Per-thread scratch state, so the hot path allocates nothing shared and takes no lock:
/// a reusable read buffer, a reusable output buffer, the cached `Date` and an id generator.
/// Never shared between threads (created and used inside one thread's loop).
final class WorkerContext {
    static let readBufferSize = 64 * 1024

    let scratch: UnsafeMutableRawBufferPointer
    var out: [UInt8] = []
    var date = HTTPDate()
    var ids = RequestIDGenerator()

    init(scratchSize: Int = WorkerContext.readBufferSize) {
        scratch = .allocate(byteCount: scratchSize, alignment: 16)
        out.reserveCapacity(16 * 1024)
    }

    deinit {
        scratch.deallocate()
    }

    /// Forgets a very large output buffer after a big response, keeping steady-state reuse.
    func resetOutput() {
        if out.capacity > 1_048_576 { out = [] }
        out.removeAll(keepingCapacity: true)
    }
}
