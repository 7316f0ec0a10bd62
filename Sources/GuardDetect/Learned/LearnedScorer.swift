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

    /// What definition model `m` says of a definition when it reaches its threshold: the probability,
    /// whether it is past the high threshold, and the structural flags the definition showed. Why it
    /// says so (``explain(_:model:)``) costs another pass over the texts, so a detector asks for it only
    /// when the verdict becomes a finding.
    public struct DefinitionVerdict: Sendable {
        public let probability: Float
        public let isHigh: Bool
        /// The structural flags the definition showed.
        public let flags: StructuralFeature
    }

    /// The heaviest reasons behind a score and the sentence that scored highest, for a finding.
    public struct Explanation: Sendable {
        public let reasons: [String]
        public let strongest: (text: String, range: Range<String.Index>)?
    }

    public func definitionVerdict(_ texts: [String], model m: Int) -> DefinitionVerdict? {
        definitionVerdict(texts, sums: definitionSums(texts), model: m)
    }

    /// The verdict from sums already computed for `texts` (one pass serves every definition model).
    public func definitionVerdict(_ texts: [String], sums: FeatureSums, model m: Int) -> DefinitionVerdict? {
        guard !texts.isEmpty, m < definitions.modelCount else { return nil }
        let model = definitions.models[m]
        let probability = definitions.probability(sums, model: m)
        guard probability >= model.threshold else { return nil }
        return DefinitionVerdict(probability: probability, isHigh: probability >= model.highThreshold, flags: sums.flags)
    }

    /// Why definition model `m` scores `texts` as it does.
    public func explain(_ texts: [String], model m: Int) -> Explanation {
        Explanation(
            reasons: reasons(texts, set: definitions, model: m),
            strongest: strongestSentence(texts, set: definitions, model: m)
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
                let sums = set.sums(text[range], featurizer: featurizer)
                guard sums.count > 0 else { continue }
                let value = set.probability(sums, model: m)
                if best == nil || value > best!.0 { best = (value, text, range) }
            }
        }
        return best.map { ($0.1, $0.2) }
    }
}

/// Keeps the heaviest contributions for one model, for explanations.
///
/// Contributions are keyed by a hash of the words they came from; a label (a `String`) is made only
/// for the entries that are read at the end, so explaining a text costs little more than scoring it.
struct ExplainingSink: FeatureSink {
    private enum Label: UInt8 { case word, bigram, clause }
    private struct Key: Hashable {
        let label: UInt8
        let hash: UInt64
    }
    private struct Entry {
        var weight: Float
        let words: [ArraySlice<UInt32>]
        let label: Label
    }

    let set: LinearModelSet
    let model: Int
    private var entries: [Key: Entry] = [:]
    private(set) var flags: StructuralFeature = []
    private var previousWord: ArraySlice<UInt32> = []
    private var currentWord: ArraySlice<UInt32> = []
    private var currentKey = Key(label: 0, hash: 0)
    /// Character n-gram weight of the current word not yet credited (a word has ~3 n-grams per letter,
    /// so they are added up here and credited once, when the next feature arrives).
    private var pendingGrams: Float = 0

    init(set: LinearModelSet, model: Int) {
        self.set = set
        self.model = model
    }

    mutating func add(_ index: Int, kind: FeatureKind, _ word: ArraySlice<UInt32>) {
        let weight = set.weight(index, model: model)
        if kind != .chars { creditPendingGrams() }
        switch kind {
        case .word:
            previousWord = currentWord
            currentWord = word
            currentKey = Key(label: Label.word.rawValue, hash: Self.hash(word))
            credit(currentKey, weight, [word], .word)
        case .bigram:
            let previous = previousWord
            credit(Key(label: Label.bigram.rawValue, hash: Self.hash(word, seed: Self.hash(previous))), weight, [previous, word], .bigram)
        case .chars:
            // Character n-grams are credited to their word (the one just reported), so a reason stays readable.
            pendingGrams += weight * 0.25
        case .cjk:
            credit(Key(label: Label.word.rawValue, hash: Self.hash(word)), weight * 0.25, [word], .word)
        case .clause:
            credit(Key(label: Label.clause.rawValue, hash: Self.hash(word)), weight, [word], .clause)
        }
    }

    @inline(__always)
    private mutating func credit(_ key: Key, _ weight: Float, _ words: @autoclosure () -> [ArraySlice<UInt32>], _ label: Label) {
        if entries[key] != nil {
            entries[key]!.weight += weight
        } else {
            entries[key] = Entry(weight: weight, words: words(), label: label)
        }
    }

    private mutating func creditPendingGrams() {
        guard pendingGrams != 0 else { return }
        let (key, current, weight) = (currentKey, currentWord, pendingGrams)
        pendingGrams = 0
        credit(key, weight, [current], .word)
    }

    mutating func flag(_ flags: StructuralFeature) { self.flags.formUnion(flags) }

    func reasons(limit: Int) -> [String] {
        var sink = self
        sink.creditPendingGrams()
        var scored: [(Float, String)] = sink.entries.values.filter { $0.weight > 0 }.map { ($0.weight, Self.text($0)) }
        for flag in flags.indices {
            let weight = set.structuralWeight(flag, model: model)
            if weight > 0.3 { scored.append((weight, StructuralFeature.names[flag])) }
        }
        return scored.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(limit).map(\.1)
    }

    private static func text(_ entry: Entry) -> String {
        let words = entry.words.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
        switch entry.label {
        case .word, .bigram: return "'" + words.joined(separator: " ") + "'"
        case .clause: return words[0] + " in one sentence"
        }
    }

    /// FNV-1a over 64 bits: a key for the scalars of a word.
    @inline(__always)
    private static func hash(_ word: ArraySlice<UInt32>, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = seed
        for scalar in word { hash = (hash ^ UInt64(scalar)) &* 0x100_0000_01B3 }
        return hash
    }
}

extension LearnedScorer {
    /// The strings of a tool, prompt or template object that the definition models read: every
    /// model-visible text except URIs.
    /// The strings of a subject that the definition models read (every text but URIs).
    static func definitionTexts(of subject: ModelVisibleText.Subject) -> [String] {
        subject.texts.filter { $0.role != .uri }.map(\.text)
    }

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
