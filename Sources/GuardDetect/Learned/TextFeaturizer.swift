/// Turns text into the sparse features the learned models read: hashed word unigrams and bigrams,
/// hashed character n-grams of every word, pairs of structural flags met in one clause (``ClauseFlags``)
/// and a few whole-text structural flags (``StructuralFeature``). Bigrams do not cross a clause end.
///
/// The featurizer is the one definition of the features: the training script reads what
/// `DetectionBenchmark export` writes with it, so training and run time cannot drift apart.
/// It is built to survive the tricks attackers use against word lists: text is folded (case,
/// fullwidth forms, invisible characters dropped, Unicode tag characters decoded), words that mix Latin
/// with Cyrillic or Greek look-alikes are mapped to ASCII, leetspeak words get a de-leeted twin, letters
/// spaced out (`i g n o r e`) are joined, and character n-grams make typos and scripts without spaces
/// (Chinese, Japanese) readable. Work is linear in the text; nothing is allocated per feature.
public struct TextFeaturizer: Sendable {
    /// Hashed features live in `0..<hashedDimension`; structural flags follow.
    public static let hashBits = 18
    public static let hashedDimension = 1 << hashBits
    static let mask = UInt32(hashedDimension - 1)

    public init() {}

    /// Feature namespaces, so a word and an n-gram with the same letters do not share a weight.
    enum Namespace: UInt32 {
        case word = 1, bigram = 2, chars = 3, cjk = 4, clause = 5
    }

    /// Calls `sink` for every hashed feature occurrence in `text` and records structural flags.
    public func featurize<Sink: FeatureSink>(_ text: String, into sink: inout Sink) {
        featurize(text[...], into: &sink)
    }

    /// The features of part of a text (a window or a sentence), read in place.
    public func featurize<Sink: FeatureSink>(_ text: Substring, into sink: inout Sink) {
        var normalized = NormalizedText(text)
        normalized.fold()
        walkTokens(normalized, into: &sink)
        sink.flag(normalized.flags)
        // Encoded payloads (base64, hex, percent-encoding) are read as the text they decode to.
        for candidate in EncodedBlobs.candidates(in: text) {
            guard let decoded = candidate.decoded, decoded.utf8.count >= 12 else { continue }
            var inner = NormalizedText(decoded[...])
            inner.fold()
            walkTokens(inner, into: &sink)
            sink.flag(inner.flags.union(.encodedText))
        }
    }

    // MARK: - Tokens

    func walkTokens<Sink: FeatureSink>(_ text: NormalizedText, into sink: inout Sink) {
        let scalars = text.scalars
        var index = 0
        var previousWord: UInt32 = 0
        var spacedRun: [UInt32] = []
        var flags: StructuralFeature = []
        var clause = ClauseFlags()
        while index < scalars.count {
            guard NormalizedText.isWord(scalars[index]) else {
                let value = scalars[index]
                clause.note(value)
                if ClauseFlags.endsClause(value, next: index + 1 < scalars.count ? scalars[index + 1] : nil) {
                    clause.emit(into: &sink)
                    previousWord = 0
                }
                // A single letter followed by a single separator keeps a spaced-out run going.
                if !spacedRun.isEmpty, !(scalars[index] == 0x20 || scalars[index] == 0x2E || scalars[index] == 0x2D) || (index + 1 < scalars.count && !NormalizedText.isWord(scalars[index + 1])) {
                    endSpacedRun(&spacedRun, into: &sink)
                }
                index += 1
                continue
            }
            let start = index
            var ascii = true, cjk = false, digits = 0, letters = 0, underscore = false, latin = false, lookalike = false
            while index < scalars.count, NormalizedText.isWord(scalars[index]) {
                let value = scalars[index]
                if value >= 0x80 {
                    ascii = false
                    if NormalizedText.isCJK(value) { cjk = true } else if (0x370...0x4FF).contains(value) { lookalike = true }
                    letters += 1
                } else if value >= 0x30 && value <= 0x39 {
                    digits += 1
                } else if value == 0x5F {
                    underscore = true
                } else {
                    letters += 1
                    latin = true
                }
                index += 1
            }
            let word = scalars[start..<index]
            if cjk {
                clause.flags.formUnion(NormalizedText.cjkClauseFlags(word))
                endSpacedRun(&spacedRun, into: &sink)
                cjkGrams(word, into: &sink)
                previousWord = 0
                continue
            }
            // One letter: maybe part of "i g n o r e".
            if word.count == 1, letters == 1 {
                spacedRun.append(word[word.startIndex])
            } else {
                endSpacedRun(&spacedRun, into: &sink)
            }
            // Only words that mix Latin with look-alikes are copied; every other word is read in place.
            var folded = word
            if !ascii, latin, lookalike {
                var copy = Array(word)
                NormalizedText.foldLookalikes(&copy)
                folded = copy[...]
            }
            let hash = emitWord(folded, previous: previousWord, into: &sink)
            var found = StructuralLexicon.flags(forWord: hash)
            if previousWord != 0 { found.formUnion(StructuralLexicon.flags(forBigram: Self.combine(previousWord, hash))) }
            flags.formUnion(found)
            clause.flags.formUnion(found)
            previousWord = hash
            if underscore, folded.count <= 48 {
                // snake_case names: their parts are words too.
                var partStart = folded.startIndex
                for position in folded.indices where folded[position] == 0x5F {
                    if position > partStart { _ = emitWord(folded[partStart..<position], previous: 0, into: &sink, grams: false) }
                    partStart = position + 1
                }
                if partStart < folded.endIndex, partStart > folded.startIndex {
                    _ = emitWord(folded[partStart...], previous: 0, into: &sink, grams: false)
                }
            }
            if digits > 0, letters > 1, ascii, folded.count <= 24, let unleet = NormalizedText.unleet(folded) {
                _ = emitWord(unleet[...], previous: 0, into: &sink)
            }
        }
        endSpacedRun(&spacedRun, into: &sink)
        clause.emit(into: &sink)
        sink.flag(flags)
    }

    private func endSpacedRun<Sink: FeatureSink>(_ run: inout [UInt32], into sink: inout Sink) {
        defer { run.removeAll(keepingCapacity: true) }
        guard run.count >= 4 else { return }
        sink.flag(.spacedLetters)
        _ = emitWord(run[...], previous: 0, into: &sink)
    }

    /// Emits the word, its bigram with the previous word, and its character n-grams; returns its hash.
    @discardableResult
    func emitWord<Sink: FeatureSink>(_ word: ArraySlice<UInt32>, previous: UInt32, into sink: inout Sink, grams: Bool = true) -> UInt32 {
        let hash = Self.hash(word, namespace: .word)
        guard word.count <= 40 else { return hash }
        sink.add(Self.index(hash), kind: .word, word)
        if previous != 0 { sink.add(Self.index(Self.combine(previous, hash)), kind: .bigram, word) }
        guard grams else { return hash }
        // Character 3-, 4- and 5-grams of "^word$" (the first 24 letters): robust to typos and inflection.
        let limit = min(word.count, 24)
        let base = word.startIndex
        let length = limit + 2
        @inline(__always) func at(_ position: Int) -> UInt32 {
            position == 0 ? 0x5E : position == length - 1 ? 0x24 : word[base + position - 1]
        }
        guard length >= 3 else { return hash }
        for start in 0...(length - 3) {
            var gram = Self.seed(.chars)
            for offset in 0..<min(5, length - start) {
                gram = Self.mix(gram, at(start + offset))
                if offset >= 2 { sink.add(Self.index(gram), kind: .chars, word) }
            }
        }
        return hash
    }

    /// Scripts written without spaces: character unigrams, bigrams and trigrams.
    func cjkGrams<Sink: FeatureSink>(_ run: ArraySlice<UInt32>, into sink: inout Sink) {
        var position = run.startIndex
        while position < run.endIndex {
            var gram = Self.seed(.cjk)
            for offset in 0..<3 where position + offset < run.endIndex {
                gram = Self.mix(gram, run[position + offset])
                sink.add(Self.index(gram), kind: .cjk, run[position...(position + offset)])
            }
            position += 1
        }
    }

    // MARK: - Hashing (FNV-1a over scalars, then an avalanche step for the index)

    @inline(__always)
    static func seed(_ namespace: Namespace) -> UInt32 { 2_166_136_261 ^ (namespace.rawValue &* 0x9E37_79B9) }

    @inline(__always)
    static func mix(_ hash: UInt32, _ scalar: UInt32) -> UInt32 { (hash ^ scalar) &* 16_777_619 }

    static func hash(_ word: ArraySlice<UInt32>, namespace: Namespace) -> UInt32 {
        var hash = seed(namespace)
        for scalar in word { hash = mix(hash, scalar) }
        return hash == 0 ? 1 : hash
    }

    @inline(__always)
    static func combine(_ first: UInt32, _ second: UInt32) -> UInt32 {
        mix(mix(seed(.bigram), first), second)
    }

    @inline(__always)
    static func index(_ hash: UInt32) -> Int {
        var value = hash
        value ^= value >> 16
        value = value &* 0x85EB_CA6B
        value ^= value >> 13
        return Int(value & mask)
    }
}

/// Receives features as the featurizer finds them: a scorer adds weights, an exporter writes indices,
/// an explainer keeps the words behind the heaviest ones.
public protocol FeatureSink {
    /// One occurrence of hashed feature `index`, found in `word`.
    mutating func add(_ index: Int, kind: FeatureKind, _ word: ArraySlice<UInt32>)
    /// Structural flags seen.
    mutating func flag(_ flags: StructuralFeature)
}

/// What a hashed feature was made from, for explanations.
public enum FeatureKind: Sendable {
    /// `clause`: a pair of structural flags found in one clause (``ClauseFlags``); its "word" is their names.
    case word, bigram, chars, cjk, clause
}
