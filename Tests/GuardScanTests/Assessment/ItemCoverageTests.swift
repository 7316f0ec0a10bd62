import GuardCore
import GuardDetect
import Testing

@testable import GuardScan
import GuardEngine

/// The coverage data against the descriptors: neither may claim what the other does not.
@Suite("Checklist coverage data")
struct ItemCoverageTests {
    let rules = Dictionary(uniqueKeysWithValues: ScanPipeline.allRules.map { ($0.id, $0) })
    let controls = Dictionary(uniqueKeysWithValues: GuardControls.all.map { ($0.id, $0) })

    @Test("every checklist item has exactly one coverage entry, in the checklist's order")
    func oneEntryPerItem() {
        #expect(ItemCoverage.all.map(\.id) == ChecklistCatalog.items.map(\.id))
    }

    @Test("every rule a part cites exists, is not a capability label and cites the item itself")
    func detectionsCiteTheItem() {
        for coverage in ItemCoverage.all {
            for id in coverage.detectionRules {
                guard let rule = rules[id] else {
                    Issue.record("\(coverage.id) cites unknown rule \(id)")
                    continue
                }
                #expect(rule.defaultSeverity > .info, "\(coverage.id) counts the info label \(id) as coverage")
                #expect((rule.checklist + rule.conditionalChecklist).contains(coverage.id), "\(id) does not cite \(coverage.id)")
            }
            for id in coverage.controls {
                guard let control = controls[id] else {
                    Issue.record("\(coverage.id) cites unknown control \(id)")
                    continue
                }
                #expect(control.checklist.contains(coverage.id), "control \(id) does not cite \(coverage.id)")
            }
        }
    }

    @Test("every item a rule or control cites names that rule or control in its coverage data")
    func citationsAreCovered() {
        for rule in ScanPipeline.allRules where rule.defaultSeverity > .info {
            for item in rule.checklist + rule.conditionalChecklist {
                #expect(ItemCoverage.of(item)?.detectionRules.contains(rule.id) == true, "\(rule.id) cites \(item), whose coverage data does not use it")
            }
        }
        for control in GuardControls.all {
            for item in control.checklist {
                #expect(ItemCoverage.of(item)?.controls.contains(control.id) == true, "\(control.id) cites \(item), whose coverage data does not use it")
            }
        }
    }

    @Test("levels follow from the data: attest items say what to confirm, partial items what is left")
    func levels() {
        for coverage in ItemCoverage.all {
            switch coverage.level {
            case .attest:
                #expect(coverage.parts.isEmpty)
                #expect(!(coverage.uncovered ?? "").isEmpty, "\(coverage.id) gives the operator nothing to confirm")
            case .partial:
                #expect(!coverage.parts.isEmpty && coverage.uncovered != nil)
            case .covered:
                #expect(!coverage.parts.isEmpty && coverage.uncovered == nil)
            }
            for part in coverage.parts {
                #expect(!part.text.isEmpty && !(part.detect.isEmpty && part.enforce.isEmpty), "\(coverage.id) has an empty part")
            }
        }
        // CRYPTO-01 is cited by config-secret (for wallet keys), so it is not attest-only.
        #expect(ItemCoverage.of("CRYPTO-01")?.level == .partial)
        #expect(ItemCoverage.of("SRV-PERSIST-02")?.level == .covered)
        #expect(ItemCoverage.of("CLI-PROMPT-03")?.level == .attest)
        // A capability label is not coverage: CLI-MGMT-13's labels leave it partial.
        #expect(ItemCoverage.of("CLI-MGMT-13")?.detectionRules == ["annotation-mismatch"])
    }

    @Test("mcpguard checklist shows the same levels as the coverage data")
    func checklistShowsLevels() throws {
        let report = ChecklistReport(filter: .init(), rules: ScanPipeline.allRules, controls: GuardControls.all)
        let value = try JSONParser.parse(report.json())
        for item in value["items"]?.arrayValue ?? [] {
            let id = item["id"]?.stringValue ?? ""
            #expect(item["coverage"]?["level"]?.stringValue == ItemCoverage.of(id)?.level.rawValue)
            #expect(item["coverage"]?["attestOnly"]?.boolValue == (ItemCoverage.of(id)?.level == .attest))
            let shown = (item["coverage"]?["scan"]?.arrayValue ?? []) + (item["coverage"]?["probe"]?.arrayValue ?? [])
            for rule in shown.compactMap(\.stringValue) { #expect(rules[rule]?.defaultSeverity != .info, "\(id) shows the label \(rule)") }
        }
        let text = report.text()
        #expect(text.contains("CRYPTO-01"))
        #expect(!text.contains("capability-funds-movement"))
        let counts = Dictionary(grouping: ItemCoverage.all, by: \.level).mapValues(\.count)
        #expect(text.contains("\(counts[.covered] ?? 0) covered by automated checks, \(counts[.partial] ?? 0) partly, \(counts[.attest] ?? 0) attest only"))
    }
}
