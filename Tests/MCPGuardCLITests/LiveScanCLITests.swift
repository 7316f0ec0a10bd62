import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

/// Runs the binary against real servers: discovery from a generated config, live inventory, reports,
/// snapshots, --static, and interruption. Nothing may be left running afterwards.
@Suite("mcpguard CLI against real servers", .serialized)
struct LiveScanCLITests {
    static let repository = TestRepository.root
    static let python = TestRepository.python
    static func fixture(_ name: String) -> String { TestRepository.fixtureServer(name) }
    static func bin(_ name: String) -> String { TestRepository.venvBinary(name) }

    func config(_ servers: [String: (String, [String])], in directory: URL, marker: String = "") throws -> String {
        var object = JSONObject()
        for (name, (command, args)) in servers.sorted(by: { $0.key < $1.key }) {
            object[name] = ["command": .string(command), "args": .array(args.map(JSONValue.string)), "env": ["MCPGUARD_TEST_MARKER": .string(marker)]]
        }
        let path = directory.appendingPathComponent("mcp.json")
        try JSONWriter(options: .pretty).string(["mcpServers": .object(object)]).write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test("scan a config of published and fixture servers: one failure makes it incomplete, nothing survives")
    func liveScan() throws {
        let marker = UUID().uuidString
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try config([
            "time": (Self.bin("mcp-server-time"), []),
            "fetch": (Self.bin("mcp-server-fetch"), []),
            "git": (Self.bin("mcp-server-git"), ["--repository", Self.repository.path]),
            "basic": (Self.python, [Self.fixture("basic_server.py")]),
            "hang": (Self.python, [Self.fixture("hang_server.py")]),
        ], in: directory, marker: marker)
        // 40 s: long enough for five Python servers to start beside a busy test suite on two cores (8 s was
        // not); the hang still fails, and the scan waits for it while the others are long done.
        let result = try CLIRunner.run(["scan", "--config", path, "--no-discover", "--format", "json", "--startup-timeout", "40", "--fail-on", "none"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try JSONParser.parse(result.stdout)
        #expect(report["status"] == "incomplete")
        let servers = Dictionary(uniqueKeysWithValues: (report["servers"]?.arrayValue ?? []).map { ($0["name"]?.stringValue ?? "", $0) })
        for name in ["time", "fetch", "git", "basic"] { #expect(servers[name]?["status"] == "ok", "\(name): \(servers[name]?["error"] ?? .null)") }
        #expect(servers["hang"]?["status"] == "failed")
        #expect(servers["hang"]?["error"]?.stringValue?.hasPrefix("timed out after 40 s waiting for initialize") == true)
        // mcp-server-fetch can fetch any URL: labelled as network egress.
        let fetchFindings = (report["findings"]?.arrayValue ?? []).filter { $0["server"] == "fetch" }.map { $0["rule"]?.stringValue ?? "" }
        #expect(fetchFindings.contains("capability-network-egress"))
        #expect(ProcessTable.withMarker(marker).isEmpty, "servers still running")
    }

    @Test("inventory --format json writes a snapshot that scan --snapshot reads to the same findings")
    func snapshotRoundTrip() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = "\(Self.python) \(Self.fixture("basic_server.py"))"
        let snapshotPath = directory.appendingPathComponent("inventory.json").path
        let inventory = try CLIRunner.run(["inventory", "--server", server, "--no-discover", "--format", "json", "--output", snapshotPath])
        #expect(inventory.status == 0, "stderr: \(inventory.stderr)")
        let snapshot = try InventorySnapshot(jsonBytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: snapshotPath))))
        #expect(snapshot.servers.first?.toolNames.sorted() == ["add", "get_time"])
        #expect(snapshot.servers.first?.protocolVersion == "2026-07-28")

        let live = try CLIRunner.run(["scan", "--server", server, "--no-discover", "--format", "json", "--fail-on", "none"])
        let saved = try CLIRunner.run(["scan", "--snapshot", snapshotPath, "--format", "json", "--fail-on", "none"])
        let liveFindings = try JSONParser.parse(live.stdout)["findings"]
        let savedFindings = try JSONParser.parse(saved.stdout)["findings"]
        #expect(liveFindings == savedFindings)

        let table = try CLIRunner.run(["inventory", "--server", server, "--no-discover"])
        #expect(table.stdout.contains("tools (2): "))
        #expect(table.stdout.contains("1 inventoried, 0 failed"))
    }

    @Test("--static audits the config and starts nothing")
    func staticScan() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.appendingPathComponent("started").path
        let path = try config(["sneaky": ("/bin/sh", ["-c", "touch \(marker); sleep 5"])], in: directory)
        let result = try CLIRunner.run(["scan", "--config", path, "--no-discover", "--static", "--format", "json"])
        #expect(!FileManager.default.fileExists(atPath: marker), "--static started a server")
        let report = try JSONParser.parse(result.stdout)
        #expect(report["servers"]?[0]?["status"] == "skipped")
        #expect((report["findings"]?.arrayValue ?? []).contains { $0["rule"] == "shell-launch" })
        #expect(report["status"] == "complete")
    }

    @Test("discover lists servers with env names but never their values")
    func discover() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mcp.json")
        try #"{"mcpServers":{"gh":{"command":"npx","args":["-y","@modelcontextprotocol/server-github@2025.4.8"],"env":{"GITHUB_TOKEN":"ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"}}}}"#
            .write(to: path, atomically: true, encoding: .utf8)
        for format in ["text", "json"] {
            let result = try CLIRunner.run(["discover", "--config", path.path, "--no-discover", "--format", format])
            #expect(result.status == 0)
            #expect(result.stdout.contains("GITHUB_TOKEN"))
            #expect(!result.stdout.contains("Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"))
        }
    }

    /// Starts `mcpguard scan` on a hanging server tagged `tag` and waits until the server runs.
    func startHangingScan(tag: String) async throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["scan", "--server", "\(Self.python) \(Self.fixture("hang_server.py")) \(tag)", "--no-discover", "--startup-timeout", "60"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where ProcessTable.matching("hang_server.py \(tag)").isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!ProcessTable.matching("hang_server.py \(tag)").isEmpty, "the server never started")
        return process
    }

    @Test("an interrupted scan (SIGINT) stops every server it started")
    func interrupted() async throws {
        let tag = "interrupt-\(UUID().uuidString)"
        let process = try await startHangingScan(tag: tag)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        try await Task.sleep(for: .milliseconds(300))
        #expect(ProcessTable.matching("hang_server.py \(tag)").isEmpty)
    }

    @Test("a killed mcpguard (SIGKILL) still takes its servers down (PR_SET_PDEATHSIG)")
    func killed() async throws {
        let tag = "kill-\(UUID().uuidString)"
        let process = try await startHangingScan(tag: tag)
        // Past Dispatch's idle-thread reclaim (5 s) to prove the forking thread outlives it.
        try await Task.sleep(for: .seconds(6))
        #expect(!ProcessTable.matching("hang_server.py \(tag)").isEmpty, "the server died before mcpguard did")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try await Task.sleep(for: .milliseconds(500))
        #expect(ProcessTable.matching("hang_server.py \(tag)").isEmpty)
    }
}

@Suite("mcpguard run process lifecycle")
struct RunLifecycleTests {
    @Test("kill -9 of mcpguard run takes the server down; closing stdin ends both")
    func noOrphans() async throws {
        for ending in ["kill", "eof"] {
            let tag = "run-\(ending)-\(UUID().uuidString)"
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["run", "--", LiveScanCLITests.python, LiveScanCLITests.fixture("hang_server.py"), tag]
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where ProcessTable.matching("hang_server.py \(tag)").isEmpty {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(!ProcessTable.matching("hang_server.py \(tag)").isEmpty, "the server never started")
            if ending == "kill" {
                kill(process.processIdentifier, SIGKILL)
            } else {
                try input.fileHandleForWriting.close()
            }
            process.waitUntilExit()
            if ending == "eof" { #expect(process.terminationStatus == 0, "the host leaving is a normal end") }
            try await Task.sleep(for: .milliseconds(500))
            #expect(ProcessTable.matching("hang_server.py \(tag)").isEmpty, "server outlived mcpguard (\(ending))")
        }
    }

    @Test("SIGTERM to mcpguard run reaches the server, and mcpguard exits 128+15")
    func signalForwarding() async throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = directory.appendingPathComponent("signal.txt").path
        let policy = directory.appendingPathComponent("p.yaml").path
        try "version: 1\nservers:\n  \"*\":\n    environment: [GUARD_SIGNAL_FILE]\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let tag = "signal-\(UUID().uuidString)"
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", "--policy", policy, "--", LiveScanCLITests.python, LiveScanCLITests.fixture("guard_target_server.py"), tag]
        process.environment = ProcessInfo.processInfo.environment.merging(["GUARD_SIGNAL_FILE": record]) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready means answering: the server installs its handler before it reads its first request.
        input.fileHandleForWriting.write(Data((#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"# + "\n").utf8))
        var answer = Data()
        while !answer.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            answer += chunk
        }
        #expect(String(decoding: answer, as: UTF8.self).contains("\"id\":0"))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect((try? String(contentsOfFile: record, encoding: .utf8)) == "SIGTERM")
        #expect(ProcessTable.matching(tag).isEmpty)
    }
}
