import GuardCore

/// Codex's `config.toml` settings that skip confirmations or the sandbox.
///
/// - `approval_policy = "never"`: Codex never asks before running a command or an MCP tool.
/// - `sandbox_mode = "danger-full-access"` (and the permission profile `default_permissions =
///   ":danger-full-access"`): the agent's commands run with the user's full rights, no sandbox.
/// - `[mcp_servers.NAME] default_tools_approval_mode = "approve"` and `[mcp_servers.NAME.tools.TOOL]
///   approval_mode = "approve"`: the server's tools (or one tool) run without asking. `auto` (ask when the
///   tool's annotations say it is destructive) and `prompt` (always ask) keep a check.
///
/// The same keys under `[profiles.NAME]` apply when that profile is chosen: with `profile = "NAME"` at the top
/// (every session, so as grave as a top-level key) or with `codex --profile NAME` (one session, one step lower).
public enum CodexSettings {
    public typealias Setting = HostConfig.Setting

    public static func read(_ root: JSONObject, lines: JSONKeyLines) -> [Setting] {
        var result = modes(root, base: "", scope: nil, severityDrop: false, lines)
        let active = root["profile"]?.stringValue
        for (name, profile) in root["profiles"]?.objectValue?.members ?? [] {
            guard let object = profile.objectValue else { continue }
            let scope = name == active ? "profile \(name) (the default profile)" : "profile \(name) (used with --profile \(name))"
            result += modes(object, base: "/profiles/" + FindingLocation.pointerToken(name), scope: scope, severityDrop: name != active, lines)
        }
        for (server, entry) in root["mcp_servers"]?.objectValue?.members ?? [] {
            guard let object = entry.objectValue else { continue }
            let base = "/mcp_servers/" + FindingLocation.pointerToken(server)
            if object["default_tools_approval_mode"]?.stringValue == "approve" {
                let pointer = base + "/default_tools_approval_mode"
                result.append(Setting(
                    kind: .approval, severity: .medium, server: server,
                    description: "Host setting auto-approves MCP tools: default_tools_approval_mode \"approve\" runs every tool of \(server) without asking",
                    evidence: "default_tools_approval_mode = \"approve\"", pointer: pointer, line: lines.line(pointer)
                ))
            }
            for (tool, settings) in object["tools"]?.objectValue?.members ?? [] where settings["approval_mode"]?.stringValue == "approve" {
                let pointer = base + "/tools/" + FindingLocation.pointerToken(tool) + "/approval_mode"
                result.append(HostSettings.toolApproval(
                    server: server, tool: tool, setting: "approval_mode \"approve\" of [mcp_servers.\(server).tools.\(tool)]",
                    evidence: "approval_mode = \"approve\"", pointer: pointer, lines, configured: server
                ))
            }
        }
        return result
    }

    static func modes(_ table: JSONObject, base: String, scope: String?, severityDrop: Bool, _ lines: JSONKeyLines) -> [Setting] {
        var result: [Setting] = []
        let severity: Severity = severityDrop ? .medium : .high
        let suffix = scope.map { " in \($0)" } ?? ""
        if table["approval_policy"]?.stringValue == "never" {
            let pointer = base + "/approval_policy"
            result.append(Setting(
                kind: .permissionMode, severity: severity,
                description: "approval_policy \"never\"\(suffix) lets Codex run commands and MCP tools without ever asking",
                evidence: "approval_policy = \"never\"", pointer: pointer, line: lines.line(pointer)
            ))
        }
        for (key, value) in [("sandbox_mode", "danger-full-access"), ("default_permissions", ":danger-full-access")] where table[key]?.stringValue == value {
            let pointer = base + "/" + key
            result.append(Setting(
                kind: .sandbox, severity: severity,
                description: "\(key) \"\(value)\"\(suffix) runs the agent's commands with your full rights, outside any sandbox",
                evidence: "\(key) = \"\(value)\"", pointer: pointer, line: lines.line(pointer)
            ))
        }
        return result
    }
}
