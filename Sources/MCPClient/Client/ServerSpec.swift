import GuardCore

/// Everything needed to reach one MCP server, as a host config (or the command line) describes it.
public struct ServerSpec: Sendable, Hashable {
    public var name: String
    public var source: ServerInventory.Source
    public var transport: ServerInventory.Transport
    public var command: String?
    public var args: [String]
    /// Environment the host adds for this server. Values may be secrets.
    public var env: [String: String]
    public var url: String?
    /// HTTP headers the host sends (bearer tokens included). Values may be secrets.
    public var headers: [String: String]
    /// The host has the entry switched off; mcpguard audits it but does not launch it.
    public var disabled: Bool

    public init(
        name: String, source: ServerInventory.Source = .init(), transport: ServerInventory.Transport = .stdio,
        command: String? = nil, args: [String] = [], env: [String: String] = [:], url: String? = nil,
        headers: [String: String] = [:], disabled: Bool = false
    ) {
        self.name = name
        self.source = source
        self.transport = transport
        self.command = command
        self.args = args
        self.env = env
        self.url = url
        self.headers = headers
        self.disabled = disabled
    }

    /// An inventory entry for this spec with nothing offered yet.
    public func inventory(status: ServerInventory.Status, error: String? = nil) -> ServerInventory {
        ServerInventory(
            name: name, source: source, transport: transport, command: command, args: args, environmentNames: Array(env.keys),
            url: url, status: status, error: error
        )
    }
}

/// The environment a stdio server starts with: a small allow-list of the invoking environment (what hosts
/// such as Claude Desktop pass) plus the variables the config sets. Tokens in mcpguard's own environment
/// (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, …) never reach a server that was not configured with them.
public enum ServerEnvironment {
    static let inherited: Set<String> = [
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP", "TMP",
        "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
        "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "APPDATA", "LOCALAPPDATA", "USERPROFILE", "PROGRAMDATA", "COMSPEC", "PATHEXT",
        "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
        "UV_CACHE_DIR", "UV_INDEX_URL", "PIP_INDEX_URL", "npm_config_cache", "npm_config_registry",
    ]

    public static func build(base: [String: String], configured: [String: String]) -> [String: String] {
        var environment = base.filter { inherited.contains($0.key) || $0.key.hasPrefix("LC_") }
        for (key, value) in configured { environment[key] = value }
        return environment
    }
}
