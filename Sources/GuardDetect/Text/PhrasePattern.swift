/// A phrase over word tokens with alternatives, optional words and bounded gaps.
///
/// The notation is small on purpose, so the signal tables read like the phrases they catch:
/// - `ignore|disregard` one of several words;
/// - `instruct*` any word starting with `instruct`;
/// - `all?` an optional word;
/// - `~3` up to three arbitrary words.
///
/// Matching is bounded: a pattern spans at most its words plus its gaps, so a hostile text cannot make
/// matching blow up, and two words far apart never combine into a hit.
public struct PhrasePattern: Sendable, Hashable {
    enum Element: Sendable, Hashable {
        case word(WordSet, prefixes: [String], optional: Bool)
        case gap(Int)
    }

    let elements: [Element]
    /// The source notation, for diagnostics.
    public let source: String

    public init(_ source: String) {
        self.source = source
        var elements: [Element] = []
        for part in source.split(separator: " ") {
            if part.hasPrefix("~"), let count = Int(part.dropFirst()) {
                elements.append(.gap(count))
                continue
            }
            var text = Substring(part)
            var optional = false
            if text.hasSuffix("?") {
                optional = true
                text = text.dropLast()
            }
            var words: Set<String> = []
            var prefixes: [String] = []
            for alternative in text.split(separator: "|") {
                if alternative.hasSuffix("*") {
                    prefixes.append(String(alternative.dropLast()))
                } else {
                    words.insert(String(alternative))
                }
            }
            elements.append(.word(WordSet(words), prefixes: prefixes, optional: optional))
        }
        self.elements = elements
    }

    /// Words that can start a match (for indexing), or `nil` when the first element is optional, a gap or a prefix.
    var firstWords: Set<String>? {
        guard case .word(let words, let prefixes, let optional)? = elements.first, !optional, prefixes.isEmpty else {
            return nil
        }
        return Set(words.words)
    }

    /// The end (exclusive) of a match starting at `start`, or `nil`.
    public func match(_ tokens: [TextToken], at start: Int) -> Int? {
        match(tokens, element: 0, position: start)
    }

    private func match(_ tokens: [TextToken], element: Int, position: Int) -> Int? {
        if element == elements.count { return position }
        switch elements[element] {
        case .gap(let count):
            for skip in 0...count where position + skip <= tokens.count {
                if let end = match(tokens, element: element + 1, position: position + skip) { return end }
            }
            return nil
        case .word(let words, let prefixes, let optional):
            if position < tokens.count {
                let token = tokens[position]
                if words.contains(token) || (!prefixes.isEmpty && prefixes.contains(where: { token.text.hasPrefix($0) })) {
                    if let end = match(tokens, element: element + 1, position: position + 1) { return end }
                }
            }
            return optional ? match(tokens, element: element + 1, position: position) : nil
        }
    }
}
