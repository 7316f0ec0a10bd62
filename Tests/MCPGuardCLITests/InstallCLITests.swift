import Foundation
import GuardCore
import Testing

/// `mcpguard install` and `uninstall` through the built binary, with HOME pointed at a fake home.
@Suite("mcpguard install and uninstall", .serialized)
struct InstallCLITests {
    let root: URL
    var home: URL { root.appendingPathComponent("home") }
    var project: URL { root.appendingPathComponent("home/project") }

    static let desktop = """
        {
          "mcpServers": {
            "time": {
              "command": "uvx",
              "args": ["mcp-server-time", "--local-timezone", "Europe/Paris"],
              "env": { "TZ_TOKEN": "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA" }
            },
            "remote": { "type": "http", "url": "https://mcp.example.com/mcp" }
          }
        }

        """
    static let codex = """
        # Codex
        [mcp_servers.git]
        command = "uvx" # the launcher
        args = ["mcp-server-git"]

        """
    static let vscode = """
        // workspace servers
        {
          "servers": {
            "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"], }, // trailing comma
          },
        }

        """

    init() throws {
        root = try CLIRunner.temporaryDirectory()
        try write(".config/Claude/claude_desktop_config.json", Self.desktop)
        try write(".codex/config.toml", Self.codex)
        try write("project/.vscode/mcp.json", Self.vscode)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = home.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(decoding: Data(contentsOf: home.appendingPathComponent(relative)), as: UTF8.self)
    }

    var environment: [String: String] {
        ["HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
    }

    func mcpguard(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, environment: environment, workingDirectory: project)
    }

    func snapshot() throws -> [String] {
        try [".config/Claude/claude_desktop_config.json", ".codex/config.toml", "project/.vscode/mcp.json"].map(read)
    }

    /// What `discover --format json` reports per server: scan and pin key their work by this.
    func discovered() throws -> [String] {
        let result = try mcpguard(["discover", "--format", "json"])
        let servers = try JSONParser.parse(Array(result.stdout.utf8))["servers"]?.arrayValue ?? []
        return servers.map { "\($0["name"]?.stringValue ?? "") \($0["command"]?.stringValue ?? "-") \($0["args"]?.jsonString ?? "") \($0["identity"]?.stringValue ?? "")" }
    }

    @Test("dry run shows diffs; install wraps; again is a no-op; discover sees the same servers; uninstall restores the bytes")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try snapshot()
        let before = try discovered()

        let dry = try mcpguard(["install", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("--- \(home.path)/.codex/config.toml\t(current)\n+++ \(home.path)/.codex/config.toml\t(after mcpguard install)\n@@ -1,4 +1,4 @@\n # Codex\n [mcp_servers.git]\n-command = \"uvx\" # the launcher\n"))
        #expect(dry.stdout.contains("not wrappable yet remote"))
        #expect(dry.stdout.contains("Dry run: nothing written."))
        #expect(!dry.stdout.contains("ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA") && dry.stdout.contains("[REDACTED:"), "a token beside the edit is masked in the diff")
        #expect(try snapshot() == original)

        let install = try mcpguard(["install"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("3 servers wrapped in 3 files; 1 remote not wrappable yet."), "\(install.stdout)")
        #expect(install.stdout.contains("backup: \(home.path)/.local/state/mcpguard/backups/"))
        let binary = CLIRunner.binary.resolvingSymlinksInPath().path
        let desktop = try read(".config/Claude/claude_desktop_config.json")
        #expect(desktop.contains("\"command\": \"\(binary)\""), "\(desktop)")
        #expect(desktop.contains("\"args\": [\"run\", \"--name\", \"time\", \"--host\", \"claude-desktop\", \"--pass-env\", \"TZ_TOKEN\", \"--\", \"uvx\", \"mcp-server-time\", \"--local-timezone\", \"Europe/Paris\"]"))
        #expect(try read("project/.vscode/mcp.json").contains("], }, // trailing comma\n  },\n}\n"))
        #expect(try discovered() == before)

        let installed = try snapshot()
        let again = try mcpguard(["install"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to change: every stdio server already runs under mcpguard"))
        #expect(try snapshot() == installed)

        let dryUninstall = try mcpguard(["uninstall", "--dry-run"])
        #expect(dryUninstall.status == 0)
        #expect(dryUninstall.stdout.contains("(after mcpguard uninstall)"))
        #expect(try snapshot() == installed)

        let uninstall = try mcpguard(["uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(uninstall.stdout.contains("3 servers unwrapped in 3 files (3 restored byte for byte)."), "\(uninstall.stdout)")
        #expect(try snapshot() == original)
    }

    @Test("--migrate-secrets moves a clear-text token into the store: the config refers to it, the wrapper names the store, no output shows it, uninstall restores the bytes")
    func migrateSecrets() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let token = "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"
        let store = root.appendingPathComponent("secrets.enc").path
        let key = root.appendingPathComponent("secrets.key").path
        try Data((0..<32).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: key))
        chmod(key, 0o600)
        let original = try snapshot()
        let options = ["--host", "claude-desktop", "--migrate-secrets", "--secrets-store", store, "--secrets-key-file", key]
        let dry = try mcpguard(["install", "--dry-run"] + options)
        #expect(dry.status == 0 && !FileManager.default.fileExists(atPath: store), "a dry run stores nothing")
        #expect(dry.stdout.contains("${secret:claude-desktop.time.TZ_TOKEN}") && !dry.stdout.contains(token))
        let installed = try mcpguard(["install"] + options)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("moved 1 secret into") && installed.stdout.contains("claude-desktop.time.TZ_TOKEN"))
        for output in [dry.stdout, dry.stderr, installed.stdout, installed.stderr] { #expect(!output.contains(token)) }
        let config = try read(".config/Claude/claude_desktop_config.json")
        #expect(!config.contains(token))
        #expect(config.contains("\"TZ_TOKEN\": \"${secret:claude-desktop.time.TZ_TOKEN}\""))
        #expect(config.contains("\"--secrets-store\", \"\(store)\", \"--secrets-key-file\", \"\(key)\""))
        let stored = try mcpguard(["secrets", "get", "claude-desktop.time.TZ_TOKEN", "--store", store, "--key-file", key])
        #expect(stored.stdout.trimmingCharacters(in: .newlines) == token)
        // The scan no longer finds a secret in the config.
        let scan = try mcpguard(["scan", "--static", "--host", "claude-desktop", "--format", "json"])
        #expect(!scan.stdout.contains("\"config-secret\""), "\(scan.stdout.prefix(400))")
        #expect(try mcpguard(["uninstall", "--host", "claude-desktop"]).status == 0)
        #expect(try snapshot() == original)
    }

    @Test("--host and --config narrow what is edited; --mcpguard names the executable")
    func narrowing() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try snapshot()
        let renamed = try mcpguard(["install", "--host", "codex", "--mcpguard", "/bin/sh"])
        #expect(renamed.status == 2 && renamed.stderr.contains("/bin/sh: the executable must be named mcpguard"), "\(renamed.stderr)")
        let executable = root.appendingPathComponent("bin/mcpguard")
        try FileManager.default.createDirectory(at: executable.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: executable)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
        let result = try mcpguard(["install", "--host", "codex", "--mcpguard", executable.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(".codex/config.toml") == Self.codex.replacingOccurrences(of: "command = \"uvx\"", with: "command = \"\(executable.path)\"")
            .replacingOccurrences(of: "args = [\"mcp-server-git\"]", with: "args = [\"run\", \"--name\", \"git\", \"--host\", \"codex\", \"--\", \"uvx\", \"mcp-server-git\"]"))
        #expect(try snapshot()[0] == original[0] && snapshot()[2] == original[2])
        let config = try mcpguard(["install", "--config", home.appendingPathComponent("project/.vscode/mcp.json").path])
        #expect(config.status == 0, "\(config.stderr)")
        #expect(try snapshot()[0] == original[0])
        #expect(try read("project/.vscode/mcp.json").contains("\"--host\", \"vscode\""))
    }

    @Test("bad input: a malformed config names file and position, an unknown host and a policy that would not start a server are refused")
    func errors() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".cursor/mcp.json", "{ \"mcpServers\": { \"x\": { \"command\": \"a\", } ")
        let broken = try mcpguard(["install"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("mcpguard: error: \(home.path)/.cursor/mcp.json: not valid JSON: line 1, column 44:"), "\(broken.stderr)")
        #expect(broken.stderr.contains("nothing was changed"))
        #expect(try read(".cursor/mcp.json") == "{ \"mcpServers\": { \"x\": { \"command\": \"a\", } ")
        #expect(try read(".codex/config.toml") == Self.codex)

        let unknown = try mcpguard(["install", "--host", "nowhere"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown host 'nowhere'"))

        let policy = root.appendingPathComponent("policy.yaml")
        try Data("version: 1\nservers:\n  time:\n    default: allow\n".utf8).write(to: policy)
        let named = try mcpguard(["install", "--host", "claude-desktop", "--policy", policy.path])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try read(".config/Claude/claude_desktop_config.json").contains("\"--policy\", \"\(policy.path)\""))
        let uncovered = try mcpguard(["install", "--host", "codex", "--policy", policy.path])
        #expect(uncovered.status == 2 && uncovered.stderr.contains("has no section for git and no \"*\" section"), "\(uncovered.stderr)")
        #expect(try read(".codex/config.toml") == Self.codex)
    }

    @Test("an installed entry starts: the host's command line runs the server through the guard, also with --sandbox", arguments: [false, true])
    func installedEntryRuns(sandbox: Bool) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let server = LiveScanCLITests.fixture("basic_server.py")
        try write(".cursor/mcp.json", JSONValue.object(["mcpServers": ["basic": ["command": .string(LiveScanCLITests.python), "args": [.string(server)]]]]).jsonString)
        #expect(try mcpguard(["install", "--host", "cursor"] + (sandbox ? ["--sandbox"] : [])).status == 0)
        #expect(try read(".cursor/mcp.json").contains("\"--sandbox\"") == sandbox)
        let entry = try JSONParser.parse(Array(try read(".cursor/mcp.json").utf8))["mcpServers"]?["basic"]
        let words = [entry?["command"]?.stringValue ?? ""] + (entry?["args"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let line = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let inventory = try mcpguard(["inventory", "--no-discover", "--server", line, "--format", "json", "--yes"])
        #expect(inventory.status == 0, "\(inventory.stderr)")
        #expect(inventory.stdout.contains("\"add\""))
    }
}
