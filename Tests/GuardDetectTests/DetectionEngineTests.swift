import GuardCore
import Testing

@testable import GuardDetect

/// A detector that reports one finding per tool whose description contains a marker word.
private struct MarkerDetector: Detector {
    let marker: String
    let severity: Severity
    var rules: [RuleDescriptor] {
        [RuleDescriptor(id: "marker-\(marker)", name: "Marker", summary: "s", remediation: "r", defaultSeverity: severity, checklist: ["CLI-PROMPT-07"])]
    }

    func analyze(_ input: DetectionInput) -> [Finding] {
        input.snapshot.servers.flatMap { server in
            server.tools.enumerated().compactMap { index, tool -> Finding? in
                guard tool["description"]?.stringValue?.contains(marker) == true else { return nil }
                return Finding(rules[0], server: server.name, tool: tool["name"]?.stringValue,
                               location: server.location(pointer: "/tools/\(index)/description"), message: "has \(marker)")
            }
        }
    }
}

/// Reports the same finding twice at two severities, as overlapping detectors can.
private struct DuplicateDetector: Detector {
    let rule = RuleDescriptor(id: "dup", name: "Dup", summary: "s", remediation: "r", defaultSeverity: .low, checklist: ["MULTI-01"])
    var rules: [RuleDescriptor] { [rule] }
    func analyze(_ input: DetectionInput) -> [Finding] {
        [Finding(rule, severity: .low, server: "a", message: "low"), Finding(rule, severity: .high, server: "a", message: "high")]
    }
}

@Suite("Detection engine")
struct DetectionEngineTests {
    let input = DetectionInput(snapshot: InventorySnapshot(servers: [
        ServerInventory(name: "b", source: .init(path: "/cfg.json", line: 9), tools: [
            ["name": "t1", "description": "alpha beta"], ["name": "t2", "description": "beta"],
        ]),
        ServerInventory(name: "a", tools: [["name": "t3", "description": "alpha"]]),
    ]))

    @Test("runs every detector and sorts findings gravest first, then by server and tool")
    func runsAndSorts() {
        let engine = DetectionEngine(detectors: [MarkerDetector(marker: "beta", severity: .low), MarkerDetector(marker: "alpha", severity: .high)])
        let findings = engine.analyze(input)
        #expect(findings.map { "\($0.severity) \($0.server!) \($0.tool!)" } == ["high a t3", "high b t1", "low b t1", "low b t2"])
        #expect(findings[1].location == FindingLocation(file: "/cfg.json", line: 9, pointer: "/tools/0/description"))
        #expect(engine.rules.map(\.id) == ["marker-alpha", "marker-beta"])
    }

    @Test("the same finding reported twice is kept once, at its gravest")
    func deduplicates() {
        let findings = DetectionEngine(detectors: [DuplicateDetector()]).analyze(input)
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .high)
    }

    @Test("the same input gives the same findings every time")
    func deterministic() {
        let engine = DetectionEngine(detectors: [MarkerDetector(marker: "alpha", severity: .medium), MarkerDetector(marker: "beta", severity: .medium)])
        let first = engine.analyze(input)
        for _ in 0..<5 { #expect(engine.analyze(input) == first) }
    }

    @Test("every built-in rule cites only checklist ids that exist")
    func builtInRulesCiteRealItems() {
        for rule in DetectionEngine.builtIn.rules {
            #expect(!rule.checklist.isEmpty, "\(rule.id) cites no checklist item")
            for id in rule.checklist { #expect(ChecklistCatalog.contains(id), "\(rule.id) cites unknown \(id)") }
        }
    }
}
