import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

/// `mcpguard probe` as a user runs it: the findings JSON with its check records, the exit codes, and the
/// refusal to probe a remote server without --i-own-this-server.
@Suite("mcpguard probe", .serialized)
struct ProbeCLITests {
    static let python = LiveScanCLITests.python

    @Test("a careless stdio server: findings with checklist ids, a record per check, exit 1, nothing left running")
    func brokenServer() throws {
        let marker = UUID().uuidString
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["MCPGUARD_TEST_MARKER"] = marker
        let result = try CLIRunner.run(["probe", "--budget", "400", "--format", "json", "--", Self.python, LiveScanCLITests.fixture("probe_broken_server.py"), directory.appendingPathComponent("wiped").path],
                                       environment: environment)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        let findings = report["findings"]?.arrayValue ?? []
        let rules = Set(findings.compactMap { $0["rule"]?.stringValue })
        #expect(rules == ["probe-robustness", "probe-protocol-version", "probe-input-validation", "probe-resource-boundary", "probe-error-leakage"])
        #expect(findings.allSatisfy { ($0["checklist"]?.arrayValue ?? []).isEmpty == false })
        let checks = report["checks"]?.arrayValue ?? []
        let recorded = Set(checks.compactMap { check in check["rule"]?.stringValue.map { "\($0)=\(check["outcome"]?.stringValue ?? "")" } })
        #expect(recorded == ["probe-robustness=failed", "probe-protocol-version=failed", "probe-input-validation=failed", "probe-input-validation=skipped",
                             "probe-resource-boundary=failed", "probe-error-leakage=failed"])
        #expect(!result.stdout.contains("ghp_Zq8vX2mKp9LrT4wYb7NcH1sDf6GjA3eQu5Io"))
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("the SDK's server probes clean (exit 0), and the text report lists the checks")
    func healthyServer() throws {
        let result = try CLIRunner.run(["probe", "--budget", "400", "--", Self.python, LiveScanCLITests.fixture("basic_server.py")])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Checks:"))
        let skipped = result.stdout.split(separator: "\n").first { $0.contains("skipped probe-input-validation") }
        #expect(skipped?.contains("not called: get_time") == true, "\(result.stdout)")
    }

    @Test("a remote URL needs --i-own-this-server (exit 2, nothing sent); a target is required")
    func remoteNeedsConsent() throws {
        let result = try CLIRunner.run(["probe", "--url", "https://mcp.example.invalid/mcp"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--i-own-this-server"), "\(result.stderr)")
        let none = try CLIRunner.run(["probe"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("exactly one target"), "\(none.stderr)")
    }

    @Test("a configured server is probed by name; an unknown name is one clear error")
    func byName() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("mcp.json")
        let text = #"{"mcpServers": {"basic": {"command": "\#(Self.python)", "args": ["\#(LiveScanCLITests.fixture("basic_server.py"))"]}}}"#
        try text.write(to: config, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["probe", "basic", "--budget", "400", "--config", config.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"probe-robustness\""))
        // A configured remote server is refused before anything is sent to it.
        let remote = directory.appendingPathComponent("remote.json")
        try #"{"mcpServers": {"far": {"url": "https://mcp.example.invalid/mcp"}}}"#.write(to: remote, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["probe", "far", "--config", remote.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("far is a remote server (mcp.example.invalid)") && refused.stderr.contains("--i-own-this-server"), "\(refused.stderr)")
        let missing = try CLIRunner.run(["probe", "--server", "nope", "--config", config.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no configured server is named nope"), "\(missing.stderr)")
    }

    @Test("--sandbox starts the server in the sandbox and calls every tool, with invalid arguments: the destructive tool's write stays inside")
    func sandboxed() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wiped = directory.appendingPathComponent("wiped").path
        let result = try CLIRunner.run(["probe", "--sandbox", "--format", "json", "--", Self.python, LiveScanCLITests.fixture("probe_broken_server.py"), wiped])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("mcpguard: sandbox: "), "\(result.stderr)")
        let findings = try JSONParser.parse(Array(result.stdout.utf8))["findings"]?.arrayValue ?? []
        let called = findings.filter { $0["rule"] == "probe-input-validation" }.compactMap { $0["tool"]?.stringValue }
        #expect(Set(called) == ["lookup", "wipe"])
        // The sandbox's /tmp and home are its own: what the server wrote there never reached this machine's files.
        #expect(!FileManager.default.fileExists(atPath: wiped))
    }
}
