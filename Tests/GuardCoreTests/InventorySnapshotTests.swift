import Testing

@testable import GuardCore

@Suite("Inventory snapshot")
struct InventorySnapshotTests {
    static let sample = """
        {"version":1,"servers":[
          {"name":"time","source":{"host":"cursor","path":"/h/.cursor/mcp.json","line":4},"transport":"stdio",
           "command":"uvx","args":["mcp-server-time"],"status":"ok","protocolVersion":"2025-06-18",
           "serverInfo":{"name":"mcp-time","version":"1.0"},"instructions":"Use UTC.",
           "tools":[{"name":"get_current_time","description":"Get the time","inputSchema":{"type":"object"},"x-extra":1.50}],
           "prompts":[],"resources":[],"resourceTemplates":[]},
          {"name":"remote","transport":"http","url":"https://mcp.example/mcp","status":"failed","error":"timed out"}
        ]}
        """

    @Test("reads servers with tools kept exactly as sent")
    func reads() throws {
        let snapshot = try InventorySnapshot(jsonBytes: Array(Self.sample.utf8))
        #expect(snapshot.servers.count == 2)
        let time = snapshot.servers[0]
        #expect(time.source == .init(host: "cursor", path: "/h/.cursor/mcp.json", line: 4))
        #expect(time.toolNames == ["get_current_time"])
        #expect(time.tools[0]["x-extra"]?.numberValue?.literal == "1.50")
        #expect(time.instructions == "Use UTC.")
        #expect(time.endpointDescription == "uvx mcp-server-time")
        #expect(time.location(pointer: "/tools/0").line == 4)
        let remote = snapshot.servers[1]
        #expect(remote.transport == .http)
        #expect(remote.status == .failed)
        #expect(remote.error == "timed out")
        #expect(remote.endpointDescription == "https://mcp.example/mcp")
    }

    @Test("writing and reading again gives the same snapshot")
    func roundTrip() throws {
        let snapshot = try InventorySnapshot(jsonBytes: Array(Self.sample.utf8))
        let again = try InventorySnapshot(json: snapshot.jsonValue)
        #expect(again == snapshot)
    }

    static let brokenDocuments: [(String, String)] = [
        ("[]", "a snapshot must be a JSON object, found array"),
        (#"{"servers":[]}"#, "version: missing or not an integer"),
        (#"{"version":2,"servers":[]}"#, "version: unsupported snapshot version 2; this mcpguard reads version 1"),
        (#"{"version":1}"#, "servers: missing or not an array"),
        (#"{"version":1,"servers":[{}]}"#, "servers[0].name: missing"),
        (#"{"version":1,"servers":[{"name":"a","transport":"ws"}]}"#, #"servers[0].transport: unknown transport "ws" (expected stdio, http or sse)"#),
        (#"{"version":1,"servers":[{"name":"a","tools":[1]}]}"#, "servers[0].tools[0]: must be an object, found integer"),
        (#"{"version":1,"servers":[{"name":"a","args":"x"}]}"#, "servers[0].args: must be an array, found string"),
        (#"{"version":1,"servers":[{"name":"a","source":{"line":"3"}}]}"#, "servers[0].source.line: must be an integer, found string"),
        (#"{"version":1,"servers":[{"name":"a","status":"meh"}]}"#, #"servers[0].status: unknown status "meh" (expected ok, failed or skipped)"#),
        ("{\"version\":1,\n\"servers\":[}", "not valid JSON: line 2, column 12: found '}' where an array element was expected"),
    ]

    @Test("broken snapshots name the member that is wrong", arguments: brokenDocuments)
    func broken(text: String, message: String) {
        do {
            _ = try InventorySnapshot(jsonBytes: Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
