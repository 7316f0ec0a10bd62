import GuardCore
import Synchronization

/// What several detectors read from the same input, worked out once per input: each server's subjects
/// (every detector walks them), the tokens of each description and title (the phrase rules of tool poisoning and of
/// declared purpose read the same descriptions) and each subject's learned definition sums (the
/// poisoning and the offensive-purpose models share one pass over the text).
///
/// Held by reference inside ``DetectionInput``, so the detectors of one ``DetectionEngine/analyze(_:)``
/// share it; replaced whenever the input's snapshot changes, so it never answers for another snapshot.
final class DetectionMemo: Sendable {
    private struct SumsKey: Hashable {
        let server: Int
        let pointer: String
        let models: ObjectIdentifier
    }

    private struct TextKey: Hashable {
        let server: Int
        let pointer: String
    }

    private struct State {
        var subjects: [Int: [ModelVisibleText.Subject]] = [:]
        var sums: [SumsKey: FeatureSums] = [:]
        var tokens: [TextKey: [TextToken]] = [:]
    }

    private let state = Mutex(State())

    private static let sharedRoles: Set<ModelVisibleText.Role> = [.description, .title]

    func subjects(ofServerAt index: Int, in snapshot: InventorySnapshot) -> [ModelVisibleText.Subject] {
        if let known = state.withLock({ $0.subjects[index] }) { return known }
        let subjects = ModelVisibleText.subjects(of: snapshot.servers[index])
        state.withLock { $0.subjects[index] = subjects }
        return subjects
    }

    /// Only descriptions and titles are kept: they are the texts a second detector (declared purpose)
    /// reads again; property names, values and instructions are read once, so caching them would only
    /// hold memory for the snapshot's lifetime.
    func tokens(ofServerAt index: Int, text: ModelVisibleText) -> [TextToken] {
        guard Self.sharedRoles.contains(text.role) else { return Tokenizer.tokens(text.text) }
        let key = TextKey(server: index, pointer: text.pointer)
        if let known = state.withLock({ $0.tokens[key] }) { return known }
        let tokens = Tokenizer.tokens(text.text)
        state.withLock { $0.tokens[key] = tokens }
        return tokens
    }

    func definitionSums(ofServerAt index: Int, subject: ModelVisibleText.Subject, scorer: LearnedScorer) -> FeatureSums {
        let key = SumsKey(server: index, pointer: subject.pointer, models: scorer.definitions.identity)
        if let known = state.withLock({ $0.sums[key] }) { return known }
        let sums = scorer.definitionSums(LearnedScorer.definitionTexts(of: subject))
        state.withLock { $0.sums[key] = sums }
        return sums
    }
}

extension DetectionInput {
    /// The subjects of the server at `index` of the snapshot, walked once for all detectors.
    func subjects(ofServerAt index: Int) -> [ModelVisibleText.Subject] {
        memo.subjects(ofServerAt: index, in: snapshot)
    }

    /// The tokens of one model-visible text of the server at `index`, tokenized once for all detectors.
    func tokens(ofServerAt index: Int, text: ModelVisibleText) -> [TextToken] {
        memo.tokens(ofServerAt: index, text: text)
    }

    /// The learned definition sums of `subject`, featurized once for every definition model.
    func definitionSums(ofServerAt index: Int, subject: ModelVisibleText.Subject, scorer: LearnedScorer) -> FeatureSums {
        memo.definitionSums(ofServerAt: index, subject: subject, scorer: scorer)
    }
}
