import Foundation
import MCPGuardTestSupport
import Testing

@testable import MCPClient

@Suite("Remote transport-security probe", .serialized)
struct RemoteSecurityProbeTests {
    let probe = RemoteSecurityProbe()

    @Test("a server that refuses foreign origins passes; one that accepts them is reported")
    func origin() async throws {
        try Fixture.requireEnvironment()
        let protected = try await LoopbackServer("basic_server.py", ["http", "PORT", "json"])
        let good = await probe.probe(ServerSpec(name: "p", transport: .http, url: "http://127.0.0.1:\(protected.port)/mcp"))
        await protected.stop()
        #expect(good.isEmpty, "\(good)")

        let open = try await LoopbackServer("basic_server.py", ["http", "PORT", "json", "no-origin-check"])
        let bad = await probe.probe(ServerSpec(name: "o", transport: .http, url: "http://127.0.0.1:\(open.port)/mcp"))
        await open.stop()
        #expect(bad == [.originNotValidated(status: 200)])
    }

    @Test("authentication metadata: a complete setup passes; plain PKCE, no challenge, no metadata are reported", arguments: [
        ("s256", [RemoteSecurityProbe.Observation]()),
        ("plain", [.pkceMissing(issuer: "ISSUER", methods: ["plain"])]),
        ("no-challenge", [.challengeMissing(status: 401)]),
        ("no-metadata", [.resourceMetadataProblem("no protected-resource metadata (RFC 9728) at ISSUER/.well-known/oauth-protected-resource/mcp")]),
    ])
    func authentication(mode: String, expected: [RemoteSecurityProbe.Observation]) async throws {
        try Fixture.requireEnvironment()
        let server = try await LoopbackServer("auth_server.py", ["PORT", mode])
        let issuer = "http://127.0.0.1:\(server.port)"
        let observations = await probe.probe(ServerSpec(name: "a", transport: .http, url: "\(issuer)/mcp"))
        await server.stop()
        let resolved = expected.map { observation -> RemoteSecurityProbe.Observation in
            switch observation {
            case .pkceMissing(_, let methods): .pkceMissing(issuer: issuer, methods: methods)
            case .resourceMetadataProblem(let text): .resourceMetadataProblem(text.replacingOccurrences(of: "ISSUER", with: issuer))
            default: observation
            }
        }
        #expect(observations == resolved)
    }

    @Test("2025-era servers that answer the stateless probe with 400 are probed with initialize; SSE servers are probed too")
    func legacyEraFallback() async throws {
        try Fixture.requireEnvironment()
        var probe = RemoteSecurityProbe()
        probe.reportLoopbackWithoutAuth = true
        let open = try await LoopbackServer("era2025_server.py", ["PORT", "open"])
        let streamable = await probe.probe(ServerSpec(name: "e", transport: .http, url: "http://127.0.0.1:\(open.port)/mcp"))
        let sse = await probe.probe(ServerSpec(name: "s", transport: .sse, url: "http://127.0.0.1:\(open.port)/sse"))
        await open.stop()
        #expect(streamable == [.authenticationNotRequired, .originNotValidated(status: 200)], "\(streamable)")
        #expect(sse == [.authenticationNotRequired, .originNotValidated(status: 200)], "\(sse)")

        let strict = try await LoopbackServer("era2025_server.py", ["PORT", "strict-origin"])
        let checked = await probe.probe(ServerSpec(name: "c", transport: .sse, url: "http://127.0.0.1:\(strict.port)/sse"))
        await strict.stop()
        #expect(checked == [.authenticationNotRequired])
        // Loopback servers without credentials are the norm for local development: not reported by default.
        #expect(RemoteSecurityProbe().reportLoopbackWithoutAuth == false)
    }

    @Test("plain http:// to another host is reported; to this machine it is not")
    func plainHTTP() async {
        var quick = RemoteSecurityProbe()
        quick.timeout = .milliseconds(200)
        // 192.0.2.0/24 is TEST-NET-1: nothing answers, so only the URL itself is judged.
        let remote = await quick.probe(ServerSpec(name: "r", transport: .http, url: "http://192.0.2.1:9/mcp"))
        #expect(remote.first == .plainHTTP)
        let local = await quick.probe(ServerSpec(name: "l", transport: .http, url: "http://127.0.0.1:9/mcp"))
        #expect(!local.contains(.plainHTTP))
    }

    @Test("a self-signed certificate is reported, never accepted; TLS 1.0/1.1 acceptance is reported")
    func tls() async throws {
        try Fixture.requireEnvironment()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try Fixture.selfSignedCertificate(in: directory)

        let modern = try await LoopbackServer("tls_server.py", ["PORT", cert, key])
        let observations = await probe.probe(ServerSpec(name: "t", transport: .http, url: "https://127.0.0.1:\(modern.port)/mcp"))
        await modern.stop()
        #expect(observations.count == 1)
        guard case .certificateInvalid(let reason)? = observations.first else {
            Issue.record("expected an invalid certificate, got \(observations)")
            return
        }
        #expect(!reason.isEmpty)

        // And the inventory itself refuses the connection: a bad certificate is never silently accepted.
        let inventoryServer = try await LoopbackServer("tls_server.py", ["PORT", cert, key])
        let inventory = await Fixture.collector(startup: .seconds(5)).collect(ServerSpec(name: "t", transport: .http, url: "https://127.0.0.1:\(inventoryServer.port)/mcp"))
        await inventoryServer.stop()
        #expect(inventory.status == .failed, "\(inventory)")

        let old = try await LoopbackServer("tls_server.py", ["PORT", cert, key, "old-tls"])
        let oldObservations = await probe.tlsObservations(host: "127.0.0.1", port: old.port)
        await old.stop()
        #expect(oldObservations.contains(.outdatedTLS("accepts TLS 1.1 or older")), "\(oldObservations)")
    }
}
