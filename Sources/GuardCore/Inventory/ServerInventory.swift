/// Everything mcpguard knows about one MCP server: how it is configured and what it offered.
///
/// Tool, prompt and resource objects are kept as the server sent them (``JSONValue``), so detectors see
/// every field, including ones this version of mcpguard does not know.
public struct ServerInventory: Sendable, Hashable {
    /// How the host reaches the server.
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        case stdio
        /// Streamable HTTP.
        case http
        /// Legacy HTTP+SSE (protocol 2024-11-05).
        case sse
    }

    /// Whether the inventory was taken.
    public enum Status: String, Sendable, Hashable {
        case ok
        case failed
        case skipped
    }

    /// Where the server was configured.
    public struct Source: Sendable, Hashable {
        /// The host whose config named it (`claude-desktop`, `cursor`, …, or `cli` for flags).
        public var host: String?
        /// The config file.
        public var path: String?
        /// 1-based line of the server's entry in `path`, when known.
        public var line: Int?

        public init(host: String? = nil, path: String? = nil, line: Int? = nil) {
            self.host = host
            self.path = path
            self.line = line
        }
    }

    /// The name the host config gives the server (a display name, not an identity).
    public var name: String
    public var source: Source
    public var transport: Transport
    public var command: String?
    public var args: [String]
    /// Names (never values) of the environment variables the config sets; part of a stdio server's identity.
    public var environmentNames: [String]
    public var url: String?
    public var status: Status
    /// Why the inventory failed or was skipped.
    public var error: String?
    public var serverInfo: JSONValue?
    public var protocolVersion: String?
    public var capabilities: JSONValue?
    public var instructions: String?
    public var tools: [JSONValue]
    public var prompts: [JSONValue]
    public var resources: [JSONValue]
    public var resourceTemplates: [JSONValue]

    public init(
        name: String, source: Source = Source(), transport: Transport = .stdio, command: String? = nil,
        args: [String] = [], environmentNames: [String] = [], url: String? = nil, status: Status = .ok, error: String? = nil,
        serverInfo: JSONValue? = nil, protocolVersion: String? = nil, capabilities: JSONValue? = nil,
        instructions: String? = nil, tools: [JSONValue] = [], prompts: [JSONValue] = [],
        resources: [JSONValue] = [], resourceTemplates: [JSONValue] = []
    ) {
        self.name = name
        self.source = source
        self.transport = transport
        self.command = command
        self.args = args
        self.environmentNames = environmentNames.sorted()
        self.url = url
        self.status = status
        self.error = error
        self.serverInfo = serverInfo
        self.protocolVersion = protocolVersion
        self.capabilities = capabilities
        self.instructions = instructions
        self.tools = tools
        self.prompts = prompts
        self.resources = resources
        self.resourceTemplates = resourceTemplates
    }

    /// How the server is launched or reached, for people: `npx -y pkg` or the URL.
    public var endpointDescription: String {
        switch transport {
        case .stdio: ([command ?? "?"] + args).joined(separator: " ")
        case .http, .sse: url ?? "?"
        }
    }

    /// The `name` of each tool that has one.
    public var toolNames: [String] { tools.compactMap { $0["name"]?.stringValue } }
}

extension ServerInventory {
    /// A finding location inside this server's entry: its config file and line, and `pointer` into the
    /// inventory (e.g. `/tools/2/description`).
    public func location(pointer: String? = nil) -> FindingLocation {
        FindingLocation(file: source.path, line: source.line, pointer: pointer)
    }
}
