import Foundation

/// Sleeps until the engine's next deadline instead of polling: the stdio front's timer thread waits here,
/// and the message threads wake it only when a new deadline is earlier than the one it sleeps towards (a
/// call's 30 s timeout does not wake anything while an earlier one is pending). An idle guard makes no
/// wake-ups at all, where the 20 ms ticker it replaces made fifty a second.
final class DeadlineWaker: @unchecked Sendable {  // all state behind `condition`
    private let condition = NSCondition()
    /// What the waiter sleeps towards; nil while it waits for a deadline to appear.
    private var target: ContinuousClock.Instant?
    private var waiting = false
    /// Set by ``announce(_:)`` to end the current wait early.
    private var announced = false
    private var stopped = false

    /// Waits until the deadline `next` gives (forever when nil), an earlier deadline is announced, or
    /// ``stop()``; returns false once stopped. `next` is read under the waker's lock, so a deadline set
    /// after it was read is announced to a waiter that is already marked waiting, never lost.
    func wait(until next: () -> ContinuousClock.Instant?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return false }
        let deadline = next()
        target = deadline
        announced = false
        waiting = true
        defer { waiting = false }
        // Spurious wake-ups of the condition are slept through: only the deadline, an announcement or a
        // stop end the wait.
        while !stopped, !announced {
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { break }
                let interval = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
                _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
            } else {
                condition.wait()
            }
        }
        return !stopped
    }

    /// A deadline may have been set: wakes the waiter if it is earlier than the one it sleeps towards.
    func announce(_ deadline: ContinuousClock.Instant?) {
        guard let deadline else { return }
        condition.lock()
        defer { condition.unlock() }
        guard waiting, target.map({ deadline < $0 }) ?? true else { return }
        target = deadline
        announced = true
        condition.signal()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }
}
