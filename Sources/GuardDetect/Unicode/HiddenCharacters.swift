/// Characters that a person does not see and a model does.
public enum HiddenCharacters {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Unicode tag characters (U+E0000–E007F): invisible ASCII, the classic smuggling channel.
        case tag
        /// Bidirectional overrides and isolates that reorder what a person reads.
        case bidi
        /// Zero-width spaces, joiners outside emoji, word joiners, BOMs inside text.
        case zeroWidth
        /// Other invisible or filler characters (soft hyphen, Hangul fillers, invisible operators, …).
        case invisible
        /// Variation selectors outside emoji presentation (used to smuggle bytes).
        case variationSelector
        /// ANSI/VT escape sequences and other control characters that drive terminals.
        case control

        public var phrase: String {
            switch self {
            case .tag: "Unicode tag characters"
            case .bidi: "bidirectional control characters"
            case .zeroWidth: "zero-width characters"
            case .invisible: "invisible filler characters"
            case .variationSelector: "stray variation selectors"
            case .control: "terminal control characters"
            }
        }
    }

    /// What a text hides.
    public struct Report: Sendable, Hashable {
        public var counts: [Kind: Int] = [:]
        /// ASCII decoded from tag characters (the hidden message).
        public var tagText = ""
        /// Code points seen, first few of each kind, for evidence (`U+200B`).
        public var samples: [Kind: [UInt32]] = [:]

        public var isEmpty: Bool { counts.isEmpty }
        public var kinds: [Kind] { Kind.allCases.filter { counts[$0] != nil } }
    }

    /// Classifies every scalar of `text`. Emoji sequences that legitimately use joiners, variation
    /// selectors and tag characters (subdivision flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿) are not counted.
    public static func inspect(_ text: String) -> Report {
        var report = Report()
        guard !isPlainASCII(text) else { return report }
        let scalars = Array(text.unicodeScalars)
        for (scalar, kind) in zip(scalars, classify(scalars)) {
            guard let kind else { continue }
            let value = scalar.value
            report.counts[kind, default: 0] += 1
            if kind == .tag, (0xE0020...0xE007E).contains(value), let ascii = Unicode.Scalar(value - 0xE0000) {
                report.tagText.unicodeScalars.append(ascii)
            }
            if report.samples[kind, default: []].count < 4, !report.samples[kind, default: []].contains(value) {
                report.samples[kind, default: []].append(value)
            }
        }
        return report
    }

    /// `text` without any hidden character (tags, bidi controls, zero-width, fillers, stray selectors,
    /// and ANSI escape sequences with their parameters). Legitimate emoji sequences are kept.
    public static func strip(_ text: String) -> String {
        guard !isPlainASCII(text) else { return text }
        let scalars = Array(stripANSIEscapes(text).unicodeScalars)
        var result = String.UnicodeScalarView()
        for (scalar, kind) in zip(scalars, classify(scalars)) where kind == nil { result.append(scalar) }
        return String(result)
    }

    /// `text` with hidden characters shown as `⟨U+200B⟩` and newlines as `⏎`, for evidence a person can read.
    public static func visible(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (scalar, kind) in zip(scalars, classify(scalars)) {
            if scalar.value == 0x0A {
                result += "⏎"
            } else if kind != nil {
                result += "⟨\(codePoint(scalar.value))⟩"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Printable ASCII with tabs and newlines hides nothing.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The hidden-character kind of each scalar, `nil` for visible ones and legitimate emoji parts.
    static func classify(_ scalars: [Unicode.Scalar]) -> [Kind?] {
        var kinds = [Kind?](repeating: nil, count: scalars.count)
        let hasRightToLeft = scalars.contains { isRightToLeftLetter($0) }
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            switch value {
            case 0xE0000...0xE007F:
                if let end = flagTagSequenceEnd(scalars, from: index) {
                    index = end
                    continue
                }
                kinds[index] = .tag
            case 0x202A...0x202E, 0x2066...0x2069:
                kinds[index] = .bidi
            case 0x200E, 0x200F, 0x061C:
                kinds[index] = hasRightToLeft ? nil : .bidi
            case 0x200B, 0x2060, 0x180E:
                kinds[index] = .zeroWidth
            case 0xFEFF:
                kinds[index] = index == 0 ? nil : .zeroWidth
            case 0x200C, 0x200D:
                let previous = index > 0 ? scalars[index - 1] : nil
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let inEmoji = (previous.map(isEmojiPart) ?? false) || (next.map(isEmojiPart) ?? false)
                let inScript = (previous.map { $0.value >= 0x0590 } ?? false) && (next.map { $0.value >= 0x0590 } ?? false)
                kinds[index] = inEmoji || inScript ? nil : .zeroWidth
            case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2061...0x2064, 0x206A...0x206F, 0x3164, 0xFFA0,
                0x1D173...0x1D17A, 0xFFF9...0xFFFB:
                kinds[index] = .invisible
            case 0xFE00...0xFE0F:
                let afterEmoji = index > 0 && (isEmojiPart(scalars[index - 1]) || (value == 0xFE0F && scalars[index - 1].value < 0x80))
                kinds[index] = afterEmoji ? nil : .variationSelector
            case 0xE0100...0xE01EF:
                kinds[index] = .variationSelector
            case 0x1B, 0x9B, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1A, 0x1C...0x1F, 0x7F, 0x80...0x9A, 0x9C...0x9F:
                kinds[index] = .control
            default:
                break
            }
            index += 1
        }
        return kinds
    }

    /// Removes CSI (`ESC [ … final`) and OSC (`ESC ] … BEL/ST`) sequences and lone escapes.
    public static func stripANSIEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x9B }) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x1B || value == 0x9B {
                var cursor = index + 1
                let introducer = value == 0x9B ? UInt32(0x5B) : (cursor < scalars.count ? scalars[cursor].value : 0)
                if value == 0x1B { cursor += 1 }
                if introducer == 0x5B {  // CSI: parameters then a final byte 0x40–0x7E
                    while cursor < scalars.count, !(0x40...0x7E).contains(scalars[cursor].value) { cursor += 1 }
                    cursor += 1
                } else if introducer == 0x5D {  // OSC: until BEL or ESC \
                    while cursor < scalars.count, scalars[cursor].value != 0x07, scalars[cursor].value != 0x1B { cursor += 1 }
                    cursor += cursor < scalars.count && scalars[cursor].value == 0x1B ? 2 : 1
                }
                index = min(cursor, scalars.count)
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isEmojiPresentation || (properties.isEmoji && scalar.value >= 0x2100) || properties.isEmojiModifier
            || (0x1F1E6...0x1F1FF).contains(scalar.value) || scalar.value == 0x20E3
    }

    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0590...0x08FF).contains(scalar.value) || (0xFB1D...0xFDFF).contains(scalar.value) || (0xFE70...0xFEFF).contains(scalar.value)
    }

    /// End index of a subdivision-flag tag sequence starting at `index`, if it is one.
    private static func flagTagSequenceEnd(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        guard index > 0, scalars[index - 1].value == 0x1F3F4 else { return nil }
        var cursor = index
        while cursor < scalars.count, (0xE0061...0xE007A).contains(scalars[cursor].value) || (0xE0030...0xE0039).contains(scalars[cursor].value) {
            cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor].value == 0xE007F, cursor - index <= 7 else { return nil }
        return cursor + 1
    }

    /// `U+200B` for a code point.
    public static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
