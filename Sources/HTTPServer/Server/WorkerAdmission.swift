import Foundation
import Locking

/// How many worker threads may run at once (poll epoll or serve a request): about one per
/// core, plus one for each worker blocked in a wait it announced (`BlockingWait`: a group
/// commit, a database round trip), plus a boost the timer grants when every running worker
/// has been busy for a whole sweep without finishing anything (a wait nobody announced).
/// The other workers sleep here, not in `epoll_wait`.
///
/// Why (BENCHMARKS.md, "Worker threads and the tail"): 16 threads waiting on one epoll set of
/// 2 cores cost 3-4x the CPU per `/health` request of 2-4 threads, since nearly every event
/// wakes a sleeping thread; but the group commit needs many threads waiting on it at once
/// to batch its inserts. Admitting by cores while letting blocked workers hand their place
/// over keeps both.
///
/// `@unchecked Sendable`: every counter is read and written only while holding `condition`.
final class WorkerAdmission: BlockingWaitObserver, @unchecked Sendable {
    /// Workers admitted with nothing blocked: the cores (at least 2, at most every worker).
    let base: Int
    private let condition = NSCondition()
    /// Admitted workers: polling, serving or blocked.
    private var running = 0
    /// Admitted workers inside an announced wait.
    private var blocked = 0
    /// Admitted workers serving an event (between epoll's answer and the end of the work).
    private var busy = 0
    /// Extra places the timer granted because the running workers were stuck.
    private var boost = 0
    /// Workers sleeping here for a place.
    private var waiting = 0
    /// Events finished, and the count the last sweep saw.
    private var finished: UInt64 = 0
    private var finishedAtLastSweep: UInt64 = 0
    private var stopping = false

    init(workers: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        base = min(max(1, workers), max(2, cores))
    }

    private var limit: Int { base + blocked + boost }

    /// Waits for a place. Returns false when the server is stopping (the worker exits).
    func enter() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        waiting += 1
        while running >= limit && !stopping { condition.wait() }
        waiting -= 1
        if stopping { return false }
        running += 1
        return true
    }

    /// The worker got an event from epoll and works on it.
    func eventStarted() {
        condition.lock()
        busy += 1
        condition.unlock()
    }

    /// The worker finished an event. Returns true when it must give up its place (more are
    /// running than the limit now allows: a blocked worker came back); it then calls `enter()`.
    func eventFinished() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        busy -= 1
        finished &+= 1
        guard running > limit else { return false }
        running -= 1
        return true
    }

    /// A worker that exits for good gives its place back.
    func leave() {
        condition.lock()
        running -= 1
        if waiting > 0 { condition.signal() }
        condition.unlock()
    }

    func waitBegan() {
        condition.lock()
        blocked += 1
        if waiting > 0 { condition.signal() }
        condition.unlock()
    }

    func waitEnded() {
        condition.lock()
        blocked -= 1
        condition.unlock()
    }

    /// Called by the timer every sweep: when every running worker is serving and none
    /// finished anything since the last sweep, one more may run; once some worker polls
    /// again, the boost shrinks by one a sweep.
    func sweep() {
        condition.lock()
        defer { condition.unlock() }
        let stuck = running > 0 && busy >= running && finished == finishedAtLastSweep
        if stuck && waiting > 0 {
            boost += 1
            condition.signal()
        } else if boost > 0 && busy < running {
            boost -= 1
        }
        finishedAtLastSweep = finished
    }

    /// Wakes every sleeping worker to exit.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Counters for tests.
    var snapshot: (running: Int, blocked: Int, boost: Int, waiting: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (running, blocked, boost, waiting)
    }
}
