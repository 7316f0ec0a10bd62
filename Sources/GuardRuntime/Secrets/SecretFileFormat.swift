import Crypto
import Foundation

/// The encrypted secrets file, version 1 (documented in docs/contracts.md). All integers are big-endian.
///
/// ```
/// offset  size  field
///  0       8    magic "MCPGSECR"
///  8       1    version (1)
///  9       1    key source: 1 passphrase (scrypt), 2 key file (HKDF-SHA256 over the file's bytes)
/// 10       1    scrypt log2(N) (0 for a key file)
/// 11       1    reserved (0)
/// 12       4    scrypt r (0 for a key file)
/// 16       4    scrypt p (0 for a key file)
/// 20      16    salt (random, chosen when the file is created)
/// 36      16    key check: HMAC-SHA256(check key, "mcpguard-secrets-v1")[0..<16]
/// 52      12    nonce (random, new on every write)
/// 64       4    ciphertext length L
/// 68       L    ChaCha20-Poly1305 ciphertext of the entries
/// 68+L    16    Poly1305 tag; bytes 0..<68 are the authenticated data
/// ```
///
/// The key check tells a wrong passphrase from a damaged file: the 64 derived bytes give the encryption
/// key (first 32) and the check key (last 32), so the check says nothing about the encryption key, and a
/// guess costs the same scrypt run whether it is tested against the check or the tag.
struct SecretFileFormat: Sendable, Equatable {
    enum KeySource: Sendable, Equatable {
        case scrypt(logN: UInt8, r: UInt32, p: UInt32)
        case keyFile
    }

    static let magic = Array("MCPGSECR".utf8)
    static let version: UInt8 = 1
    static let headerSize = 68
    static let tagSize = 16
    static let checkMessage = Array("mcpguard-secrets-v1".utf8)

    var source: KeySource
    var salt: [UInt8]
    var check: [UInt8]
    var nonce: [UInt8]
    var ciphertext: [UInt8]
    var tag: [UInt8]

    /// The header as written (and authenticated) for these fields and a ciphertext of `length` bytes.
    func header(length: Int) -> [UInt8] {
        var bytes = Self.magic + [Self.version]
        switch source {
        case .scrypt(let logN, let r, let p):
            bytes += [1, logN, 0] + Self.bigEndian(r) + Self.bigEndian(p)
        case .keyFile:
            bytes += [2, 0, 0] + Self.bigEndian(0) + Self.bigEndian(0)
        }
        return bytes + salt + check + nonce + Self.bigEndian(UInt32(length))
    }

    var encoded: [UInt8] { header(length: ciphertext.count) + ciphertext + tag }

    /// Reads the framing (not the contents): a short file is truncated, a foreign one is named as such.
    static func decode(_ bytes: [UInt8], path: String) throws(SecretStoreError) -> SecretFileFormat {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            if bytes.count < magic.count, magic.starts(with: bytes) { throw .truncated(path, size: bytes.count, expected: headerSize + tagSize) }
            throw SecretStoreError("\(path) is not an mcpguard secrets file (no MCPGSECR header)")
        }
        guard bytes.count >= headerSize else { throw .truncated(path, size: bytes.count, expected: headerSize + tagSize) }
        guard bytes[8] == version else { throw SecretStoreError("\(path) is a secrets file of version \(bytes[8]); this mcpguard reads version \(version)") }
        let source: KeySource
        switch bytes[9] {
        case 1:
            let logN = bytes[10]
            let r = readBigEndian(bytes, at: 12)
            let p = readBigEndian(bytes, at: 16)
            guard (10...24).contains(logN), (1...64).contains(r), (1...16).contains(p) else {
                throw .corrupted(path, "scrypt parameters N=2^\(logN), r=\(r), p=\(p) are out of range")
            }
            source = .scrypt(logN: logN, r: r, p: p)
        case 2:
            source = .keyFile
        default:
            throw .corrupted(path, "unknown key source \(bytes[9])")
        }
        let length = Int(readBigEndian(bytes, at: 64))
        let expected = headerSize + length + tagSize
        guard bytes.count >= expected else { throw .truncated(path, size: bytes.count, expected: expected) }
        guard bytes.count == expected else { throw .corrupted(path, "\(bytes.count - expected) bytes after the end the header announces") }
        return SecretFileFormat(
            source: source, salt: Array(bytes[20..<36]), check: Array(bytes[36..<52]), nonce: Array(bytes[52..<64]),
            ciphertext: Array(bytes[headerSize..<(headerSize + length)]), tag: Array(bytes[(headerSize + length)...])
        )
    }

    /// Seals `plaintext` with a fresh nonce.
    static func seal(_ plaintext: [UInt8], source: KeySource, salt: [UInt8], key: DerivedKey) throws -> SecretFileFormat {
        let nonce = ChaChaPoly.Nonce()
        var file = SecretFileFormat(source: source, salt: salt, check: key.check, nonce: Array(nonce), ciphertext: [], tag: [])
        let box = try ChaChaPoly.seal(plaintext, using: key.encryption, nonce: nonce, authenticating: file.header(length: plaintext.count))
        file.ciphertext = Array(box.ciphertext)
        file.tag = Array(box.tag)
        return file
    }

    /// The plaintext, after the key check (wrong key) and the tag (damaged file).
    func open(with key: DerivedKey, path: String) throws(SecretStoreError) -> [UInt8] {
        guard key.check == check else { throw .wrongKey(path) }
        do {
            let box = try ChaChaPoly.SealedBox(nonce: ChaChaPoly.Nonce(data: nonce), ciphertext: ciphertext, tag: tag)
            return Array(try ChaChaPoly.open(box, using: key.encryption, authenticating: header(length: ciphertext.count)))
        } catch {
            throw .corrupted(path, "authentication failed: the contents or header were changed")
        }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }

    static func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// The two keys one passphrase or key file gives: see ``SecretFileFormat``.
struct DerivedKey: Sendable {
    private let encryptionBytes: [UInt8]
    let check: [UInt8]

    var encryption: SymmetricKey { SymmetricKey(data: encryptionBytes) }

    init(material: [UInt8]) {
        precondition(material.count == 64)
        encryptionBytes = Array(material[0..<32])
        let checkKey = SymmetricKey(data: material[32..<64])
        check = Array(HMAC<SHA256>.authenticationCode(for: SecretFileFormat.checkMessage, using: checkKey)).prefix(16).map { $0 }
    }
}
