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

    /// Runs `body` over `text`'s UTF-8 bytes in place (a native string is contiguous); a bridged or
    /// otherwise non-contiguous string is copied once.
    @inline(__always)
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Every occurrence of any of `needles` (ASCII, lowercase when `ignoringCase`) in one pass, in
    /// text order; needles are indexed by first byte, so a byte that starts none costs one lookup.
    static func occurrences(ofAny needles: Needles, in text: String, ignoringCase: Bool = false) -> [Range<String.Index>] {
        withBytes(of: text) { bytes in
            var found: [Range<String.Index>] = []
            for offset in bytes.indices {
                let candidates = needles.byFirstByte[Int(fold(bytes[offset], ignoringCase))]
                guard !candidates.isEmpty else { continue }
                for needle in candidates where offset + needle.count <= bytes.count {
                    var matched = 1
                    while matched < needle.count, fold(bytes[offset + matched], ignoringCase) == needle[matched] { matched += 1 }
                    guard matched == needle.count else { continue }
                    let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
                    found.append(lower..<text.utf8.index(lower, offsetBy: needle.count))
                }
            }
            return found
        }
    }

    /// ASCII needles prepared for ``occurrences(ofAny:in:ignoringCase:)``.
    struct Needles: Sendable {
        let byFirstByte: [[[UInt8]]]

        init(_ needles: [String]) {
            var table = [[[UInt8]]](repeating: [], count: 256)
            for needle in needles where !needle.isEmpty {
                let bytes = Array(needle.utf8)
                table[Int(bytes[0])].append(bytes)
            }
            byFirstByte = table
        }
    }
}
