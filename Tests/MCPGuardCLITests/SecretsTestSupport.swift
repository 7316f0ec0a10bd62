import Foundation
import Synchronization
import Testing

/// A temporary home for one secrets test: its own XDG_DATA_HOME (so the default store is inside it), no
/// session bus, and a helper that runs the binary with a given stdin.
struct SecretsSandbox {
    let root: URL
    let environment: [String: String]
    static let passphrase = "correct horse battery staple"

    init(passphrase: String? = SecretsSandbox.passphrase) throws {
        root = try CLIRunner.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        for name in ["DBUS_SESSION_BUS_ADDRESS", "MCPGUARD_SECRETS_PASSPHRASE", "XDG_RUNTIME_DIR", "DISPLAY"] { environment.removeValue(forKey: name) }
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        environment["XDG_RUNTIME_DIR"] = root.appendingPathComponent("run").path
        environment["NO_COLOR"] = "1"
        if let passphrase { environment["MCPGUARD_SECRETS_PASSPHRASE"] = passphrase }
        self.environment = environment
    }

    var defaultStore: String { root.appendingPathComponent("data/mcpguard/secrets.enc").path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs mcpguard with `input` on stdin (closed after it) and `extra` over the sandbox's environment.
    func run(_ arguments: [String], input: String = "", extra: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, environment: environment.merging(extra) { $1 }, input: input)
    }

    /// Neither stream shows `value` (nor a long piece of it).
    func expectClean(_ result: CLIRunner.Result, of value: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let piece = String(value.dropFirst(4).prefix(12))
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(value) && !text.contains(piece), "the value leaked: \(text)", sourceLocation: sourceLocation)
        }
    }

    /// Whether this test process has a controlling terminal (then a passphrase prompt would wait for it).
    static var hasTerminal: Bool {
        let descriptor = open("/dev/tty", O_RDWR)
        if descriptor >= 0 { close(descriptor) }
        return descriptor >= 0
    }

    final class Failures: Sendable {
        private let list = Mutex<[String]>([])
        func add(_ failure: String) { list.withLock { $0.append(failure) } }
        var all: [String] { list.withLock { $0 } }
    }
}

/// A session bus and an unlocked gnome-keyring of our own (nothing of the user's is touched), for the
/// Secret Service backend. Both end with ``stop()``.
final class PrivateSecretService {
    let environment: [String: String]
    private let bus: Process
    private let keyring: Process

    static let available = ["/usr/bin/secret-tool", "/usr/bin/gnome-keyring-daemon", "/usr/bin/dbus-daemon"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    init(root: URL) throws {
        let runtime = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let socket = root.appendingPathComponent("bus").path
        // No service directories: nothing is activated on this bus, so the keyring below is the only one.
        let config = root.appendingPathComponent("bus.conf")
        try """
            <busconfig><type>session</type><listen>unix:path=\(socket)</listen>
            <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
            """.write(to: config, atomically: true, encoding: .utf8)
        bus = Process()
        bus.executableURL = URL(fileURLWithPath: "/usr/bin/dbus-daemon")
        bus.arguments = ["--config-file=\(config.path)", "--nofork"]
        bus.standardError = FileHandle.nullDevice
        try bus.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { usleep(20_000) }
        environment = [
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=\(socket)", "HOME": root.path,
            "XDG_DATA_HOME": root.appendingPathComponent("data").path, "XDG_RUNTIME_DIR": runtime.path,
        ]
        keyring = Process()
        keyring.executableURL = URL(fileURLWithPath: "/usr/bin/gnome-keyring-daemon")
        keyring.arguments = ["--foreground", "--unlock", "--components=secrets"]
        keyring.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let password = Pipe()
        keyring.standardInput = password
        keyring.standardOutput = FileHandle.nullDevice
        keyring.standardError = FileHandle.nullDevice
        try keyring.run()
        try password.fileHandleForWriting.write(contentsOf: Data("keyring-password".utf8))
        try password.fileHandleForWriting.close()
        // Ready when the keyring answers a lookup without an error.
        while Date() < deadline {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/secret-tool")
            probe.arguments = ["lookup", "service", "mcpguard-test", "name", "ready"]
            probe.environment = keyring.environment
            let errors = Pipe()
            probe.standardError = errors
            probe.standardOutput = FileHandle.nullDevice
            try probe.run()
            let text = errors.fileHandleForReading.readDataToEndOfFile()
            probe.waitUntilExit()
            if text.isEmpty { break }
            usleep(50_000)
        }
    }

    /// gnome-keyring-daemon --foreground does not end on SIGTERM; this one is ours alone, so KILL it.
    func stop() {
        for process in [keyring, bus] where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
