import Foundation

/// One thread that lives as long as the process and performs every fork.
///
/// Linux delivers `PR_SET_PDEATHSIG` when the *thread* that forked the child exits, not the process.
/// Swift concurrency and Dispatch retire idle worker threads after a few seconds, which would kill
/// healthy children mid-scan; forking from a thread that never exits ties the children's lives to
/// mcpguard's, as intended.
final class SpawnThread: @unchecked Sendable {
    static let shared = SpawnThread()

    /// Guards `jobs` (hence `@unchecked Sendable`: every access holds the condition's lock).
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    private init() {
        let thread = Thread { [self] in
            while true {
                condition.lock()
                while jobs.isEmpty { condition.wait() }
                let work = jobs
                jobs.removeAll()
                condition.unlock()
                for job in work { job() }
            }
        }
        thread.name = "mcpguard-spawn"
        thread.start()
    }

    /// Runs `body` on the spawn thread and returns its result.
    func run<T>(_ body: @escaping () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        var result: T?
        condition.lock()
        jobs.append {
            result = body()
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        return result!
    }
}
