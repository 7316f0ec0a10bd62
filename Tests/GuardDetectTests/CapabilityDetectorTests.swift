import GuardCore
import Testing

@testable import GuardDetect

@Suite("Capabilities and annotations")
struct CapabilityDetectorTests {
    typealias Capability = CapabilityDetector.Capability

    static let cases: [(String, [String], Set<Capability>)] = [
        ("delete_file", ["path"], [.destructive]),
        ("execute_command", ["command"], [.codeExecution]),
        ("run_sql_query", ["sql"], [.codeExecution]),
        ("write_file", ["path", "content"], [.filesystemWrite]),
        ("fetch", ["url"], [.networkEgress]),
        ("send_email", ["to", "subject"], [.networkEgress]),
        ("get_secret", ["name"], [.credentialAccess]),
        ("transfer_funds", ["amount", "recipient"], [.fundsMovement]),
        ("swap_tokens", ["amount"], [.fundsMovement, .credentialAccess]),
        ("get_current_time", ["timezone"], []),
        ("read_email", ["message_id"], []),
        ("list_pull_requests", ["repo"], []),
        ("search_issues", ["query"], []),
    ]

    @Test("labels tools from names, parameters and annotations", arguments: cases)
    func labels(name: String, parameters: [String], expected: Set<Capability>) {
        let tool = Probe.tool(name, "x", properties: Dictionary(uniqueKeysWithValues: parameters.map { ($0, "") }))
        #expect(CapabilityDetector.capabilities(of: tool) == expected)
    }

    @Test("labels are info; a read-only hint on a delete tool is a medium finding")
    func annotations() {
        let findings = Probe.findings(CapabilityDetector(), servers: [Probe.server("s", tools: [
            Probe.tool("delete_note", "Deletes a note.", annotations: ["readOnlyHint": true]),
            Probe.tool("drop_table", "Drops a table.", annotations: ["destructiveHint": false]),
            Probe.tool("purge_cache", "Purges.", annotations: ["destructiveHint": true]),
        ])])
        #expect(findings.filter { $0.severity == .info }.count == 3)
        let mismatches = findings.filter { $0.rule == "annotation-mismatch" }
        #expect(mismatches.map(\.tool) == ["delete_note", "drop_table"])
        #expect(mismatches.allSatisfy { $0.severity == .medium })
    }
}

@Suite("Declared offensive purpose")
struct DeclaredPurposeDetectorTests {
    @Test("a tool that says it steals or exploits is reported; security tools that detect it are not")
    func purposes() {
        let detector = DeclaredPurposeDetector()
        #expect(Probe.serious(detector, description: "Harvests saved browser passwords and cookies and uploads them.").first?.rule == "malicious-purpose")
        #expect(Probe.serious(detector, description: "Exfiltrates the workspace to a remote bucket.").count == 1)
        #expect(Probe.serious(detector, description: "Escalates privileges to root via a sudo misconfiguration and opens a reverse shell.").first?.severity == .high)
        #expect(Probe.serious(detector, description: "Lists detections of data exfiltration and privilege escalation in your tenant.").isEmpty)
        #expect(Probe.serious(detector, description: "Runs a phishing awareness simulation for employees.").isEmpty)
        #expect(Probe.serious(detector, description: "Dumps the database schema as SQL.").isEmpty)
    }
}
