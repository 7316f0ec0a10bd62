import GuardCore

/// One MCP server as a host config declares it, before anything is launched.
public struct ConfiguredServer: Sendable, Hashable {
    public var name: String
    public var transport: ServerInventory.Transport
    public var command: String?
    public var args: [String]
    /// Environment the host passes, in file order. Values may be secrets: never print them unredacted.
    public var env: [KeyValue]
    public var url: String?
    public var headers: [KeyValue]
    /// Tools the host runs without asking (Cline `autoApprove`, Roo `alwaysAllow`, Kiro `autoApprove`).
    public var autoApprovedTools: [String]
    /// Gemini CLI `trust: true`: every call runs without confirmation.
    public var trusted: Bool
    public var disabled: Bool
    /// Pointer of the entry in the config file (`/mcpServers/github`) and its line.
    public var pointer: String
    public var line: Int?
    /// The entry exactly as written.
    public var raw: JSONValue

    public struct KeyValue: Sendable, Hashable {
        public let key: String
        public let value: String
    }
}

/// A parsed host config file: its servers and the host-wide settings that matter for security.
public struct HostConfig: Sendable {
    public var document: ConfigDocument
    public var servers: [ConfiguredServer]
    /// Host-wide approvals: Claude Code `enableAllProjectMcpServers`, `permissions.allow` entries for whole
    /// MCP servers, VS Code `chat.tools.autoApprove`. Each with its pointer and line.
    public var approvals: [Approval]
    public var keyLines: JSONKeyLines

    public struct Approval: Sendable, Hashable {
        public let description: String
        public let pointer: String
        public let line: Int?
    }
}

/// Why a config file could not be read as a host config.
public struct HostConfigError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public let line: Int?
    public var description: String { message }
}
