import GuardCore
import GuardPolicy
import Testing

@testable import GuardScan

/// `mcpguard policy init` as a library call: the text must be a policy the reader accepts, with risky tools
/// under ask and honest ones allowed.
@Suite("Starter policy")
struct StarterPolicyTests {
    @Test("risky tools start as ask, read-only ones as allow, failed servers are left out, and the result parses")
    func starter() throws {
        let delete: JSONValue = ["name": "delete_file", "description": "Delete a file from disk permanently.", "inputSchema": ["type": "object", "properties": ["path": ["type": "string"]]]]
        let read: JSONValue = ["name": "get_weather", "description": "Get the weather for a city.", "inputSchema": ["type": "object", "properties": ["city": ["type": "string"]]]]
        var broken = ServerInventory(name: "broken", command: "python", args: ["b.py"])
        broken.status = .failed
        let snapshot = InventorySnapshot(servers: [ServerInventory(name: "files", command: "python", args: ["f.py"], tools: [delete, read]), broken])
        let text = StarterPolicy(snapshot: snapshot).yaml(output: "p.yaml")
        let policy = try Policy(yaml: text, path: "p.yaml")
        let rules = policy.rules(for: "files")
        #expect(rules.tools["delete_file"]?.action == .ask)
        #expect(rules.tools["get_weather"]?.action == .allow)
        #expect(!text.contains("broken"))
        #expect(text.contains("mcpguard policy check p.yaml"))
        #expect(PolicySchema.problems(yaml: text).isEmpty)
    }
}
