import GuardCore
import Testing

@testable import GuardDetect

/// Launch-level risks of server entries: container hardening, filesystem roots, certificate checks, the guard.
@Suite("Launch exposure: containers, filesystem roots, certificate checks, mcpguard run")
struct LaunchExposureTests {
    static let digest = "@sha256:" + String(repeating: "0123456789abcdef", count: 4)

    func audit(_ text: String, path: String = "/home/u/.config/Claude/claude_desktop_config.json") -> [Finding] {
        Probe.findings(ConfigRiskDetector(), servers: [], configs: [ConfigDocument(path: path, host: "claude-desktop", text: text)])
    }

    func rules(_ findings: [Finding], _ server: String, except ignored: Set<String> = ["unguarded-server", "unsandboxed-server"]) -> [String] {
        findings.filter { $0.server == server && !ignored.contains($0.rule) }.map(\.rule).sorted()
    }

    @Test("docker: --user 0 is medium, missing --read-only or --cap-drop ALL is low, a hardened entry is clean")
    func containerHardening() throws {
        let text = """
            {"mcpServers": {
              "hardened": {"command": "docker", "args": ["run", "-i", "--rm", "--read-only", "--cap-drop", "ALL", "--user", "1000", "mcp/github\(Self.digest)"]},
              "inline": {"command": "docker", "args": ["run", "-i", "--rm", "--read-only=true", "--cap-drop=all", "-u", "1000:1000", "--tmpfs", "/tmp", "-e", "GITHUB_TOKEN", "mcp/github\(Self.digest)"]},
              "root": {"command": "docker", "args": ["run", "-i", "--rm", "--user", "0", "--read-only", "--cap-drop", "ALL", "mcp/time\(Self.digest)"]},
              "root-name": {"command": "podman", "args": ["run", "-i", "--rm", "-u", "root:root", "--read-only", "--cap-drop=ALL", "mcp/time\(Self.digest)"]},
              "bare": {"command": "docker", "args": ["run", "-i", "--rm", "mcp/time\(Self.digest)"]},
              "some-caps": {"command": "docker", "args": ["run", "-i", "--rm", "--cap-drop", "NET_RAW", "--read-only=false", "mcp/time\(Self.digest)"]}
            }}
            """
        let findings = audit(text)
        #expect(rules(findings, "hardened").isEmpty)
        #expect(rules(findings, "inline").isEmpty, "--tmpfs /tmp and -e NAME take values, not the image")
        let root = try #require(findings.first { $0.server == "root" && $0.rule == "container-hardening" })
        #expect(root.severity == .medium)
        #expect(root.message == "root's container runs as root (--user 0)")
        #expect(root.checklist == ["SRV-DEPLOY-02", "SRV-AUTH-04"])
        #expect(findings.first { $0.server == "root-name" && $0.rule == "container-hardening" }?.message == "root-name's container runs as root (-u root:root)")
        let bare = try #require(findings.first { $0.server == "bare" && $0.rule == "container-hardening" })
        #expect(bare.severity == .low)
        #expect(bare.message == "bare's container runs without --read-only and without --cap-drop ALL")
        #expect(bare.location.line == 6)
        #expect(rules(findings, "some-caps") == ["container-hardening"], "NET_RAW is not the image")
        #expect(findings.first { $0.server == "some-caps" && $0.rule == "container-hardening" }?.message.contains("without --read-only and without --cap-drop ALL") == true)
    }

    @Test("filesystem servers rooted at /, a home directory or a credentials directory; project directories are fine")
    func filesystemRoots() throws {
        let package = "@modelcontextprotocol/server-filesystem@2025.8.21"
        let text = """
            {"mcpServers": {
              "root": {"command": "npx", "args": ["-y", "\(package)", "/"]},
              "tilde": {"command": "npx", "args": ["-y", "\(package)", "~"]},
              "home": {"command": "npx", "args": ["-y", "\(package)", "/home/alice/src/app", "/home/alice"]},
              "mac": {"command": "npx", "args": ["-y", "\(package)", "/Users/alice/"]},
              "var": {"command": "npx", "args": ["-y", "\(package)", "${HOME}"]},
              "windows": {"command": "npx", "args": ["-y", "\(package)", "C:\\\\Users\\\\alice"]},
              "ssh": {"command": "mcp-server-filesystem", "args": ["/home/alice/.ssh"]},
              "project": {"command": "npx", "args": ["-y", "\(package)", "/home/alice/src/app", "~/Documents/notes", "/tmp/scratch"]},
              "docker": {"command": "docker", "args": ["run", "-i", "--rm", "--read-only", "--cap-drop", "ALL", "--mount", "type=bind,src=/home/alice/src,dst=/projects", "mcp/filesystem\(Self.digest)", "/projects"]}
            }}
            """
        let findings = audit(text).filter { $0.rule == "broad-filesystem-access" }
        #expect(Set(findings.compactMap(\.server)) == ["root", "tilde", "home", "mac", "var", "windows", "ssh"])
        #expect(findings.allSatisfy { $0.severity == .high })
        #expect(findings.first { $0.server == "root" }?.message == "root's filesystem tools reach / (the whole filesystem)")
        #expect(findings.first { $0.server == "home" }?.message == "home's filesystem tools reach /home/alice (a home directory)")
        #expect(findings.first { $0.server == "tilde" }?.message.contains("the home directory") == true)
        #expect(findings.first { $0.server == "ssh" }?.message.contains("a credentials directory") == true)
        #expect(findings.first { $0.server == "root" }?.location.line == 2)
    }

    @Test("environment that turns certificate checks off; variables that only add a CA do not")
    func certificateChecks() throws {
        let text = """
            {"mcpServers": {
              "node": {"command": "npx", "args": ["-y", "api-mcp@1.0.0"], "env": {
                "NODE_TLS_REJECT_UNAUTHORIZED": "0",
                "NODE_EXTRA_CA_CERTS": "/etc/ssl/corp-ca.pem",
                "NODE_OPTIONS": "--use-openssl-ca"
              }},
              "python": {"command": "uvx", "args": ["api-mcp==1.0.0"], "env": {"PYTHONHTTPSVERIFY": "0", "CURL_CA_BUNDLE": "", "REQUESTS_CA_BUNDLE": "/etc/ssl/corp-ca.pem"}},
              "git": {"command": "uvx", "args": ["mcp-server-git==2025.9.25"], "env": {"GIT_SSL_NO_VERIFY": "true"}},
              "npm": {"command": "npx", "args": ["-y", "api-mcp@1.0.0"], "env": {"npm_config_strict_ssl": "false"}},
              "container": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "NODE_TLS_REJECT_UNAUTHORIZED=0", "mcp/api\(Self.digest)"]},
              "deno": {"command": "deno", "args": ["run", "--allow-net", "--unsafely-ignore-certificate-errors", "server.ts"]},
              "safe": {"command": "npx", "args": ["-y", "api-mcp@1.0.0"], "env": {"NODE_TLS_REJECT_UNAUTHORIZED": "1", "PYTHONHTTPSVERIFY": "1", "CURL_CA_BUNDLE": "/etc/ssl/corp-ca.pem"}}
            }}
            """
        let findings = audit(text).filter { $0.rule == "tls-verification-disabled" }
        func keys(_ server: String) -> [String] { findings.filter { $0.server == server }.compactMap(\.location.pointer).sorted() }
        #expect(keys("node") == ["/mcpServers/node/env/NODE_TLS_REJECT_UNAUTHORIZED"])
        #expect(keys("python") == ["/mcpServers/python/env/CURL_CA_BUNDLE", "/mcpServers/python/env/PYTHONHTTPSVERIFY"])
        #expect(keys("git").count == 1)
        #expect(keys("container") == ["/mcpServers/container/args/4"])
        #expect(keys("deno") == ["/mcpServers/deno/args/2"])
        #expect(keys("safe").isEmpty)
        let node = try #require(findings.first { $0.server == "node" })
        #expect(node.severity == .high)
        #expect(node.location.line == 3)
        #expect(node.message == "node is launched with NODE_TLS_REJECT_UNAUTHORIZED=0: Node.js accepts any certificate")
        #expect(node.checklist == ["CLI-TLS-02", "CLI-TLS-01"])
        #expect(findings.first { $0.location.pointer?.hasSuffix("CURL_CA_BUNDLE") == true }?.severity == .medium)
        let npm = try #require(findings.first { $0.server == "npm" })
        #expect(npm.checklist.contains("SRV-SUPPLY-02"), "the registry's certificate is not checked")
    }

    @Test("stdio servers not behind mcpguard run: one low finding each; guarded entries are audited as the server behind the guard")
    func guardRun() throws {
        let text = """
            {"mcpServers": {
              "direct": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8", "--token=ghp_notreal"]},
              "guarded": {"command": "mcpguard", "args": ["run", "--policy", "policy.yaml", "--", "npx", "-y", "@modelcontextprotocol/server-github@2025.4.8"]},
              "guarded-path": {"command": "/usr/local/bin/mcpguard", "args": ["run", "--audit", "audit.log", "--", "uvx", "mcp-server-fetch"]},
              "guarded-docker": {"command": "mcpguard", "args": ["run", "--", "docker", "run", "-i", "--rm", "-e", "NODE_TLS_REJECT_UNAUTHORIZED=0", "mcp/api\(Self.digest)"]},
              "no-separator": {"command": "mcpguard", "args": ["run", "npx", "-y", "some-server@1.0.0"]},
              "remote": {"type": "http", "url": "https://mcp.example.com/mcp"},
              "off": {"command": "npx", "args": ["-y", "x@1.0.0"], "disabled": true}
            }}
            """
        let findings = audit(text)
        let unguarded = findings.filter { $0.rule == "unguarded-server" }
        #expect(unguarded.compactMap(\.server).sorted() == ["direct", "no-separator"])
        let direct = try #require(unguarded.first { $0.server == "direct" })
        #expect(direct.severity == .low)
        #expect(direct.evidence == "npx", "the command only: arguments may carry secrets")
        #expect(direct.location.line == 2)
        #expect(direct.checklist == ["CLI-LOG-01", "CLI-AICTL-01"])
        // Behind the guard the server itself is still audited.
        #expect(rules(findings, "guarded-path") == ["unpinned-package"])
        #expect(findings.first { $0.server == "guarded-path" }?.evidence == "mcp-server-fetch")
        #expect(rules(findings, "guarded").isEmpty)
        let tls = try #require(findings.first { $0.server == "guarded-docker" && $0.rule == "tls-verification-disabled" })
        #expect(tls.location.pointer == "/mcpServers/guarded-docker/args/7", "the pointer names the entry's own argument")
        #expect(ConfiguredServer.guardedServer(command: "C:\\tools\\mcpguard.exe", args: ["run", "--", "node", "s.js"])?.command == "node")
        #expect(ConfiguredServer.guardedServer(command: "mcpguard", args: ["scan", "--", "x"]) == nil)
    }
}
