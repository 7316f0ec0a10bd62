import Foundation
import GuardCore
import Testing

/// `mcpguard status` against real `mcpguard run` processes guarding a real fixture server.
@Suite("mcpguard status", .serialized)
struct StatusCLITests {
    static let argumentSecret = "ghp_Z8kQ3nVw7RtY2mLp5XcB9dHs4FjG6aUe1NoK"
    static let environmentSecret = "s3cr3t-Value-9f8e7d6c"

    /// A private `$XDG_RUNTIME_DIR` for one test, and the environment the runs and `status` get.
    struct Runtime {
        let parent: String
        var environment: [String: String]
        var registry: String { parent + "/mcpguard" }

        init() throws {
            parent = NSTemporaryDirectory() + "mcpguard-status-\(UUID().uuidString.prefix(8))"
            guard mkdir(parent, 0o700) == 0 else { throw GuardSession.SessionError("cannot create \(parent)") }
            environment = ProcessInfo.processInfo.environment
            environment["XDG_RUNTIME_DIR"] = parent
            environment["NO_COLOR"] = "1"
        }

        func remove() { try? FileManager.default.removeItem(atPath: parent) }

        func status(_ arguments: [String] = ["--json"]) throws -> CLIRunner.Result {
            try CLIRunner.run(["status"] + arguments, environment: environment)
        }

        func statusJSON() throws -> JSONValue {
            let result = try status()
            guard result.status == 0 else { throw GuardSession.SessionError("status failed: \(result.stderr)") }
            return try JSONParser.parse(result.stdout)
        }

        func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: registry)) ?? []).sorted() }

        /// Waits until `status --json` lists `pid` and `accept` holds for its entry.
        func waitForEntry(_ pid: Int32, timeout: Double = 15, _ accept: (JSONValue) -> Bool = { _ in true }) throws -> JSONValue {
            let deadline = Date().addingTimeInterval(timeout)
            var last: JSONValue = .null
            while Date() < deadline {
                if let entry = try statusJSON()["servers"]?.arrayValue?.first(where: { $0["pid"]?.numberValue?.intValue == Int(pid) }) {
                    last = entry
                    if accept(entry) { return entry }
                }
                usleep(200_000)
            }
            throw GuardSession.SessionError("status never listed pid \(pid) as expected; last: \(last.jsonString)")
        }
    }

    static var server: [String] { [LiveScanCLITests.python, LiveScanCLITests.fixture("guard_target_server.py")] }

    @Test("a sandboxed guard shows the sandbox in force")
    func showsSandbox() throws {
        let runtime = try Runtime()
        defer { runtime.remove() }
        let session = try GuardSession(run: ["--name", "boxed", "--sandbox", "--sandbox-backend", "landlock"], server: Self.server, environment: runtime.environment)
        defer { if session.process.isRunning { session.process.terminate() } }
        try session.open()
        let entry = try runtime.waitForEntry(session.pid)
        let sandbox = entry["sandbox"]?.stringValue ?? ""
        #expect(sandbox.hasPrefix("landlock+seccomp; read 0 / write 0 paths; network none"), "\(sandbox)")
        #expect(try session.close() == 0)
    }

    @Test("a running guard is listed with its name, host and counts after a redaction and a denial; the entry goes when it ends; no secret is written")
    func listsRunningGuard() throws {
        var runtime = try Runtime()
        defer { runtime.remove() }
        runtime.environment["SHOP_API_TOKEN"] = Self.environmentSecret
        let policy = try GuardClient.policy("version: 1\nservers:\n  shop:\n    tools:\n      transfer: deny\n", in: URL(fileURLWithPath: runtime.parent))
        let audit = runtime.parent + "/audit.jsonl"
        // The server's arguments carry a token and (as a host expanding a variable would write it) the secret env value.
        let session = try GuardSession(
            run: ["--name", "shop", "--host", "test-host", "--policy", policy, "--audit", audit, "--pass-env", "SHOP_API_TOKEN"],
            server: Self.server + ["--token=\(Self.argumentSecret)", "x-key:\(Self.environmentSecret)"], environment: runtime.environment
        )
        defer { if session.process.isRunning { session.process.terminate() } }
        try session.open()
        let lookup = try session.call(10, "lookup", ["order": "1182"])
        #expect(lookup.jsonString.contains("[REDACTED:aws-access-key]"))
        let transfer = try session.call(11, "transfer", ["to": "eve", "amount": 100])
        #expect(transfer["error"]?["code"]?.numberValue?.intValue == -32001)
        _ = try session.call(12, "env", ["name": "SHOP_API_TOKEN"])

        let entry = try runtime.waitForEntry(session.pid) { $0["counters"]?["calls"] == 2 && $0["counters"]?["denied"] == 1 }
        #expect(entry["name"] == "shop")
        #expect(entry["host"] == "test-host")
        #expect(entry["sandbox"] == "none")
        #expect(entry["policy"]?.stringValue == policy)
        #expect(entry["audit"]?.stringValue == audit)
        #expect(entry["counters"]?["redactions"] == 1)
        #expect(entry["counters"]?["withheldTools"] == 1, "transfer is withheld from the listing")
        #expect((entry["uptime"]?.numberValue?.intValue ?? -1) >= 0)
        #expect(entry["processStart"]?.numberValue != nil)
        let command = entry["command"]?.stringValue ?? ""
        #expect(command.hasPrefix(LiveScanCLITests.python + " ") && command.contains("guard_target_server.py"))
        #expect(command.hasSuffix("--token=[redacted] [redacted]"), "\(command)")
        #expect(entry.objectValue?.keys == ["version", "pid", "host", "name", "command", "started", "startedEpoch", "processStart", "policy", "audit", "sandbox", "counters", "uptime"])

        // Neither the file nor any output holds a secret of the server's arguments or environment.
        let file = runtime.registry + "/\(session.pid).json"
        let written = try String(contentsOfFile: file, encoding: .utf8)
        let text = try runtime.status([])
        for output in [written, text.stdout, text.stderr, try runtime.status().stdout] {
            #expect(!output.contains(Self.argumentSecret) && !output.contains(Self.environmentSecret))
        }
        #expect(text.stdout.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true) == ["HOST", "NAME", "PID", "UPTIME", "CALLS", "DENIED", "REDACTED", "SANDBOX"])
        let row = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("test-host ") }, "\(text.stdout)")
        let cells = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(cells.count == 8 && Array(cells[0..<3]) == ["test-host", "shop", "\(session.pid)"] && Array(cells[4...]) == ["2", "1", "1", "none"], "\(row)")

        #expect(try session.close() == 0)
        #expect(!FileManager.default.fileExists(atPath: file), "the entry is removed when the run ends")
        let after = try runtime.statusJSON()
        #expect(after["servers"] == [])
        #expect(after["removed"] == [])
        #expect(try runtime.status([]).stdout.hasPrefix("No guarded server is running (registry: \(runtime.registry))."))
    }

    @Test("without --host the host is the parent process's name")
    func defaultHost() throws {
        let runtime = try Runtime()
        defer { runtime.remove() }
        let session = try GuardSession(run: ["--name", "plain"], server: Self.server, environment: runtime.environment)
        defer { if session.process.isRunning { session.process.terminate() } }
        try session.open()
        let comm = try String(contentsOfFile: "/proc/self/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let entry = try runtime.waitForEntry(session.pid)
        #expect(entry["host"]?.stringValue == comm)
        #expect(entry["name"] == "plain")
        try session.close()
    }

    @Test("SIGTERM ends the run and removes its entry; a kill -9 leaves one that status removes")
    func signals() throws {
        let runtime = try Runtime()
        defer { runtime.remove() }
        let terminated = try GuardSession(run: ["--name", "term"], server: Self.server, environment: runtime.environment)
        try terminated.open()
        _ = try runtime.waitForEntry(terminated.pid)
        kill(terminated.pid, SIGTERM)
        terminated.process.waitUntilExit()
        #expect(terminated.process.terminationStatus == 128 + SIGTERM)
        #expect(!runtime.files().contains("\(terminated.pid).json"), "removed on a signal too")

        let killed = try GuardSession(run: ["--name", "killed"], server: Self.server, environment: runtime.environment)
        try killed.open()
        _ = try runtime.waitForEntry(killed.pid)
        kill(killed.pid, SIGKILL)
        killed.process.waitUntilExit()
        #expect(runtime.files().contains("\(killed.pid).json"), "kill -9 leaves the file behind")
        let listing = try runtime.statusJSON()
        #expect(listing["servers"] == [])
        #expect(listing["removed"] == [["pid": .number(JSONNumber(Int(killed.pid))), "reason": .string("process \(killed.pid) has exited")]])
        #expect(runtime.files().isEmpty)
    }

    @Test("a forged entry for a live process of another program is removed: its start time is not the one recorded")
    func forgedEntry() throws {
        let runtime = try Runtime()
        defer { runtime.remove() }
        let bystander = Process()
        bystander.executableURL = URL(fileURLWithPath: "/bin/sleep")
        bystander.arguments = ["30"]
        try bystander.run()
        defer { kill(bystander.processIdentifier, SIGKILL) }
        mkdir(runtime.registry, 0o700)
        let pid = Int(bystander.processIdentifier)
        let forged: JSONValue = [
            "version": 1, "pid": .number(JSONNumber(pid)), "host": "claude-desktop", "name": "github", "command": "npx -y github", "started": "2026-01-01T00:00:00Z",
            "startedEpoch": 1_767_225_600, "processStart": 1, "policy": .null, "audit": .null, "sandbox": "bwrap", "counters": ["calls": 0, "denied": 0, "redactions": 0, "withheldTools": 0, "injections": 0],
        ]
        try forged.jsonString.write(toFile: runtime.registry + "/\(pid).json", atomically: true, encoding: .utf8)
        let text = try runtime.status([])
        #expect(text.status == 0)
        #expect(text.stdout.contains("No guarded server is running"))
        #expect(text.stdout.contains("removed a stale entry: \(runtime.registry)/\(pid).json (pid \(pid) now belongs to another process (its start time differs))"))
        #expect(runtime.files().isEmpty)
    }

    @Test("a runtime directory open to others or owned by someone else is refused: status fails with a clear message, run warns and still guards")
    func unsafeDirectory() throws {
        let runtime = try Runtime()
        defer { runtime.remove() }
        mkdir(runtime.registry, 0o700)
        chmod(runtime.registry, 0o777)
        let refused = try runtime.status()
        #expect(refused.status == 2)
        #expect(refused.stderr == "mcpguard: error: \(runtime.registry) has mode 777, open to other users (it must be 700): mcpguard will not keep its run registry there (someone may have created it to read or forge registrations); remove it and mcpguard creates it anew\n")
        let session = try GuardSession(run: ["--name", "unlisted"], server: Self.server, environment: runtime.environment)
        defer { if session.process.isRunning { session.process.terminate() } }
        try session.open()
        #expect(try session.call(3, "lookup", ["order": "1"])["result"] != nil, "the guard still runs")
        #expect(session.stderr.contains("mcpguard: warning: this server is not listed by `mcpguard status`: \(runtime.registry) has mode 777"))
        #expect(runtime.files().isEmpty, "nothing was written into the open directory")
        try session.close()
        if geteuid() == 0 {
            chmod(runtime.registry, 0o700)
            chown(runtime.registry, 4242, 4242)
            let foreign = try runtime.status()
            #expect(foreign.status == 2)
            #expect(foreign.stderr.hasPrefix("mcpguard: error: \(runtime.registry) is owned by uid 4242, not by you (uid 0)"))
        }
    }
}
