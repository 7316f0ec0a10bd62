/// Finds prompt injection in text a server returns (tool results, resource contents, prompt messages):
/// text that addresses the model instead of describing the world.
///
/// Uses the phrase signals of tool poisoning plus output-specific ones (steering to a tool, posing as the
/// user, "in order to get the result you must …") and injection markup (`<!-- hidden`, `___INJECT___`,
/// `[SYSTEM INSTRUCTION`). Scoring is the same multi-signal sum as for definitions: each category counts
/// once at its strongest hit, and one weak phrase is never enough.
public struct OutputInjectionDetector: Sendable {
    public static let shared = OutputInjectionDetector()

    /// Score at which text counts as injected.
    public let threshold: Double
    private let analyzer: InstructionAnalyzer

    public init(threshold: Double = 3) {
        self.threshold = threshold
        self.analyzer = InstructionAnalyzer(signals: InstructionSignal.all + InstructionSignal.output)
    }

    /// What the detector found in one text.
    public struct Verdict: Sendable {
        public let score: Double
        public let categories: [InstructionCategory]
        /// Hits that carry weight (not bare pseudo-tags), in text order; what `redact` removes.
        public let hits: [InstructionHit]
    }

    /// A verdict when `text` reads as injected, else nil.
    public func inspect(_ text: String) -> Verdict? {
        guard text.utf8.count >= 12 else { return nil }
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

    static let markerBytes: [[UInt8]] = markers.map { Array($0.utf8) }

    static func markup(in text: String) -> [InstructionHit] {
        let utf8 = Array(text.utf8)
        guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "_") }) else { return [] }
        var hits: [InstructionHit] = []
        for offset in utf8.indices where utf8[offset] == UInt8(ascii: "<") || utf8[offset] == UInt8(ascii: "[") || utf8[offset] == UInt8(ascii: "_") {
            for marker in markerBytes where marker[0] == utf8[offset] && offset + marker.count <= utf8.count {
                var matches = true
                for position in 1..<marker.count {
                    let byte = utf8[offset + position]
                    if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != marker[position] {
                        matches = false
                        break
                    }
                }
                guard matches else { continue }
                let lower = text.utf8.index(text.startIndex, offsetBy: offset)
                hits.append(InstructionHit(category: .impersonation, weight: 2, tokens: 0..<0, range: lower..<text.utf8.index(lower, offsetBy: marker.count)))
            }
        }
        return hits
    }
}
