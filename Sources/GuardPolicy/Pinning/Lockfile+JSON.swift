import Foundation
import GuardCore

/// Why a lockfile cannot be used. Lockfiles fail closed: a file that does not parse, or whose hashes do not
/// match their definitions, is an error, never "nothing pinned".
public struct LockfileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

extension Lockfile {
    /// The lockfile as JSON: sorted keys, two-space indent, newline at the end.
    public func serialized() -> String {
        var root = JSONObject()
        root["version"] = .number(JSONNumber(Self.currentVersion))
        var servers = JSONObject()
        for key in self.servers.keys.sorted() {
            let server = self.servers[key]!
            var object = JSONObject()
            object["display"] = .string(server.display)
            object["names"] = .array(server.names.sorted().map(JSONValue.string))
            if let instructions = server.instructions { object["instructions"] = Self.pinValue(instructions) }
            object["tools"] = Self.pinsValue(server.tools)
            object["prompts"] = Self.pinsValue(server.prompts)
            object["resourceTemplates"] = Self.pinsValue(server.resourceTemplates)
            servers[key] = .object(object)
        }
        root["servers"] = .object(servers)
        return JSONWriter(options: .init(indent: 2, sortKeys: true)).string(.object(root)) + "\n"
    }

    static func pinValue(_ pin: Pin) -> JSONValue {
        ["sha256": .string(pin.hash), "definition": pin.definition]
    }

    static func pinsValue(_ pins: [String: Pin]) -> JSONValue {
        var object = JSONObject()
        for name in pins.keys.sorted() { object[name] = pinValue(pins[name]!) }
        return .object(object)
    }

    /// Reads and verifies a lockfile: every hash must match its definition.
    public init(text: String, path: String) throws(LockfileError) {
        func fail(_ message: String) -> LockfileError { LockfileError(path: path, message: message) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw fail("not valid JSON: \(error)")
        }
        guard root["version"]?.numberValue?.intValue == Self.currentVersion else {
            throw fail("unsupported lockfile version \(root["version"]?.jsonString ?? "(none)"); this mcpguard reads version \(Self.currentVersion)")
        }
        guard let servers = root["servers"]?.objectValue else { throw fail("\"servers\" is missing or not an object") }
        var parsed: [String: Server] = [:]
        for (key, value) in servers.members {
            guard key.hasPrefix("stdio:") || key.hasPrefix("remote:") else { throw fail("server key \"\(key)\" is not a server identity") }
            func pin(_ value: JSONValue?, _ where_: String) throws(LockfileError) -> Pin {
                guard let hash = value?["sha256"]?.stringValue, let definition = value?["definition"] else {
                    throw fail("\(where_) needs \"sha256\" and \"definition\"")
                }
                guard CanonicalJSON.hash(definition) == hash else {
                    throw fail("\(where_): the hash does not match the definition (the lockfile was edited by hand or corrupted); re-pin with mcpguard pin")
                }
                return Pin(hash: hash, definition: definition)
            }
            func pins(_ name: String) throws(LockfileError) -> [String: Pin] {
                guard let object = value[name]?.objectValue else { return [:] }
                var result: [String: Pin] = [:]
                for (item, pinValue) in object.members { result[item] = try pin(pinValue, "servers.\(key).\(name).\(item)") }
                return result
            }
            parsed[key] = Server(
                identity: key, display: value["display"]?.stringValue ?? key,
                names: value["names"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                instructions: try value["instructions"].map { v throws(LockfileError) in try pin(v, "servers.\(key).instructions") },
                tools: try pins("tools"), prompts: try pins("prompts"), resourceTemplates: try pins("resourceTemplates")
            )
        }
        self.init(servers: parsed)
    }

    /// Reads `path`; nil when the file does not exist.
    public static func load(_ path: String) throws(LockfileError) -> Lockfile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LockfileError(path: path, message: "cannot read the file")
        }
        return try Lockfile(text: text, path: path)
    }

    /// Where a scan looks for a lockfile when none is named: `mcpguard.lock` in the working directory or
    /// the nearest ancestor, then the user state directory.
    public static func defaultLocations(workingDirectory: String, environment: [String: String]) -> [String] {
        var locations: [String] = []
        var directory = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        while true {
            locations.append(directory.appendingPathComponent(fileName).path)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let state = environment["XDG_STATE_HOME"] ?? (home + "/.local/state")
        locations.append(state + "/mcpguard/" + fileName)
        return locations
    }
}
