/// Lowercase hexadecimal, without a `String(format:)` per byte (that showed up in the guard's profile:
/// every audit record hashes and prints a digest).
public enum Hex {
    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Inlinable so each caller gets it specialised for its byte sequence (a digest iterated through the
    /// generic `Sequence` witness cost more than the hashing).
    @inlinable
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
