import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

@testable import MCPClient

@Suite("Live inventory over HTTP", .serialized)
struct HTTPInventoryTests {
    @Test("Streamable HTTP with JSON and with SSE responses", arguments: ["json", "sse"])
    func streamable(mode: String) async throws {
        try Fixture.requireEnvironment()
        let server = try await LoopbackServer("basic_server.py", ["http", "PORT", mode])
        let spec = ServerSpec(name: "remote", transport: .http, url: "http://127.0.0.1:\(server.port)/mcp")
        let inventory = await Fixture.collector().collect(spec)
        await server.stop()
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(Set(inventory.toolNames) == ["get_time", "add"])
        #expect(inventory.prompts.count == 1)
        #expect(inventory.protocolVersion != nil)
    }

    @Test("legacy HTTP+SSE (2024-11-05 transport)")
    func legacySSE() async throws {
        try Fixture.requireEnvironment()
        let server = try await LoopbackServer("basic_server.py", ["sse", "PORT"])
        let spec = ServerSpec(name: "old-remote", transport: .sse, url: "http://127.0.0.1:\(server.port)/sse")
        let inventory = await Fixture.collector().collect(spec)
        await server.stop()
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(Set(inventory.toolNames) == ["get_time", "add"])
    }

    @Test("a dead endpoint fails at once with the reason")
    func refused() async {
        let inventory = await Fixture.collector().collect(ServerSpec(name: "dead", transport: .http, url: "http://127.0.0.1:9/mcp"))
        #expect(inventory.status == .failed)
        #expect(inventory.error?.contains("cannot reach http://127.0.0.1:9/mcp: connection refused") == true, "\(inventory.error ?? "")")
    }
}
