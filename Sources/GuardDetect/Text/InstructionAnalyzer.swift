/// Finds instruction-like content aimed at the model in one piece of text.
///
/// Three sources of hits: phrase signals over word tokens (``InstructionSignal``), pseudo-tags such as
/// `<IMPORTANT>`, and sensitive paths such as `~/.ssh/id_rsa`. Scoring across the fields of a tool is left
/// to ``InstructionScore`` so a weak word in one field and another in a second field can add up.
public struct InstructionAnalyzer: Sendable {
    public static let shared = InstructionAnalyzer()

    private let signals: [InstructionSignal]
    /// The words that start an indexed signal, and the signals each starts (by the word's position).
    private let firstWords: WordSet
    private let byFirstWord: [[Int]]
    /// Signals whose first element is not a plain word set (prefix or optional).
    private let unindexed: [Int]

    init(signals: [InstructionSignal] = InstructionSignal.all) {
        self.signals = signals
        var index: [String: [Int]] = [:]
        var unindexed: [Int] = []
        for (offset, signal) in signals.enumerated() {
            if let words = signal.pattern.firstWords {
                for word in words { index[word, default: []].append(offset) }
            } else {
                unindexed.append(offset)
            }
        }
        let firstWords = WordSet(index.keys)
        self.firstWords = firstWords
        self.byFirstWord = firstWords.words.map { index[$0] ?? [] }
        self.unindexed = unindexed
    }

    static let negators: Set<String> = ["not", "never", "no", "don't", "doesn't", "won't", "without", "nor", "cannot", "can't"]

    /// Every hit in `text`, in text order.
    public func hits(in text: String) -> [InstructionHit] {
        hits(in: text, tokens: Tokenizer.tokens(text))
    }

    /// Every hit in `text`, whose tokens (``Tokenizer/tokens(_:)``) the caller already has.
    func hits(in text: String, tokens: [TextToken]) -> [InstructionHit] {
        var hits: [InstructionHit] = []
        if !tokens.isEmpty {
            for start in tokens.indices {
                if let position = firstWords.position(of: tokens[start]) {
                    for signalIndex in byFirstWord[position] { match(signalIndex, tokens, start, into: &hits) }
                }
                for signalIndex in unindexed { match(signalIndex, tokens, start, into: &hits) }
            }
        }
        hits.append(contentsOf: PseudoTags.hits(in: text))
        hits.append(contentsOf: SensitivePaths.hits(in: text, tokens: tokens))
        return hits.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    @inline(__always)
    private func match(_ signalIndex: Int, _ tokens: [TextToken], _ start: Int, into hits: inout [InstructionHit]) {
        let signal = signals[signalIndex]
        guard let end = signal.pattern.match(tokens, at: start), end > start else { return }
        if signal.negatable, isNegated(tokens, before: start) { return }
        hits.append(InstructionHit(
            category: signal.category, weight: signal.weight, tokens: start..<end,
            range: tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
        ))
    }

    private func isNegated(_ tokens: [TextToken], before start: Int) -> Bool {
        for index in max(0, start - 3)..<start where Self.negators.contains(tokens[index].text) { return true }
        return false
    }
}

/// Markup that imitates authority: `<IMPORTANT>`, `</system>`, `[important]`, `<information>`.
enum PseudoTags {
    static let names: Set<String> = [
        "important", "system", "information", "instructions", "instruction", "secret", "hidden", "admin",
        "critical", "mandatory", "system_prompt", "sys", "assistant", "override", "urgent", "note_to_ai", "ai_instructions",
    ]

    /// Byte-level: tag names are ASCII, so the scan never needs grapheme clusters (HTML outputs are full of `<`).
    static func hits(in text: String) -> [InstructionHit] {
        ByteSearch.withBytes(of: text) { utf8 in
            guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "[") }) else { return [] }
            var hits: [InstructionHit] = []
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") else {
                    index += 1
                    continue
                }
                let close = byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "]")
                var cursor = index + 1
                if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "/") { cursor += 1 }
                let nameStart = cursor
                while cursor < utf8.count, cursor - nameStart <= 24, isNameByte(utf8[cursor]) { cursor += 1 }
                if cursor < utf8.count, utf8[cursor] == close, cursor > nameStart,
                    names.contains(String(decoding: utf8[nameStart..<cursor].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self))
                {
                    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: index)
                    hits.append(InstructionHit(category: .pseudoTag, weight: 1, tokens: 0..<0, range: lower..<text.utf8.index(lower, offsetBy: cursor + 1 - index)))
                    index = cursor + 1
                } else {
                    index += 1
                }
            }
            return hits
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }
}

/// Paths an honest tool description has little reason to point a model at.
enum SensitivePaths {
    static let needles: [String] = [
        "~/.ssh", ".ssh/", "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa", "authorized_keys", "/etc/passwd", "/etc/shadow",
        ".aws/credentials", "~/.aws", ".git-credentials", ".netrc", ".npmrc", ".pypirc", ".kube/config", "~/.docker/config",
        "wallet.dat", ".gnupg", "claude_desktop_config", "/.cursor/mcp.json", ".config/gcloud", "internal://credentials",
        "keychain", "mcp.json", "~/.bash_history", "~/.zsh_history", ".env",
    ]

    static let readVerbs: Set<String> = [
        "read", "reading", "open", "opening", "cat", "access", "accessing", "load", "loading", "get", "fetch", "collect",
        "extract", "retrieve", "dump", "copy", "send", "upload", "include", "pass", "contents", "content",
    ]

    static let needleBytes: [[UInt8]] = needles.map { Array($0.utf8) }
    /// The needles each byte starts, by byte: a table, since a hashed set lookup per byte of every output
    /// and then a walk over every needle at each common letter showed up in the guard's profile.
    static let byFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for needle in needleBytes { table[Int(needle[0])].append(needle) }
        return table
    }()

    /// Bytes that start a needle (lowercased), so the common byte costs one table read.
    static let startsNeedle: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for needle in needleBytes { table[Int(needle[0])] = true }
        return table
    }()

    static func hits(in text: String, tokens: [TextToken]) -> [InstructionHit] {
        var contiguous = text
        return contiguous.withUTF8 { hits(in: $0, text: text, tokens: tokens) }
    }

    private static func hits(in bytes: UnsafeBufferPointer<UInt8>, text: String, tokens: [TextToken]) -> [InstructionHit] {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        let utf8 = text.utf8
        var hits: [InstructionHit] = []
        for offset in 0..<bytes.count where startsNeedle[Int(lower(bytes[offset]))] {
            for needle in byFirstByte[Int(lower(bytes[offset]))] where offset + needle.count <= bytes.count {
                var matches = true
                for position in 1..<needle.count where lower(bytes[offset + position]) != needle[position] {
                    matches = false
                    break
                }
                guard matches else { continue }
                if needle == [0x2E, 0x65, 0x6E, 0x76], !isDotEnv(bytes, offset) { continue }  // ".env"
                let start = utf8.index(utf8.startIndex, offsetBy: offset)
                let range = start..<utf8.index(start, offsetBy: needle.count)
                // With a reading verb close before it, the path is a request, not a mention.
                let precedingVerb = tokens.contains { token in
                    token.range.upperBound <= range.lowerBound
                        && utf8.distance(from: token.range.upperBound, to: range.lowerBound) < 60
                        && readVerbs.contains(token.text)
                }
                hits.append(InstructionHit(category: .sensitiveFile, weight: precedingVerb ? 3 : 2, tokens: 0..<0, range: range))
            }
        }
        return hits
    }

    /// `.env` as a file name, not `.environment` or `process.env.X`.
    private static func isDotEnv(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        func isWord(_ byte: UInt8) -> Bool {
            let byte = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
        }
        let end = offset + 4
        if end < bytes.count, isWord(bytes[end]) || bytes[end] == 0x2E { return false }
        if offset > 0, isWord(bytes[offset - 1]) { return false }
        return true
    }
}
