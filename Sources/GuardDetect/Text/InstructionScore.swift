/// Adds up instruction hits across the fields of one subject (a tool, prompt or the server's instructions).
///
/// Each category counts once, at its strongest hit, so repeating one phrase does not inflate the score;
/// pseudo-tags only amplify other signals. A lone weak word stays below the reporting threshold.
public struct InstructionScore: Sendable {
    public struct Located: Sendable {
        public let hit: InstructionHit
        /// The text the hit is in, and where that text sits in the inventory (JSON Pointer).
        public let text: String
        public let pointer: String
    }

    public private(set) var strongest: [InstructionCategory: Located] = [:]

    public init() {}

    public mutating func add(_ hits: [InstructionHit], text: String, pointer: String) {
        for hit in hits {
            if let existing = strongest[hit.category], existing.hit.weight >= hit.weight { continue }
            strongest[hit.category] = Located(hit: hit, text: text, pointer: pointer)
        }
    }

    /// Categories present, strongest first.
    public var categories: [InstructionCategory] {
        strongest.keys.sorted { (strongest[$0]!.hit.weight, $1) > (strongest[$1]!.hit.weight, $0) }
    }

    /// Sum of category weights; pseudo-tags count only beside something else.
    public var value: Double {
        let others = strongest.filter { $0.key != .pseudoTag }.values.reduce(0) { $0 + $1.hit.weight }
        return others > 0 ? others + (strongest[.pseudoTag]?.hit.weight ?? 0) : 0
    }

    /// The hit to show as evidence: the heaviest non-tag hit.
    public var headline: Located? {
        strongest.filter { $0.key != .pseudoTag }.values.max { lhs, rhs in
            (lhs.hit.weight, rhs.hit.category) < (rhs.hit.weight, lhs.hit.category)
        }
    }
}
