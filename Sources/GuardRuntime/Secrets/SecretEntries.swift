import GuardCore

/// The plaintext inside the secrets file: a count, then per secret (sorted by name) a 1-byte name length,
/// the name, a 4-byte value length and the value, then zeros up to a multiple of 256 bytes so the file's
/// size tells little about how long the secrets are. Integers are big-endian.
enum SecretEntries {
    static let padding = 256
    /// The largest value `set` accepts: tokens and keys, not files.
    public static let maxValueSize = 64 * 1024

    static func encode(_ entries: [String: String]) -> [UInt8] {
        var bytes = SecretFileFormat.bigEndian(UInt32(entries.count))
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            bytes.append(UInt8(name.utf8.count))
            bytes += Array(name.utf8)
            bytes += SecretFileFormat.bigEndian(UInt32(value.utf8.count))
            bytes += Array(value.utf8)
        }
        let padded = (bytes.count + padding - 1) / padding * padding
        return bytes + [UInt8](repeating: 0, count: padded - bytes.count)
    }

    /// The entries, or why the (authenticated, so written by mcpguard) plaintext does not parse.
    static func decode(_ bytes: [UInt8], path: String) throws(SecretStoreError) -> [String: String] {
        func fail(_ why: String) -> SecretStoreError { .corrupted(path, why) }
        guard bytes.count >= 4 else { throw fail("no entry count") }
        let count = Int(SecretFileFormat.readBigEndian(bytes, at: 0))
        var index = 4
        var entries: [String: String] = [:]
        for _ in 0..<count {
            guard index < bytes.count else { throw fail("entry list ends early") }
            let nameLength = Int(bytes[index])
            index += 1
            guard index + nameLength + 4 <= bytes.count else { throw fail("entry list ends early") }
            let name = String(decoding: bytes[index..<(index + nameLength)], as: UTF8.self)
            guard SecretName.isValid(name), entries[name] == nil else { throw fail("an invalid or repeated name") }
            index += nameLength
            let valueLength = Int(SecretFileFormat.readBigEndian(bytes, at: index))
            index += 4
            guard index + valueLength <= bytes.count else { throw fail("entry list ends early") }
            entries[name] = String(decoding: bytes[index..<(index + valueLength)], as: UTF8.self)
            index += valueLength
        }
        guard bytes[index...].allSatisfy({ $0 == 0 }) else { throw fail("bytes after the last entry") }
        return entries
    }
}
