import Testing

@testable import GuardCore

@Suite("Checklist catalog")
struct ChecklistCatalogTests {
    @Test("the compiled catalog matches items.json exactly: ids, order, parts, sections, titles, priorities, text")
    func matchesItemsJSON() throws {
        let json = try JSONParser.parse(Fixtures.bytes("checklist-items.json"))
        let upstream = try #require(json["items"]?.arrayValue)
        #expect(json["count"]?.numberValue?.intValue == 129)
        #expect(upstream.count == 129)
        #expect(ChecklistCatalog.items.count == upstream.count)
        #expect(json["source"]?.stringValue == ChecklistCatalog.source)
        for (item, expected) in zip(ChecklistCatalog.items, upstream) {
            #expect(item.id == expected["id"]?.stringValue)
            #expect(item.part.rawValue == expected["part"]?.stringValue)
            #expect(item.section == expected["section"]?.stringValue, "section of \(item.id)")
            #expect(item.title == expected["title"]?.stringValue, "title of \(item.id)")
            #expect(item.priority.rawValue == expected["priority"]?.stringValue, "priority of \(item.id)")
            #expect(item.text == expected["text"]?.stringValue, "text of \(item.id)")
        }
    }

    @Test("ids are unique and every item has its own summary")
    func summaries() {
        let ids = ChecklistCatalog.items.map(\.id)
        #expect(Set(ids).count == ids.count)
        for item in ChecklistCatalog.items {
            #expect(!item.summary.isEmpty)
            #expect(item.summary != item.text, "\(item.id) summary copies the upstream text")
            #expect(ChecklistCatalog.item(item.id) == item)
        }
        #expect(ChecklistCatalog.item("NOPE-01") == nil)
    }

    @Test("coverage is derived from the rules and controls that cite an item")
    func coverage() {
        let rules = [
            RuleDescriptor(id: "r-b", name: "B", summary: "", remediation: "", defaultSeverity: .high, checklist: ["CLI-PROMPT-07"]),
            RuleDescriptor(id: "r-a", name: "A", summary: "", remediation: "", defaultSeverity: .high, checklist: ["CLI-PROMPT-07", "MULTI-01"]),
            RuleDescriptor(id: "p-x", name: "X", summary: "", remediation: "", defaultSeverity: .medium, checklist: ["CLI-TLS-03"], kind: .probe),
        ]
        let controls = [ControlDescriptor(id: "guard.redact", summary: "", checklist: ["CLI-PROMPT-04"])]
        let coverage = ChecklistCoverage.build(rules: rules, controls: controls)
        #expect(coverage.count == 129)
        #expect(coverage["CLI-PROMPT-07"]?.scan == ["r-a", "r-b"])
        #expect(coverage["MULTI-01"]?.scan == ["r-a"])
        #expect(coverage["CLI-TLS-03"]?.probe == ["p-x"])
        #expect(coverage["CLI-PROMPT-04"]?.guard == ["guard.redact"])
        #expect(coverage["CRYPTO-05"]?.isAttestOnly == true)
        #expect(coverage["CLI-PROMPT-07"]?.isAttestOnly == false)
    }
}
