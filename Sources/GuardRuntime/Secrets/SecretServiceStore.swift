import Foundation
import GuardCore
import Synchronization
import MCPClient

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Secrets in the desktop keyring (the freedesktop Secret Service: GNOME Keyring, KWallet, KeePassXC)
/// through libsecret's `secret-tool`, each item with the attributes `service=mcpguard name=NAME`.
///
/// Values travel over the tool's stdin and stdout pipes only, never its arguments, which every local
/// user can read in `ps`. Every call has a deadline, since a locked keyring with no way to prompt can
/// leave the tool waiting.
public struct SecretServiceStore: SecretStore {
    public let tool: String
    let environment: [String: String]
    let timeout: Duration

    public init(tool: String, environment: [String: String], timeout: Duration = .seconds(10)) {
        self.tool = tool
        self.environment = environment
        self.timeout = timeout
    }

    public var backend: SecretBackend { .secretService }
    public var description: String { "Secret Service (secret-tool, service=mcpguard)" }

    public func value(of name: String) async throws -> String? {
        try SecretValue.validateName(name)
        let result = try await run(["lookup", "service", "mcpguard", "name", name])
        guard result.status == 0 else {
            if result.stderr.isEmpty { return nil }
            throw failure("lookup", result)
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    public func store(_ value: String, as name: String) async throws {
        try SecretValue.validateName(name)
        try SecretValue.validate(value)
        let result = try await run(["store", "--label", "mcpguard \(name)", "service", "mcpguard", "name", name], input: Array(value.utf8))
        guard result.status == 0 else { throw failure("store", result) }
    }

    public func names() async throws -> [String] {
        let result = try await run(["search", "--all", "service", "mcpguard"])
        // No match is status 1 with nothing on stderr.
        guard result.status == 0 || result.stderr.isEmpty else { throw failure("search", result) }
        // secret-tool 0.20 prints each item's label and secret on stdout (read here, never shown) and its
        // attributes on stderr; both are searched, and since a value could hold a line that looks like an
        // attribute, each candidate is confirmed by looking it up.
        var candidates: Set<String> = []
        let output = String(decoding: result.stdout, as: UTF8.self) + "\n" + result.stderr
        for line in output.split(separator: "\n") where line.hasPrefix("attribute.name = ") {
            let name = String(line.dropFirst("attribute.name = ".count))
            if SecretName.isValid(name) { candidates.insert(name) }
        }
        var names: [String] = []
        for name in candidates.sorted() where try await value(of: name) != nil { names.append(name) }
        return names
    }

    public func remove(_ name: String) async throws -> Bool {
        guard try await value(of: name) != nil else { return false }
        let result = try await run(["clear", "service", "mcpguard", "name", name])
        guard result.status == 0 else { throw failure("clear", result) }
        return true
    }

    /// Whether the Secret Service answers at all: a lookup that finds nothing is an answer, an error on
    /// stderr or silence past the deadline is not.
    public func isUsable() async -> Bool {
        guard let result = try? await run(["lookup", "service", "mcpguard-probe", "name", "probe"]) else { return false }
        return result.status == 0 || result.stderr.isEmpty
    }

    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
    }

    func failure(_ action: String, _ result: Result) -> SecretStoreError {
        let reason = result.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
        return SecretStoreError("the Secret Service refused to \(action) (\(reason)); use --backend file to keep secrets in an encrypted file instead")
    }

    func run(_ arguments: [String], input: [UInt8] = []) async throws -> Result {
        let child = try ChildProcess(command: tool, arguments: arguments, environment: environment)
        let timedOut = TimeoutFlag()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            timedOut.set()
            await child.terminate(grace: .milliseconds(200))
        }
        defer { watchdog.cancel() }
        async let stdout = Self.readAll(child.stdout)
        async let stderr = Self.readAll(child.stderr)
        if !input.isEmpty { try? child.stdin.write(contentsOf: input) }
        child.closeInput()
        let output = await stdout
        let errors = await stderr
        let status = await child.waitForExit()
        if timedOut.isSet { throw SecretStoreError("secret-tool did not answer within \(timeout) (a locked keyring with no way to prompt?); use --backend file") }
        return Result(status: status, stdout: output, stderr: String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Reads a pipe to its end on a thread of its own, so blocking reads never hold a cooperative thread.
    static func readAll(_ handle: FileHandle) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: [UInt8]((try? handle.readToEnd()) ?? Data()))
            }
        }
    }
}

/// Set once by the watchdog, read after the child exits.
final class TimeoutFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}
