/// Where each MCP host keeps its server configuration, on Linux, macOS and Windows.
///
/// One table, easy to extend: a host is a name, a config format and path templates relative to the
/// user's home, an environment variable, a system directory or a project directory (searched from the
/// working directory up to the filesystem root). Discovery reads this table; `scan` uses it to say where
/// it looked when nothing is configured.
public struct HostConfigLocation: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case json
        /// JSON with comments and trailing commas (VS Code, Zed).
        case jsonc
        case toml
    }

    /// Which platforms a path template applies to.
    public enum Platform: String, Sendable, Hashable, CaseIterable {
        case linux, macOS, windows
    }

    /// What a path template is relative to.
    public enum Anchor: Sendable, Hashable {
        /// The user's home directory.
        case home
        /// The value of an environment variable (`APPDATA`, `CLAUDE_CONFIG_DIR`, …); skipped when unset.
        case environment(String)
        /// An absolute system path.
        case root
        /// The working directory and each of its ancestors.
        case project
    }

    public let host: String
    public let format: Format
    public let anchor: Anchor
    /// Path below the anchor, `/`-separated.
    public let path: String
    public let platforms: Set<Platform>

    public init(host: String, format: Format, anchor: Anchor, path: String, platforms: Set<Platform> = Set(Platform.allCases)) {
        self.host = host
        self.format = format
        self.anchor = anchor
        self.path = path
        self.platforms = platforms
    }
}

extension HostConfigLocation {
    private static let linux: Set<Platform> = [.linux]
    private static let mac: Set<Platform> = [.macOS]
    private static let windows: Set<Platform> = [.windows]
    private static let unix: Set<Platform> = [.linux, .macOS]

    /// Every known location. Order is the order discovery reports them in.
    public static let all: [HostConfigLocation] = [
        // Claude Desktop
        .init(host: "claude-desktop", format: .json, anchor: .home, path: ".config/Claude/claude_desktop_config.json", platforms: linux),
        .init(host: "claude-desktop", format: .json, anchor: .home, path: "Library/Application Support/Claude/claude_desktop_config.json", platforms: mac),
        .init(host: "claude-desktop", format: .json, anchor: .environment("APPDATA"), path: "Claude/claude_desktop_config.json", platforms: windows),
        // Claude Code
        .init(host: "claude-code", format: .json, anchor: .environment("CLAUDE_CONFIG_DIR"), path: ".claude.json"),
        .init(host: "claude-code", format: .json, anchor: .environment("CLAUDE_CONFIG_DIR"), path: "settings.json"),
        .init(host: "claude-code", format: .json, anchor: .home, path: ".claude.json"),
        .init(host: "claude-code", format: .json, anchor: .home, path: ".claude/settings.json"),
        .init(host: "claude-code", format: .json, anchor: .project, path: ".mcp.json"),
        .init(host: "claude-code", format: .json, anchor: .project, path: ".claude/settings.json"),
        .init(host: "claude-code", format: .json, anchor: .project, path: ".claude/settings.local.json"),
        .init(host: "claude-code", format: .json, anchor: .root, path: "/etc/claude-code/managed-mcp.json", platforms: linux),
        .init(host: "claude-code", format: .json, anchor: .root, path: "/Library/Application Support/ClaudeCode/managed-mcp.json", platforms: mac),
        .init(host: "claude-code", format: .json, anchor: .root, path: "C:/ProgramData/ClaudeCode/managed-mcp.json", platforms: windows),
        // Managed settings (permissions, modes) an administrator deploys; they win over every other file.
        .init(host: "claude-code", format: .json, anchor: .root, path: "/etc/claude-code/managed-settings.json", platforms: linux),
        .init(host: "claude-code", format: .json, anchor: .root, path: "/Library/Application Support/ClaudeCode/managed-settings.json", platforms: mac),
        .init(host: "claude-code", format: .json, anchor: .root, path: "C:/ProgramData/ClaudeCode/managed-settings.json", platforms: windows),
        // Cursor
        .init(host: "cursor", format: .json, anchor: .home, path: ".cursor/mcp.json"),
        .init(host: "cursor", format: .json, anchor: .project, path: ".cursor/mcp.json"),
        // Auto-run allow-lists (`mcpAllowlist`, `terminalAllowlist`), JSONC.
        .init(host: "cursor", format: .jsonc, anchor: .home, path: ".cursor/permissions.json"),
        .init(host: "cursor", format: .jsonc, anchor: .project, path: ".cursor/permissions.json"),
        // VS Code (user mcp.json, settings.json "mcp.servers", workspace .vscode/mcp.json)
        .init(host: "vscode", format: .jsonc, anchor: .home, path: ".config/Code/User/mcp.json", platforms: linux),
        .init(host: "vscode", format: .jsonc, anchor: .home, path: ".config/Code/User/settings.json", platforms: linux),
        .init(host: "vscode", format: .jsonc, anchor: .home, path: "Library/Application Support/Code/User/mcp.json", platforms: mac),
        .init(host: "vscode", format: .jsonc, anchor: .home, path: "Library/Application Support/Code/User/settings.json", platforms: mac),
        .init(host: "vscode", format: .jsonc, anchor: .environment("APPDATA"), path: "Code/User/mcp.json", platforms: windows),
        .init(host: "vscode", format: .jsonc, anchor: .environment("APPDATA"), path: "Code/User/settings.json", platforms: windows),
        .init(host: "vscode", format: .jsonc, anchor: .project, path: ".vscode/mcp.json"),
        // Workspace settings: a cloned repository can carry `chat.tools.terminal.autoApprove` rules and `mcp` servers.
        .init(host: "vscode", format: .jsonc, anchor: .project, path: ".vscode/settings.json"),
        // Cline and Roo Code (VS Code extension global storage)
        .init(host: "cline", format: .json, anchor: .home, path: ".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", platforms: linux),
        .init(host: "cline", format: .json, anchor: .home, path: "Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", platforms: mac),
        .init(host: "cline", format: .json, anchor: .environment("APPDATA"), path: "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", platforms: windows),
        .init(host: "roo", format: .json, anchor: .home, path: ".config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", platforms: linux),
        .init(host: "roo", format: .json, anchor: .home, path: "Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", platforms: mac),
        .init(host: "roo", format: .json, anchor: .environment("APPDATA"), path: "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json", platforms: windows),
        .init(host: "roo", format: .json, anchor: .project, path: ".roo/mcp.json"),
        // Windsurf
        .init(host: "windsurf", format: .json, anchor: .home, path: ".codeium/windsurf/mcp_config.json"),
        // Gemini CLI
        .init(host: "gemini-cli", format: .json, anchor: .home, path: ".gemini/settings.json"),
        .init(host: "gemini-cli", format: .json, anchor: .project, path: ".gemini/settings.json"),
        .init(host: "gemini-cli", format: .json, anchor: .root, path: "/etc/gemini-cli/settings.json", platforms: linux),
        .init(host: "gemini-cli", format: .json, anchor: .root, path: "/Library/Application Support/GeminiCli/settings.json", platforms: mac),
        .init(host: "gemini-cli", format: .json, anchor: .root, path: "C:/ProgramData/gemini-cli/settings.json", platforms: windows),
        // Codex (TOML)
        .init(host: "codex", format: .toml, anchor: .environment("CODEX_HOME"), path: "config.toml"),
        .init(host: "codex", format: .toml, anchor: .home, path: ".codex/config.toml"),
        .init(host: "codex", format: .toml, anchor: .project, path: ".codex/config.toml"),
        // Zed
        .init(host: "zed", format: .jsonc, anchor: .home, path: ".config/zed/settings.json", platforms: unix),
        .init(host: "zed", format: .jsonc, anchor: .environment("APPDATA"), path: "Zed/settings.json", platforms: windows),
        .init(host: "zed", format: .jsonc, anchor: .project, path: ".zed/settings.json"),
        // Kiro
        .init(host: "kiro", format: .json, anchor: .home, path: ".kiro/settings/mcp.json"),
        .init(host: "kiro", format: .json, anchor: .project, path: ".kiro/settings/mcp.json"),
        // opencode
        .init(host: "opencode", format: .jsonc, anchor: .home, path: ".config/opencode/opencode.json"),
        .init(host: "opencode", format: .jsonc, anchor: .project, path: "opencode.json"),
    ]
}

/// The concrete paths the table names on one machine.
public struct HostConfigCandidates: Sendable {
    public struct Candidate: Sendable, Hashable {
        public let location: HostConfigLocation
        public let path: String
    }

    public let candidates: [Candidate]

    /// Expands the table for a home directory, environment, working directory and platform.
    /// Pure: takes everything it needs, so tests can build fake homes.
    public init(
        home: String, environment: [String: String], workingDirectory: String,
        platform: HostConfigLocation.Platform, locations: [HostConfigLocation] = HostConfigLocation.all
    ) {
        var result: [Candidate] = []
        var seen: Set<String> = []
        func add(_ location: HostConfigLocation, _ path: String) {
            if seen.insert(path).inserted { result.append(Candidate(location: location, path: path)) }
        }
        let projectDirectories = Self.ancestors(of: workingDirectory)
        for location in locations where location.platforms.contains(platform) {
            switch location.anchor {
            case .home:
                add(location, Self.join(home, location.path))
            case .environment(let name):
                if let value = environment[name], !value.isEmpty { add(location, Self.join(value, location.path)) }
            case .root:
                add(location, location.path)
            case .project:
                for directory in projectDirectories where directory != home {
                    add(location, Self.join(directory, location.path))
                }
            }
        }
        self.candidates = result
    }

    /// `directory` and every ancestor up to the root, nearest first.
    static func ancestors(of directory: String) -> [String] {
        var components = directory.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var result: [String] = []
        while true {
            result.append("/" + components.joined(separator: "/"))
            if components.isEmpty { break }
            components.removeLast()
        }
        return result
    }

    static func join(_ base: String, _ path: String) -> String {
        if base.hasSuffix("/") || base.hasSuffix("\\") { return base + path }
        return base + "/" + path
    }
}
