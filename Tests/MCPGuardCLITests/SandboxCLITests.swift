import Foundation
import GuardCore
import GuardRuntime
import Testing

/// `mcpguard run --sandbox` against a server that tries to get out (Tests/Fixtures/servers/sandbox_server.py),
/// driven by the official SDK client, with both backends: bubblewrap and Landlock + seccomp.
@Suite("mcpguard run --sandbox", .serialized)
struct SandboxCLITests {
    static var server: [JSONValue] { [.string(LiveScanCLITests.python), .string(LiveScanCLITests.fixture("sandbox_server.py"))] }
    static let backends = ["bubblewrap", "landlock"]

    /// A home with a planted SSH key, a readable and a writable project directory, and a policy.
    struct Setup {
        let root: URL
        var home: String { root.appendingPathComponent("home").path }
        var readable: String { root.appendingPathComponent("docs").path }
        var writable: String { root.appendingPathComponent("out").path }
        var outside: String { root.appendingPathComponent("elsewhere").path }
        let policy: String

        init(sandbox: String) throws {
            root = try CLIRunner.temporaryDirectory()
            for directory in ["home/.ssh", "docs", "out", "elsewhere"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            try "-----BEGIN OPENSSH PRIVATE KEY----- planted".write(toFile: root.appendingPathComponent("home/.ssh/id_rsa").path, atomically: true, encoding: .utf8)
            try "public notes".write(toFile: root.appendingPathComponent("docs/notes.txt").path, atomically: true, encoding: .utf8)
            try "not for the server".write(toFile: root.appendingPathComponent("elsewhere/secret.txt").path, atomically: true, encoding: .utf8)
            let text = "version: 1\nservers:\n  \"*\":\n    default: allow\n    sandbox:\n" + sandbox
                .replacingOccurrences(of: "READ", with: root.appendingPathComponent("docs").path)
                .replacingOccurrences(of: "WRITE", with: root.appendingPathComponent("out").path)
                .split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
            policy = try GuardClient.policy(text, in: root)
        }

        var environment: [String: String] {
            ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        }

        func drive(_ backend: String, _ steps: [JSONValue], extra: [JSONValue] = []) throws -> JSONValue {
            try GuardClient.drive([
                "run": .array(["--name", "boxed", "--policy", .string(policy), "--sandbox", "--sandbox-backend", .string(backend)] + extra),
                "server": .array(SandboxCLITests.server), "env": SandboxCLITests.object(environment), "steps": .array(steps),
            ])
        }
    }

    static func object(_ environment: [String: String]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in environment { object[key] = .string(value) }
        return .object(object)
    }

    static func texts(_ result: JSONValue) -> [String] {
        GuardClient.steps(result).map { $0["text"]?.stringValue ?? $0["error"]?.stringValue ?? "" }
    }

    @Test("the filesystem is the allow-list: no ~/.ssh, no writes outside, /etc/shadow masked", arguments: backends)
    func filesystem(backend: String) throws {
        let setup = try Setup(sandbox: "filesystem: { read: [READ], write: [WRITE] }\nnetwork: none")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        // A link planted in the writable directory, pointing at the key outside.
        try FileManager.default.createSymbolicLink(atPath: setup.writable + "/key", withDestinationPath: setup.home + "/.ssh/id_rsa")
        let result = try setup.drive(backend, [
            ["call": "read_file", "arguments": ["path": .string(setup.home + "/.ssh/id_rsa")]],
            ["call": "read_file", "arguments": ["path": .string(setup.readable + "/notes.txt")]],
            ["call": "write_file", "arguments": ["path": .string(setup.writable + "/result.txt"), "text": "made inside"]],
            ["call": "write_file", "arguments": ["path": .string(setup.outside + "/planted.txt"), "text": "escaped"]],
            ["call": "write_file", "arguments": ["path": .string(setup.readable + "/notes.txt"), "text": "overwritten"]],
            ["call": "read_file", "arguments": ["path": .string(setup.outside + "/secret.txt")]],
            ["call": "read_file", "arguments": ["path": "/etc/shadow"]],
            ["call": "read_file", "arguments": ["path": .string(setup.writable + "/key")]],
        ])
        let texts = Self.texts(result)
        #expect(texts.count == 8, "\(result)")
        guard texts.count == 8 else { return }
        #expect(texts[7].hasPrefix("error:"), "a symlink led out of the sandbox: \(texts[7])")
        #expect(texts[0].hasPrefix("error:"), "the planted key was readable: \(texts[0])")
        #expect(texts[1] == "read: public notes")
        #expect(texts[2] == "written")
        #expect((try? String(contentsOfFile: setup.writable + "/result.txt", encoding: .utf8)) == "made inside")
        #expect(texts[3].hasPrefix("error:"))
        #expect(!FileManager.default.fileExists(atPath: setup.outside + "/planted.txt"))
        #expect(texts[4].hasPrefix("error:"), "a read-only path was writable")
        #expect((try? String(contentsOfFile: setup.readable + "/notes.txt", encoding: .utf8)) == "public notes")
        #expect(texts[5].hasPrefix("error:"))
        #expect(!texts[6].contains("root:"), "shadow entries leaked: \(texts[6])")
    }

    @Test("no root, no capabilities, no_new_privs and seccomp; ptrace, unshare and mount are refused", arguments: backends)
    func privileges(backend: String) throws {
        let setup = try Setup(sandbox: "network: none")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let texts = Self.texts(try setup.drive(backend, [["call": "identity"], ["call": "syscall_probe"]]))
        #expect(texts.count == 2)
        guard texts.count == 2 else { return }
        #expect(texts[0].contains("CapEff=0000000000000000") && texts[0].contains("CapBnd=0000000000000000"), "\(texts[0])")
        #expect(texts[0].contains("NoNewPrivs=1"))
        #expect(texts[0].contains("Seccomp=2"))
        // Root is never root inside: nobody in a user namespace with either backend.
        if geteuid() == 0, backend == "bubblewrap" || SandboxCapabilities.userNamespaces { #expect(texts[0].contains("Uid=65534"), "\(texts[0])") }
        #expect(!texts[0].contains("home=" + setup.home + " ") || backend == "bubblewrap")
        #expect(texts[1] == "ptrace=Operation not permitted unshare=Operation not permitted mount=Operation not permitted", "\(texts[1])")
    }

    @Test("mcpguard's environment and the processes outside stay out of reach: /proc environ and signals", arguments: backends)
    func processIsolation(backend: String) throws {
        let setup = try Setup(sandbox: "network: any")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let canary = "MCPGUARD_CANARY_\(UInt32.random(in: 100_000...999_999))"
        let result = try GuardClient.drive([
            "run": .array(["--name", "boxed", "--policy", .string(setup.policy), "--sandbox", "--sandbox-backend", .string(backend)]),
            "server": .array(Self.server), "env": Self.object(setup.environment.merging(["CANARY_SECRET": canary]) { $1 }),
            "steps": [["call": "scan_environ", "arguments": ["needle": .string(canary)]], ["call": "signal_ancestors"]],
        ])
        let texts = Self.texts(result)
        #expect(texts.first == "not found", "the server read mcpguard's environment: \(texts)")
        // Outside a pid namespace (Landlock), every ancestor is outside the sandbox: signals are scoped away.
        if backend == "landlock", SandboxCapabilities.landlockABI >= 6 {
            #expect(texts.count == 2 && !texts[1].contains("=ok"), "\(texts)")
        }
    }

    @Test("network none: even loopback servers outside cannot be reached", arguments: backends)
    func networkNone(backend: String) throws {
        let listener = try LoopbackHTTP.start()
        defer { listener.stop() }
        let setup = try Setup(sandbox: "network: none")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let texts = Self.texts(try setup.drive(backend, [["call": "connect", "arguments": ["host": "127.0.0.1", "port": .number(JSONNumber(Int(listener.port)))]]]))
        #expect(texts.first?.hasPrefix("error:") == true, "\(texts)")
    }

    @Test("a network allow-list: the listed loopback server through the egress proxy, nothing else, every connection audited", arguments: backends)
    func networkAllowList(backend: String) throws {
        let allowed = try LoopbackHTTP.start()
        defer { allowed.stop() }
        let other = try LoopbackHTTP.start()
        defer { other.stop() }
        let setup = try Setup(sandbox: "network: [\"127.0.0.1:\(allowed.port)\"]")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let audit = setup.root.appendingPathComponent("audit.jsonl").path
        let texts = Self.texts(try setup.drive(backend, [
            ["call": "http_get", "arguments": ["url": .string("http://127.0.0.1:\(allowed.port)/index.txt")]],
            ["call": "http_get", "arguments": ["url": .string("http://127.0.0.1:\(other.port)/index.txt")]],
            ["call": "connect", "arguments": ["host": "127.0.0.1", "port": .number(JSONNumber(Int(allowed.port)))]],
        ], extra: ["--audit", .string(audit)]))
        #expect(texts.count == 3, "\(texts)")
        guard texts.count == 3 else { return }
        #expect(texts[0] == "status 200: hello from outside", "\(texts[0])")
        #expect(texts[1].hasPrefix("status 403: mcpguard sandbox: 127.0.0.1:\(other.port) is not in the network allow-list"), "\(texts[1])")
        #expect(texts[2].hasPrefix("error:"), "a direct connection bypassed the proxy: \(texts[2])")
        let log = (try? String(contentsOfFile: audit, encoding: .utf8)) ?? ""
        let egress = log.split(separator: "\n").filter { $0.contains("\"egress/connect\"") }
        #expect(egress.count == 2, "\(log)")
        #expect(egress.contains { $0.contains("\"allowed\"") && $0.contains("127.0.0.1:\(allowed.port)") })
        #expect(egress.contains { $0.contains("\"denied\"") && $0.contains("127.0.0.1:\(other.port)") })
        #expect(log.contains("\"sandbox/start\""))
    }

    @Test("process and memory limits end a fork bomb and an allocation loop; mcpguard and the session survive", arguments: backends)
    func limits(backend: String) throws {
        let setup = try Setup(sandbox: "network: none\nlimits: { memory: 300MB, processes: 24 }")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let texts = Self.texts(try setup.drive(backend, [
            ["call": "fork_many", "arguments": ["count": 200]],
            ["call": "allocate", "arguments": ["megabytes": 1024]],
            ["call": "identity"],
        ]))
        #expect(texts.count == 3)
        guard texts.count == 3 else { return }
        let started = Int(texts[0].split(separator: " ").last ?? "") ?? 999
        #expect(started < 24, "\(texts[0])")
        #expect(texts[1] == "error: out of memory", "\(texts[1])")
        #expect(texts[2].contains("NoNewPrivs=1"), "the session did not survive: \(texts[2])")
    }

    @Test("a path the policy names that does not exist refuses to start; best effort starts and says what is missing")
    func failClosed() throws {
        let setup = try Setup(sandbox: "filesystem: { read: [/nonexistent/mcpguard-path] }")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let strict = try CLIRunner.run(["run", "--name", "boxed", "--policy", setup.policy, "--sandbox", "--", LiveScanCLITests.python, LiveScanCLITests.fixture("sandbox_server.py")],
                                       environment: setup.environment)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("filesystem path /nonexistent/mcpguard-path"), "\(strict.stderr)")
        #expect(strict.stderr.contains("--sandbox=best-effort"))
        let result = try GuardClient.drive([
            "run": ["--name", "boxed", "--policy", .string(setup.policy), "--sandbox=best-effort"], "server": .array(Self.server),
            "env": Self.object(setup.environment), "steps": [["call": "identity"]],
        ])
        #expect(Self.texts(result).first?.contains("NoNewPrivs=1") == true, "\(result)")
    }

    @Test("nothing is left behind: no process of the server, no cgroup, no private directory", arguments: backends)
    func nothingLeft(backend: String) throws {
        let setup = try Setup(sandbox: "network: none\nlimits: { processes: 64 }")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let before = Self.cgroups()
        let texts = Self.texts(try setup.drive(backend, [["call": "daemonize", "arguments": ["seconds": 300]], ["call": "fork_many", "arguments": ["count": 3]]]))
        #expect(texts.first?.hasPrefix("pid ") == true, "\(texts)")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !Self.serverProcesses().isEmpty { usleep(100_000) }
        #expect(Self.serverProcesses().isEmpty, "left running: \(Self.serverProcesses())")
        #expect(Self.cgroups() == before)
    }

    /// Processes whose command line names the fixture.
    static func serverProcesses() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains("sandbox_server.py") ? "\(pid): \(line)" : nil
        }
    }

    static func cgroups() -> Set<String> {
        var found = Set<String>()
        for root in ["/sys/fs/cgroup/pids", "/sys/fs/cgroup/memory", "/sys/fs/cgroup"] {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = enumerator.nextObject() as? String {
                if (path as NSString).lastPathComponent.hasPrefix("mcpguard-") { found.insert(root + "/" + path) }
                if path.split(separator: "/").count > 3 { enumerator.skipDescendants() }
            }
        }
        return found
    }
}

/// `python -m http.server` on an ephemeral loopback port, for reachability tests.
final class LoopbackHTTP: @unchecked Sendable {
    let process: Process
    let port: UInt16
    let directory: URL

    private init(process: Process, port: UInt16, directory: URL) {
        self.process = process
        self.port = port
        self.directory = directory
    }

    static func start() throws -> LoopbackHTTP {
        let directory = try CLIRunner.temporaryDirectory()
        try "hello from outside".write(to: directory.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        for _ in 0..<5 {
            let port = UInt16.random(in: 20000...60000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LiveScanCLITests.python)
            process.arguments = ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, process.isRunning {
                if canConnect(port) { return LoopbackHTTP(process: process, port: port, directory: directory) }
                usleep(50_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        throw CocoaError(.fileReadUnknown)
    }

    static func canConnect(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    func stop() {
        // SIGKILL: the test process may have SIGTERM ignored, and children inherit that.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}
