import GuardCore

extension ScanReport {
    /// Why a findings JSON could not be read; names the member.
    public struct ReadFailure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads back the findings JSON of docs/contracts.md (`scan --format json`, `probe --format json`), so a
    /// saved scan can be assessed later. Rules are looked up among `rules` by id.
    public init(findingsJSON bytes: [UInt8], subject: String, rules: [RuleDescriptor]) throws(ReadFailure) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw ReadFailure(description: "not valid JSON: \(error)") }
        guard root["tool"]?.stringValue == "mcpguard" else { throw ReadFailure(description: "tool: expected \"mcpguard\" (is this a findings JSON of mcpguard scan --format json?)") }
        guard let findingValues = root["findings"]?.arrayValue else { throw ReadFailure(description: "findings: must be an array") }
        var findings: [Finding] = []
        for (index, value) in findingValues.enumerated() {
            let at = "findings[\(index)]"
            func text(_ key: String) throws(ReadFailure) -> String {
                guard let string = value[key]?.stringValue else { throw ReadFailure(description: "\(at).\(key): must be a string") }
                return string
            }
            func optional(_ key: String) -> String? { value[key]?.stringValue }
            guard let severity = Severity(rawValue: try text("severity")) else { throw ReadFailure(description: "\(at).severity: unknown severity") }
            guard let checklist = value["checklist"]?.arrayValue?.compactMap(\.stringValue) else {
                throw ReadFailure(description: "\(at).checklist: must be an array of ids")
            }
            let location = value["location"]
            findings.append(Finding(
                rule: try text("rule"), severity: severity, checklist: checklist.filter(ChecklistCatalog.contains),
                server: optional("server"), tool: optional("tool"),
                location: FindingLocation(
                    file: location?["file"]?.stringValue, line: location?["line"]?.numberValue?.intValue,
                    pointer: location?["pointer"]?.stringValue
                ),
                message: try text("message"), evidence: optional("evidence"), remediation: try text("remediation"),
                fingerprint: try text("fingerprint")
            ))
        }
        var servers: [ServerResult] = []
        for (index, value) in (root["servers"]?.arrayValue ?? []).enumerated() {
            guard let name = value["name"]?.stringValue else { throw ReadFailure(description: "servers[\(index)].name: must be a string") }
            let status = value["status"]?.stringValue.flatMap(ServerInventory.Status.init(rawValue:)) ?? .ok
            let transport = value["transport"]?.stringValue.flatMap(ServerInventory.Transport.init(rawValue:)) ?? .stdio
            servers.append(ServerResult(ServerInventory(name: name, transport: transport, status: status, error: value["error"]?.stringValue)))
        }
        var checks: [CheckRecord] = []
        for (index, value) in (root["checks"]?.arrayValue ?? []).enumerated() {
            guard let rule = value["rule"]?.stringValue,
                  let outcome = value["outcome"]?.stringValue.flatMap(CheckRecord.Outcome.init(rawValue:)) else {
                throw ReadFailure(description: "checks[\(index)]: needs a rule and an outcome of passed, failed or skipped")
            }
            checks.append(CheckRecord(rule: rule, server: value["server"]?.stringValue, outcome: outcome, detail: value["detail"]?.stringValue))
        }
        let fired = Set(findings.map(\.rule))
        self.init(subject: subject, servers: servers, findings: findings, rules: rules.filter { fired.contains($0.id) }, checks: checks)
    }

    /// Several reports of the same deployment as one (a scan and a probe): servers merged by name, findings
    /// and checks concatenated.
    public static func merged(_ reports: [ScanReport], subject: String) -> ScanReport {
        var servers: [ServerResult] = []
        for report in reports {
            for server in report.servers {
                if let index = servers.firstIndex(where: { $0.name == server.name }) {
                    if servers[index].status != .ok && server.status == .ok { servers[index] = server }
                } else {
                    servers.append(server)
                }
            }
        }
        var seen: Set<String> = []
        let rules = reports.flatMap(\.rules).filter { seen.insert($0.id).inserted }
        var fingerprints: Set<String> = []
        let findings = reports.flatMap(\.findings).filter { fingerprints.insert($0.fingerprint).inserted }
        return ScanReport(subject: subject, servers: servers, findings: findings, rules: rules, checks: reports.flatMap(\.checks))
    }
}
