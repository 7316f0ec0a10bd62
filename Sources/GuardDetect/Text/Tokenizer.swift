/// A word of a text, lowercased, with where it stands in the original.
public struct TextToken: Sendable, Hashable {
    /// Lowercased, with typographic apostrophes folded to `'` and compatibility forms (fullwidth letters)
    /// folded by NFKC.
    public let text: String
    /// The token's range in the original string, for evidence excerpts.
    public let range: Range<String.Index>
    /// A 64-bit key of `text`, computed once, so word sets test a token without hashing its string.
    let key: UInt64

    public init(text: String, range: Range<String.Index>) {
        self.init(text: text, range: range, key: WordSet.key(text))
    }

    init(text: String, range: Range<String.Index>, key: UInt64) {
        self.text = text
        self.range = range
        self.key = key
    }
}

/// Splits text into word tokens for phrase matching.
///
/// A token is a run of letters, digits, `_` and inner apostrophes (`don't` stays one token; `'sidenote'`
/// loses its quotes). Everything else separates tokens. Work is linear in the text.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [TextToken] {
        asciiTokens(text) ?? scalarTokens(text)
    }

    /// The general path, scalar by scalar (any text).
    static func scalarTokens(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var start: String.Index?
        var hasNonASCII = false

        func flush(_ end: String.Index) {
            guard let tokenStart = start else { return }
            // Trim apostrophes at the edges ('quoted' words).
            var lower = tokenStart
            var upper = end
            while lower < upper, isApostrophe(scalars[lower]) { lower = scalars.index(after: lower) }
            while upper > lower, isApostrophe(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
            if lower < upper {
                let word: String
                if hasNonASCII {
                    word = fold(String(scalars[lower..<upper])).lowercased()
                } else {
                    // ASCII: lowercase byte by byte, far cheaper than String.lowercased().
                    var view = String.UnicodeScalarView()
                    var cursor = lower
                    while cursor < upper {
                        let value = scalars[cursor].value
                        view.append(Unicode.Scalar(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)))
                        cursor = scalars.index(after: cursor)
                    }
                    word = String(view)
                }
                tokens.append(TextToken(text: word, range: lower..<upper))
            }
            start = nil
            hasNonASCII = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
                if scalar.value >= 0x80 { hasNonASCII = true }
            } else if isApostrophe(scalar), start != nil {
                hasNonASCII = hasNonASCII || scalar.value >= 0x80
            } else {
                flush(index)
            }
            index = scalars.index(after: index)
        }
        flush(scalars.endIndex)
        return tokens
    }

    /// The same tokens for pure-ASCII text, read from the UTF-8 bytes directly: tool outputs are mostly
    /// ASCII, and this path builds each lowercased token once (inline for words up to 15 bytes) instead of
    /// scalar by scalar. Nil when the text has any non-ASCII byte.
    static func asciiTokens(_ text: String) -> [TextToken]? {
        let utf8 = text.utf8
        let result = utf8.withContiguousStorageIfAvailable { bytes -> [TextToken]? in
            for byte in bytes where byte >= 0x80 { return nil }
            var tokens: [TextToken] = []
            tokens.reserveCapacity(bytes.count / 5)
            var lowered = [UInt8](repeating: 0, count: 64)
            var index = 0
            let count = bytes.count
            while index < count {
                guard isWordByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < count, isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "'") { index += 1 }
                var end = index
                while end > start, bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
                let length = end - start
                if lowered.count < length { lowered = [UInt8](repeating: 0, count: length) }
                var key = KeyHasher()
                for offset in 0..<length {
                    let byte = bytes[start + offset]
                    let lowerByte = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    lowered[offset] = lowerByte
                    key.add(lowerByte)
                }
                let word = String(decoding: lowered[0..<length], as: UTF8.self)
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                tokens.append(TextToken(text: word, range: lower..<utf8.index(lower, offsetBy: length), key: key.value))
            }
            return tokens
        }
        return result ?? nil
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}"
    }

    /// Folds typographic apostrophes and compatibility characters (`ｉｇｎｏｒｅ` → `ignore`).
    static func fold(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if scalar == "\u{2019}" || scalar == "\u{2018}" {
                result.append("'")
            } else if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(ascii)  // fullwidth ASCII
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
