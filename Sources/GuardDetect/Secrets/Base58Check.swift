import Crypto

/// Base58Check decoding, to recognise Bitcoin-style WIF private keys and extended private keys.
enum Base58Check {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// The payload (without the 4-byte checksum) when `text` is valid Base58Check.
    static func decode(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.count <= 128 else { return nil }
        var bytes: [UInt8] = []
        for character in text.utf8 {
            guard var carry = values[character] else { return nil }
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let leadingZeros = text.utf8.prefix { $0 == UInt8(ascii: "1") }.count
        bytes = [UInt8](repeating: 0, count: leadingZeros) + bytes
        guard bytes.count > 4 else { return nil }
        let payload = Array(bytes.dropLast(4))
        let checksum = Array(SHA256.hash(data: Array(SHA256.hash(data: payload))).prefix(4))
        return checksum == Array(bytes.suffix(4)) ? payload : nil
    }
}
