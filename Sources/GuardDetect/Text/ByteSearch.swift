/// Substring search over UTF-8 bytes for ASCII needles, optionally ignoring ASCII case.
///
/// The hidden-markup checks look for a dozen ASCII markers in every definition that holds a `<` or
/// `[`; Foundation's case-insensitive search walked each by Unicode rules and showed up in the
/// scanner's profile. ASCII bytes never occur inside a multi-byte UTF-8 sequence, so a byte match of
/// an ASCII needle is a match of the same characters, and its bounds are character boundaries.
enum ByteSearch {
    /// The first range of `needle` in `text[from...]`; `needle` must be ASCII (lowercase when
    /// `ignoringCase`).
    static func range(of needle: String, in text: String, from: String.Index? = nil, ignoringCase: Bool = false) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let utf8 = text.utf8
        var index = from ?? utf8.startIndex
        while index < utf8.endIndex {
            if fold(utf8[index], ignoringCase) == first {
                var cursor = utf8.index(after: index)
                var matched = 1
                while matched < pattern.count, cursor < utf8.endIndex, fold(utf8[cursor], ignoringCase) == pattern[matched] {
                    matched += 1
                    cursor = utf8.index(after: cursor)
                }
                if matched == pattern.count { return index..<cursor }
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    @inline(__always)
    private static func fold(_ byte: UInt8, _ ignoringCase: Bool) -> UInt8 {
        ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
