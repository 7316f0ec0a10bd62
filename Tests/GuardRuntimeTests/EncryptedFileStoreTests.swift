import Foundation
import Testing

@testable import GuardRuntime

/// The encrypted secrets file on real files: format, key checks, damage, modes, concurrency in-process.
/// (The CLI tests run the same through the binary with the real scrypt cost.)
@Suite("Encrypted secrets file")
struct EncryptedFileStoreTests {
    static let cheap = SecretFileFormat.KeySource.scrypt(logN: 10, r: 8, p: 1)

    static func store(_ path: String, passphrase: String = "correct horse") -> EncryptedFileStore {
        EncryptedFileStore(path: path, keySource: .passphrase { _ in passphrase }, scrypt: cheap)
    }

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-secrets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("round trip; the file is 0600 in a 0700 directory, starts with the magic, and holds no name or value in clear")
    func roundTrip() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/sub/secrets.enc"
        let store = Self.store(path)
        #expect(try await store.names() == [])
        #expect(try await store.value(of: "github") == nil)
        try await store.store("ghp_value_one", as: "github")
        try await store.store("npm-value", as: "npm")
        try await store.store("ghp_value_two", as: "github")
        #expect(try await store.names() == ["github", "npm"])
        #expect(try await Self.store(path).value(of: "github") == "ghp_value_two")
        #expect(try await store.remove("npm"))
        #expect(try await !store.remove("npm"))
        #expect(try await Self.store(path).names() == ["github"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: root + "/sub")[.posixPermissions] as? Int) == 0o700)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(9)) == Array("MCPGSECR".utf8) + [1])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("ghp_value") && !text.contains("github"))
        // Padded: one short secret and a few make the same size.
        #expect(bytes.count == SecretFileFormat.headerSize + 256 + SecretFileFormat.tagSize)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root + "/sub").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("every write has a fresh nonce; the salt stays")
    func freshNonce() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/secrets.enc"
        let store = Self.store(path)
        var nonces: Set<[UInt8]> = []
        var salts: Set<[UInt8]> = []
        for index in 0..<5 {
            try await store.store("value \(index % 2)", as: "same")
            let file = try SecretFileFormat.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), path: path)
            nonces.insert(file.nonce)
            salts.insert(file.salt)
        }
        #expect(nonces.count == 5)
        #expect(salts.count == 1)
    }

    @Test("a wrong passphrase is one error; a flipped byte in the ciphertext or tag is another; a header byte changes the key")
    func damage() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/secrets.enc"
        try await Self.store(path).store("s3cr3t-value", as: "token")
        await #expect(throws: SecretStoreError("wrong passphrase or key for \(path)")) { try await Self.store(path, passphrase: "wrong").names() }
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for offset in [SecretFileFormat.headerSize, SecretFileFormat.headerSize + 100, good.count - 1] {
            var bad = good
            bad[offset] ^= 0x01
            try Data(bad).write(to: URL(fileURLWithPath: path))
            await #expect(throws: SecretStoreError.corrupted(path, "authentication failed: the contents or header were changed")) { try await Self.store(path).names() }
        }
        // The salt or the key check changed: the derived key no longer matches (and cannot be told from a wrong passphrase).
        for offset in [20, 40] {
            var bad = good
            bad[offset] ^= 0x80
            try Data(bad).write(to: URL(fileURLWithPath: path))
            await #expect(throws: SecretStoreError.wrongKey(path)) { try await Self.store(path).names() }
        }
        // The nonce is authenticated data too.
        var badNonce = good
        badNonce[55] ^= 0x01
        try Data(badNonce).write(to: URL(fileURLWithPath: path))
        await #expect(throws: SecretStoreError.self) { try await Self.store(path).names() }
        // A write never goes through on a damaged file.
        await #expect(throws: SecretStoreError.self) { try await Self.store(path).store("x", as: "other") }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == badNonce)
    }

    @Test("a file cut at any length is refused as truncated, a longer one as corrupted, a foreign one by name")
    func truncated() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/secrets.enc"
        try await Self.store(path).store("value", as: "name")
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for length in [1, 8, 30, 67, 68, 100, good.count - 1] {
            try Data(good.prefix(length)).write(to: URL(fileURLWithPath: path))
            do {
                _ = try await Self.store(path).names()
                Issue.record("a file of \(length) bytes was accepted")
            } catch let error as SecretStoreError {
                #expect(error.description.contains("is truncated (\(length) bytes"), "\(error)")
            }
        }
        try Data(good + [0]).write(to: URL(fileURLWithPath: path))
        await #expect(throws: SecretStoreError.corrupted(path, "1 bytes after the end the header announces")) { try await Self.store(path).names() }
        try Data("{\"not\": \"ours\"}".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: SecretStoreError("\(path) is not an mcpguard secrets file (no MCPGSECR header)")) { try await Self.store(path).names() }
        try Data().write(to: URL(fileURLWithPath: path))
        await #expect(throws: SecretStoreError.self) { try await Self.store(path).names() }
    }

    @Test("key files: 0600 accepted, group- or world-readable refused, too short refused, the wrong kind of key named")
    func keyFiles() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let key = root + "/key"
        _ = FileManager.default.createFile(atPath: key, contents: Data((0..<32).map { UInt8($0) }), attributes: [.posixPermissions: 0o600])
        let path = root + "/secrets.enc"
        let store = EncryptedFileStore(path: path, keySource: .keyFile(key))
        try await store.store("v", as: "n")
        #expect(try await EncryptedFileStore(path: path, keySource: .keyFile(key)).value(of: "n") == "v")
        let file = try SecretFileFormat.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        #expect(file.source == .keyFile)
        let other = root + "/other"
        _ = FileManager.default.createFile(atPath: other, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o400])
        await #expect(throws: SecretStoreError.wrongKey(path)) { try await EncryptedFileStore(path: path, keySource: .keyFile(other)).names() }
        for mode in [0o644, 0o640, 0o604, 0o660] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
            await #expect(throws: SecretStoreError("key file \(key) has mode 0\(String(mode, radix: 8)); it must be 0600 or stricter (chmod 600 \(key))")) {
                try await EncryptedFileStore(path: path, keySource: .keyFile(key)).names()
            }
        }
        let short = root + "/short"
        _ = FileManager.default.createFile(atPath: short, contents: Data(repeating: 1, count: 8), attributes: [.posixPermissions: 0o600])
        await #expect(throws: SecretStoreError.self) { try await EncryptedFileStore(path: root + "/new.enc", keySource: .keyFile(short)).store("v", as: "n") }
        await #expect(throws: SecretStoreError("\(path) is locked with a key file; pass --key-file FILE")) { try await Self.store(path).names() }
        try await Self.store(root + "/pass.enc").store("v", as: "n")
        await #expect(throws: SecretStoreError("\(root)/pass.enc is locked with a passphrase, not a key file; drop --key-file")) {
            try await EncryptedFileStore(path: root + "/pass.enc", keySource: .keyFile(other)).names()
        }
    }

    @Test("names and values are checked before anything is written")
    func validation() async throws {
        let root = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = Self.store(root + "/secrets.enc")
        await #expect(throws: SecretStoreError.self) { try await store.store("v", as: "bad name") }
        await #expect(throws: SecretStoreError.self) { try await store.store("", as: "empty") }
        await #expect(throws: SecretStoreError.self) { try await store.store("a\u{0}b", as: "nul") }
        await #expect(throws: SecretStoreError.self) { try await store.store(String(repeating: "x", count: 64 * 1024 + 1), as: "big") }
        #expect(!FileManager.default.fileExists(atPath: root + "/secrets.enc"))
        try await store.store(String(repeating: "x", count: 64 * 1024), as: "big")
        #expect(try await store.value(of: "big")?.count == 64 * 1024)
    }

    /// Release builds take 100–200 ms here (the same as Python's OpenSSL scrypt); debug builds compile
    /// BoringSSL without optimisation and take about ten times as long, so the bound is loose.
    @Test("the default scrypt cost is real: N=2^15, r=8, p=1 (printed for the record)")
    func scryptCost() throws {
        let start = ContinuousClock.now
        _ = try SecretKeySource.passphrase { _ in "p" }.derive(for: SecretKeySource.defaultScrypt, salt: [UInt8](repeating: 1, count: 16), creating: false, path: "x")
        let elapsed = ContinuousClock.now - start
        print("scrypt N=2^15 r=8 p=1: \(elapsed)")
        #expect(elapsed > .milliseconds(20) && elapsed < .seconds(60))
    }
}
