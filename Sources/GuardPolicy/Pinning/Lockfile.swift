import GuardCore

/// `mcpguard.lock`: the approved definitions of every pinned server, keyed by server identity.
///
/// Meant to be committed: JSON with sorted keys, stable across runs (pinning the same servers twice gives
/// identical bytes), each definition stored in canonical form beside its hash so a change can be shown
/// field by field and reviewed in a pull request.
public struct Lockfile: Sendable, Equatable {
    public static let fileName = "mcpguard.lock"
    public static let currentVersion = 1

    /// One pinned definition.
    public struct Pin: Sendable, Equatable {
        public var hash: String
        /// The canonical definition (``CanonicalJSON/normalized(_:)``).
        public var definition: JSONValue

        public init(definition: JSONValue) {
            self.definition = CanonicalJSON.normalized(definition)
            self.hash = CanonicalJSON.hash(definition)
        }

        init(hash: String, definition: JSONValue) {
            self.hash = hash
            self.definition = definition
        }
    }

    /// Everything pinned for one server identity.
    public struct Server: Sendable, Equatable {
        public var identity: String
        /// The command line or URL, for people.
        public var display: String
        /// The names host configs gave the server (informational; never used to match).
        public var names: [String]
        public var instructions: Pin?
        public var tools: [String: Pin]
        public var prompts: [String: Pin]
        public var resourceTemplates: [String: Pin]

        public init(identity: String, display: String, names: [String], instructions: Pin?, tools: [String: Pin], prompts: [String: Pin], resourceTemplates: [String: Pin]) {
            self.identity = identity
            self.display = display
            self.names = names
            self.instructions = instructions
            self.tools = tools
            self.prompts = prompts
            self.resourceTemplates = resourceTemplates
        }
    }

    public var servers: [String: Server]

    public init(servers: [String: Server] = [:]) {
        self.servers = servers
    }

    /// Pins every successfully inventoried server of `snapshot` (failed and skipped ones are left out).
    public init(snapshot: InventorySnapshot) {
        var servers: [String: Server] = [:]
        for inventory in snapshot.servers where inventory.status == .ok {
            let identity = ServerIdentity.of(inventory, environmentNames: inventory.environmentNames)
            var server = Self.pins(for: inventory, identity: identity)
            if let existing = servers[identity.key] { server.names = Array(Set(existing.names + server.names)).sorted() }
            servers[identity.key] = server
        }
        self.servers = servers
    }

    /// The pins of one inventory: every tool, prompt and resource template by name, and the instructions.
    public static func pins(for inventory: ServerInventory, identity: ServerIdentity) -> Server {
        func keyed(_ values: [JSONValue], key: String) -> [String: Pin] {
            var result: [String: Pin] = [:]
            for value in values {
                guard let name = value[key]?.stringValue ?? value["name"]?.stringValue else { continue }
                result[name] = Pin(definition: definitionForHashing(value))
            }
            return result
        }
        return Server(
            identity: identity.key, display: identity.display, names: [inventory.name],
            instructions: inventory.instructions.map { Pin(definition: .string($0)) },
            tools: keyed(inventory.tools, key: "name"), prompts: keyed(inventory.prompts, key: "name"),
            resourceTemplates: keyed(inventory.resourceTemplates, key: "uriTemplate")
        )
    }

    /// Everything a model sees; `_meta` (server bookkeeping such as cache hints) is left out.
    public static func definitionForHashing(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object["_meta"] = nil
        return .object(object)
    }
}
