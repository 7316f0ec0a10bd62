/// The inventory of every scanned server: the output of `mcpguard inventory --format json` and the
/// input of `mcpguard scan --snapshot`. The JSON form is a contract (see docs/contracts.md).
public struct InventorySnapshot: Sendable, Hashable {
    /// The only snapshot format version this build reads and writes.
    public static let currentVersion = 1

    public var version: Int
    public var servers: [ServerInventory]

    public init(servers: [ServerInventory]) {
        self.version = Self.currentVersion
        self.servers = servers
    }
}

/// Why a snapshot document could not be read; names the JSON path of the offending member.
public struct SnapshotError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
