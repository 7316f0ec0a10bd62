import Foundation
import GuardCore
import Synchronization

/// A `mcpguard run` process kept open for as long as a test needs it, spoken to in raw JSON-RPC lines
/// (the SDK client in guard_client.py runs a whole session and exits, but `status` must see it running).
final class GuardSession {
    let process: Process
    private let input: FileHandle
    private let output = Collected()

    /// What the guard printed, filled by the reader threads.
    final class Collected: Sendable {
        let lines = Mutex<[String]>([])
        let errors = Mutex<String>("")
    }

    /// Starts `mcpguard run OPTIONS -- SERVER…` with `environment` as its whole environment.
    init(run options: [String], server: [String], environment: [String: String]) throws {
        process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run"] + options + ["--"] + server
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        input = stdin.fileHandleForWriting
        try process.run()
        let output = self.output
        let outHandle = stdout.fileHandleForReading
        let errHandle = stderr.fileHandleForReading
        Thread {
            var pending = Data()
            while case let chunk = outHandle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    output.lines.withLock { $0.append(line) }
                }
            }
        }.start()
        Thread {
            while case let chunk = errHandle.availableData, !chunk.isEmpty {
                output.errors.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
        }.start()
    }

    var pid: Int32 { process.processIdentifier }
    var stderr: String { output.errors.withLock { $0 } }

    func send(_ value: JSONValue) throws {
        try input.write(contentsOf: Data((value.jsonString + "\n").utf8))
    }

    /// The answer to request `id`, waiting up to `timeout` seconds.
    func answer(_ id: Int, timeout: Double = 60) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found = output.lines.withLock { lines in
                lines.lazy.compactMap { try? JSONParser.parse(Array($0.utf8)) }.first { $0["id"]?.numberValue?.intValue == id }
            }
            if let found { return found }
            usleep(20_000)
        }
        throw SessionError("no answer to request \(id) within \(timeout) s; stderr: \(stderr.suffix(1500))")
    }

    /// Sends a request and waits for its answer.
    @discardableResult
    func request(_ id: Int, _ method: String, _ params: JSONValue = [:]) throws -> JSONValue {
        try send(["jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": .string(method), "params": params])
        return try answer(id)
    }

    /// `initialize`, `notifications/initialized` and `tools/list`.
    func open() throws {
        try request(1, "initialize", ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "status-test", "version": "1"]])
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
        try request(2, "tools/list")
    }

    func call(_ id: Int, _ tool: String, _ arguments: JSONValue = [:]) throws -> JSONValue {
        try request(id, "tools/call", ["name": .string(tool), "arguments": arguments])
    }

    /// Closes the host side and waits for the guard to exit; returns its status.
    @discardableResult
    func close() throws -> Int32 {
        try? input.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct SessionError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
