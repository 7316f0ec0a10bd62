import GuardCore
import GuardPolicy

/// Where a deployment stands against every checklist item, with the evidence for each status.
/// Built by ``Assessor``; every renderer works from this one value.
public struct Assessment: Sendable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The checks that serve the item ran and found nothing.
        case passed
        /// A check found the item broken, or the operator attested it is not met.
        case failed
        /// A guard control in force makes the item hold.
        case enforced
        /// Some of the item holds; the rest is not covered or could not be checked.
        case partial
        /// Nothing could decide the item here (a check could not run, or only an attestation can).
        case notAssessed = "not-assessed"
        /// The operator attested that the item is met.
        case attested
        /// The operator's attestation has expired.
        case attestationExpired = "attestation-expired"
        /// The item does not concern this deployment.
        case notApplicable = "not-applicable"

        /// How much the status counts towards a score (nil: not counted at all).
        public var points: Double? {
            switch self {
            case .passed, .enforced, .attested: 1
            case .partial: 0.5
            case .failed, .notAssessed, .attestationExpired: 0
            case .notApplicable: nil
            }
        }

        /// Words for tables.
        public var label: String {
            switch self {
            case .notAssessed: "not assessed"
            case .attestationExpired: "attestation expired"
            case .notApplicable: "not applicable"
            default: rawValue
            }
        }
    }

    /// What one check said about one part.
    public struct Evidence: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case rule, control, attestation, note
        }
        public enum Outcome: String, Sendable, Hashable {
            case passed, failed, enforced, off, notRun = "not-run", notApplicable = "not-applicable"
        }
        public var kind: Kind
        /// The rule or control id.
        public var id: String?
        public var outcome: Outcome
        public var text: String
    }

    /// One part of an item (from ``ItemCoverage``) and how it fared.
    public struct PartResult: Sendable, Hashable {
        public enum Outcome: String, Sendable, Hashable {
            case failed, passed, enforced, notApplicable = "not-applicable", notAssessed = "not-assessed"
        }
        public var text: String
        public var outcome: Outcome
        public var evidence: [Evidence]
    }

    public struct ItemResult: Sendable {
        public var item: ChecklistItem
        public var coverage: ItemCoverage
        public var status: Status
        /// One sentence on why the item has its status.
        public var reason: String
        public var parts: [PartResult]
        /// Findings that cite the item.
        public var findings: [Finding]
        public var attestation: AttestationFile.Entry?
    }

    /// Points over counted items, for one group.
    public struct Score: Sendable, Hashable {
        public var points: Double
        /// Items that count (not-applicable ones do not).
        public var counted: Int
        public var total: Int

        /// 0–100, one decimal; nil when no item counts.
        public var percent: Double? { counted == 0 ? nil : (points / Double(counted) * 1000).rounded() / 10 }
    }

    public var subject: String
    /// The day the assessment was made (`YYYY-MM-DD`), which attestation expiry is judged against.
    public var date: String
    public var items: [ItemResult]
    /// The scan's own status (`complete`, or `incomplete` when a server could not be inventoried).
    public var scanStatus: String

    public var overall: Score { Self.score(items) }

    public func score(part: ChecklistItem.Part) -> Score { Self.score(items.filter { $0.item.part == part }) }
    public func score(priority: ChecklistItem.Priority) -> Score { Self.score(items.filter { $0.item.priority == priority }) }

    /// Scores per section, in checklist order (`MCP server · API Security`).
    public var sectionScores: [(name: String, score: Score)] {
        var order: [String] = []
        var groups: [String: [ItemResult]] = [:]
        for result in items {
            let name = result.item.part.displayName + (result.item.section.map { " · \($0)" } ?? "")
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(result)
        }
        return order.map { ($0, Self.score(groups[$0]!)) }
    }

    public var countsByStatus: [Status: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, 0) })
        for result in items { counts[result.status, default: 0] += 1 }
        return counts
    }

    static func score(_ results: [ItemResult]) -> Score {
        var score = Score(points: 0, counted: 0, total: results.count)
        for result in results {
            guard let points = result.status.points else { continue }
            score.points += points
            score.counted += 1
        }
        return score
    }

    /// Statuses that satisfy `--require`.
    public static let satisfying: Set<Status> = [.passed, .enforced, .attested, .notApplicable]

    /// Items at or above `priority` that do not satisfy it.
    public func unmet(atOrAbove priority: ChecklistItem.Priority) -> [ItemResult] {
        items.filter { $0.item.priority >= priority && !Self.satisfying.contains($0.status) }
    }

    /// 1 when the overall score is under `failUnder` or a required item is unmet, else 0.
    public func exitCode(failUnder: Double?, require: ChecklistItem.Priority?) -> Int32 {
        if let failUnder, (overall.percent ?? 100) < failUnder { return 1 }
        if let require, !unmet(atOrAbove: require).isEmpty { return 1 }
        return 0
    }
}
