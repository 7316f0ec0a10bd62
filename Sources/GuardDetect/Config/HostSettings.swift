import GuardCore

/// Reads the host settings that let tools and commands run without the user's confirmation.
///
/// A setting is read from whichever file holds it: the keys are specific enough to one host that a file of
/// another never carries them, and a user may name any file with `--config`.
///
/// - Claude Code: `permissions.allow` (and the older top-level and per-project `allowedTools` of
///   `~/.claude.json`) for whole servers, single tools and tool patterns; `permissions.defaultMode`;
///   `enableAllProjectMcpServers`. `enabledMcpjsonServers` is not reported: approving project servers one by
///   one is what Claude Code asks for instead of the blanket switch, and `disabledMcpjsonServers` only takes away.
/// - Cursor: `~/.cursor/permissions.json` `mcpAllowlist` (`server:tool`) and `terminalAllowlist`.
/// - VS Code: `chat.tools.autoApprove`, `chat.tools.global.autoApprove`, `chat.permissions.default`,
///   `chat.tools.terminal.autoApprove`.
/// - Gemini CLI: `tools.autoAccept` (and the flat v1 `autoAccept`), `general.defaultApprovalMode`. YOLO mode
///   cannot be set in a settings file, only on the command line, so it is not looked for.
/// - Codex: ``CodexSettings``.
///
/// Windsurf keeps Turbo mode in its settings panel and documents no file key for it; its MCP config has no
/// approval list, so nothing is read for it.
public enum HostSettings {
    public typealias Setting = HostConfig.Setting

    public static func read(_ root: JSONObject, lines: JSONKeyLines) -> [Setting] {
        claude(root, lines) + cursor(root, lines) + vscode(root, lines) + gemini(root, lines) + CodexSettings.read(root, lines: lines)
    }

    // MARK: Claude Code

    static func claude(_ root: JSONObject, _ lines: JSONKeyLines) -> [Setting] {
        var result: [Setting] = []
        func enableAll(_ object: JSONObject, base: String) {
            guard object["enableAllProjectMcpServers"]?.boolValue == true else { return }
            let pointer = base + "/enableAllProjectMcpServers"
            result.append(Setting(
                kind: .approval, severity: .high,
                description: "Host setting auto-approves MCP tools: enableAllProjectMcpServers approves every server any project's .mcp.json declares",
                evidence: "\"enableAllProjectMcpServers\": true", pointer: pointer, line: lines.line(pointer)
            ))
        }
        enableAll(root, base: "")
        if let allow = root["permissions"]?["allow"]?.arrayValue {
            result += claudeAllows(allow, key: "permissions.allow", pointer: "/permissions/allow", lines)
        }
        if let allow = root["allowedTools"]?.arrayValue {
            result += claudeAllows(allow, key: "allowedTools", pointer: "/allowedTools", lines)
        }
        for (path, project) in root["projects"]?.objectValue?.members ?? [] {
            guard let object = project.objectValue else { continue }
            let base = "/projects/" + FindingLocation.pointerToken(path)
            enableAll(object, base: base)
            if let allow = object["allowedTools"]?.arrayValue {
                result += claudeAllows(allow, key: "allowedTools of \(path)", pointer: base + "/allowedTools", lines)
            }
        }
        // `default`, `plan` and `dontAsk` (which refuses what is not pre-approved) leave the prompts on.
        if let mode = root["permissions"]?["defaultMode"]?.stringValue {
            let what: (Severity, String)? = switch mode {
            case "bypassPermissions": (.high, "turns every permission prompt off: every tool, MCP tools and shell commands included, runs without asking")
            case "auto": (.medium, "lets a classifier, not the user, approve tool calls; injected instructions get a model to argue with instead of a person")
            case "acceptEdits": (.low, "accepts file edits and common filesystem commands without asking (MCP tools still ask)")
            default: nil
            }
            if let (severity, effect) = what {
                result.append(Setting(
                    kind: .permissionMode, severity: severity, description: "permissions.defaultMode \"\(mode)\" \(effect)",
                    evidence: "\"defaultMode\": \"\(mode)\"", pointer: "/permissions/defaultMode", line: lines.line("/permissions/defaultMode")
                ))
            }
        }
        return result
    }

    /// Claude Code allow rules for MCP: `mcp__server` and `mcp__server__*` (every tool of the server),
    /// `mcp__server__tool`, `mcp__server__get_*` (a pattern). Other rules (`Bash(…)`, `Read(…)`) are not MCP's.
    static func claudeAllows(_ entries: [JSONValue], key: String, pointer: String, _ lines: JSONKeyLines) -> [Setting] {
        entries.enumerated().compactMap { index, entry in
            guard let rule = entry.stringValue, rule.hasPrefix("mcp__") else { return nil }
            let rest = rule.dropFirst(5)
            let server: String
            let tool: String?
            if let separator = rest.range(of: "__") {
                server = String(rest[..<separator.lowerBound])
                tool = String(rest[separator.upperBound...])
            } else {
                server = String(rest)
                tool = nil
            }
            let at = "\(pointer)/\(index)"
            guard let tool, !tool.isEmpty, tool != "*" else {
                return Setting(
                    kind: .approval, severity: .medium,
                    description: "Host setting auto-approves MCP tools: \(key) \"\(rule)\" runs every tool of that server without asking",
                    evidence: rule, pointer: at, line: lines.line(at)
                )
            }
            return toolApproval(server: server, tool: tool, setting: "\(key) \"\(rule)\"", evidence: rule, pointer: at, lines)
        }
    }

    // MARK: Tools and commands approved one by one

    /// One tool (or a `*` pattern of tools) of `server` approved in advance.
    ///
    /// A tool whose name says it deletes, writes files, runs commands, sends data or messages, handles
    /// credentials or moves funds is high: that is the call a person should see. A pattern of harmless-sounding
    /// names is medium, since it also approves tools the server adds later. A single harmless-sounding tool is
    /// low: approving reviewed read-only tools one by one is what the checklist asks for, and the finding
    /// keeps the list reviewable.
    static func toolApproval(server: String, tool: String, setting: String, evidence: String, pointer: String, _ lines: JSONKeyLines, configured: String? = nil) -> Setting {
        let isPattern = tool.contains("*") || tool.contains("?")
        let capabilities = CapabilityDetector.capabilities(of: ["name": .string(tool.replacingOccurrences(of: "*", with: ""))])
        let effects = CapabilityDetector.Capability.allCases.filter(capabilities.contains).map(\.phrase)
        let severity: Severity = !effects.isEmpty ? .high : (isPattern ? .medium : .low)
        let subject = isPattern ? "every tool of \(server) matching \(tool)" : "\(server)'s tool \(tool)"
        return Setting(
            kind: .approval, severity: severity, server: configured,
            description: "Host setting auto-approves MCP tools: \(setting) runs \(subject) without asking"
                + (effects.isEmpty ? "" : "; by its name it \(ToolPoisoningDetector.list(effects))"),
            evidence: evidence, extraChecklist: capabilities.contains(.fundsMovement) ? ["CRYPTO-05"] : [],
            pointer: pointer, line: lines.line(pointer)
        )
    }

    /// Terminal allow-list entries that approve every command: a match-all pattern, or a shell, interpreter
    /// or launcher that runs whatever code follows it (`bash`, `python`, `node`, `npx`, `sudo`, …).
    static func commandsApprovingEverything(_ commands: [String]) -> [String] {
        let launchers: Set<String> = [
            "sh", "bash", "zsh", "fish", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh", "python", "python3", "node",
            "deno", "bun", "perl", "ruby", "php", "npx", "bunx", "uvx", "sudo", "doas", "env", "xargs", "eval", "exec",
        ]
        let matchAll: Set<String> = ["*", "/.*/", "/.+/", "/^.*$/", "/^.+$/", "/.*/i", "/.*/s", "/[\\s\\S]*/"]
        return commands.filter { command in
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            return matchAll.contains(trimmed) || launchers.contains(trimmed.lowercased())
        }
    }

    static func commandApproval(_ approved: [String], setting: String, pointer: String, _ lines: JSONKeyLines) -> Setting? {
        let everything = commandsApprovingEverything(approved)
        guard !everything.isEmpty else { return nil }
        return Setting(
            kind: .approval, severity: .high,
            description: "Host setting auto-approves terminal commands: \(setting) runs \(ToolPoisoningDetector.list(everything.map { "\"\($0)\"" })) without asking, which approves any command",
            evidence: everything.joined(separator: ", "), pointer: pointer, line: lines.line(pointer)
        )
    }

    // MARK: Cursor

    static func cursor(_ root: JSONObject, _ lines: JSONKeyLines) -> [Setting] {
        var result: [Setting] = []
        for (index, entry) in (root["mcpAllowlist"]?.arrayValue ?? []).enumerated() {
            guard let rule = entry.stringValue, let colon = rule.firstIndex(of: ":") else { continue }
            let server = String(rule[..<colon])
            let tool = String(rule[rule.index(after: colon)...])
            let pointer = "/mcpAllowlist/\(index)"
            if server == "*" {
                result.append(Setting(
                    kind: .approval, severity: .high,
                    description: "Host setting auto-approves MCP tools: mcpAllowlist \"\(rule)\" runs tools of every MCP server without asking",
                    evidence: rule, pointer: pointer, line: lines.line(pointer)
                ))
            } else if tool == "*" || tool.isEmpty {
                result.append(Setting(
                    kind: .approval, severity: .medium,
                    description: "Host setting auto-approves MCP tools: mcpAllowlist \"\(rule)\" runs every tool of that server without asking",
                    evidence: rule, pointer: pointer, line: lines.line(pointer)
                ))
            } else {
                result.append(toolApproval(server: server, tool: tool, setting: "mcpAllowlist \"\(rule)\"", evidence: rule, pointer: pointer, lines))
            }
        }
        if let commands = root["terminalAllowlist"]?.arrayValue {
            result += [commandApproval(commands.compactMap(\.stringValue), setting: "terminalAllowlist", pointer: "/terminalAllowlist", lines)].compactMap { $0 }
        }
        return result
    }

    // MARK: VS Code

    static func vscode(_ root: JSONObject, _ lines: JSONKeyLines) -> [Setting] {
        var result: [Setting] = []
        for key in ["chat.tools.autoApprove", "chat.tools.global.autoApprove"] where root[key]?.boolValue == true {
            let pointer = "/" + FindingLocation.pointerToken(key)
            result.append(Setting(
                kind: .approval, severity: .high, description: "Host setting auto-approves MCP tools: \(key) runs every tool of every server without asking",
                evidence: "\"\(key)\": true", pointer: pointer, line: lines.line(pointer)
            ))
        }
        // Permission levels: `default` and `assisted` (a model judges each call) keep a check; these do not.
        if let level = root["chat.permissions.default"]?.stringValue, ["autoApprove", "autopilot"].contains(level) {
            let pointer = "/chat.permissions.default"
            result.append(Setting(
                kind: .permissionMode, severity: .high,
                description: "chat.permissions.default \"\(level)\" starts every agent session approving all tool calls and terminal commands"
                    + (level == "autopilot" ? ", and answering the tools' own questions" : ""),
                evidence: "\"chat.permissions.default\": \"\(level)\"", pointer: pointer, line: lines.line(pointer)
            ))
        }
        // `{"git status": true, "/^npm test/": true, "rm": false}`; a rule may also be `{"approve": true, …}`.
        if let rules = root["chat.tools.terminal.autoApprove"]?.objectValue {
            let approved = rules.members.filter { $0.value.boolValue == true || $0.value["approve"]?.boolValue == true }.map(\.key)
            if let setting = commandApproval(approved, setting: "chat.tools.terminal.autoApprove", pointer: "/chat.tools.terminal.autoApprove", lines) {
                result.append(setting)
            }
        }
        return result
    }

    // MARK: Gemini CLI

    static func gemini(_ root: JSONObject, _ lines: JSONKeyLines) -> [Setting] {
        var result: [Setting] = []
        for (pointer, value) in [("/tools/autoAccept", root["tools"]?["autoAccept"]), ("/autoAccept", root["autoAccept"])] where value?.boolValue == true {
            result.append(Setting(
                kind: .permissionMode, severity: .low,
                description: "\(pointer.dropFirst().replacingOccurrences(of: "/", with: ".")) runs the tool calls Gemini CLI judges safe (read-only) without asking",
                evidence: "\"autoAccept\": true", pointer: pointer, line: lines.line(pointer)
            ))
        }
        if root["general"]?["defaultApprovalMode"]?.stringValue == "auto_edit" {
            result.append(Setting(
                kind: .permissionMode, severity: .low,
                description: "general.defaultApprovalMode \"auto_edit\" accepts file edits without asking",
                evidence: "\"defaultApprovalMode\": \"auto_edit\"", pointer: "/general/defaultApprovalMode", line: lines.line("/general/defaultApprovalMode")
            ))
        }
        return result
    }
}
