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

@Suite("Demo scan with the built-in detectors")
struct DemoScanTests {
    let report = ScanPipeline().run(DemoData.input, subject: "demo")

    func rules(_ server: String, atLeast severity: Severity = .medium) -> Set<String> {
        Set(report.findings.filter { $0.server == server && $0.severity >= severity }.map(\.rule))
    }

    @Test("honest servers are quiet; each planted problem is caught")
    func findings() {
        #expect(rules("time").isEmpty)
        #expect(rules("git").isEmpty)
        #expect(rules("gmail").isEmpty)
        #expect(rules("weather-forecast") == ["tool-poisoning", "hidden-unicode", "context-harvesting-parameter", "unpinned-package"])
        #expect(rules("email-formatter") == ["tool-poisoning", "tool-shadowing", "preference-manipulation"])
        #expect(rules("notes-sync") == ["config-secret", "unpinned-package", "annotation-mismatch"])
        #expect(report.exitCode(failOn: .high) == 1)
        #expect(report.status == .complete)
    }

    @Test("no demo server runs behind mcpguard run or in a sandbox: one low unguarded-server and unsandboxed-server finding each, 31 findings in all")
    func unguarded() {
        for rule in ["unguarded-server", "unsandboxed-server"] {
            let findings = report.findings.filter { $0.rule == rule }
            #expect(findings.compactMap(\.server).sorted() == DemoData.snapshot.servers.map(\.name).sorted(), "\(rule)")
            #expect(findings.allSatisfy { $0.severity == .low })
        }
        #expect(report.findings.count == 31)
    }

    @Test("every finding cites real checklist items and no report shows the token")
    func hygiene() {
        for finding in report.findings {
            #expect(!finding.checklist.isEmpty)
            for id in finding.checklist { #expect(ChecklistCatalog.contains(id), "\(finding.rule) cites \(id)") }
        }
        for format in ReportFormat.allCases {
            #expect(!format.renderer().render(report).contains("Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"), "\(format) leaks the demo token")
        }
    }
}
