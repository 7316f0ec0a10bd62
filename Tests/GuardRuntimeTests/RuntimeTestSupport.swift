import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

@testable import MCPClient

/// Paths to the fixture servers and the Python environments `scripts/bootstrap` creates.
enum Fixture {
    static let repository = TestRepository.root
    static let python = TestRepository.python
    static let legacyPython = TestRepository.legacyPython
    static func server(_ name: String) -> String { TestRepository.fixtureServer(name) }
    static func bin(_ name: String) -> String { TestRepository.venvBinary(name) }

    /// A spec that runs a fixture with the project's Python.
    static func spec(_ file: String, _ arguments: [String] = [], python: String = Fixture.python, env: [String: String] = [:]) -> ServerSpec {
        ServerSpec(name: file, command: python, args: [server(file)] + arguments, env: env)
    }

    /// A self-signed certificate and key for 127.0.0.1, written into `directory` by openssl.
    static func selfSignedCertificate(in directory: URL) throws -> (cert: String, key: String) {
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw FixtureError("openssl could not make a test certificate") }
        return (cert, key)
    }

    static func requireEnvironment() throws { try TestRepository.requireEnvironment() }

    static func collector(startup: Duration = .seconds(120), request: Duration = .seconds(60), probe: Duration = .seconds(5)) -> InventoryCollector {
        var options = InventoryCollector.Options()
        options.startupTimeout = startup
        options.requestTimeout = request
        options.probeTimeout = probe
        return InventoryCollector(options: options)
    }

}

typealias FixtureError = TestFailure
