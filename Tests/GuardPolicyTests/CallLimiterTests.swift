import Foundation
import Synchronization
import Testing

@testable import GuardPolicy

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    let now = Mutex<Double>(0)
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
}

@Suite("Rate limits and call budgets")
struct CallLimiterTests {
    func rules() throws -> Policy.ServerRules {
        try Policy(yaml: """
            version: 1
            servers:
              "*":
                rate: 5/min
                budget: 4
                tools:
                  search: { action: allow, rate: 2/s }
                  pay: { action: allow, budget: 1 }
            """, path: "p").rules(for: "x")
    }

    @Test("a token bucket per tool refills over time")
    func rate() throws {
        let clock = ManualClock()
        let limiter = CallLimiter { clock.now.withLock { $0 } }
        let rules = try rules()
        #expect(limiter.admit(tool: "search", rules: rules) == nil)
        #expect(limiter.admit(tool: "search", rules: rules) == nil)
        #expect(limiter.admit(tool: "search", rules: rules) == .rate(scope: "tool search", limit: "2 per second"))
        clock.advance(0.5)
        #expect(limiter.admit(tool: "search", rules: rules) == nil, "one token back after half a second")
    }

    @Test("budgets per tool and per server; a refused call is not counted")
    func budgets() throws {
        let limiter = CallLimiter { 0 }
        let rules = try rules()
        #expect(limiter.admit(tool: "pay", rules: rules) == nil)
        #expect(limiter.admit(tool: "pay", rules: rules) == .budget(scope: "tool pay", limit: 1))
        #expect(limiter.admit(tool: "other", rules: rules) == nil)
        #expect(limiter.admit(tool: "other", rules: rules) == nil)
        #expect(limiter.admit(tool: "other", rules: rules) == nil)
        #expect(limiter.admit(tool: "other", rules: rules) == .budget(scope: "this server", limit: 4))
    }

    @Test("rates and budgets are validated in the policy")
    func parsing() {
        #expect(Policy.Rate("30/min") == Policy.Rate("30/minute"))
        #expect(Policy.Rate("30 per min") == nil)
        #expect(throws: Policy.Failure.self) { try Policy(yaml: "version: 1\nservers:\n  x:\n    rate: fast", path: "p") }
        #expect(throws: Policy.Failure.self) { try Policy(yaml: "version: 1\nservers:\n  x:\n    budget: -1", path: "p") }
    }
}
