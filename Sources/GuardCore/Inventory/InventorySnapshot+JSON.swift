extension InventorySnapshot {
    /// Reads a snapshot from JSON bytes.
    ///
    /// - Throws: ``SnapshotError`` naming the member that is missing or of the wrong type, or wrapping the
    ///   ``JSONParseError`` with its line and column.
    public init(jsonBytes: [UInt8]) throws(SnapshotError) {
        let value: JSONValue
        do {
            value = try JSONParser().parse(jsonBytes)
        } catch {
            throw SnapshotError(path: "", message: "not valid JSON: \(error)")
        }
        try self.init(json: value)
    }

    /// Reads a snapshot from a parsed JSON value.
    public init(json: JSONValue) throws(SnapshotError) {
        guard let root = json.objectValue else {
            throw SnapshotError(path: "", message: "a snapshot must be a JSON object, found \(json.typeName)")
        }
        guard let version = root["version"]?.numberValue?.intValue else {
            throw SnapshotError(path: "version", message: "missing or not an integer")
        }
        guard version == Self.currentVersion else {
            throw SnapshotError(
                path: "version", message: "unsupported snapshot version \(version); this mcpguard reads version 1"
            )
        }
        guard let servers = root["servers"]?.arrayValue else {
            throw SnapshotError(path: "servers", message: "missing or not an array")
        }
        var parsed: [ServerInventory] = []
        for (index, element) in servers.enumerated() {
            parsed.append(try ServerInventory(json: element, path: "servers[\(index)]"))
        }
        self.init(servers: parsed)
    }

    /// The snapshot as JSON, members in contract order.
    public var jsonValue: JSONValue {
        var root = JSONObject()
        root["version"] = .number(JSONNumber(version))
        root["servers"] = .array(servers.map(\.jsonValue))
        return .object(root)
    }
}

extension ServerInventory {
    init(json: JSONValue, path: String) throws(SnapshotError) {
        guard let object = json.objectValue else {
            throw SnapshotError(path: path, message: "a server must be an object, found \(json.typeName)")
        }
        let reader = MemberReader(object: object, path: path)
        let name = try reader.requiredString("name")
        let transportName = try reader.optionalString("transport") ?? "stdio"
        guard let transport = Transport(rawValue: transportName) else {
            throw SnapshotError(
                path: "\(path).transport", message: "unknown transport \"\(transportName)\" (expected stdio, http or sse)"
            )
        }
        let statusName = try reader.optionalString("status") ?? "ok"
        guard let status = Status(rawValue: statusName) else {
            throw SnapshotError(
                path: "\(path).status", message: "unknown status \"\(statusName)\" (expected ok, failed or skipped)"
            )
        }
        var source = Source()
        if let sourceValue = object["source"], !sourceValue.isNull {
            guard let sourceObject = sourceValue.objectValue else {
                throw SnapshotError(path: "\(path).source", message: "must be an object")
            }
            let sourceReader = MemberReader(object: sourceObject, path: "\(path).source")
            source = Source(
                host: try sourceReader.optionalString("host"), path: try sourceReader.optionalString("path"),
                line: try sourceReader.optionalInt("line")
            )
        }
        self.init(
            name: name, source: source, transport: transport, command: try reader.optionalString("command"),
            args: try reader.stringArray("args"), environmentNames: try reader.stringArray("env"), url: try reader.optionalString("url"), status: status,
            error: try reader.optionalString("error"), serverInfo: reader.optionalValue("serverInfo"),
            protocolVersion: try reader.optionalString("protocolVersion"),
            capabilities: reader.optionalValue("capabilities"), instructions: try reader.optionalString("instructions"),
            tools: try reader.objectArray("tools"), prompts: try reader.objectArray("prompts"),
            resources: try reader.objectArray("resources"), resourceTemplates: try reader.objectArray("resourceTemplates")
        )
    }

    /// The server as snapshot JSON; optional members are omitted when unknown.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["name"] = .string(name)
        var sourceObject = JSONObject()
        if let host = source.host { sourceObject["host"] = .string(host) }
        if let path = source.path { sourceObject["path"] = .string(path) }
        if let line = source.line { sourceObject["line"] = .number(JSONNumber(line)) }
        object["source"] = .object(sourceObject)
        object["transport"] = .string(transport.rawValue)
        if let command { object["command"] = .string(command) }
        if !args.isEmpty || transport == .stdio { object["args"] = .array(args.map(JSONValue.string)) }
        if !environmentNames.isEmpty { object["env"] = .array(environmentNames.map(JSONValue.string)) }
        if let url { object["url"] = .string(url) }
        object["status"] = .string(status.rawValue)
        if let error { object["error"] = .string(error) }
        if let serverInfo { object["serverInfo"] = serverInfo }
        if let protocolVersion { object["protocolVersion"] = .string(protocolVersion) }
        if let capabilities { object["capabilities"] = capabilities }
        if let instructions { object["instructions"] = .string(instructions) }
        object["tools"] = .array(tools)
        object["prompts"] = .array(prompts)
        object["resources"] = .array(resources)
        object["resourceTemplates"] = .array(resourceTemplates)
        return .object(object)
    }
}

/// Typed reads of an object's members with errors that name the member's path.
private struct MemberReader {
    let object: JSONObject
    let path: String

    func optionalValue(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func requiredString(_ key: String) throws(SnapshotError) -> String {
        guard let value = object[key] else { throw SnapshotError(path: "\(path).\(key)", message: "missing") }
        guard let string = value.stringValue else {
            throw SnapshotError(path: "\(path).\(key)", message: "must be a string, found \(value.typeName)")
        }
        return string
    }

    func optionalString(_ key: String) throws(SnapshotError) -> String? {
        guard let value = optionalValue(key) else { return nil }
        guard let string = value.stringValue else {
            throw SnapshotError(path: "\(path).\(key)", message: "must be a string, found \(value.typeName)")
        }
        return string
    }

    func optionalInt(_ key: String) throws(SnapshotError) -> Int? {
        guard let value = optionalValue(key) else { return nil }
        guard let number = value.numberValue?.intValue else {
            throw SnapshotError(path: "\(path).\(key)", message: "must be an integer, found \(value.typeName)")
        }
        return number
    }

    func stringArray(_ key: String) throws(SnapshotError) -> [String] {
        guard let value = optionalValue(key) else { return [] }
        guard let array = value.arrayValue else {
            throw SnapshotError(path: "\(path).\(key)", message: "must be an array, found \(value.typeName)")
        }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let string = element.stringValue else {
                throw SnapshotError(path: "\(path).\(key)[\(index)]", message: "must be a string, found \(element.typeName)")
            }
            strings.append(string)
        }
        return strings
    }

    func objectArray(_ key: String) throws(SnapshotError) -> [JSONValue] {
        guard let value = optionalValue(key) else { return [] }
        guard let array = value.arrayValue else {
            throw SnapshotError(path: "\(path).\(key)", message: "must be an array, found \(value.typeName)")
        }
        for (index, element) in array.enumerated() where element.objectValue == nil {
            throw SnapshotError(path: "\(path).\(key)[\(index)]", message: "must be an object, found \(element.typeName)")
        }
        return array
    }
}
