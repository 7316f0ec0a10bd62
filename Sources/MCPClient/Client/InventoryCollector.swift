import AsyncHTTPClient
import Foundation
import GuardCore

/// Takes the live inventory of one server: connect, agree on a protocol version, list everything,
/// disconnect. Never throws: a server that cannot be inventoried comes back `failed` with a reason a
/// person can act on.
public struct InventoryCollector: Sendable {
    public struct Options: Sendable {
        /// From launch (or first connection) until the server has answered the handshake.
        public var startupTimeout: Duration = .seconds(60)
        /// For each request after the handshake.
        public var requestTimeout: Duration = .seconds(15)
        /// How long the `server/discover` probe may take before the server is treated as legacy.
        public var probeTimeout: Duration = .seconds(5)
        /// Cap on pages per list, so a server cannot page forever.
        public var maxPages = 100
        /// Environment the stdio servers' environment is built from.
        public var baseEnvironment: [String: String] = ProcessInfo.processInfo.environment
        public var maxMessageSize = StdioTransport.defaultMaxMessageSize

        public init() {}
    }

    public let options: Options
    let connector: @Sendable (ServerSpec, Options) async throws -> any MCPTransport

    public init(options: Options = Options(), connector: (@Sendable (ServerSpec, Options) async throws -> any MCPTransport)? = nil) {
        self.options = options
        self.connector = connector ?? Self.defaultConnector
    }

    static let defaultConnector: @Sendable (ServerSpec, Options) async throws -> any MCPTransport = { spec, options in
        switch spec.transport {
        case .stdio:
            guard let command = spec.command, !command.isEmpty else { throw TransportError("no command is configured") }
            return try StdioTransport(
                command: command, arguments: spec.args,
                environment: ServerEnvironment.build(base: options.baseEnvironment, configured: spec.env),
                maxMessageSize: options.maxMessageSize
            )
        case .http:
            guard let url = spec.url else { throw TransportError("no url is configured") }
            try await Reachability.check(url: url, timeout: min(options.startupTimeout, .seconds(10)))
            return StreamableHTTPTransport(url: url, headers: spec.headers, client: .shared, maxMessageSize: options.maxMessageSize)
        case .sse:
            guard let url = spec.url else { throw TransportError("no url is configured") }
            try await Reachability.check(url: url, timeout: min(options.startupTimeout, .seconds(10)))
            return try await LegacySSETransport(url: url, headers: spec.headers, client: .shared, timeout: options.startupTimeout, maxMessageSize: options.maxMessageSize)
        }
    }

    public func collect(_ spec: ServerSpec) async -> ServerInventory {
        let start = ContinuousClock.now
        let transport: any MCPTransport
        do {
            transport = try await connector(spec, options)
        } catch {
            return spec.inventory(status: .failed, error: "\(error)")
        }
        var session = MCPClientSession(transport: transport)
        var inventory = spec.inventory(status: .ok)
        do {
            let deadline = start + options.startupTimeout
            let handshake: Handshake
            do {
                handshake = try await negotiate(session, deadline: deadline, probe: true)
            } catch is ProbeKilledServer {
                // Old SDKs exit on a method they do not know: start the server again and go straight to initialize.
                await session.close()
                session = MCPClientSession(transport: try await connector(spec, options))
                handshake = try await negotiate(session, deadline: deadline, probe: false)
            }
            inventory.protocolVersion = handshake.version
            inventory.serverInfo = handshake.serverInfo
            inventory.capabilities = handshake.capabilities
            inventory.instructions = handshake.instructions
            let capabilities = handshake.capabilities?.objectValue
            let meta = handshake.modern ? ProtocolVersion.modernMeta(version: handshake.version) : nil
            func wants(_ capability: String) -> Bool { capabilities == nil || capabilities?.contains(capability) == true }
            if wants("tools") { inventory.tools = try await list(session, "tools/list", key: "tools", meta: meta, optional: capabilities == nil) }
            if wants("prompts") { inventory.prompts = try await list(session, "prompts/list", key: "prompts", meta: meta, optional: capabilities == nil) }
            if wants("resources") {
                inventory.resources = try await list(session, "resources/list", key: "resources", meta: meta, optional: capabilities == nil)
                inventory.resourceTemplates = try await list(session, "resources/templates/list", key: "resourceTemplates", meta: meta, optional: true)
            }
        } catch {
            inventory.status = .failed
            inventory.error = describe(error, diagnostics: session.transport.diagnostics)
        }
        await session.close()
        return inventory
    }

    struct Handshake {
        var version: String
        var modern: Bool
        var serverInfo: JSONValue?
        var capabilities: JSONValue?
        var instructions: String?
    }

    /// `server/discover` first (modern servers answer it); on an unknown-method style error or silence,
    /// the legacy `initialize` handshake with the newest legacy revision.
    /// The `server/discover` probe ended the connection (the server died on an unknown method).
    struct ProbeKilledServer: Error {}

    func negotiate(_ session: MCPClientSession, deadline: ContinuousClock.Instant, probe: Bool) async throws -> Handshake {
        let preferred = ProtocolVersion.modern[0]
        var legacyVersion = ProtocolVersion.legacy[0]
        if probe { do {
            let result = try await session.request(
                "server/discover", params: ["_meta": ProtocolVersion.modernMeta(version: preferred)],
                timeout: min(options.probeTimeout, remaining(deadline))
            )
            let supported = result["supportedVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if let handshake = Self.modernHandshake(result) { return handshake }
            guard let legacy = ProtocolVersion.legacy.first(where: supported.contains) else {
                throw TransportError("the server supports protocol versions \(supported.joined(separator: ", ")), none of which mcpguard speaks")
            }
            legacyVersion = legacy
        } catch let error as MCPClientSession.RemoteError where error.error.code == ProtocolVersion.unsupportedVersionCode {
            let supported = error.error.data?["supported"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard let legacy = ProtocolVersion.legacy.first(where: supported.contains) else {
                throw TransportError("the server supports protocol versions \(supported.joined(separator: ", ")), none of which mcpguard speaks")
            }
            legacyVersion = legacy
        } catch is MCPClientSession.RemoteError {
            // A legacy server refusing an unknown method before initialize.
        } catch is MCPClientSession.Timeout {
            // A legacy server ignoring it.
        } catch let error as TransportError where error.message.hasPrefix("the server exited") {
            throw ProbeKilledServer()
        } }

        var params = JSONObject()
        params["protocolVersion"] = .string(legacyVersion)
        params["capabilities"] = .object(JSONObject())
        params["clientInfo"] = ["name": "mcpguard", "version": .string(MCPGuardVersion.current)]
        let remainingTime = remaining(deadline)
        let result: JSONValue
        do {
            result = try await session.request("initialize", params: .object(params), timeout: remainingTime)
        } catch let timeout as MCPClientSession.Timeout {
            throw MCPClientSession.Timeout(method: timeout.method, seconds: seconds(options.startupTimeout))
        } catch let error as TransportError where probe && error.message.hasPrefix("the server exited") {
            // Some old servers choke on the probe and die only when the next message arrives.
            throw ProbeKilledServer()
        } catch let error as MCPClientSession.RemoteError where probe && error.error.code == ProtocolVersion.unsupportedVersionCode {
            // A modern server that was slower to start than the probe timeout: it answered the probe late and
            // now refuses initialize. Ask again, now that it is up.
            let result = try await session.request(
                "server/discover", params: ["_meta": ProtocolVersion.modernMeta(version: preferred)], timeout: remaining(deadline)
            )
            guard let handshake = Self.modernHandshake(result) else { throw error }
            return handshake
        }
        guard let version = result["protocolVersion"]?.stringValue else {
            throw TransportError("the initialize result has no protocolVersion")
        }
        guard ProtocolVersion.legacy.contains(version) else {
            throw TransportError("the server answered initialize with protocol version \(version), which mcpguard does not speak (it speaks \(ProtocolVersion.all.joined(separator: ", ")))")
        }
        try await session.notify("notifications/initialized")
        return Handshake(
            version: version, modern: false, serverInfo: result["serverInfo"], capabilities: result["capabilities"],
            instructions: result["instructions"]?.stringValue
        )
    }

    /// The handshake a `server/discover` result describes, when it offers a modern version mcpguard speaks.
    static func modernHandshake(_ result: JSONValue) -> Handshake? {
        let supported = result["supportedVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard let version = ProtocolVersion.modern.first(where: supported.contains) else { return nil }
        return Handshake(
            version: version, modern: true, serverInfo: result["_meta"]?["io.modelcontextprotocol/serverInfo"] ?? result["serverInfo"],
            capabilities: result["capabilities"], instructions: result["instructions"]?.stringValue
        )
    }

    /// Every page of a list, objects as received.
    func list(_ session: MCPClientSession, _ method: String, key: String, meta: JSONValue?, optional: Bool) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var cursor: String?
        var seenCursors: Set<String> = []
        for _ in 0..<options.maxPages {
            var params = JSONObject()
            if let cursor { params["cursor"] = .string(cursor) }
            if let meta { params["_meta"] = meta }
            let result: JSONValue
            do {
                result = try await session.request(method, params: params.isEmpty ? nil : .object(params), timeout: options.requestTimeout)
            } catch let error as MCPClientSession.RemoteError where optional && error.error.code == JSONRPCErrorObject.methodNotFound {
                return []
            }
            guard let page = result[key]?.arrayValue else {
                throw TransportError("\(method) returned no \"\(key)\" array")
            }
            items.append(contentsOf: page.filter { $0.objectValue != nil })
            guard let next = result["nextCursor"]?.stringValue, !next.isEmpty else { return items }
            guard seenCursors.insert(next).inserted else {
                throw TransportError("\(method) repeated cursor \"\(next)\": pagination loops")
            }
            cursor = next
        }
        throw TransportError("\(method) returned more than \(options.maxPages) pages")
    }

    private func remaining(_ deadline: ContinuousClock.Instant) -> Duration {
        max(.milliseconds(1), deadline - ContinuousClock.now)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One line: the error, then the last line of stderr if there is one.
    func describe(_ error: any Error, diagnostics: String) -> String {
        var text = "\(error)"
        let tail = diagnostics.split(separator: "\n").suffix(3).joined(separator: " | ")
        if !tail.isEmpty {
            let clipped = tail.count > 300 ? "…" + tail.suffix(300) : Substring(tail)
            text += "; stderr: \(clipped)"
        }
        return text
    }
}
