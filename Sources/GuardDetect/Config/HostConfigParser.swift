import GuardCore

/// Reads MCP server entries out of host config files (JSON, JSONC and Codex's TOML).
///
/// Every host spells its config a little differently; this parser knows the shapes and normalises them
/// into ``ConfiguredServer``s: `mcpServers` (Claude Desktop, Claude Code, Cursor, Windsurf, Cline, Roo,
/// Gemini CLI, Kiro), `servers` and `mcp.servers` (VS Code), `context_servers` (Zed), `mcp` (opencode), and
/// Claude Code's per-project `projects.<path>.mcpServers`.
public enum HostConfigParser {
    public static func parse(_ document: ConfigDocument) -> Result<HostConfig, HostConfigError> {
        let value: JSONValue
        let keyLines: JSONKeyLines
        if document.path.lowercased().hasSuffix(".toml") {
            do {
                let parsed = try TOMLSubsetParser.parse(document.text)
                value = parsed.value
                keyLines = JSONKeyLines(lines: parsed.tableLines)
            } catch {
                return .failure(HostConfigError(path: document.path, message: "not valid TOML: \(error)", line: error.line))
            }
        } else {
            do {
                value = try JSONParser(options: .jsonc).parse(document.text)
            } catch {
                return .failure(HostConfigError(path: document.path, message: "not valid JSON: \(error)", line: error.line))
            }
            keyLines = JSONKeyLines(text: document.text)
        }
        guard let root = value.objectValue else {
            return .failure(HostConfigError(path: document.path, message: "expected an object at the top, found \(value.typeName)", line: 1))
        }
        var servers: [ConfiguredServer] = []
        func addServers(_ container: JSONValue?, pointer: String, style: EntryStyle) {
            guard let object = container?.objectValue else { return }
            for (name, entry) in object.members {
                let entryPointer = pointer + "/" + FindingLocation.pointerToken(name)
                if let server = server(name: name, entry: entry, pointer: entryPointer, style: style, lines: keyLines) {
                    servers.append(server)
                }
            }
        }
        addServers(root["mcpServers"], pointer: "/mcpServers", style: .standard)
        addServers(root["servers"], pointer: "/servers", style: .standard)
        addServers(root["mcp.servers"], pointer: "/mcp.servers", style: .standard)
        if let mcp = root["mcp"]?.objectValue {
            if mcp["servers"] != nil {
                addServers(mcp["servers"], pointer: "/mcp/servers", style: .standard)
            } else {
                addServers(root["mcp"], pointer: "/mcp", style: .opencode)
            }
        }
        addServers(root["context_servers"], pointer: "/context_servers", style: .zed)
        addServers(root["mcp_servers"], pointer: "/mcp_servers", style: .standard)
        if let projects = root["projects"]?.objectValue {
            for (path, project) in projects.members {
                addServers(project["mcpServers"], pointer: "/projects/\(FindingLocation.pointerToken(path))/mcpServers", style: .standard)
            }
        }
        return .success(HostConfig(document: document, servers: servers, settings: HostSettings.read(root, lines: keyLines), keyLines: keyLines))
    }

    enum EntryStyle { case standard, zed, opencode }

    static func server(name: String, entry: JSONValue, pointer: String, style: EntryStyle, lines: JSONKeyLines) -> ConfiguredServer? {
        guard let object = entry.objectValue else { return nil }
        var command: String?
        var args: [String] = []
        var envValue = object["env"]
        switch style {
        case .standard:
            command = object["command"]?.stringValue
            args = strings(object["args"])
        case .zed:
            if let nested = object["command"]?.objectValue {
                command = nested["path"]?.stringValue
                args = strings(nested["args"])
                envValue = nested["env"] ?? envValue
            } else {
                command = object["command"]?.stringValue
                args = strings(object["args"])
            }
        case .opencode:
            let parts = strings(object["command"])
            command = parts.first ?? object["command"]?.stringValue
            args = Array(parts.dropFirst())
            envValue = object["environment"] ?? envValue
        }
        let url = object["url"]?.stringValue ?? object["httpUrl"]?.stringValue ?? object["serverUrl"]?.stringValue
        let type = (object["type"]?.stringValue ?? object["transport"]?.stringValue ?? "").lowercased()
        let transport: ServerInventory.Transport =
            url == nil || command != nil ? .stdio : (type == "sse" ? .sse : .http)
        return ConfiguredServer(
            name: name, transport: transport, command: command, args: args, env: keyValues(envValue), url: url,
            headers: keyValues(object["headers"] ?? object["http_headers"] ?? object["requestInit"]?["headers"]),
            autoApprovedTools: strings(object["autoApprove"]) + strings(object["alwaysAllow"]),
            trusted: object["trust"]?.boolValue == true,
            disabled: object["disabled"]?.boolValue == true || object["enabled"]?.boolValue == false,
            pointer: pointer, line: lines.line(pointer), raw: entry
        )
    }

    static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    static func keyValues(_ value: JSONValue?) -> [ConfiguredServer.KeyValue] {
        guard let object = value?.objectValue else { return [] }
        return object.members.compactMap { key, value in
            switch value {
            case .string(let string): ConfiguredServer.KeyValue(key: key, value: string)
            case .number(let number): ConfiguredServer.KeyValue(key: key, value: number.literal)
            case .bool(let bool): ConfiguredServer.KeyValue(key: key, value: bool ? "true" : "false")
            default: nil
            }
        }
    }
}
