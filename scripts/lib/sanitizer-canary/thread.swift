// Canary for scripts/sanitizers.sh: a deliberate data race (two threads increment one
// global without synchronization). ThreadSanitizer must report it into the log files the
// script reads; if it does not, "no report" from the test suite would prove nothing.
import Foundation

nonisolated(unsafe) var counter = 0
let finished = DispatchSemaphore(value: 0)
for _ in 0..<2 {
    Thread.detachNewThread {
        for _ in 0..<1000 { counter += 1 }
        finished.signal()
    }
}
finished.wait()
finished.wait()
print("counter \(counter)")
