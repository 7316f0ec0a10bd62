import GuardCore
import Testing

@testable import GuardPolicy

@Suite("Signed directory")
struct TrustedDirectoryTests {
    let snapshot = InventorySnapshot(servers: [LockfileTests.server("weather", tools: [LockfileTests.forecast])])

    func signedDirectory() throws -> (TrustedDirectory, privateKey: String, publicKey: String) {
        let (privateKey, publicKey) = TrustedDirectory.generateKeyPair()
        var directory = TrustedDirectory()
        for (key, pins) in Lockfile(snapshot: snapshot).servers { directory.entries[key] = .init(pins: pins, version: "1.2.3", packageDigest: "sha256:abc") }
        return (try directory.signed(privateKey: privateKey), privateKey, publicKey)
    }

    @Test("sign, write, read and verify; matching servers pass, others are reported")
    func roundTrip() throws {
        let (signed, _, publicKey) = try signedDirectory()
        let reread = try TrustedDirectory(text: signed.serialized(), path: "dir.json")
        #expect(reread == signed)
        try reread.verify(trustedKey: publicKey)
        #expect(reread.findings(for: snapshot, path: "dir.json").isEmpty)
        #expect(reread.entries.values.first?.version == "1.2.3")

        let stranger = InventorySnapshot(servers: [LockfileTests.server("other", args: ["x.py"], tools: [])])
        #expect(reread.findings(for: stranger, path: "dir.json").map(\.rule) == ["directory-unlisted"])
        var changedTool = LockfileTests.forecast.objectValue!
        changedTool["description"] = "Changed."
        let changed = InventorySnapshot(servers: [LockfileTests.server("weather", tools: [.object(changedTool)])])
        #expect(reread.findings(for: changed, path: "dir.json").map(\.rule) == ["directory-mismatch"])
    }

    @Test("a tampered directory, another key, or no signature fails closed")
    func failsClosed() throws {
        let (signed, _, publicKey) = try signedDirectory()
        let text = signed.serialized()
        // Edit the approved version: the hash check passes (versions are not hashed) but the signature does not.
        let tampered = try TrustedDirectory(text: text.replacingOccurrences(of: "1.2.3", with: "6.6.6"), path: "d")
        #expect(throws: DirectoryError.self) { try tampered.verify(trustedKey: publicKey) }
        let other = TrustedDirectory.generateKeyPair().publicKey
        #expect(throws: DirectoryError.self) { try signed.verify(trustedKey: other) }
        var unsigned = signed
        unsigned.signature = nil
        #expect(throws: DirectoryError.self) { try unsigned.verify(trustedKey: publicKey) }
        #expect(throws: DirectoryError.self) { try signed.verify(trustedKey: "not a key") }
        // Editing a definition breaks its pin hash before the signature is even checked.
        #expect(throws: DirectoryError.self) { try TrustedDirectory(text: text.replacingOccurrences(of: "Get the forecast.", with: "Evil."), path: "d") }
    }
}
