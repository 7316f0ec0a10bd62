import Foundation
import GuardCore

/// Runs Tests/Fixtures/clients/guard_client.py: the official SDK client driving `mcpguard run`.
enum GuardClient {
    static var targetServer: [String] { [LiveScanCLITests.python, LiveScanCLITests.fixture("guard_target_server.py")] }

    /// `spec` as guard_client.py documents it; `mcpguard` is filled in.
    static func drive(_ spec: JSONValue, environment: [String: String]? = nil) throws -> JSONValue {
        guard case .object(var object) = spec else { return .null }
        object["mcpguard"] = .string(CLIRunner.binary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LiveScanCLITests.python)
        process.arguments = [LiveScanCLITests.repository.appendingPathComponent("Tests/Fixtures/clients/guard_client.py").path, JSONValue.object(object).jsonString]
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard !data.isEmpty else { throw ClientFailure(stderr: String(decoding: stderr.suffix(2000), as: UTF8.self)) }
        return try JSONParser.parse([UInt8](data))
    }

    struct ClientFailure: Error, CustomStringConvertible {
        let stderr: String
        var description: String { "guard_client.py printed nothing; stderr:\n\(stderr)" }
    }

    static func policy(_ text: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("policy-\(UUID().uuidString.prefix(8)).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func steps(_ result: JSONValue) -> [JSONValue] { result["steps"]?.arrayValue ?? [] }
}
