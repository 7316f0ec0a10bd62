import GuardCore
import Testing

@testable import GuardDetect

/// Rule `unsandboxed-server`: local servers that run with the user's full rights.
@Suite("Launch containment: unsandboxed servers")
struct LaunchContainmentTests {
    static let path = "/home/u/.config/Claude/claude_desktop_config.json"

    func unsandboxed(_ servers: String) -> [Finding] {
        let text = "{\"mcpServers\": {\n" + servers + "\n}}"
        return Probe.findings(ConfigRiskDetector(), servers: [], configs: [ConfigDocument(path: Self.path, host: "claude-desktop", text: text)])
            .filter { $0.rule == "unsandboxed-server" }
    }

    @Test("npx, uvx, python and node servers run unsandboxed: low, SRV-DEPLOY-01, evidence names the command and the config line")
    func positives() throws {
        let findings = unsandboxed("""
              "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"], "env": {"GITHUB_TOKEN": "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"}},
              "time": {"command": "uvx", "args": ["mcp-server-time==2025.9.25"]},
              "local": {"command": "/usr/bin/python3", "args": ["-m", "my_server", "--api-key", "sk-live-0123456789abcdef0123"]},
              "node": {"command": "node", "args": ["/opt/server/index.js"]},
              "guarded": {"command": "mcpguard", "args": ["run", "--name", "guarded", "--policy", "p.yaml", "--", "npx", "-y", "x@1.0.0"]},
              "guarded-off": {"command": "mcpguard", "args": ["run", "--sandbox=off", "--", "uvx", "y==1.0"]},
              "sudo-node": {"command": "sudo", "args": ["node", "/opt/server.js"]},
              "docker-exec": {"command": "docker", "args": ["exec", "-i", "running-box", "server"]},
              "systemd-limits-only": {"command": "systemd-run", "args": ["--user", "--pipe", "-p", "MemoryMax=1G", "-p", "ProtectHome=no", "node", "s.js"]}
            """)
        #expect(findings.compactMap(\.server).sorted() == ["docker-exec", "github", "guarded", "guarded-off", "local", "node", "sudo-node", "systemd-limits-only", "time"])
        let github = try #require(findings.first { $0.server == "github" })
        #expect(github.severity == .low)
        #expect(github.checklist == ["SRV-DEPLOY-01"])
        #expect(github.location.file == Self.path)
        #expect(github.location.line == 2)
        #expect(github.evidence == "npx (\(Self.path):2)")
        #expect(github.message == "github runs outside any container or sandbox: npx and what it starts can read, write and reach everything your user can")
        #expect(github.remediation.contains("mcpguard run --sandbox") && github.remediation.contains("mcpguard install --sandbox"))
        let local = try #require(findings.first { $0.server == "local" })
        #expect(local.evidence == "/usr/bin/python3 (\(Self.path):4)", "the command only: the arguments hold a key")
        // Behind the guard the finding names the server's own command, and says the wrapper lacks --sandbox.
        let guarded = try #require(findings.first { $0.server == "guarded" })
        #expect(guarded.evidence == "npx (\(Self.path):6)")
        #expect(guarded.message.hasPrefix("guarded runs behind mcpguard run without --sandbox: npx"))
        #expect(Set(findings.map(\.fingerprint)).count == findings.count)
    }

    @Test("containers, sandboxes, systemd-run with sandboxing properties and mcpguard run --sandbox are contained")
    func negatives() {
        let findings = unsandboxed("""
              "docker": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/time"]},
              "docker-global-flags": {"command": "/usr/bin/docker", "args": ["--context", "remote", "container", "run", "-i", "mcp/time"]},
              "podman": {"command": "podman", "args": ["run", "-i", "--rm", "mcp/time"]},
              "bwrap": {"command": "bwrap", "args": ["--ro-bind", "/usr", "/usr", "--unshare-all", "--die-with-parent", "node", "s.js"]},
              "firejail": {"command": "firejail", "args": ["--quiet", "--private", "npx", "-y", "x@1.0.0"]},
              "nsjail": {"command": "nsjail", "args": ["-Mo", "--chroot", "/", "--", "/usr/bin/python3", "s.py"]},
              "sandbox-exec": {"command": "sandbox-exec", "args": ["-f", "server.sb", "node", "s.js"]},
              "systemd": {"command": "systemd-run", "args": ["--user", "--pipe", "--wait", "-p", "ProtectHome=read-only", "node", "s.js"]},
              "systemd-inline": {"command": "systemd-run", "args": ["--user", "--pipe", "--property=PrivateNetwork=yes", "uvx", "y==1"]},
              "systemd-compact": {"command": "systemd-run", "args": ["--unit", "mcp", "-pDynamicUser=yes", "node", "s.js"]},
              "env-prefix": {"command": "env", "args": ["-i", "HOME=/tmp", "bwrap", "--unshare-all", "node", "s.js"]},
              "guarded-sandbox": {"command": "mcpguard", "args": ["run", "--name", "guarded-sandbox", "--sandbox", "--", "npx", "-y", "x@1.0.0"]},
              "guarded-best-effort": {"command": "/usr/local/bin/mcpguard", "args": ["run", "--sandbox=best-effort", "--policy", "p.yaml", "--", "uvx", "y==1"]},
              "guarded-docker": {"command": "mcpguard", "args": ["run", "--", "docker", "run", "-i", "--rm", "mcp/api"]},
              "remote": {"type": "http", "url": "https://mcp.example.com/mcp"},
              "remote-sse": {"type": "sse", "url": "https://mcp.example.com/sse"},
              "off": {"command": "npx", "args": ["-y", "x@1.0.0"], "disabled": true}
            """)
        #expect(findings.isEmpty, "\(findings.map { $0.server ?? "?" })")
    }

    @Test("attempts to look contained: --sandbox after --, or as the server's own argument, does not count")
    func evasions() {
        let findings = unsandboxed("""
              "after-separator": {"command": "mcpguard", "args": ["run", "--", "npx", "-y", "x@1.0.0", "--sandbox"]},
              "server-flag": {"command": "npx", "args": ["-y", "x@1.0.0", "--sandbox"]},
              "named-bwrap": {"command": "node", "args": ["/opt/bwrap/index.js"]},
              "systemd-after-command": {"command": "systemd-run", "args": ["--user", "node", "s.js", "-p", "ProtectHome=yes"]},
              "docker-word-run": {"command": "docker", "args": ["exec", "-i", "box", "run"]}
            """)
        #expect(findings.compactMap(\.server).sorted() == ["after-separator", "docker-word-run", "named-bwrap", "server-flag", "systemd-after-command"])
    }

    @Test("what contains a server is named")
    func containmentNames() {
        func named(_ command: String, _ args: [String]) -> String? {
            let server = ConfiguredServer(name: "s", transport: .stdio, command: command, args: args, env: [], url: nil, headers: [],
                                          autoApprovedTools: [], trusted: false, disabled: false, pointer: "/mcpServers/s", line: 1, raw: .null)
            var launched = server
            if let inner = server.guardedServer {
                launched.command = inner.command
                launched.args = inner.args
            }
            return LaunchContainment.containment(entry: server, launched: launched)
        }
        #expect(named("mcpguard", ["run", "--sandbox=best-effort", "--", "npx", "x"]) == "mcpguard run --sandbox=best-effort")
        #expect(named("docker", ["run", "-i", "img"]) == "docker run")
        #expect(named("systemd-run", ["-p", "NoNewPrivileges=yes", "node"]) == "systemd-run -p NoNewPrivileges=yes")
        #expect(named("Firejail.exe", ["node"]) == "firejail")
        #expect(named("npx", ["x"]) == nil)
    }
}
