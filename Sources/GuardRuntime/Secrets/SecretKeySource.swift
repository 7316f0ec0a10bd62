import Crypto
import Foundation
import _CryptoExtras

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the encrypted file's key comes from: a passphrase (through scrypt) or a key file.
public enum SecretKeySource: Sendable {
    /// Called only when the file needs a passphrase; `creating` is true for a new file (ask twice).
    case passphrase(@Sendable (_ creating: Bool) throws -> String)
    /// A file whose bytes are the key material; it must be a regular file of mode 0600 or stricter.
    case keyFile(String)

    /// scrypt's cost for new files: N = 2^15, r = 8, p = 1 (32 MiB, about 100–200 ms on one core here).
    static let defaultScrypt = SecretFileFormat.KeySource.scrypt(logN: 15, r: 8, p: 1)

    var kind: String {
        switch self {
        case .passphrase: "a passphrase"
        case .keyFile: "a key file"
        }
    }

    /// The 64 bytes for `source` and `salt` (see ``SecretFileFormat``).
    func derive(for source: SecretFileFormat.KeySource, salt: [UInt8], creating: Bool, path: String) throws -> DerivedKey {
        switch (self, source) {
        case (.passphrase(let ask), .scrypt(let logN, let r, let p)):
            let passphrase = try ask(creating)
            guard !passphrase.isEmpty else { throw SecretStoreError("the passphrase is empty") }
            let key = try KDF.Scrypt.deriveKey(
                from: Array(passphrase.utf8), salt: salt, outputByteCount: 64, rounds: 1 << Int(logN), blockSize: Int(r), parallelism: Int(p)
            )
            return DerivedKey(material: key.withUnsafeBytes { Array($0) })
        case (.keyFile(let file), .keyFile):
            let material = try Self.readKeyFile(file)
            let key = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: material), salt: salt, info: Array("mcpguard-secrets-v1 key file".utf8), outputByteCount: 64
            )
            return DerivedKey(material: key.withUnsafeBytes { Array($0) })
        case (.keyFile, .scrypt):
            throw SecretStoreError("\(path) is locked with a passphrase, not a key file; drop --key-file")
        case (.passphrase, .keyFile):
            throw SecretStoreError("\(path) is locked with a key file; pass --key-file FILE")
        }
    }

    /// The key file's bytes, refused unless it is a regular file only its owner (you) can read or write.
    static func readKeyFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SecretStoreError("cannot read key file \(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw SecretStoreError("key file \(path) is not a regular file") }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw SecretStoreError("key file \(path) has mode \(String(mode, radix: 8, uppercase: false).leftPadded(to: 4)); it must be 0600 or stricter (chmod 600 \(path))")
        }
        guard info.st_uid == getuid() || info.st_uid == 0 else { throw SecretStoreError("key file \(path) belongs to uid \(info.st_uid), not to you") }
        guard info.st_size >= 16, info.st_size <= 4096 else { throw SecretStoreError("key file \(path) must hold 16 to 4096 bytes (try: head -c 32 /dev/urandom > \(path))") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count else { throw SecretStoreError("cannot read key file \(path)") }
        return bytes
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
