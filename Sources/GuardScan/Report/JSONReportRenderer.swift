import GuardCore

/// The findings JSON of docs/contracts.md: `tool`, `version`, `status`, `findings`, `servers`.
/// Unknown values are `null` rather than absent, so every finding has the same shape.
public struct JSONReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        JSONWriter(options: .pretty).string(document(report)) + "\n"
    }

    /// The report as a JSON value (also used by tests and the HTML renderer).
    public func document(_ report: ScanReport) -> JSONValue {
        var root = JSONObject()
        root["tool"] = "mcpguard"
        root["version"] = .string(MCPGuardVersion.current)
        root["status"] = .string(report.status.rawValue)
        root["findings"] = .array(report.findings.map(Self.findingValue))
        root["servers"] = .array(report.servers.map { server in
            var object = JSONObject()
            object["name"] = .string(server.name)
            object["status"] = .string(server.status.rawValue)
            object["error"] = server.error.map(JSONValue.string) ?? .null
            object["transport"] = .string(server.transport.rawValue)
            return .object(object)
        })
        root["checks"] = .array(report.checks.map { check in
            var object = JSONObject()
            object["rule"] = .string(check.rule)
            object["server"] = check.server.map(JSONValue.string) ?? .null
            object["outcome"] = .string(check.outcome.rawValue)
            object["detail"] = check.detail.map(JSONValue.string) ?? .null
            return .object(object)
        })
        return .object(root)
    }

    static func findingValue(_ finding: Finding) -> JSONValue {
        var object = JSONObject()
        object["rule"] = .string(finding.rule)
        object["severity"] = .string(finding.severity.rawValue)
        object["checklist"] = .array(finding.checklist.map(JSONValue.string))
        object["server"] = finding.server.map(JSONValue.string) ?? .null
        object["tool"] = finding.tool.map(JSONValue.string) ?? .null
        var location = JSONObject()
        location["file"] = finding.location.file.map(JSONValue.string) ?? .null
        location["line"] = finding.location.line.map { .number(JSONNumber($0)) } ?? .null
        location["pointer"] = finding.location.pointer.map(JSONValue.string) ?? .null
        object["location"] = .object(location)
        object["message"] = .string(finding.message)
        object["evidence"] = finding.evidence.map(JSONValue.string) ?? .null
        object["remediation"] = .string(finding.remediation)
        object["fingerprint"] = .string(finding.fingerprint)
        return .object(object)
    }
}
