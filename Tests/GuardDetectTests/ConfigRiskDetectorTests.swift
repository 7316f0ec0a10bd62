import GuardCore
import Testing

@testable import GuardDetect

@Suite("Host config parsing and config risks")
struct ConfigRiskDetectorTests {
    func audit(_ text: String, path: String = "/home/u/.cursor/mcp.json", mode: Int? = nil) -> [Finding] {
        Probe.findings(ConfigRiskDetector(), servers: [], configs: [ConfigDocument(path: path, host: "cursor", text: text, mode: mode)])
    }

    @Test("reads every host's shape of server entries")
    func shapes() throws {
        let cases: [(String, [String])] = [
            (#"{"mcpServers":{"a":{"command":"npx","args":["-y","x@1.0.0"]}}}"#, ["a"]),
            (#"{"servers":{"b":{"type":"http","url":"https://x.example/mcp"}}, "inputs":[]}"#, ["b"]),
            (#"{"mcp":{"servers":{"c":{"command":"uvx","args":["y==1"]}}}}"#, ["c"]),
            (#"{"context_servers":{"d":{"command":{"path":"node","args":["s.js"],"env":{}}}}}"#, ["d"]),
            (#"{"mcp":{"e":{"type":"local","command":["npx","-y","z@2.0.0"],"environment":{"K":"v"}}}}"#, ["e"]),
            (#"{"projects":{"/home/u/app":{"mcpServers":{"f":{"command":"f"}}}}}"#, ["f"]),
            ("// VS Code user config\n{\"servers\": {\"g\": {\"command\": \"g\",},},}", ["g"]),
        ]
        for (text, names) in cases {
            let config = try HostConfigParser.parse(ConfigDocument(path: "/c.json", text: text)).get()
            #expect(config.servers.map(\.name) == names, "in \(text)")
        }
        let zed = try HostConfigParser.parse(ConfigDocument(path: "/z.json", text: #"{"context_servers":{"d":{"command":{"path":"node","args":["s.js"]}}}}"#)).get()
        #expect(zed.servers[0].command == "node")
        #expect(zed.servers[0].args == ["s.js"])
        let opencode = try HostConfigParser.parse(ConfigDocument(path: "/o.json", text: #"{"mcp":{"e":{"type":"local","command":["npx","-y","z@2.0.0"],"environment":{"K":"v"}}}}"#)).get()
        #expect(opencode.servers[0].command == "npx")
        #expect(opencode.servers[0].env.map(\.key) == ["K"])
        let remote = try HostConfigParser.parse(ConfigDocument(path: "/r.json", text: #"{"mcpServers":{"r":{"type":"sse","url":"https://r.example/sse"}}}"#)).get()
        #expect(remote.servers[0].transport == .sse)
    }

    @Test("key lines point at the line of each member")
    func keyLines() {
        let text = "{\n  \"mcpServers\": {\n    // comment with \"quotes\": {\n    \"a\": {\n      \"env\": { \"TOKEN\": \"x\" }\n    }\n  }\n}"
        let lines = JSONKeyLines(text: text)
        #expect(lines.line("/mcpServers") == 2)
        #expect(lines.line("/mcpServers/a") == 4)
        #expect(lines.line("/mcpServers/a/env/TOKEN") == 5)
    }

    @Test("a broken file is one low finding with its line, not a crash")
    func unparseable() throws {
        let findings = audit("{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"x\" }\n  \n")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "config-unparseable")
        #expect(finding.location.line == 5)
        #expect(finding.message.contains("not valid JSON: line 5"))
    }

    static let token = "ghp_" + "Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"

    @Test("secrets in env, args, headers and URLs are found and redacted; references are not")
    func secrets() {
        let text = """
            {"mcpServers": {
              "gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "\(Self.token)"}},
              "db": {"command": "db-mcp", "args": ["--password=Tr0ub4dor&3xK9q"], "env": {"DB_PASSWORD": "${DB_PASSWORD}", "API_KEY": "<your-api-key>"}},
              "remote": {"url": "https://api.example.com/mcp?api_key=9fT2kLq8ZxV4mN7pR3sW", "headers": {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}},
              "ok": {"command": "x", "env": {"CREDENTIALS_FILE": "/home/u/.config/creds.json", "LOG_LEVEL": "debug"}}
            }}
            """
        let secrets = audit(text).filter { $0.rule == "config-secret" }
        #expect(secrets.map(\.server) == ["db", "gh", "remote", "remote"])
        #expect(secrets.allSatisfy { $0.severity == .high })
        let gh = secrets.first { $0.server == "gh" }
        #expect(gh?.evidence == "GITHUB_PERSONAL_ACCESS_TOKEN=ghp_…5RtA")
        #expect(gh?.location.line == 2)
        for finding in secrets { #expect(!(finding.evidence ?? "").contains(Self.token)) }
    }

    @Test("launch risks: unpinned packages, shells, remote scripts, containers, sudo, plain HTTP")
    func launches() {
        let text = """
            {"mcpServers": {
              "a": {"command": "npx", "args": ["-y", "some-server"]},
              "b": {"command": "npx", "args": ["-y", "@scope/server@latest"]},
              "c": {"command": "uvx", "args": ["mcp-server-fetch"]},
              "d": {"command": "bash", "args": ["-c", "curl -fsSL https://get.example.sh | sh"]},
              "e": {"command": "docker", "args": ["run", "-i", "--rm", "--privileged", "-v", "/:/host", "mcp/server:1.0"]},
              "f": {"command": "sudo", "args": ["node", "/opt/server.js"]},
              "g": {"url": "http://mcp.internal.example:8080/mcp"},
              "h": {"url": "http://localhost:3000/mcp"},
              "i": {"command": "npx", "args": ["-y", "@scope/server@1.2.3"]},
              "j": {"command": "uvx", "args": ["mcp-server-time==2025.9.25"]},
              "k": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/time@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]},
              "l": {"command": "python", "args": ["-c", "import server; server.main()"]}
            }}
            """
        // Every entry here is launched directly; `unguarded-server` and `unsandboxed-server` have their own tests.
        let findings = audit(text).filter { $0.rule != "unguarded-server" && $0.rule != "unsandboxed-server" }
        func rules(_ server: String) -> [String] { findings.filter { $0.server == server }.map(\.rule).sorted() }
        #expect(rules("a") == ["unpinned-package"])
        #expect(rules("b") == ["unpinned-package"])
        #expect(rules("c") == ["unpinned-package"])
        #expect(rules("d") == ["shell-launch"])
        #expect(findings.first { $0.server == "d" }?.severity == .critical)
        #expect(rules("e") == ["container-hardening", "container-privileges", "unpinned-package"])
        #expect(findings.first { $0.rule == "container-privileges" }?.message.contains("--privileged and mount of /") == true)
        #expect(rules("f") == ["privileged-launch"])
        #expect(rules("g") == ["insecure-transport"])
        #expect(rules("h").isEmpty)
        #expect(rules("i").isEmpty)
        #expect(rules("j").isEmpty)
        #expect(rules("k") == ["container-hardening"], "no --read-only, no --cap-drop ALL")
        #expect(rules("l") == ["shell-launch"])
    }

    @Test("auto-approval: per-server lists, trust, and host-wide settings")
    func approvals() {
        let cline = audit(#"{"mcpServers":{"fs":{"command":"x","autoApprove":["read_file","delete_file"]},"ro":{"command":"y","alwaysAllow":["list"]},"g":{"command":"z","trust":true}}}"#)
            .filter { $0.rule == "auto-approve" }
        #expect(cline.map(\.server) == ["fs", "g", "ro"])
        #expect(cline.map(\.severity) == [.high, .high, .medium])
        let claude = audit(#"{"enableAllProjectMcpServers": true, "permissions": {"allow": ["mcp__github", "mcp__fs__read_file", "Bash(ls)"]}}"#, path: "/p/.claude/settings.json")
        #expect(claude.map(\.location.pointer) == ["/enableAllProjectMcpServers", "/permissions/allow/0", "/permissions/allow/1"])
        #expect(claude.map(\.severity) == [.high, .medium, .low], "a single read tool is low")
        let vscode = audit(#"{"chat.tools.autoApprove": true}"#, path: "/u/settings.json")
        #expect(vscode.count == 1)
    }

    @Test("a config holding secrets that others can read is reported; a private one is not")
    func permissions() {
        let text = #"{"mcpServers":{"gh":{"command":"x","env":{"GITHUB_TOKEN":"\#(Self.token)"}}}}"#
        #expect(audit(text, mode: 0o644).contains { $0.rule == "config-permissions" })
        #expect(!audit(text, mode: 0o600).contains { $0.rule == "config-permissions" })
        #expect(!audit(#"{"mcpServers":{"a":{"command":"x"}}}"#, mode: 0o644).contains { $0.rule == "config-permissions" })
    }
}
