import Testing

@testable import GuardScan

@Suite("Host config locations")
struct HostConfigLocationsTests {
    @Test("expands home, environment, system and project paths for Linux")
    func linux() {
        let candidates = HostConfigCandidates(
            home: "/home/u", environment: ["CLAUDE_CONFIG_DIR": "/cfg/claude", "APPDATA": "/ignored"],
            workingDirectory: "/home/u/src/app", platform: .linux
        ).candidates.map(\.path)
        #expect(candidates.contains("/home/u/.config/Claude/claude_desktop_config.json"))
        #expect(candidates.contains("/cfg/claude/.claude.json"))
        #expect(candidates.contains("/etc/claude-code/managed-mcp.json"))
        #expect(candidates.contains("/home/u/src/app/.mcp.json"))
        #expect(candidates.contains("/home/u/src/.mcp.json"))
        #expect(candidates.contains("/.mcp.json"))
        #expect(candidates.contains("/home/u/.codex/config.toml"))
        // Settings files that hold permissions and approvals rather than servers.
        #expect(candidates.contains("/home/u/.claude/settings.json"))
        #expect(candidates.contains("/home/u/src/app/.claude/settings.json"))
        #expect(candidates.contains("/home/u/src/app/.claude/settings.local.json"))
        #expect(candidates.contains("/etc/claude-code/managed-settings.json"))
        #expect(candidates.contains("/home/u/.cursor/permissions.json"))
        #expect(candidates.contains("/home/u/src/app/.vscode/settings.json"))
        #expect(candidates.contains("/home/u/src/app/.codex/config.toml"))
        #expect(candidates.contains("/etc/gemini-cli/settings.json"))
        #expect(!candidates.contains { $0.hasPrefix("/ignored") })
        #expect(!candidates.contains { $0.contains("Library/Application Support") })
        // The home directory is not a project: ~/.mcp.json is not searched as one.
        #expect(!candidates.contains("/home/u/.mcp.json"))
        #expect(Set(candidates).count == candidates.count)
    }

    @Test("macOS and Windows use their own application directories")
    func otherPlatforms() {
        let mac = HostConfigCandidates(home: "/Users/u", environment: [:], workingDirectory: "/Users/u", platform: .macOS).candidates.map(\.path)
        #expect(mac.contains("/Users/u/Library/Application Support/Claude/claude_desktop_config.json"))
        let windows = HostConfigCandidates(
            home: "C:/Users/u", environment: ["APPDATA": "C:/Users/u/AppData/Roaming"], workingDirectory: "/w", platform: .windows
        ).candidates.map(\.path)
        #expect(windows.contains("C:/Users/u/AppData/Roaming/Claude/claude_desktop_config.json"))
        #expect(windows.contains("C:/Users/u/AppData/Roaming/Code/User/mcp.json"))
    }

    @Test("every host of the discovery issue has at least one location")
    func hosts() {
        let hosts = Set(HostConfigLocation.all.map(\.host))
        for host in ["claude-desktop", "claude-code", "cursor", "vscode", "cline", "roo", "windsurf", "gemini-cli", "codex", "zed", "kiro", "opencode"] {
            #expect(hosts.contains(host), "missing \(host)")
        }
    }
}
