import GuardCore
import Testing

@testable import GuardScan

@Suite("Demo data")
struct DemoDataTests {
    @Test("the demo snapshot parses and lists the six servers of the demo config")
    func parses() throws {
        let snapshot = try InventorySnapshot(jsonBytes: Array(DemoData.snapshotJSON.utf8))
        let config = try JSONParser.parse(DemoData.configText)
        let configured = try #require(config["mcpServers"]?.objectValue)
        #expect(snapshot.servers.map(\.name) == configured.keys)
        for server in snapshot.servers {
            let entry = try #require(configured[server.name])
            #expect(server.command == entry["command"]?.stringValue)
            #expect(server.args == entry["args"]?.arrayValue?.compactMap(\.stringValue))
        }
    }

    @Test("each server's source line points at its entry in the config text")
    func sourceLines() throws {
        let lines = DemoData.configText.split(separator: "\n", omittingEmptySubsequences: false)
        for server in DemoData.snapshot.servers {
            let line = try #require(server.source.line)
            #expect(lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("\"\(server.name)\": {"), "line of \(server.name)")
            #expect(server.source.path == DemoData.configPath)
        }
    }

    @Test("the poisoned tool hides text in Unicode tag characters")
    func hiddenText() throws {
        let weather = try #require(DemoData.snapshot.servers.first { $0.name == "weather-forecast" })
        let description = try #require(weather.tools[1]["description"]?.stringValue)
        let hidden = String(String.UnicodeScalarView(description.unicodeScalars.filter { (0xE0000...0xE007F).contains($0.value) }
            .compactMap { Unicode.Scalar($0.value - 0xE0000) }))
        #expect(hidden.contains("Ignore all previous instructions"))
    }
}
