/// Removes the sentences that carry instruction hits from a text, keeping the rest: how `sanitize` treats
/// a poisoned description and how `redact` treats an injected output.
public enum InstructionSanitizer {
    /// `text` without every sentence (or line) that overlaps one of `hits`; each removed run is replaced
    /// by `marker` when one is given.
    public static func remove(_ hits: [InstructionHit], from text: String, marker: String?) -> String {
        guard !hits.isEmpty else { return text }
        var sentences: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let ends = character == "\n" || ((character == "." || character == "!" || character == "?") && (next == text.endIndex || text[next] == " " || text[next] == "\n"))
            if ends {
                sentences.append(start..<next)
                start = next
            }
            index = next
        }
        if start < text.endIndex { sentences.append(start..<text.endIndex) }
        var result = ""
        var removing = false
        for sentence in sentences {
            let hit = hits.contains { $0.range.overlaps(sentence) || ($0.range.isEmpty && sentence.contains($0.range.lowerBound)) }
            if hit {
                if !removing, let marker { result += (result.isEmpty || result.hasSuffix("\n") || result.hasSuffix(" ") ? "" : " ") + marker }
                if !removing, marker == nil, text[sentence].hasSuffix("\n"), !result.isEmpty, !result.hasSuffix("\n") { result += "\n" }
                removing = true
            } else {
                if removing, let marker = marker, !marker.isEmpty, text[sentence].first != "\n", text[sentence].first != " " { result += " " }
                result += text[sentence]
                removing = false
            }
        }
        return result.trimmingTrailingSpaces()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
