import Foundation
import GuardCore
import Testing

@testable import MCPClient

/// Paths to the fixture servers and the Python environments `scripts/bootstrap` creates.
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repository.appendingPathComponent(".venv/bin/python").path
    static let legacyPython = repository.appendingPathComponent(".venv-legacy/bin/python").path
    static func server(_ name: String) -> String { repository.appendingPathComponent("Tests/Fixtures/servers/\(name)").path }
    static func bin(_ name: String) -> String { repository.appendingPathComponent(".venv/bin/\(name)").path }

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

    static func requireEnvironment() throws {
        for path in [python, legacyPython] where !FileManager.default.isExecutableFile(atPath: path) {
            throw FixtureError("missing \(path): run scripts/bootstrap")
        }
    }

    static func collector(startup: Duration = .seconds(120), request: Duration = .seconds(60), probe: Duration = .seconds(5)) -> InventoryCollector {
        var options = InventoryCollector.Options()
        options.startupTimeout = startup
        options.requestTimeout = request
        options.probeTimeout = probe
        return InventoryCollector(options: options)
    }

    /// Processes whose environment carries `MCPGUARD_TEST_MARKER=marker`: exactly the servers one test started.
    static func processes(withMarker marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard entry.allSatisfy(\.isNumber), let data = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { return nil }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == "MCPGUARD_TEST_MARKER=\(marker)" } ? entry : nil
        }
    }

    /// Processes whose command line mentions `needle` (read from /proc), other than this test process.
    static func processes(matching needle: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let me = String(getpid())
        return entries.compactMap { entry -> String? in
            guard entry.allSatisfy(\.isNumber), entry != me,
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(needle) ? "\(entry): \(line)" : nil
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
