/// The MCP protocol revisions mcpguard speaks, newest first.
public enum ProtocolVersion {
    /// Revisions with per-request `_meta` and `server/discover` (no `initialize`).
    public static let modern = ["2026-07-28"]
    /// Revisions with the `initialize` handshake.
    public static let legacy = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    public static let all = modern + legacy

    /// The `_meta` member a modern request carries.
    static func modernMeta(version: String) -> JSONValue {
        [
            "io.modelcontextprotocol/protocolVersion": .string(version),
            "io.modelcontextprotocol/clientInfo": ["name": "mcpguard", "version": .string(MCPGuardVersion.current)],
            "io.modelcontextprotocol/clientCapabilities": .object(JSONObject()),
        ]
    }

    /// The error code of `UnsupportedProtocolVersionError` (2026-07-28).
    static let unsupportedVersionCode = -32022
}

import GuardCore
