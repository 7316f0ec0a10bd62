import Foundation
import GuardCore
import Testing

/// Issue 11's reproductions against the built binary: the official SDK client drives `mcpguard run` in front
/// of a hostile server (Tests/Fixtures/servers/hostile_server.py). Each failed before the fix.
@Suite("mcpguard run against a hostile server")
struct AdversaryCLITests {
    static let token = "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"
    static var hostile: [JSONValue] { [.string(LiveScanCLITests.python), .string(LiveScanCLITests.fixture("hostile_server.py"))] }

    @Test("poisoned instructions are withheld, a secret in an error is redacted, a secret in arguments never reaches the server")
    func serverSideAndOutbound() throws {
        let result = try GuardClient.drive([
            "run": ["--name", "hostile"], "server": .array(Self.hostile),
            "steps": [["call": "echo", "arguments": ["text": .string("deploy with \(Self.token)")]], ["call": "echo", "arguments": ["text": "hello"]], ["call": "fail"]],
        ])
        #expect(result["instructions"] == .null)
        let steps = GuardClient.steps(result)
        #expect(steps[0]["error"]?.stringValue?.contains("argument 'text' holds a github-token") == true, "\(steps[0])")
        #expect(steps[1]["text"] == "received {\"text\": \"hello\"}")
        let failure = steps[2]["error"]?.stringValue ?? steps[2]["text"]?.stringValue ?? ""
        #expect(failure.contains("upstream rejected credentials [REDACTED:github-token]"), "\(failure)")
        #expect(!result.jsonString.contains(Self.token))
    }

    @Test("default deny covers resources/read: /etc/shadow is refused, an allowed URI is read")
    func resources() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try GuardClient.policy("""
            version: 1
            servers:
              "*":
                default: deny
                tools: { echo: allow }
                resources: { "file:///etc/hostname": allow }
            """, in: directory)
        let result = try GuardClient.drive([
            "run": ["--name", "hostile", "--policy", .string(policy)], "server": .array(Self.hostile),
            "steps": [["read": "file:///etc/shadow"], ["read": "file:///etc/../etc/shadow"], ["read": "file:///etc/hostname"]],
        ])
        let steps = GuardClient.steps(result)
        #expect(steps[0]["error"]?.stringValue?.contains("(rule policy.resources)") == true, "\(steps[0])")
        #expect(steps[1]["error"]?.stringValue?.contains("(rule policy.resources)") == true)
        #expect(steps[2]["text"] == "contents of file:///etc/hostname")
        #expect(result["tools"] == ["echo"])
    }

    @Test("a policy with named sections refuses to start without --name, and names the sections")
    func namedSectionsNeedName() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try GuardClient.policy("version: 1\nservers:\n  \"*\": { default: allow }\n  mail: { tools: { send_email: deny } }\n", in: directory)
        let run = try CLIRunner.run(["run", "--policy", policy, "--", LiveScanCLITests.python, LiveScanCLITests.fixture("hostile_server.py")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("has sections for mail, but no --name says which server this is (the command is python"), "\(run.stderr)")
    }

    static func alive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    @Test("kill -9 of mcpguard ends the server's whole tree: shell wrapper, setsid, double fork, interpreter launcher", arguments: [
        "sleep 320 & echo $! >> PIDS; wait",
        "setsid sleep 321 & echo $! >> PIDS; wait",
        "(setsid sh -c 'echo $$ >> PIDS; exec sleep 322' &) ; sleep 323 & echo $! >> PIDS; wait",
        // npx/uvx-like: an interpreter that starts the real server as its child and waits on it.
        "exec python3 -c 'import subprocess; p = subprocess.Popen([\"sleep\", \"324\"]); open(\"PIDS\", \"a\").write(str(p.pid) + \"\\n\"); p.wait()'",
    ])
    func killNine(script: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pids").path
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", "--name", "wrapped", "--", "/bin/sh", "-c", script.replacingOccurrences(of: "PIDS", with: file)]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let expected = script.components(separatedBy: "PIDS").count - 1
        var pids: [pid_t] = []
        for _ in 0..<1000 where pids.count < expected {
            usleep(10_000)
            pids = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        }
        #expect(pids.count == expected && pids.allSatisfy(Self.alive))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var survivors = pids
        for _ in 0..<300 where !survivors.isEmpty {
            usleep(10_000)
            survivors = survivors.filter(Self.alive)
        }
        #expect(survivors.isEmpty, "survived kill -9 of mcpguard: \(survivors)")
        for pid in survivors { kill(pid, SIGKILL) }
    }

    @Test("a client that writes its requests and closes stdin still gets every answer")
    func hostEOF() throws {
        let requests = [
            #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"script","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"one"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"three"}}}"#,
        ]
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", "--name", "eof", "--", LiveScanCLITests.python, LiveScanCLITests.fixture("eof_server.py")]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((requests.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answers = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
        #expect(Set(answers.compactMap { $0["id"] }) == [0, 1, 2, 3], "\(answers)")
        #expect(answers.first { $0["id"] == 3 }?["result"]?["content"]?[0]?["text"] == "received {\"text\": \"three\"}")
        #expect(process.terminationStatus == 0)
    }

    @Test("run --audit-key-file writes HMACs that audit verify --key-file accepts; a wrong key fails")
    func auditKey() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let audit = directory.appendingPathComponent("audit.jsonl").path
        let key = directory.appendingPathComponent("audit.key").path
        try Data("0123456789abcdef0123456789abcdef".utf8).write(to: URL(fileURLWithPath: key))
        let result = try GuardClient.drive(["run": ["--name", "hostile", "--audit", .string(audit), "--audit-key-file", .string(key)], "server": .array(Self.hostile),
                                            "steps": [["call": "echo", "arguments": ["text": "hi"]]]])
        #expect(GuardClient.steps(result).first?["ok"] == true)
        let verify = try CLIRunner.run(["audit", "verify", audit, "--key-file", key])
        #expect(verify.status == 0 && verify.stdout.contains("HMACs valid"), "\(verify.stdout)\(verify.stderr)")
        // Deleting the newest record leaves a chain that verifies; the head tells.
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: audit, atomically: true, encoding: .utf8)
        let truncated = try CLIRunner.run(["audit", "verify", audit, "--key-file", key])
        #expect(truncated.status == 1)
        #expect(truncated.stdout.hasPrefix("\(audit): the log ends at record \(lines.count - 2) but its head records record \(lines.count - 1): the newest records were deleted"), "\(truncated.stdout)")
        try Data("another key".utf8).write(to: URL(fileURLWithPath: key))
        #expect(try CLIRunner.run(["audit", "verify", audit, "--key-file", key]).status == 1)
    }

    @Test("an audit log that cannot be written refuses every call and says why")
    func auditFailsClosed() throws {
        let result = try GuardClient.drive(["run": ["--name", "hostile", "--audit", "/dev/full"], "server": .array(Self.hostile),
                                            "steps": [["call": "echo", "arguments": ["text": "hi"]], ["read": "file:///etc/hostname"]]])
        let steps = GuardClient.steps(result)
        #expect(steps[0]["error"]?.stringValue?.contains("the audit log cannot be written") == true, "\(steps)")
        #expect(steps[1]["error"]?.stringValue?.contains("(rule audit.log)") == true)
    }

    @Test("host settings that run tools without asking are findings with file and line (Claude Code, Codex)")
    func hostSettings() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let claude = directory.appendingPathComponent("settings.json")
        try """
            {
              "permissions": {
                "allow": ["mcp__wallet__transfer_funds", "Bash(git status)"],
                "defaultMode": "bypassPermissions"
              }
            }
            """.write(to: claude, atomically: true, encoding: .utf8)
        let codex = directory.appendingPathComponent("config.toml")
        try "model = \"o3\"\napproval_policy = \"never\"\nsandbox_mode = \"danger-full-access\"\n".write(to: codex, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["scan", "--config", claude.path, "--config", codex.path, "--no-discover", "--format", "json", "--fail-on", "none"])
        let findings = try JSONParser.parse(result.stdout)["findings"]?.arrayValue ?? []
        func finding(_ rule: String, line: Int) -> JSONValue? {
            findings.first { $0["rule"]?.stringValue == rule && $0["location"]?["line"] == .number(JSONNumber(line)) }
        }
        #expect(finding("auto-approve", line: 3)?["severity"] == "high", "\(result.stdout)")
        #expect(finding("permission-mode", line: 4)?["severity"] == "high")
        #expect(finding("permission-mode", line: 2)?["severity"] == "high")
        #expect(finding("sandbox-disabled", line: 3)?["severity"] == "high")
    }
}
