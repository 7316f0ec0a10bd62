/// Text folded for the learned models: lowercased, fullwidth forms mapped to ASCII, invisible characters
/// dropped, Unicode tag characters decoded (they spell hidden ASCII), with the character-level
/// structural flags (URLs, e-mail addresses, paths, pseudo-tags, shouting) noted on the way.
struct NormalizedText {
    private(set) var scalars: [UInt32] = []
    private(set) var flags: StructuralFeature = []
    private let source: Substring

    init(_ text: Substring) {
        source = text
    }

    mutating func fold() {
        scalars.reserveCapacity(source.utf8.count)
        var upperRun = 0
        var previous: UInt32 = 0x20
        var lineStart = true
        var inTags = false
        for scalar in source.unicodeScalars {
            var value = scalar.value
            // Hidden tag text is a message of its own: it never joins the visible word beside it.
            let isTag = (0xE0020...0xE007E).contains(value)
            if isTag != inTags {
                scalars.append(0x20)
                inTags = isTag
            }
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A {
                    upperRun += 1
                    if upperRun >= 5 { flags.insert(.shouting) }
                    value += 0x20
                } else if !(value >= 0x61 && value <= 0x7A) {
                    upperRun = 0
                }
                noteASCII(value, previous: previous, lineStart: lineStart)
                lineStart = value == 0x0A || (lineStart && (value == 0x20 || value == 0x09 || value == 0x23 || value == 0x2A || value == 0x3E))
                if value == 0x1B { continue }  // ESC of an ANSI sequence; its parameters read as noise
                scalars.append(value)
                previous = value
                continue
            }
            upperRun = 0
            switch value {
            case 0xE0020...0xE007E:
                value -= 0xE0000  // a tag character spells ASCII
                flags.insert(.hiddenCharacters)
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
            case 0xFF01...0xFF5E:
                value -= 0xFEE0  // fullwidth ASCII
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xAD, 0xFE00...0xFE0F, 0xE0000...0xE001F, 0xE007F:
                flags.insert(.hiddenCharacters)
                continue
            case 0x2018, 0x2019:
                value = 0x27
            case 0x201C, 0x201D:
                value = 0x22
            case 0x3002, 0xFF01, 0xFF1F:
                value = 0x2E  // ideographic full stop
            default:
                if let lower = Self.lowercase(scalar) { value = lower }
            }
            if !Self.isLatin(value) { flags.insert(.otherScript) }
            scalars.append(value)
            previous = value
            lineStart = false
        }
    }

    /// Character-level flags from ASCII context.
    private mutating func noteASCII(_ value: UInt32, previous: UInt32, lineStart: Bool) {
        switch value {
        case 0x2F:  // "/"
            if previous == 0x3A { flags.insert(.url) }  // "://"
            if previous == 0x7E { flags.insert(.homePath) }  // "~/"
        case 0x2E:  // "." after "/" is a dotfile
            if previous == 0x2F { flags.insert(.homePath) }
        case 0x40:  // "@" between word characters
            if Self.isWord(previous) { flags.insert(.atSign) }
        case 0x7C:  // "|"
            if previous == 0x20 || Self.isWord(previous) { flags.insert(.pipe) }
        case 0x24:  // "$"
            flags.insert(.dollar)
        case 0x60:  // "`"
            flags.insert(.backtick)
        case 0x3C:  // "<"
            flags.insert(.angleBracket)
        case 0x21:  // "!" after "<" opens a comment
            if previous == 0x3C { flags.insert(.markupComment) }
        case 0x23:  // "#"
            if lineStart, previous == 0x23 { flags.insert(.heading) }
        case 0x3A:  // ":" right after a word at line start reads like "System:"
            if lineStart == false, Self.isWord(previous) { flags.insert(.colonLabel) }
        default:
            break
        }
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> UInt32? {
        guard scalar.properties.isUppercase else { return nil }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : nil
    }

    /// The structural flags of the signal words inside a run of CJK characters: one table look-up per
    /// character, a comparison only where a signal word starts with it.
    static func cjkClauseFlags(_ run: ArraySlice<UInt32>) -> StructuralFeature {
        var found: StructuralFeature = []
        guard run.count >= 2 else { return found }
        for position in run.indices {
            guard let entries = StructuralLexicon.cjkByFirst[run[position]] else { continue }
            for entry in entries where position + entry.word.count <= run.endIndex {
                if run[position..<(position + entry.word.count)].elementsEqual(entry.word) { found.formUnion(entry.flags) }
            }
        }
        return found
    }

    @inline(__always)
    static func isWord(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || value == 0x5F
        }
        if isCJK(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
            || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
    }

    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
    }

    @inline(__always)
    static func isLatin(_ value: UInt32) -> Bool { value < 0x250 || (0x1E00...0x1EFF).contains(value) || (0x2000...0x2BFF).contains(value) }

    /// Cyrillic and Greek look-alikes inside a Latin word become the ASCII letters they imitate.
    static func foldLookalikes(_ word: inout [UInt32]) {
        for (offset, value) in word.enumerated() where value >= 0x80 {
            if let ascii = ConfusableSkeleton.table[value] {
                let lower = ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
                word[offset] = UInt32(lower)
            }
        }
    }

    /// `1gn0r3` → `ignore`; nil when nothing changes.
    static func unleet(_ word: ArraySlice<UInt32>) -> [UInt32]? {
        var changed = false
        let mapped = word.map { value -> UInt32 in
            let replacement: UInt32? = switch value {
            case 0x30: 0x6F  // 0 → o
            case 0x31: 0x69  // 1 → i
            case 0x33: 0x65  // 3 → e
            case 0x34: 0x61  // 4 → a
            case 0x35: 0x73  // 5 → s
            case 0x37: 0x74  // 7 → t
            case 0x38: 0x62  // 8 → b
            default: nil
            }
            if let replacement {
                changed = true
                return replacement
            }
            return value
        }
        return changed ? mapped : nil
    }
}
