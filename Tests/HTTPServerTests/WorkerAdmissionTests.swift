import Foundation
import Locking
import Testing
@testable import HTTPServer

/// `WorkerAdmission`: about one running worker per core, one more per announced wait, a boost
/// when the running ones are stuck, and a clean stop. The counters are driven directly (no
/// timing), then a live server shows blocked handlers do not hold back other requests.
@Suite("Worker admission")
struct WorkerAdmissionTests {
    @Test(
        "Places with nothing blocked: the cores, at least 2, at most every worker",
        arguments: [(16, 2, 2), (16, 1, 2), (16, 8, 8), (1, 8, 1), (3, 64, 3), (4, 4, 4)] as [(Int, Int, Int)])
    func base(workers: Int, cores: Int, expected: Int) {
        #expect(WorkerAdmission(workers: workers, cores: cores).base == expected)
    }

    /// Runs `enter()` on its own thread; the box says when (and whether) it got a place.
    private static func enterLater(_ admission: WorkerAdmission) -> LockedValue<Bool?> {
        let result = LockedValue<Bool?>(nil)
        Thread {
            let admitted = admission.enter()
            result.withLock { $0 = admitted }
        }.start()
        return result
    }

    @Test("An announced wait lets one more worker in; coming back puts one over, which leaves after its event")
    func announcedWait() {
        let admission = WorkerAdmission(workers: 4, cores: 2)
        #expect(admission.enter() && admission.enter())
        let third = Self.enterLater(admission)
        #expect(eventually { admission.snapshot.waiting == 1 })
        #expect(third.withLock { $0 } == nil, "a third worker ran with two places and nothing blocked")
        admission.waitBegan()
        #expect(eventually { third.withLock { $0 } == true })
        #expect(admission.snapshot.running == 3)
        admission.waitEnded()
        admission.eventStarted()
        #expect(admission.eventFinished(), "3 running for 2 places: the finishing worker must leave")
        #expect(admission.snapshot.running == 2)
        admission.eventStarted()
        #expect(!admission.eventFinished(), "2 running for 2 places: it stays")
        admission.stop()
    }

    @Test(
        "Every running worker busy for a sweep with nothing finished: one more may run; the boost decays once one polls"
    )
    func boost() {
        let admission = WorkerAdmission(workers: 4, cores: 2)
        #expect(admission.enter() && admission.enter())
        admission.eventStarted()
        admission.eventStarted()
        let third = Self.enterLater(admission)
        #expect(eventually { admission.snapshot.waiting == 1 })
        admission.sweep()  // both busy, none finished since the start
        #expect(eventually { third.withLock { $0 } == true })
        #expect(admission.snapshot.boost == 1)
        // The two stuck events end; the boosted worker polls (not busy).
        #expect(!admission.eventFinished())
        #expect(!admission.eventFinished())
        admission.sweep()
        #expect(admission.snapshot.boost == 0)
        admission.eventStarted()
        #expect(admission.eventFinished(), "3 running for 2 places after the boost: one leaves")
        admission.stop()
    }

    @Test("Idle workers in epoll are not stuck: no boost")
    func idleIsNotStuck() {
        let admission = WorkerAdmission(workers: 4, cores: 2)
        #expect(admission.enter() && admission.enter())
        let third = Self.enterLater(admission)
        #expect(eventually { admission.snapshot.waiting == 1 })
        admission.sweep()
        admission.sweep()
        #expect(admission.snapshot.boost == 0)
        admission.stop()
        #expect(eventually { third.withLock { $0 } == false }, "stop() must send a sleeping worker away")
    }

    @Test("Nested announced waits count once; a thread without an observer only runs the body")
    func nesting() {
        let admission = WorkerAdmission(workers: 4, cores: 2)
        let value = BlockingWait.around { () -> Int in 7 }
        #expect(value == 7)
        #expect(!BlockingWait.isWaiting)
        BlockingWait.install(admission)
        defer { BlockingWait.install(nil) }
        let outer = BlockingWait.around { () -> Bool in
            let inner = BlockingWait.around { admission.snapshot.blocked }
            #expect(inner == 1)
            return BlockingWait.isWaiting
        }
        #expect(outer)
        #expect(admission.snapshot.blocked == 0)
        #expect(!BlockingWait.isWaiting)
    }

    @Test("Live: handlers blocked in announced waits are counted, and another request is still answered")
    func liveAnnouncedWaits() throws {
        try TestServer.with({ $0.workerThreads = 4 }) { server in
            let statuses = LockedValue<[Int]>([])
            let client = server.client
            for _ in 0..<3 {
                Thread {
                    let status = (try? client.send("GET", "/gate-announced").status) ?? -1
                    statuses.withLock { $0.append(status) }
                }.start()
            }
            #expect(
                eventually(within: 5) { server.server.admission?.snapshot.blocked == 3 },
                "\(String(describing: server.server.admission?.snapshot)), answered \(statuses.withLock { $0 })")
            let hello = try client.send("GET", "/hello")
            #expect(hello.status == 200)
            server.gate.release.open()
            #expect(eventually(within: 5) { statuses.withLock { $0 } == [200, 200, 200] })
            #expect(eventually { server.server.admission?.snapshot.blocked == 0 })
        }
    }

    @Test("Live: handlers blocked in waits nobody announced do not stall the server (the timer's boost)")
    func liveUnannouncedWaits() throws {
        try TestServer.with({ $0.workerThreads = 4 }) { server in
            let statuses = LockedValue<[Int]>([])
            let client = server.client
            for _ in 0..<3 {
                Thread {
                    let status = (try? client.send("GET", "/gate").status) ?? -1
                    statuses.withLock { $0.append(status) }
                }.start()
            }
            server.gate.entered.wait()
            let hello = try client.send("GET", "/hello")
            #expect(hello.status == 200)
            server.gate.release.open()
            #expect(eventually(within: 5) { statuses.withLock { $0 } == [200, 200, 200] })
        }
    }
}
