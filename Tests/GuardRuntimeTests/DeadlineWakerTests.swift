import Foundation
import Testing
@testable import GuardStdio

/// The stdio front's timer: it must wake for an earlier deadline, sleep through later ones, and stop.
@Suite("Deadline waker")
struct DeadlineWakerTests {
    /// Runs `wait` on a thread and reports when it returned and what it said.
    final class Waiter: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private(set) var result = false
        private(set) var returned: ContinuousClock.Instant?

        init(_ waker: DeadlineWaker, until deadline: ContinuousClock.Instant?) {
            Thread { [self] in
                result = waker.wait(until: { deadline })
                returned = .now
                done.signal()
            }.start()
        }

        func join(within seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }
    }

    @Test("a waiter with no deadline sleeps until a deadline is announced, then returns to be re-armed")
    func earlierDeadlineWakes() {
        let waker = DeadlineWaker()
        let start = ContinuousClock.now
        let waiter = Waiter(waker, until: nil)
        #expect(!waiter.join(within: 0.2), "nothing is due yet")
        waker.announce(.now + .milliseconds(10))
        #expect(waiter.join(within: 5))
        #expect(waiter.result)
        #expect(waiter.returned.map { start.duration(to: $0) >= .milliseconds(200) } == true)
    }

    @Test("a later deadline does not wake a waiter heading for an earlier one; its own deadline does")
    func laterDeadlineSleeps() {
        let waker = DeadlineWaker()
        let start = ContinuousClock.now
        let due = start + .milliseconds(400)
        let waiter = Waiter(waker, until: due)
        Thread.sleep(forTimeInterval: 0.05)
        waker.announce(.now + .seconds(30))
        #expect(waiter.join(within: 10))
        #expect(waiter.returned.map { $0 >= due } == true, "woke before its deadline")
    }

    @Test("stop wakes the waiter, and every later wait returns false at once")
    func stop() {
        let waker = DeadlineWaker()
        let waiter = Waiter(waker, until: nil)
        Thread.sleep(forTimeInterval: 0.05)
        waker.stop()
        #expect(waiter.join(within: 5))
        #expect(!waiter.result)
        #expect(!waker.wait(until: { nil }))
    }
}
