import Foundation
import Synchronization

/// Rate limits (token buckets) and per-session call budgets, per tool and for the whole server.
/// Thread-safe; `clock` is injectable so tests need not sleep.
public final class CallLimiter: Sendable {
    public enum Refusal: Equatable, Sendable {
        case rate(scope: String, limit: String)
        case budget(scope: String, limit: Int)

        public var message: String {
            switch self {
            case .rate(let scope, let limit): "rate limit \(limit) reached for \(scope)"
            case .budget(let scope, let limit): "call budget of \(limit) for this session used up for \(scope)"
            }
        }
    }

    struct Bucket {
        var tokens: Double
        var last: Double
    }

    struct Counters {
        var buckets: [String: Bucket] = [:]
        var calls: [String: Int] = [:]
    }

    private let counters = Mutex(Counters())
    let clock: @Sendable () -> Double

    public init(clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) {
        self.clock = clock
    }

    /// Counts one call of `tool` against `rules`, or says which limit refuses it (nothing is counted then).
    public func admit(tool: String, rules: Policy.ServerRules) -> Refusal? {
        counters.withLock { counters in
            let now = clock()
            let toolRule = rules.tools[tool]
            let checks: [(key: String, scope: String, rate: Policy.Rate?, budget: Int?)] = [
                ("tool:\(tool)", "tool \(tool)", toolRule?.rate, toolRule?.budget),
                ("server", "this server", rules.rate, rules.budget),
            ]
            for check in checks {
                if let budget = check.budget, counters.calls[check.key, default: 0] >= budget { return .budget(scope: check.scope, limit: budget) }
                if let rate = check.rate {
                    let bucket = Self.refilled(counters.buckets, check.key, rate, now)
                    if bucket.tokens < 1 { return .rate(scope: check.scope, limit: "\(rate.count) per \(Self.unit(rate.seconds))") }
                }
            }
            for check in checks {
                if check.budget != nil { counters.calls[check.key, default: 0] += 1 }
                if let rate = check.rate {
                    var bucket = Self.refilled(counters.buckets, check.key, rate, now)
                    bucket.tokens -= 1
                    counters.buckets[check.key] = bucket
                }
            }
            return nil
        }
    }

    private static func refilled(_ buckets: [String: Bucket], _ key: String, _ rate: Policy.Rate, _ now: Double) -> Bucket {
        var bucket = buckets[key] ?? Bucket(tokens: Double(rate.count), last: now)
        bucket.tokens = min(Double(rate.count), bucket.tokens + (now - bucket.last) * Double(rate.count) / rate.seconds)
        bucket.last = now
        return bucket
    }

    static func unit(_ seconds: Double) -> String {
        switch seconds {
        case 1: "second"
        case 60: "minute"
        case 3600: "hour"
        default: "day"
        }
    }
}
