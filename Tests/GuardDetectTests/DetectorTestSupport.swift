import GuardCore

@testable import GuardDetect

/// Builds inventories and runs one detector, for the detector tests.
enum Probe {
    static func tool(_ name: String, _ description: String, properties: [String: String] = [:], annotations: JSONValue? = nil) -> JSONValue {
        var schemaProperties = JSONObject()
        for (key, text) in properties.sorted(by: { $0.key < $1.key }) {
            schemaProperties[key] = ["type": "string", "description": .string(text)]
        }
        var object = JSONObject()
        object["name"] = .string(name)
        object["description"] = .string(description)
        object["inputSchema"] = ["type": "object", "properties": .object(schemaProperties)]
        if let annotations { object["annotations"] = annotations }
        return .object(object)
    }

    static func server(_ name: String, tools: [JSONValue], instructions: String? = nil) -> ServerInventory {
        ServerInventory(name: name, source: .init(host: "test", path: "/cfg/\(name).json", line: 2), command: "run-\(name)", instructions: instructions, tools: tools)
    }

    static func findings(_ detector: some Detector, servers: [ServerInventory], configs: [ConfigDocument] = []) -> [Finding] {
        DetectionEngine(detectors: [detector]).analyze(DetectionInput(snapshot: InventorySnapshot(servers: servers), configs: configs))
    }

    /// Findings of medium or higher for a single tool with `description`.
    static func serious(_ detector: some Detector, description: String, properties: [String: String] = [:]) -> [Finding] {
        findings(detector, servers: [server("s", tools: [tool("t", description, properties: properties)])]).filter { $0.severity >= .medium }
    }
}
