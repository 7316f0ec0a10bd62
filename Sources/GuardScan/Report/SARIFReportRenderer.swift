import Foundation
import GuardCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
///
/// One rule per detector rule, with its checklist ids in `properties` and as tags; results carry
/// `partialFingerprints` (mcpguard's stable fingerprint) and, where a config file is known, a physical
/// location with a line. Paths under `baseDirectory` are written relative to `%SRCROOT%` so that code
/// scanning can map them to the repository.
public struct SARIFReportRenderer: ReportRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "mcpguardFingerprint/v1"

    /// Directory that relative artifact URIs are resolved against (usually the working directory).
    public let baseDirectory: String?

    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    public func render(_ report: ScanReport) -> String {
        JSONWriter(options: .pretty).string(document(report)) + "\n"
    }

    public func document(_ report: ScanReport) -> JSONValue {
        let rules = allRules(report)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        // The checklist items the rules cite, as a SARIF taxonomy the rules relate to.
        var cited: [String] = []
        for id in rules.flatMap(\.checklist) where !cited.contains(id) && ChecklistCatalog.contains(id) { cited.append(id) }
        let taxa = ChecklistCatalog.items.map(\.id).filter(cited.contains)
        let taxonIndex = Dictionary(uniqueKeysWithValues: taxa.enumerated().map { ($1, $0) })

        var driver = JSONObject()
        driver["name"] = "mcpguard"
        driver["version"] = .string(MCPGuardVersion.current)
        driver["semanticVersion"] = .string(MCPGuardVersion.current)
        driver["rules"] = .array(rules.map { ruleValue($0, taxonIndex: taxonIndex) })
        var supported = JSONObject()
        supported["name"] = .string(Self.taxonomyName)
        supported["index"] = 0
        driver["supportedTaxonomies"] = .array([.object(supported)])

        var tool = JSONObject()
        tool["driver"] = .object(driver)

        var invocation = JSONObject()
        invocation["executionSuccessful"] = .bool(report.status == .complete)
        if report.status == .incomplete {
            invocation["toolExecutionNotifications"] = .array(report.failedServers.map { server in
                var notification = JSONObject()
                notification["level"] = "error"
                notification["message"] = message("server \(server.name) could not be scanned: \(server.error ?? "unknown error")")
                return .object(notification)
            })
        }

        var run = JSONObject()
        run["tool"] = .object(tool)
        run["invocations"] = .array([.object(invocation)])
        if let baseDirectory {
            var base = JSONObject()
            base["uri"] = .string(Self.fileURI(baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"))
            var bases = JSONObject()
            bases["%SRCROOT%"] = .object(base)
            run["originalUriBaseIds"] = .object(bases)
        }
        run["taxonomies"] = .array([taxonomy(taxa)])
        run["results"] = .array(report.findings.map { resultValue($0, ruleIndex: ruleIndex[$0.rule] ?? 0) })
        var properties = JSONObject()
        properties["status"] = .string(report.status.rawValue)
        run["properties"] = .object(properties)

        var root = JSONObject()
        root["$schema"] = .string(Self.schemaURI)
        root["version"] = "2.1.0"
        root["runs"] = .array([.object(run)])
        return .object(root)
    }

    /// The report's rules plus a minimal rule for any finding whose rule was not declared.
    private func allRules(_ report: ScanReport) -> [RuleDescriptor] {
        var rules = report.rules
        var known = Set(rules.map(\.id))
        for finding in report.findings where !known.contains(finding.rule) {
            known.insert(finding.rule)
            rules.append(
                RuleDescriptor(
                    id: finding.rule, name: finding.rule, summary: finding.message, remediation: finding.remediation,
                    defaultSeverity: finding.severity, checklist: finding.checklist
                )
            )
        }
        return rules
    }

    static let taxonomyName = "SlowMist MCP Security Checklist"

    /// The checklist items `ids` as taxa: id, title, mcpguard's reading, part and priority.
    private func taxonomy(_ ids: [String]) -> JSONValue {
        var component = JSONObject()
        component["name"] = .string(Self.taxonomyName)
        component["organization"] = "SlowMist"
        component["version"] = .string(ChecklistCatalog.source.components(separatedBy: " v").last ?? "")
        component["informationUri"] = "https://github.com/slowmist/MCP-Security-Checklist"
        component["shortDescription"] = message("Security checklist for MCP servers, clients and multi-MCP deployments")
        component["taxa"] = .array(ids.compactMap(ChecklistCatalog.item).map { item in
            var taxon = JSONObject()
            taxon["id"] = .string(item.id)
            taxon["name"] = .string(item.title)
            taxon["shortDescription"] = message(item.summary)
            var properties = JSONObject()
            properties["part"] = .string(item.part.rawValue)
            properties["priority"] = .string(item.priority.rawValue)
            taxon["properties"] = .object(properties)
            return .object(taxon)
        })
        return .object(component)
    }

    private func ruleValue(_ rule: RuleDescriptor, taxonIndex: [String: Int]) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(rule.id)
        object["name"] = .string(Self.pascalCase(rule.id))
        object["shortDescription"] = message(rule.name)
        object["fullDescription"] = message(rule.summary)
        let checklistLines = rule.checklist.map { id in
            "- \(id)" + (ChecklistCatalog.item(id).map { ": \($0.title) — \($0.summary)" } ?? "")
        }
        var help = JSONObject()
        help["text"] = .string("\(rule.summary)\n\nRemediation: \(rule.remediation)\n\nChecklist:\n" + checklistLines.joined(separator: "\n"))
        help["markdown"] = .string(
            "\(rule.summary)\n\n**Remediation:** \(rule.remediation)\n\n**SlowMist MCP Security Checklist:**\n"
                + checklistLines.joined(separator: "\n")
        )
        object["help"] = .object(help)
        var configuration = JSONObject()
        configuration["level"] = .string(Self.level(rule.defaultSeverity))
        object["defaultConfiguration"] = .object(configuration)
        var properties = JSONObject()
        properties["tags"] = .array((["security", "mcp"] + rule.checklist).map(JSONValue.string))
        properties["checklist"] = .array(rule.checklist.map(JSONValue.string))
        if let score = Self.securitySeverity(rule.defaultSeverity) { properties["security-severity"] = .string(score) }
        properties["precision"] = "high"
        object["properties"] = .object(properties)
        object["relationships"] = .array(rule.checklist.compactMap { id in
            guard let index = taxonIndex[id] else { return nil }
            var component = JSONObject()
            component["name"] = .string(Self.taxonomyName)
            component["index"] = 0
            var target = JSONObject()
            target["id"] = .string(id)
            target["index"] = .number(JSONNumber(index))
            target["toolComponent"] = .object(component)
            var relationship = JSONObject()
            relationship["target"] = .object(target)
            relationship["kinds"] = ["relevant"]
            return .object(relationship)
        })
        return .object(object)
    }

    private func resultValue(_ finding: Finding, ruleIndex: Int) -> JSONValue {
        var object = JSONObject()
        object["ruleId"] = .string(finding.rule)
        object["ruleIndex"] = .number(JSONNumber(ruleIndex))
        object["level"] = .string(Self.level(finding.severity))
        var text = finding.message
        if let evidence = finding.evidence, !evidence.isEmpty { text += " Evidence: \(evidence)" }
        object["message"] = message(text)

        var location = JSONObject()
        if let file = finding.location.file {
            var artifact = JSONObject()
            let (uri, relative) = artifactURI(file)
            artifact["uri"] = .string(uri)
            if relative { artifact["uriBaseId"] = "%SRCROOT%" }
            var physical = JSONObject()
            physical["artifactLocation"] = .object(artifact)
            if let line = finding.location.line, line >= 1 {
                var region = JSONObject()
                region["startLine"] = .number(JSONNumber(line))
                physical["region"] = .object(region)
            }
            location["physicalLocation"] = .object(physical)
        }
        if let server = finding.server {
            var logical = JSONObject()
            logical["name"] = .string(finding.tool ?? server)
            logical["fullyQualifiedName"] = .string(finding.tool.map { "\(server)/\($0)" } ?? server)
            logical["kind"] = .string(finding.tool == nil ? "module" : "function")
            location["logicalLocations"] = .array([.object(logical)])
        }
        if !location.isEmpty { object["locations"] = .array([.object(location)]) }

        var fingerprints = JSONObject()
        fingerprints[Self.fingerprintKey] = .string(finding.fingerprint)
        object["partialFingerprints"] = .object(fingerprints)

        var properties = JSONObject()
        properties["severity"] = .string(finding.severity.rawValue)
        properties["checklist"] = .array(finding.checklist.map(JSONValue.string))
        if let server = finding.server { properties["server"] = .string(server) }
        if let tool = finding.tool { properties["tool"] = .string(tool) }
        if let pointer = finding.location.pointer { properties["pointer"] = .string(pointer) }
        properties["remediation"] = .string(finding.remediation)
        object["properties"] = .object(properties)
        return .object(object)
    }

    private func message(_ text: String) -> JSONValue {
        var object = JSONObject()
        object["text"] = .string(text)
        return .object(object)
    }

    /// A URI for `path`: relative (to `%SRCROOT%`) when it is inside `baseDirectory` or already relative,
    /// otherwise an absolute `file://` URI.
    private func artifactURI(_ path: String) -> (uri: String, relative: Bool) {
        if !path.hasPrefix("/") { return (Self.percentEncode(path), true) }
        if let baseDirectory {
            let base = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
            if path.hasPrefix(base) { return (Self.percentEncode(String(path.dropFirst(base.count))), true) }
        }
        return (Self.fileURI(path), false)
    }

    static func fileURI(_ absolutePath: String) -> String { "file://" + percentEncode(absolutePath) }

    static func percentEncode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's `security-severity` score bands: critical > 9, high 7–8.9, medium 4–6.9, low 0.1–3.9.
    static func securitySeverity(_ severity: Severity) -> String? {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: nil
        }
    }

    /// `tool-poisoning` → `ToolPoisoning`, the SARIF convention for rule names.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
