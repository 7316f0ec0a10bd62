import Crypto

/// The BIP-39 English wordlist, and checksum validation of mnemonics written in it.
public enum BIP39Wordlist {
    static let words: [String] = englishText.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    static let indexByWord: [String: Int] = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })

    /// Whether `word` (lowercase) is on the list.
    public static func contains(_ word: String) -> Bool { indexByWord[word] != nil }

    /// Whether `phrase` is a valid BIP-39 mnemonic: 12, 15, 18, 21 or 24 listed words whose last bits are the
    /// SHA-256 checksum of the entropy the others encode.
    public static func isValidMnemonic(_ phrase: [String]) -> Bool {
        guard [12, 15, 18, 21, 24].contains(phrase.count) else { return false }
        var bits: [Bool] = []
        bits.reserveCapacity(phrase.count * 11)
        for word in phrase {
            guard let index = indexByWord[word] else { return false }
            for shift in stride(from: 10, through: 0, by: -1) { bits.append((index >> shift) & 1 == 1) }
        }
        let checksumLength = phrase.count * 11 / 33
        let entropyLength = bits.count - checksumLength
        var entropy = [UInt8](repeating: 0, count: entropyLength / 8)
        for (offset, bit) in bits[0..<entropyLength].enumerated() where bit {
            entropy[offset / 8] |= 0x80 >> UInt8(offset % 8)
        }
        let hash = Array(SHA256.hash(data: entropy))
        for offset in 0..<checksumLength {
            let expected = (hash[offset / 8] & (0x80 >> UInt8(offset % 8))) != 0
            if bits[entropyLength + offset] != expected { return false }
        }
        return true
    }
}
