/// A set of lowercase words looked up by the 64-bit key the tokenizer computes for every token.
///
/// The phrase rules test every token of every text against word sets; with `Set<String>` each test
/// hashed the token's string again (SipHash), which was a tenth of the scanner's profile. Here a test is
/// an integer probe into an open-addressed table, and a key hit is confirmed by comparing the words, so
/// two words that share a key never stand in for each other. A class, so the phrase matcher holds one
/// reference per pattern element instead of retaining four arrays at every step.
final class WordSet: Sendable, Hashable {
    /// The words, sorted (positions are stable whatever the input order).
    let words: [String]
    /// Position + 1 of the word in each slot, 0 for an empty slot.
    private let slots: [Int32]
    private let slotKeys: [UInt64]
    private let mask: Int

    convenience init(_ words: some Sequence<String>) {
        self.init(sorted: Set(words).sorted())
    }

    private init(sorted: [String]) {
        self.words = sorted
        var capacity = 8
        while capacity < sorted.count * 2 { capacity *= 2 }
        let keys = sorted.map(Self.key)
        var slots = [Int32](repeating: 0, count: capacity)
        var slotKeys = [UInt64](repeating: 0, count: capacity)
        for (position, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(position + 1)
            slotKeys[slot] = key
        }
        self.slots = slots
        self.slotKeys = slotKeys
        mask = capacity - 1
    }

    /// The position of `token`'s word in ``words``, or nil.
    @inline(__always)
    func position(of token: TextToken) -> Int? {
        var slot = Int(truncatingIfNeeded: token.key) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if slotKeys[slot] == token.key, words[Int(entry) - 1] == token.text { return Int(entry) - 1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ token: TextToken) -> Bool { position(of: token) != nil }

    func contains(_ word: String) -> Bool { position(of: TextToken(text: word, range: word.startIndex..<word.endIndex)) != nil }

    static func == (lhs: WordSet, rhs: WordSet) -> Bool { lhs.words == rhs.words }
    func hash(into hasher: inout Hasher) { hasher.combine(words) }

    /// The key of a lowercase word: FNV-1a over its UTF-8 bytes, then a finalizer so the low bits that
    /// pick a slot depend on every byte.
    static func key(_ word: String) -> UInt64 {
        var hasher = KeyHasher()
        for byte in word.utf8 { hasher.add(byte) }
        return hasher.value
    }
}

/// Builds a ``WordSet`` key byte by byte, so the tokenizer computes it while it lowercases a token.
struct KeyHasher {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }

    var value: UInt64 {
        var value = state
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        return value
    }
}
