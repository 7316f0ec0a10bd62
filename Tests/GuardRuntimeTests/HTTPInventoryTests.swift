import Foundation
import GuardCore
import Testing

@testable import GuardRuntime

/// A fixture server listening on loopback for the length of one test.
final class HTTPFixture: @unchecked Sendable {
    let process = Process()
    let port: Int

    init(_ arguments: [String]) async throws {
        port = Int.random(in: 20_000..<60_000)
        process.executableURL = URL(fileURLWithPath: Fixture.python)
        process.arguments = [Fixture.server("basic_server.py")] + arguments.map { $0 == "PORT" ? String(port) : $0 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it accepts connections.
        for _ in 0..<150 {
            if Self.canConnect(port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw FixtureError("the fixture server did not start listening on \(port)")
    }

    static func canConnect(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// SIGKILL: uvicorn's graceful shutdown would wait for the HTTP client's idle keep-alive connections.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite("Live inventory over HTTP", .serialized)
struct HTTPInventoryTests {
    @Test("Streamable HTTP with JSON and with SSE responses", arguments: ["json", "sse"])
    func streamable(mode: String) async throws {
        try Fixture.requireEnvironment()
        let server = try await HTTPFixture(["http", "PORT", mode])
        defer { server.stop() }
        let spec = ServerSpec(name: "remote", transport: .http, url: "http://127.0.0.1:\(server.port)/mcp")
        let inventory = await Fixture.collector().collect(spec)
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(Set(inventory.toolNames) == ["get_time", "add"])
        #expect(inventory.prompts.count == 1)
        #expect(inventory.protocolVersion != nil)
    }

    @Test("legacy HTTP+SSE (2024-11-05 transport)")
    func legacySSE() async throws {
        try Fixture.requireEnvironment()
        let server = try await HTTPFixture(["sse", "PORT"])
        defer { server.stop() }
        let spec = ServerSpec(name: "old-remote", transport: .sse, url: "http://127.0.0.1:\(server.port)/sse")
        let inventory = await Fixture.collector().collect(spec)
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
