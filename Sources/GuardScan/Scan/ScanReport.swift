import GuardCore

/// The result of one scan: what was scanned, how each server fared, and what was found.
/// Every renderer works from this one value.
public struct ScanReport: Sendable {
    /// `complete` only when every server that should have been inventoried was.
    public enum Status: String, Sendable {
        case complete
        case incomplete
    }

    /// One server's outcome, as the report lists it.
    public struct ServerResult: Sendable, Hashable {
        public var name: String
        public var status: ServerInventory.Status
        public var error: String?
        public var transport: ServerInventory.Transport
        public var endpoint: String
        public var source: ServerInventory.Source
        public var toolCount: Int
        public var promptCount: Int
        public var resourceCount: Int

        public init(_ server: ServerInventory) {
            self.name = server.name
            self.status = server.status
            self.error = server.error
            self.transport = server.transport
            self.endpoint = server.endpointDescription
            self.source = server.source
            self.toolCount = server.tools.count
            self.promptCount = server.prompts.count
            self.resourceCount = server.resources.count + server.resourceTemplates.count
        }
    }

    /// A few words on what was scanned (`snapshot demo.json`, `3 host configs`), for headers.
    public var subject: String
    public var servers: [ServerResult]
    /// Sorted by ``Finding/reportOrder(_:_:)``.
    public var findings: [Finding]
    /// Every rule the scan ran, whether or not it fired (SARIF lists them all).
    public var rules: [RuleDescriptor]
    /// Checks whose running depends on the input (pins, remote probes, `mcpguard probe`): what ran, where,
    /// with what outcome. Detector rules run on every scan and are not listed.
    public var checks: [CheckRecord]

    public init(
        subject: String, servers: [ServerResult], findings: [Finding], rules: [RuleDescriptor],
        checks: [CheckRecord] = []
    ) {
        self.subject = subject
        self.servers = servers
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.rules = rules
        self.checks = checks
    }

    public var status: Status {
        servers.contains { $0.status == .failed } ? .incomplete : .complete
    }

    /// Servers that could not be inventoried.
    public var failedServers: [ServerResult] { servers.filter { $0.status == .failed } }

    /// How many findings there are of each severity (every severity present, zero included).
    public var countsBySeverity: [Severity: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// The rule descriptor for `id`, if the scan ran it.
    public func rule(_ id: String) -> RuleDescriptor? { rules.first { $0.id == id } }

    /// The exit code of DESIGN.md: 2 when every server failed (nothing was checked), 1 when a finding is at
    /// or above `failOn`, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        if !servers.isEmpty, servers.allSatisfy({ $0.status == .failed }) { return 2 }
        return findings.contains { $0.severity >= failOn } ? 1 : 0
    }

    /// The exit code for a `--fail-on` threshold: with `.none` findings never fail the run, but a scan
    /// where every server failed still exits 2.
    public func exitCode(failOn threshold: FailThreshold) -> Int32 {
        switch threshold {
        case .severity(let severity): exitCode(failOn: severity)
        case .none: exitCode(failOn: .critical) == 2 ? 2 : 0
        }
    }
}

/// `--fail-on`: a severity at or above which findings fail the run, or none.
public enum FailThreshold: Sendable, Equatable {
    case none
    case severity(Severity)

    /// `none` or a severity name (case-insensitive); nil for anything else.
    public init?(_ text: String) {
        if text.lowercased() == "none" {
            self = .none
        } else if let severity = Severity(name: text) {
            self = .severity(severity)
        } else {
            return nil
        }
    }
}
