import Foundation

@testable import GuardScan

/// A fake home and project holding a real-format config of every host mcpguard installs into, with
/// comments, trailing commas, tabs, CRLF line endings, a symbolic link and names an attacker would pick.
struct InstallFixture {
    let root: URL
    var home: String { root.appendingPathComponent("home/u").path }
    var project: String { root.appendingPathComponent("home/u/src/app").path }
    var state: String { root.appendingPathComponent("state").path }
    static let executable = "/opt/mcpguard/bin/mcpguard"

    /// Config paths (relative to the home) and their texts.
    static let configs: [(path: String, text: String)] = [
        (".config/Claude/claude_desktop_config.json", """
            {
              "mcpServers": {
                "filesystem": {
                  "command": "npx",
                  "args": [
                    "-y",
                    "@modelcontextprotocol/server-filesystem@2025.8.21",
                    "/home/u/Documents"
                  ]
                },
                "github": {
                  "command": "docker",
                  "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
                  "env": {
                    "GITHUB_PERSONAL_ACCESS_TOKEN": "placeholder-value"
                  }
                }
              },
              "globalShortcut": "Ctrl+Space"
            }

            """),
        (".claude.json", """
            {
              "numStartups": 12,
              "mcpServers": {
                "memory": {
                  "type": "stdio",
                  "command": "npx",
                  "args": [
                    "-y",
                    "@modelcontextprotocol/server-memory"
                  ],
                  "env": {}
                }
              },
              "projects": {
                "/home/u/src/app": {
                  "allowedTools": [],
                  "mcpServers": {
                    "sentry": {
                      "type": "http",
                      "url": "https://mcp.sentry.dev/mcp"
                    },
                    "local-db": {
                      "type": "stdio",
                      "command": "/usr/local/My Tools/db server",
                      "args": ["--", "--readonly", "--"]
                    }
                  }
                }
              }
            }
            """),
        ("src/app/.mcp.json", #"{"mcpServers": {"wé\"ird — näme 🚀": {"command": "uvx", "args": ["mcp-server-git", "--repository", "."]}, "--": {"command": "node", "args": ["x.js"]}, "-x": {"command": "node"}, "\u001b[2Jclear": {"command": "node"}, "": {"command": "node"}}}"# + "\n"),
        (".cursor/mcp.json", """
            {
              "mcpServers": {
                "remote-sse": { "url": "https://cursor.example/sse", "type": "sse" },
                "helper": { "command": "npx", "args": ["-y", "some-mcp", "--wrapper", "/usr/bin/mcpguard", "run", "--", "x"] },
                "hand-guarded": { "command": "/usr/bin/mcpguard", "args": ["run", "--policy", "/etc/p.yaml", "--", "uvx", "mcp-server-time"] }
              }
            }

            """),
        ("dotfiles/windsurf.json", #"{"mcpServers":{"brave":{"command":"npx","args":["-y","@modelcontextprotocol/server-brave-search"],"env":{"BRAVE_API_KEY":"k"}}}}"#),
        (".config/Code/User/mcp.json", """
            // VS Code user MCP servers
            {
            \t"inputs": [
            \t\t{ "type": "promptString", "id": "pg", "description": "Postgres URL", "password": true },
            \t],
            \t"servers": {
            \t\t/* stdio */
            \t\t"postgres": {
            \t\t\t"type": "stdio",
            \t\t\t"command": "npx",
            \t\t\t"args": ["-y", "@modelcontextprotocol/server-postgres", "${input:pg}"],
            \t\t\t"envFile": "${workspaceFolder}/.env",
            \t\t},
            \t\t"remote-docs": { "type": "http", "url": "https://docs.example.com/mcp", },
            \t},
            }

            """),
        (".config/Code/User/settings.json", "{\n    \"editor.fontSize\": 13,\n    \"mcp\": { \"servers\": { \"vscode-settings\": { \"command\": \"x\", \"args\": [] } } }\n}\n"),
        (".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
         #"{"mcpServers":{"cline-srv":{"command":"c","args":["--stdio"],"autoApprove":["read"],"disabled":false}}}"#),
        (".config/zed/settings.json", [
            "// Zed settings",
            "{",
            "  \"theme\": \"One Dark\",",
            "  \"context_servers\": {",
            "    \"nested\": {",
            "      \"source\": \"custom\",",
            "      \"command\": {",
            "        \"path\": \"/usr/bin/node\",",
            "        \"args\": [\"/opt/server.js\"],",
            "        \"env\": { \"DEBUG\": \"1\" }",
            "      }",
            "    },",
            "    \"flat\": { \"source\": \"custom\", \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"], \"env\": {} },",
            "    \"no-args\": {",
            "      \"command\": {",
            "        \"path\": \"srv\"",
            "      }",
            "    },",
            "  }",
            "}",
            "",
        ].joined(separator: "\r\n")),
        (".config/opencode/opencode.json", """
            {
              "$schema": "https://opencode.ai/config.json",
              "mcp": {
                "local": {
                  "type": "local",
                  "command": ["bun", "x", "my-mcp-command"],
                  "enabled": true,
                  "environment": { "MY_ENV_VAR": "value" }
                },
                "remote": { "type": "remote", "url": "https://mcp.example.com/mcp", "enabled": true }
              }
            }

            """),
        (".codex/config.toml", """
            # ~/.codex/config.toml
            model = "gpt-5"

            [mcp_servers.context7]
            command = "npx"
            args = ["-y", "@upstash/context7-mcp"]

            [mcp_servers.figma]
            url = "https://mcp.figma.com/mcp"
            bearer_token_env_var = "FIGMA_OAUTH_TOKEN"

            [mcp_servers.'literal name']
            command = 'C:\\tools\\srv.exe'  # no args
            env_vars = ["SHARED_TOKEN"]

            [mcp_servers.context7.env]
            LOG = "debug"

            """),
        (".gemini/settings.json", #"{ "theme": "GitHub", "mcpServers": { "gemini-srv": { "command": "python3", "args": ["-m", "srv"], "cwd": "./srv", "trust": false } } }"# + "\n"),
        (".kiro/settings/mcp.json", "{\n    \"mcpServers\": {\n        \"off\": {\n            \"command\": \"uvx\",\n            \"args\": [\"awslabs.core-mcp-server@latest\"],\n            \"disabled\": true,\n            \"autoApprove\": []\n        }\n    }\n}\n"),
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-install-\(UUID().uuidString)")
        for (path, text) in Self.configs { try write(path, text) }
        // Windsurf's config is a symbolic link into a dotfiles checkout.
        let link = root.appendingPathComponent("home/u/.codeium/windsurf/mcp_config.json")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../../dotfiles/windsurf.json")
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: home).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(decoding: Data(contentsOf: URL(fileURLWithPath: home).appendingPathComponent(relative)), as: UTF8.self)
    }

    /// Every config's bytes, by relative path.
    func snapshot() throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Self.configs.map { ($0.path, try read($0.path)) })
    }

    var discovery: Discovery.Options {
        Discovery.Options(home: home, environment: [:], workingDirectory: project, platform: .linux)
    }

    func installer(dryRun: Bool = false, hosts: Set<String> = [], configFiles: [String] = []) -> HostInstaller {
        var discovery = self.discovery
        discovery.hosts = hosts
        discovery.configFiles = configFiles
        discovery.searchDefaults = configFiles.isEmpty
        var options = HostInstaller.Options(discovery: discovery, stateDirectory: state)
        options.dryRun = dryRun
        return HostInstaller(options: options)
    }

    static let settings = HostConfigRewriter.WrapSettings(executable: executable)

    func remove() { try? FileManager.default.removeItem(at: root) }
}
