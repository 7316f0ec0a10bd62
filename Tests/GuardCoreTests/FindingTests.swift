import Testing

@testable import GuardCore

@Suite("Findings")
struct FindingTests {
    let rule = RuleDescriptor(
        id: "tool-poisoning", name: "Tool poisoning", summary: "s", remediation: "Remove the tool.",
        defaultSeverity: .high, checklist: ["CLI-PROMPT-07"]
    )

    @Test("the fingerprint depends on rule, subject and location, not on the message")
    func fingerprint() {
        let location = FindingLocation(file: "a.json", line: 3, pointer: "/tools/0/description")
        let base = Finding(rule, server: "s", tool: "t", location: location, message: "one")
        #expect(base.fingerprint.count == 32)
        #expect(base.fingerprint.allSatisfy { $0.isHexDigit })
        #expect(Finding(rule, server: "s", tool: "t", location: location, message: "reworded").fingerprint == base.fingerprint)
        #expect(Finding(rule, server: "s", tool: "u", location: location, message: "one").fingerprint != base.fingerprint)
        #expect(Finding(rule, server: "s2", tool: "t", location: location, message: "one").fingerprint != base.fingerprint)
        #expect(Finding(rule, server: "s", tool: "t", location: location, message: "one", fingerprintKey: "k").fingerprint != base.fingerprint)
        // Field boundaries matter: ("ab","c") and ("a","bc") must not collide.
        #expect(
            Finding(rule, server: "ab", tool: "c", message: "x").fingerprint
                != Finding(rule, server: "a", tool: "bc", message: "x").fingerprint
        )
    }

    @Test("a finding made from a rule takes its severity, checklist ids and remediation unless overridden")
    func descriptorDefaults() {
        let finding = Finding(rule, server: "s", message: "m")
        #expect(finding.severity == .high)
        #expect(finding.checklist == ["CLI-PROMPT-07"])
        #expect(finding.remediation == "Remove the tool.")
        #expect(Finding(rule, severity: .critical, server: "s", message: "m", remediation: "r").severity == .critical)
    }

    @Test("report order: gravest first, then server, tool and rule")
    func order() {
        let findings = [
            Finding(rule, severity: .low, server: "a", message: "m"),
            Finding(rule, severity: .critical, server: "b", message: "m"),
            Finding(rule, severity: .critical, server: "a", tool: "z", message: "m"),
            Finding(rule, severity: .critical, server: "a", tool: "y", message: "m"),
        ].sorted(by: Finding.reportOrder)
        #expect(findings.map(\.severity) == [.critical, .critical, .critical, .low])
        #expect(findings.map { $0.tool ?? "-" } == ["y", "z", "-", "-"])
        #expect(findings[2].server == "b")
    }

    @Test("severities order and parse")
    func severities() {
        #expect(Severity.info < Severity.low && Severity.low < Severity.medium && Severity.medium < Severity.high && Severity.high < Severity.critical)
        #expect(Severity(name: "HIGH") == .high)
        #expect(Severity(name: "severe") == nil)
        #expect(Severity.descending.first == .critical)
    }

    @Test("redaction keeps a recognisable prefix and the last four characters only")
    func redaction() {
        #expect(Redaction.mask("ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA") == "ghp_…5RtA")
        #expect(Redaction.mask("sk-ant-api03-abcdefghijklmnopqrstuvwxyz") == "sk-…wxyz")
        #expect(Redaction.mask("AKIAIOSFODNN7EXAMPLE") == "AK…MPLE")
        #expect(Redaction.mask("hunter2") == "[redacted 7 chars]")
        let text = Redaction.redact("token=ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA end", secrets: ["ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"])
        #expect(text == "token=ghp_…5RtA end")
        #expect(!text.contains("Q7vK2m"))
    }

    @Test("JSON pointers escape ~ and /")
    func pointers() {
        #expect(FindingLocation.pointer(["tools", 3, "inputSchema", "a/b~c"]) == "/tools/3/inputSchema/a~1b~0c")
    }
}
