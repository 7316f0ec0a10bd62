import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

@testable import MCPClient

@Suite("Weak TLS cipher suites", .serialized)
struct WeakCipherProbeTests {
    @Test("a TLS 1.2 server with only RSA key exchange is reported; Python's defaults (ECDHE, AEAD) pass; plain HTTP is skipped")
    func weakSuites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-ciphers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try Fixture.selfSignedCertificate(in: directory)
        let probe = RemoteSecurityProbe()

        let weak = try await LoopbackServer("tls_server.py", ["PORT", cert, key, "weak-ciphers"])
        let weakResult = await probe.weakCipherCheck(url: "https://127.0.0.1:\(weak.port)/mcp")
        await weak.stop()
        #expect(weakResult.ran)
        #expect(weakResult.problems.map(\.key) == ["weak:RSA key exchange (no forward secrecy)"], "\(weakResult.problems)")

        let modern = try await LoopbackServer("tls_server.py", ["PORT", cert, key])
        let modernResult = await probe.weakCipherCheck(url: "https://127.0.0.1:\(modern.port)/mcp")
        await modern.stop()
        #expect(modernResult.ran && modernResult.problems.isEmpty, "\(modernResult.problems)")

        let plain = await probe.weakCipherCheck(url: "http://127.0.0.1:9/mcp")
        #expect(!plain.ran)
    }
}
