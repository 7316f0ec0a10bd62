import GuardCore

/// Scores tool definitions and tool outputs with the learned models, and explains the score.
///
/// Definitions are one document: every model-visible string of the tool (name, description, parameter
/// names and descriptions, defaults, enums) adds to one set of sums, so an instruction split across
/// fields adds up. Outputs are scored window by window (``OutputWindows``) and take their best window,
/// so a long honest text cannot accumulate weak evidence and a short injection inside a long page is
/// not diluted by it.
public struct LearnedScorer: Sendable {
    public let definitions: LinearModelSet
    public let outputs: LinearModelSet
    let featurizer = TextFeaturizer()

    /// The models compiled into this build.
    public static let shared: LearnedScorer? = {
        guard let definitions = try? LinearModelSet(base64: LearnedModels.definitionsData),
              let outputs = try? LinearModelSet(base64: LearnedModels.outputsData) else { return nil }
        return LearnedScorer(definitions: definitions, outputs: outputs)
    }()

    public init(definitions: LinearModelSet, outputs: LinearModelSet) {
        self.definitions = definitions
        self.outputs = outputs
    }

    // MARK: - Definitions

    /// The sums of a definition's texts (names are read as words: `read_file` → `read file`).
    public func definitionSums(_ texts: [String]) -> FeatureSums {
        var sink = ScoringSink(set: definitions)
        for text in texts { featurizer.featurize(text, into: &sink) }
        return sink.sums
    }

    /// Probability per definition model (`poisoning`, `offensive`, in the set's order).
    public func scoreDefinition(_ texts: [String]) -> [Float] {
        definitions.probabilities(definitionSums(texts))
    }

    /// What definition model `m` says of `texts` when it reaches its threshold: the probability, whether
    /// it is past the high threshold, the heaviest reasons and the sentence that scored highest.
    public struct DefinitionVerdict: Sendable {
        public let probability: Float
        public let isHigh: Bool
        public let reasons: [String]
        public let strongest: (text: String, range: Range<String.Index>)?
        /// The structural flags the definition showed.
        public let flags: StructuralFeature
    }

    public func definitionVerdict(_ texts: [String], model m: Int) -> DefinitionVerdict? {
        guard !texts.isEmpty, m < definitions.modelCount else { return nil }
        let model = definitions.models[m]
        let sums = definitionSums(texts)
        let probability = definitions.probability(sums, model: m)
        guard probability >= model.threshold else { return nil }
        return DefinitionVerdict(
            probability: probability, isHigh: probability >= model.highThreshold,
            reasons: reasons(texts, set: definitions, model: m), strongest: strongestSentence(texts, set: definitions, model: m),
            flags: sums.flags
        )
    }

    // MARK: - Outputs

    /// The best window of `text` for the output model: its probability and where it is.
    public func scoreOutput(_ text: String) -> OutputWindows.Best? {
        OutputWindows.best(in: text, set: outputs, model: 0, featurizer: featurizer)
    }

    // MARK: - Explanations

    /// The words and flags that pushed `texts` towards model `m`, heaviest first, in words a person reads.
    public func reasons(_ texts: [String], set: LinearModelSet, model m: Int, limit: Int = 5) -> [String] {
        var sink = ExplainingSink(set: set, model: m)
        for text in texts { featurizer.featurize(text, into: &sink) }
        return sink.reasons(limit: limit)
    }

    /// The sentence of `texts` that scores highest for model `m` (what a finding shows as evidence).
    public func strongestSentence(_ texts: [String], set: LinearModelSet, model m: Int) -> (text: String, range: Range<String.Index>)? {
        var best: (Float, String, Range<String.Index>)?
        for text in texts {
            for range in OutputWindows.sentenceRanges(text) {
                let sums = set.sums(String(text[range]), featurizer: featurizer)
                guard sums.count > 0 else { continue }
                let value = set.probability(sums, model: m)
                if best == nil || value > best!.0 { best = (value, text, range) }
            }
        }
        return best.map { ($0.1, $0.2) }
    }
}

/// Keeps the heaviest contributions for one model, for explanations.
struct ExplainingSink: FeatureSink {
    let set: LinearModelSet
    let model: Int
    var contributions: [String: Float] = [:]
    var flags: StructuralFeature = []
    private var previousWord = ""
    private var currentWord = ""

    init(set: LinearModelSet, model: Int) {
        self.set = set
        self.model = model
    }

    mutating func add(_ index: Int, kind: FeatureKind, _ word: ArraySlice<UInt32>) {
        let text = String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init)))
        let weight = set.weight(index, model: model)
        switch kind {
        case .word:
            previousWord = currentWord
            currentWord = text
            contributions["'\(text)'", default: 0] += weight
        case .bigram:
            contributions["'\(previousWord) \(text)'", default: 0] += weight
        case .chars, .cjk:
            // Character n-grams are credited to their word, so a reason stays readable.
            contributions["'\(text)'", default: 0] += weight * 0.25
        case .clause:
            contributions[text + " in one sentence", default: 0] += weight
        }
    }

    mutating func flag(_ flags: StructuralFeature) { self.flags.formUnion(flags) }

    func reasons(limit: Int) -> [String] {
        var scored = contributions.filter { $0.value > 0 }.map { ($0.value, $0.key) }
        for flag in flags.indices {
            let weight = set.structuralWeight(flag, model: model)
            if weight > 0.3 { scored.append((weight, StructuralFeature.names[flag])) }
        }
        return scored.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(limit).map(\.1)
    }
}

extension LearnedScorer {
    /// The strings of a tool, prompt or template object that the definition models read: every
    /// model-visible text except URIs.
    public static func definitionTexts(of value: JSONValue) -> [String] {
        var texts: [ModelVisibleText] = []
        ModelVisibleText.collect(value, pointer: "", into: &texts)
        return texts.filter { $0.role != .uri }.map(\.text)
    }
}

extension LearnedScorer {
    /// `0.934` → `"93 %"`, how findings quote a probability.
    static func percent(_ probability: Float) -> String {
        "\(Int((probability * 100).rounded(.down))) %"
    }
}
