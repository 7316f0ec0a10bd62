import Foundation
import MCPClient

/// A fixture server listening on loopback for the length of one test. Started as a ``ChildProcess``, so
/// it dies with the test runner even if the runner crashes.
public final class LoopbackServer: Sendable {
    public let process: ChildProcess
    public let port: Int

    /// Runs `script` (under `Tests/Fixtures/servers`) with `arguments`, `PORT` replaced by the port chosen.
    /// Ports lie below Linux's ephemeral range (32768–60999), so an outgoing connection of a test running
    /// beside this one cannot hold the port; a fixture that still fails to bind exits, and the next port is
    /// tried, five times.
    public init(_ script: String, _ arguments: [String], python: String = TestRepository.python) async throws {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<32_000)
            let process = try ChildProcess(
                command: python, arguments: [TestRepository.fixtureServer(script)] + arguments.map { $0 == "PORT" ? String(port) : $0 },
                environment: ProcessInfo.processInfo.environment
            )
            // Drain its output so request logs cannot fill a pipe and stall the server.
            for handle in [process.stdout, process.stderr] {
                Thread { _ = try? handle.readToEnd() }.start()
            }
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
        throw TestFailure("the fixture \(script) did not listen on any of five loopback ports")
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func canConnect(_ port: Int) -> Bool {
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

    /// Stops the server. A short grace by default: uvicorn's graceful shutdown would wait for an HTTP
    /// client's idle keep-alive connections.
    public func stop(grace: Duration = .milliseconds(200)) async {
        await process.terminate(grace: grace)
    }
}
