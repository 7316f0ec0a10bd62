import GuardPolicy
import Synchronization

/// What a guard session has decided so far, counted where its decisions are recorded (so the counts and
/// the audit log cannot disagree) and read by `mcpguard status` through the run's registration file.
public final class GuardStatistics: Sendable {
    public struct Counts: Sendable, Equatable {
        /// `tools/call` requests passed on to the server.
        public var callsForwarded = 0
        /// Requests, answers and outputs refused or blocked (any rule), and declined confirmations.
        public var refused = 0
        /// Outputs in which secrets or chosen personal data were redacted.
        public var redactions = 0
        /// Distinct tools withheld from a listing (denied, poisoned, changed or colliding).
        public var withheldTools = 0
        /// Outputs and server messages the injection screen flagged (blocked, removed, labelled or logged).
        public var injectionsFlagged = 0

        public init() {}
    }

    private struct State {
        var counts = Counts()
        var withheld: Set<String> = []
        /// Bumped on every change, so a writer flushes only when something moved.
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The counts and their generation, read together.
    public func snapshot() -> (counts: Counts, generation: UInt64) {
        state.withLock { ($0.counts, $0.generation) }
    }

    /// One audited decision (see `GuardPipeline.record`), counted by what it means for the session. The
    /// record of a server's answer (`answer`: it carries the response's size) is not a call of its own.
    func note(_ decision: AuditRecord.Decision, method: String?, tool: String?, rule: String?, answer: Bool = false) {
        let injection = rule == GuardControls.outputInjection.id
        state.withLock { state in
            var counts = state.counts
            switch decision {
            case .allowed where method == "tools/call" && rule == nil && !answer: counts.callsForwarded += 1
            case .denied: counts.refused += 1
            case .redacted: counts.redactions += 1
            case .withheld where method == "tools/list":
                if let tool, state.withheld.insert(tool).inserted { counts.withheldTools = state.withheld.count }
            default: break
            }
            if injection { counts.injectionsFlagged += 1 }
            guard counts != state.counts else { return }
            state.counts = counts
            state.generation &+= 1
        }
    }

    /// A refusal recorded under another decision (a declined confirmation is audited as `answered`).
    func noteRefusal() {
        state.withLock {
            $0.counts.refused += 1
            $0.generation &+= 1
        }
    }
}
