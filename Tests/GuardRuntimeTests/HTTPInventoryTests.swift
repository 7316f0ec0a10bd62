import Foundation
import GuardCore
import Testing

@testable import MCPClient

/// A fixture server listening on loopback for the length of one test. Started as a ``ChildProcess``, so
/// it dies with the test runner even if the runner crashes.
final class HTTPFixture: Sendable {
    let process: ChildProcess
    let port: Int

    /// Ports below Linux's ephemeral range (32768–60999), so an outgoing connection of a test running beside
    /// this one cannot hold the port; a fixture that still fails to bind exits, and the next port is tried.
    init(_ arguments: [String], script: String = "basic_server.py") async throws {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<32_000)
            let process = try ChildProcess(
                command: Fixture.python, arguments: [Fixture.server(script)] + arguments.map { $0 == "PORT" ? String(port) : $0 },
                environment: ProcessInfo.processInfo.environment
            )
            // Drain its output so request logs cannot fill a pipe and stall the server.
            for handle in [process.stdout, process.stderr] {
                Thread { _ = try? handle.readToEnd() }.start()
            }
            // Wait until it accepts connections.
            // Generous: on a loaded machine a Python server can take many seconds to import its SDK.
            for _ in 0..<600 where process.isRunning {
                if Self.canConnect(port) {
                    self.process = process
                    self.port = port
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            await process.terminate(grace: .milliseconds(100))
        }
        throw FixtureError("the fixture server did not start listening on any of five loopback ports")
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

    /// A short grace: uvicorn's graceful shutdown would wait for the HTTP client's idle keep-alive connections.
    func stop() async {
        await process.terminate(grace: .milliseconds(200))
    }
}

@Suite("Live inventory over HTTP", .serialized)
struct HTTPInventoryTests {
    @Test("Streamable HTTP with JSON and with SSE responses", arguments: ["json", "sse"])
    func streamable(mode: String) async throws {
        try Fixture.requireEnvironment()
        let server = try await HTTPFixture(["http", "PORT", mode])
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
        let server = try await HTTPFixture(["sse", "PORT"])
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
