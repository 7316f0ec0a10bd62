import Foundation
import GuardCore
import GuardDetect
import Testing

@testable import GuardScan

/// Builds a fake home with a real-format config for every host and checks discovery finds each server.
@Suite("Discovery in a fake home")
struct DiscoveryTests {
    let root: URL
    var home: URL { root.appendingPathComponent("home/u") }
    var project: URL { root.appendingPathComponent("home/u/src/app") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    }

    func write(_ relative: String, under base: URL? = nil, _ text: String) throws {
        let url = (base ?? home).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func discover(hosts: Set<String> = [], environment: [String: String] = [:]) -> Discovery.Result {
        var options = Discovery.Options(home: home.path, environment: environment, workingDirectory: project.path, platform: .linux)
        options.hosts = hosts
        return Discovery(options: options).run()
    }

    @Test("finds servers of every host, in JSON, JSONC and TOML")
    func everyHost() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".config/Claude/claude_desktop_config.json", #"{"mcpServers":{"desktop-fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem@2025.8.21","/home/u"]}}}"#)
        try write(".claude.json", #"{"mcpServers":{"cc-user":{"command":"cc"}},"projects":{"/home/u/src/app":{"mcpServers":{"cc-project":{"type":"http","url":"https://mcp.example.com/mcp"}}}}}"#)
        try write(".mcp.json", under: project, #"{"mcpServers":{"cc-mcpjson":{"command":"uvx","args":["mcp-server-git==2025.9.25"]}}}"#)
        try write(".claude/settings.json", under: project, #"{"enableAllProjectMcpServers": true}"#)
        try write(".claude/plugins/marketplace/tools/.mcp.json", #"{"mcpServers":{"cc-plugin":{"command":"plugin-server"}}}"#)
        try write(".cursor/mcp.json", #"{"mcpServers":{"cursor-global":{"url":"https://cursor.example/sse","type":"sse"}}}"#)
        try write(".cursor/mcp.json", under: project, #"{"mcpServers":{"cursor-project":{"command":"node","args":["server.js"]}}}"#)
        try write(".config/Code/User/mcp.json", """
            // VS Code user MCP config (JSONC)
            {
              "inputs": [{ "type": "promptString", "id": "token", "description": "Token", "password": true }],
              "servers": {
                "vscode-user": { "type": "stdio", "command": "npx", "args": ["-y", "pkg@1.0.0"], "env": { "TOKEN": "${input:token}", "HOME_DIR": "${env:HOME}" } },
              },
            }
            """)
        try write(".config/Code/User/settings.json", #"{ "editor.fontSize": 13, "mcp": { "servers": { "vscode-settings": { "command": "x" } } } }"#)
        try write(".vscode/mcp.json", under: project, #"{"servers":{"vscode-workspace":{"command":"y"}}}"#)
        try write(".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", #"{"mcpServers":{"cline-srv":{"command":"c","autoApprove":["read"]}}}"#)
        try write(".config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", #"{"mcpServers":{"roo-srv":{"command":"r","alwaysAllow":["x"]}}}"#)
        try write(".codeium/windsurf/mcp_config.json", #"{"mcpServers":{"windsurf-srv":{"command":"w"}}}"#)
        try write(".gemini/settings.json", #"{"mcpServers":{"gemini-srv":{"command":"g","trust":true}}}"#)
        try write(".codex/config.toml", """
            model = "o3"
            # Codex MCP servers
            [mcp_servers.codex-srv]
            command = "npx"
            args = ["-y", "@upstash/context7-mcp@1.0.14"]
            env = { "API_KEY" = "abc" }

            [mcp_servers.codex-second]
            command = 'uvx'
            args = [
              "mcp-server-time==2025.9.25",
            ]
            """)
        try write(".config/zed/settings.json", "{ // Zed settings\n" + #" "context_servers": { "zed-srv": { "command": { "path": "zed-server", "args": [] } } } }"#)
        try write(".kiro/settings/mcp.json", #"{"mcpServers":{"kiro-srv":{"command":"k","autoApprove":[]}}}"#)
        try write(".config/opencode/opencode.json", #"{"mcp":{"opencode-srv":{"type":"local","command":["bunx","oc-server@2.0.0"]}}}"#)

        let result = discover(environment: ["HOME": home.path])
        let byName = Dictionary(uniqueKeysWithValues: result.servers.map { ($0.name, $0) })
        let expected: [String: String] = [
            "desktop-fs": "claude-desktop", "cc-user": "claude-code", "cc-project": "claude-code", "cc-mcpjson": "claude-code",
            "cc-plugin": "claude-code", "cursor-global": "cursor", "cursor-project": "cursor", "vscode-user": "vscode",
            "vscode-settings": "vscode", "vscode-workspace": "vscode", "cline-srv": "cline", "roo-srv": "roo",
            "windsurf-srv": "windsurf", "gemini-srv": "gemini-cli", "codex-srv": "codex", "codex-second": "codex",
            "zed-srv": "zed", "kiro-srv": "kiro", "opencode-srv": "opencode",
        ]
        #expect(Set(byName.keys) == Set(expected.keys), "missing: \(Set(expected.keys).subtracting(byName.keys)), extra: \(Set(byName.keys).subtracting(expected.keys))")
        for (name, host) in expected { #expect(byName[name]?.source.host == host, "host of \(name)") }
        #expect(byName["cc-project"]?.transport == .http)
        #expect(byName["cursor-global"]?.transport == .sse)
        #expect(byName["codex-srv"]?.source.line == 3)
        #expect(byName["codex-second"]?.args == ["mcp-server-time==2025.9.25"])
        #expect(byName["codex-srv"]?.env == ["API_KEY": "abc"])
        #expect(byName["zed-srv"]?.command == "zed-server")
        #expect(byName["opencode-srv"]?.command == "bunx")
        // VS Code variables: ${env:} expands, ${input:} prompts stay as written.
        #expect(byName["vscode-user"]?.env["HOME_DIR"] == home.path)
        #expect(byName["vscode-user"]?.env["TOKEN"] == "${input:token}")
        #expect(byName["vscode-user"]?.source.line == 5)
        #expect(result.configs.contains { $0.path.hasSuffix("/src/app/.claude/settings.json") })
    }

    @Test("--host restricts, explicit files are read even outside the table, broken files are kept for the audit")
    func filtersAndBrokenFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".cursor/mcp.json", #"{"mcpServers":{"a":{"command":"a"}}}"#)
        try write(".codeium/windsurf/mcp_config.json", #"{"mcpServers":{"b":{"command":"b"}}"#)  // broken
        #expect(discover(hosts: ["cursor"]).servers.map(\.name) == ["a"])
        let all = discover()
        #expect(all.servers.map(\.name) == ["a"])
        #expect(all.configs.count == 2)
        var options = Discovery.Options(home: home.path, environment: [:], workingDirectory: project.path, platform: .linux)
        options.searchDefaults = false
        options.configFiles = [home.appendingPathComponent(".cursor/mcp.json").path, "/nonexistent/x.json"]
        let explicit = Discovery(options: options).run()
        #expect(explicit.servers.map(\.name) == ["a"])
        #expect(explicit.unreadable.map(\.path) == ["/nonexistent/x.json"])
        #expect(explicit.searched.isEmpty)
    }

    @Test("Claude Code ${VAR:-default} expansion")
    func expansion() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".mcp.json", under: project, #"{"mcpServers":{"e":{"command":"${TOOLS}/run","args":["--url=${API_URL:-https://default.example}"]}}}"#)
        let spec = try #require(discover(environment: ["TOOLS": "/opt/tools"]).servers.first)
        #expect(spec.command == "/opt/tools/run")
        #expect(spec.args == ["--url=https://default.example"])
    }

    @Test("settings files without servers are read for the audit: Claude Code, Cursor, VS Code workspace, Codex project")
    func settingsFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".claude/settings.json", #"{"permissions": {"defaultMode": "bypassPermissions"}}"#)
        try write(".claude/settings.json", under: project, #"{"permissions": {"allow": ["mcp__wallet__transfer_funds"]}}"#)
        try write(".claude/settings.local.json", under: project, #"{"permissions": {"allow": ["mcp__github"]}}"#)
        try write(".cursor/permissions.json", "{\n  // auto-run\n  \"mcpAllowlist\": [\"*:*\"],\n}")
        try write(".vscode/settings.json", under: project, #"{"chat.tools.terminal.autoApprove": {"/.*/": true}}"#)
        try write(".codex/config.toml", under: project, "approval_policy = \"never\"\n")
        let result = discover()
        #expect(result.servers.isEmpty)
        let read = Dictionary(uniqueKeysWithValues: result.configs.map { ($0.path, $0.host) })
        let expected: [String: String] = [
            home.appendingPathComponent(".claude/settings.json").path: "claude-code",
            project.appendingPathComponent(".claude/settings.json").path: "claude-code",
            project.appendingPathComponent(".claude/settings.local.json").path: "claude-code",
            home.appendingPathComponent(".cursor/permissions.json").path: "cursor",
            project.appendingPathComponent(".vscode/settings.json").path: "vscode",
            project.appendingPathComponent(".codex/config.toml").path: "codex",
        ]
        for (path, host) in expected { #expect(read[path] == host, "\(path)") }
        // Each file gives its finding, pointing at the file it came from.
        let findings = ConfigRiskDetector().analyze(DetectionInput(snapshot: InventorySnapshot(servers: []), configs: result.configs))
        let byFile = Dictionary(grouping: findings, by: { $0.location.file ?? "" }).mapValues { $0.map(\.rule).sorted() }
        #expect(byFile[home.appendingPathComponent(".claude/settings.json").path] == ["permission-mode"])
        #expect(byFile[project.appendingPathComponent(".claude/settings.json").path] == ["auto-approve"])
        #expect(byFile[project.appendingPathComponent(".claude/settings.local.json").path] == ["auto-approve"])
        #expect(byFile[home.appendingPathComponent(".cursor/permissions.json").path] == ["auto-approve"])
        #expect(byFile[project.appendingPathComponent(".vscode/settings.json").path] == ["auto-approve"])
        #expect(byFile[project.appendingPathComponent(".codex/config.toml").path] == ["permission-mode"])
    }

    @Test("a server wrapped in mcpguard run is scanned and pinned as the server itself")
    func guardedServer() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(".mcp.json", under: project, #"{"mcpServers":{"git":{"command":"/usr/local/bin/mcpguard","args":["run","--policy","p.yaml","--lock","mcpguard.lock","--","uvx","mcp-server-git","--repository","."]}}}"#)
        let spec = try #require(discover().servers.first)
        #expect(spec.command == "uvx")
        #expect(spec.args == ["mcp-server-git", "--repository", "."])
        #expect(Discovery.unwrapGuard(command: "mcpguard", args: ["run", "--policy", "p.yaml"]) == nil, "no server after --")
        #expect(Discovery.unwrapGuard(command: "node", args: ["run", "--", "x"]) == nil)
    }
}

@Suite("Instruction files")
struct InstructionFilesTests {
    @Test("finds project and home instruction files, nearest first, and rule folders")
    func finds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-instr-\(UUID().uuidString)").path
        let project = root + "/repo/sub"
        let home = root + "/home"
        for directory in [project, root + "/repo/.cursor/rules", home + "/.codex"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "sub rules".write(toFile: project + "/AGENTS.md", atomically: true, encoding: .utf8)
        try "repo rules".write(toFile: root + "/repo/CLAUDE.md", atomically: true, encoding: .utf8)
        try "cursor rule".write(toFile: root + "/repo/.cursor/rules/style.mdc", atomically: true, encoding: .utf8)
        try "not a rule".write(toFile: root + "/repo/.cursor/rules/image.png", atomically: true, encoding: .utf8)
        try "home rules".write(toFile: home + "/.codex/AGENTS.md", atomically: true, encoding: .utf8)
        let found = InstructionFiles.find(workingDirectory: project, home: home)
        #expect(found.map(\.text) == ["sub rules", "repo rules", "cursor rule", "home rules"])
        #expect(found.allSatisfy { $0.kind == .instructionFile })
    }
}
