/// The structural flags of one clause, and the pairs of them the clause holds together.
///
/// A whole-text flag says a definition mentions secrets somewhere and a sending verb somewhere; honest
/// definitions do that all the time. An attack puts them in one clause ("send the API key to …"), and that
/// holds whatever the source, the wording or the language. So at each clause end every pair of flags seen
/// in the clause becomes one hashed feature of its own namespace: a few hundred abstract features the
/// models can weigh the same way on text from a source they never saw.
struct ClauseFlags {
    var flags: StructuralFeature = []
    private var colons = 0
    private var slashes = 0

    /// Character-level signs inside the clause (the word-level ones arrive through `flags`).
    @inline(__always)
    mutating func note(_ value: UInt32) {
        switch value {
        case 0x40: flags.insert(.atSign)
        case 0x7C: flags.insert(.pipe)
        case 0x24: flags.insert(.dollar)
        case 0x60: flags.insert(.backtick)
        case 0x3C, 0x3E: flags.insert(.angleBracket)
        case 0x3A: colons = 1; slashes = 0
        case 0x2F:
            if colons == 1 { slashes += 1 }
            if slashes == 2 { flags.insert(.url) }
        default: colons = 0; slashes = 0
        }
    }

    /// A full stop, question or exclamation mark before a non-word (or the end), a semicolon, a line
    /// break, or their CJK forms end a clause. `file.txt` and `v1.2` do not.
    @inline(__always)
    static func endsClause(_ value: UInt32, next: UInt32?) -> Bool {
        switch value {
        case 0x0A, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF1B: return true
        case 0x2E, 0x21, 0x3F: return next.map { !NormalizedText.isWord($0) } ?? true
        default: return false
        }
    }

    /// Emits one feature per pair of flags in the clause and starts the next one. Most clauses hold fewer
    /// than two flags; they cost a population count.
    @inline(__always)
    mutating func emit<Sink: FeatureSink>(into sink: inout Sink) {
        let raw = flags.rawValue
        self = ClauseFlags()
        guard raw.nonzeroBitCount >= 2 else { return }
        var outer = raw
        while outer != 0 {
            let first = outer.trailingZeroBitCount
            outer &= outer - 1
            var inner = outer
            while inner != 0 {
                let second = inner.trailingZeroBitCount
                inner &= inner - 1
                let code = first * StructuralFeature.count + second
                let hash = TextFeaturizer.mix(TextFeaturizer.seed(.clause), UInt32(code + 1))
                sink.add(TextFeaturizer.index(hash), kind: .clause, Self.labels[code][...])
            }
        }
    }

    /// "a URL + talk of funds", as scalars, for explanations; indexed by `first * count + second`.
    static let labels: [[UInt32]] = {
        let names = StructuralFeature.names
        var table: [[UInt32]] = []
        table.reserveCapacity(StructuralFeature.count * StructuralFeature.count)
        for first in 0..<StructuralFeature.count {
            for second in 0..<StructuralFeature.count {
                table.append(Array("\(names[first]) + \(names[second])".unicodeScalars.map(\.value)))
            }
        }
        return table
    }()
}
