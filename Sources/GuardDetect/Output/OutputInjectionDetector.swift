/// Finds prompt injection in text a server returns (tool results, resource contents, prompt messages):
/// text that addresses the model instead of describing the world.
///
/// Uses the phrase signals of tool poisoning plus output-specific ones (steering to a tool, posing as the
/// user, "in order to get the result you must …") and injection markup (`<!-- hidden`, `___INJECT___`,
/// `[SYSTEM INSTRUCTION`). Scoring is the same multi-signal sum as for definitions: each category counts
/// once at its strongest hit, and one weak phrase is never enough.
public struct OutputInjectionDetector: Sendable {
    public static let shared = OutputInjectionDetector()
    /// The phrase rules without the learned model (for hot paths).
    public static let rulesOnly = OutputInjectionDetector(scorer: nil)

    /// Score at which text counts as injected.
    public let threshold: Double
    private let analyzer: InstructionAnalyzer

    /// The learned injection model, read beside the phrase rules; nil runs the rules alone.
    public let scorer: LearnedScorer?

    public init(threshold: Double = 3, scorer: LearnedScorer? = LearnedScorer.shared) {
        self.threshold = threshold
        self.scorer = scorer
        self.analyzer = InstructionAnalyzer(signals: InstructionSignal.all + InstructionSignal.output)
    }

    /// What the detector found in one text.
    public struct Verdict: Sendable {
        public let score: Double
        public let categories: [InstructionCategory]
        /// Hits that carry weight (not bare pseudo-tags), in text order; what `redact` removes.
        public let hits: [InstructionHit]
        /// The learned model's probability for the best window, when the model decided.
        public var learned: Float?
        /// The heaviest words and flags behind a learned verdict.
        public var reasons: [String] = []

        /// What the verdict saw, in words (for messages and audit records).
        public var summary: String {
            if !categories.isEmpty { return categories.map(\.phrase).joined(separator: "; ") }
            let quoted = learned.map { "learned model, \(LearnedScorer.percent($0))" } ?? "learned model"
            return reasons.isEmpty ? quoted : quoted + ": " + reasons.joined(separator: ", ")
        }
    }

    /// A verdict when `text` reads as injected, else nil.
    public func inspect(_ text: String) -> Verdict? {
        guard text.utf8.count >= 12 else { return nil }
        if let verdict = ruleVerdict(text) { return verdict }
        return learnedVerdict(text)
    }

    /// The learned model's verdict: the best window at or above the model's threshold. Its hits are the
    /// window's sentences that score above the threshold on their own, or the best one.
    func learnedVerdict(_ text: String) -> Verdict? {
        guard let scorer, let best = scorer.scoreOutput(text), best.probability >= scorer.outputs.models[0].threshold else { return nil }
        let model = scorer.outputs.models[0]
        var sentences: [(Float, Range<String.Index>)] = []
        for range in OutputWindows.sentenceRanges(text[best.range]) {
            let sums = scorer.outputs.sums(text[range])
            guard sums.count > 0 else { continue }
            sentences.append((scorer.outputs.probability(sums, model: 0), range))
        }
        var chosen = sentences.filter { $0.0 >= model.threshold }.map(\.1)
        if chosen.isEmpty, let top = sentences.max(by: { $0.0 < $1.0 }) { chosen = [top.1] }
        let hits = chosen.map { InstructionHit(category: .hiddenBehaviour, weight: 0, tokens: 0..<0, range: $0) }
        var verdict = Verdict(score: Double(best.probability), categories: [], hits: hits)
        verdict.learned = best.probability
        verdict.reasons = scorer.reasons([String(text[best.range])], set: scorer.outputs, model: 0, limit: 4)
        return verdict
    }

    /// The phrase rules' verdict.
    func ruleVerdict(_ text: String) -> Verdict? {
        var hits = analyzer.hits(in: text).map { Self.imperative($0, in: text) }
        hits.append(contentsOf: Self.markup(in: text))
        guard !hits.isEmpty else { return nil }
        // Injected instructions sit together; a long honest text (a whole git log, a manual) collects
        // unrelated weak phrases far apart. Only hits within one window of text add up.
        let located = hits.map { (offset: text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound), hit: $0) }.sorted { $0.offset < $1.offset }
        var best: InstructionScore?
        for (index, first) in located.enumerated() {
            var score = InstructionScore()
            for other in located[index...] {
                guard other.offset - first.offset <= Self.window else { break }  // sorted: the rest are further
                score.add([other.hit], text: text, pointer: "")
            }
            if score.value > (best?.value ?? 0) { best = score }
        }
        guard let best, best.value >= threshold else { return nil }
        return Verdict(score: best.value, categories: best.categories, hits: hits.filter { $0.category != .pseudoTag || $0.weight > 1 })
    }

    /// Bytes of text within which hits add up (about a long paragraph).
    static let window = 1500

    /// Every hit in `text` regardless of score, pseudo-tags included: what a sanitiser removes.
    public func allHits(in text: String) -> [InstructionHit] {
        analyzer.hits(in: text) + Self.markup(in: text)
    }

    /// A tool direction that opens a sentence ("Use the X tool to …") is an order to the reader, not a
    /// remark about a tool: it counts as much as "please use".
    static func imperative(_ hit: InstructionHit, in text: String) -> InstructionHit {
        guard hit.category == .toolDirection, hit.weight < 3 else { return hit }
        var cursor = hit.range.lowerBound
        while cursor > text.startIndex {
            let previous = text[text.index(before: cursor)]
            if previous == " " || previous == "\t" || previous == "'" || previous == "\"" || previous == "*" || previous == "-" {
                cursor = text.index(before: cursor)
                continue
            }
            guard ".!?:\n".contains(previous) else { return hit }
            break
        }
        return InstructionHit(category: hit.category, weight: 3, tokens: hit.tokens, range: hit.range)
    }

    /// Comment and delimiter markup that injected text hides behind. Each counts 2 in the impersonation
    /// category: on its own it is not enough, beside any instruction it is.
    static let markers: [String] = ["<!-- hidden", "<!--hidden", "___inject", "[system instruction", "[system message", "[system prompt", "<!-- ai", "<!-- assistant", "<!-- instruction"]

    static let markerNeedles = ByteSearch.Needles(markers)

    static func markup(in text: String) -> [InstructionHit] {
        ByteSearch.occurrences(ofAny: markerNeedles, in: text, ignoringCase: true).map {
            InstructionHit(category: .impersonation, weight: 2, tokens: 0..<0, range: $0)
        }
    }
}
