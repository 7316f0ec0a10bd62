import Foundation
import GuardCore
import GuardDetect
import MCPGuardTestSupport
import Testing

@testable import GuardScan
import MCPClient

@Suite("Active probe of HTTP servers", .serialized)
struct HTTPServerProbeTests {
    @Test("the SDK over Streamable HTTP: random session ids, no CORS, Origin checked; only the missing rate limit is reported")
    func healthyHTTP() async throws {
        let server = try await LoopbackServer("basic_server.py", ["http", "PORT", "json"])
        let outcome = await ServerProbeTests.probe().probe(ServerSpec(name: "remote", transport: .http, url: "http://127.0.0.1:\(server.port)/mcp"))
        await server.stop()
        #expect(outcome.server.status == .ok, "\(outcome.server.error ?? "")")
        #expect(outcome.findings.map(\.rule) == ["probe-rate-limit"], "\(outcome.findings.map { "\($0.rule): \($0.message) \($0.evidence ?? "")" })")
        #expect(outcome.findings.first?.severity == .low)
        let records = ServerProbeTests.outcomes(outcome)
        for rule in ["probe-robustness", "probe-protocol-version", "probe-session-id", "probe-cors", "origin-validation"] {
            #expect(records[rule] == [.passed], "\(rule): \(outcome.checks.filter { $0.rule == rule })")
        }
        #expect(records["probe-tls-weak-cipher"] == [.skipped])
        #expect(records["auth-missing"] == [.skipped])
        #expect(records["probe-rate-limit"] == [.failed])
        // Up to 50 pings in the 5 s window: a loaded machine sends fewer, and none is throttled either way.
        let burst = outcome.checks.first { $0.rule == "probe-rate-limit" }?.detail ?? ""
        #expect(burst.wholeMatch(of: /sent \d+ pings in [0-9.]+ s/) != nil, "\(burst)")
    }

    @Test("a careless HTTP server: foreign Origin, permissive CORS with credentials, counter session ids, no rate limit")
    func brokenHTTP() async throws {
        let server = try await LoopbackServer("probe_http_broken_server.py", ["PORT"])
        let outcome = await ServerProbeTests.probe().probe(ServerSpec(name: "careless", transport: .http, url: "http://127.0.0.1:\(server.port)/mcp"))
        await server.stop()
        let byRule = Dictionary(grouping: outcome.findings, by: \.rule)
        #expect(Set(byRule.keys) == ["origin-validation", "probe-session-id", "probe-rate-limit", "probe-cors"], "\(outcome.findings.map { "\($0.rule): \($0.message)" })")
        #expect(Set(byRule["probe-session-id"]?.map(\.message) ?? []) == [
            "careless session ids are too short (3 characters; at least 16 random ones are needed)",
            "careless session ids are sequential: only a counter changes between them",
        ])
        #expect(byRule["probe-cors"]?.count == 2)
        #expect(byRule["probe-cors"]?.allSatisfy { $0.severity == .high } == true)
        #expect(ServerProbeTests.outcomes(outcome)["probe-robustness"] == [.passed])
        // It declares no resources capability: the boundary check says so instead of passing.
        #expect(ServerProbeTests.outcomes(outcome)["probe-resource-boundary"] == [.skipped])
    }

    @Test("a server that demands a bearer token but lets a bare session id through: the binding finding, auth-missing passed")
    func unboundSession() async throws {
        let server = try await LoopbackServer("probe_http_broken_server.py", ["PORT", "auth"])
        let spec = ServerSpec(name: "bearer", transport: .http, url: "http://127.0.0.1:\(server.port)/mcp", headers: ["Authorization": "Bearer fixture-credential"])
        let outcome = await ServerProbeTests.probe().probe(spec)
        await server.stop()
        let binding = outcome.findings.filter { $0.rule == "probe-session-id" && $0.severity == .high && $0.message.contains("without the credentials") }
        #expect(binding.count == 1, "\(outcome.findings.map { "\($0.rule): \($0.message)" })")
        #expect(binding.first?.message.contains("authorization left out") == true)
        let records = ServerProbeTests.outcomes(outcome)
        #expect(records["auth-missing"] == [.passed])
        #expect(records["auth-metadata"] == [.failed])
        #expect(records["oauth-pkce"] == [.skipped])
        #expect(!outcome.findings.map { "\($0.message) \($0.evidence ?? "")" }.joined().contains("fixture-credential"))
    }
}
