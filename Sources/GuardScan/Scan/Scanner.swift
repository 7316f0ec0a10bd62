import GuardCore
import GuardDetect
import GuardPolicy
import MCPClient

/// A whole scan, from what to look at to the report: inventory (live, saved or the demo), the transport
/// probes of remote servers, the comparison with a lockfile and a signed directory, the detectors.
///
/// Launch consent and progress belong to whoever drives the scan (the CLI asks on a terminal and draws a
/// progress line); they come in through ``inventory``, so a Swift host can embed a scan without a terminal.
public struct Scanner: Sendable {
    /// What the scan looks at.
    public enum Source: Sendable {
        /// The bundled demo config and inventory.
        case demo
        /// A saved inventory (`mcpguard inventory --format json`).
        case snapshot(InventorySnapshot, subject: String)
        /// What discovery found; `staticOnly` audits the configs without starting or contacting anything.
        case discovered(Discovery.Result, subject: String, staticOnly: Bool)
    }

    public struct Request: Sendable {
        public var source: Source
        /// The lockfile to compare with, and where it was read from.
        public var lockfile: (lockfile: Lockfile, path: String)?
        /// A verified signed directory to check servers against, and its path.
        public var directory: (directory: TrustedDirectory, path: String)?

        public init(source: Source, lockfile: (lockfile: Lockfile, path: String)? = nil, directory: (directory: TrustedDirectory, path: String)? = nil) {
            self.source = source
            self.lockfile = lockfile
            self.directory = directory
        }
    }

    /// The report, and the host configs it was made from (an assessment reads the guard wrappers in them).
    public struct Outcome: Sendable {
        public var report: ScanReport
        public var configs: [ConfigDocument]
    }

    /// Takes the live inventories of servers; the caller decides which may start.
    public typealias Inventory = @Sendable ([ServerSpec]) async -> [ServerInventory]

    public var inventory: Inventory
    public var remoteAudit: RemoteSecurityAudit
    public var pipeline: ScanPipeline

    public init(inventory: @escaping Inventory, remoteAudit: RemoteSecurityAudit = RemoteSecurityAudit(), pipeline: ScanPipeline = ScanPipeline()) {
        self.inventory = inventory
        self.remoteAudit = remoteAudit
        self.pipeline = pipeline
    }

    public func scan(_ request: Request) async -> Outcome {
        let input: DetectionInput
        let subject: String
        var extraFindings: [Finding] = []
        var checks: [CheckRecord] = []
        switch request.source {
        case .demo:
            input = DemoData.input
            subject = "the bundled demo (\(DemoData.configPath))"
        case .snapshot(let snapshot, let name):
            input = DetectionInput(snapshot: snapshot)
            subject = name
        case .discovered(let discovery, let name, let staticOnly):
            let servers = staticOnly
                ? discovery.servers.map { $0.inventory(status: .skipped, error: "static scan: not started") }
                : await inventory(discovery.servers)
            if !staticOnly {
                extraFindings = await remoteAudit.findings(for: discovery.servers)
                checks += ScanChecks.remoteRecords(servers: servers, findings: extraFindings)
            }
            input = DetectionInput(snapshot: InventorySnapshot(servers: servers), configs: discovery.configs, documents: discovery.documents)
            subject = name + (staticOnly ? " (static)" : "")
        }
        if let (lockfile, path) = request.lockfile {
            let pinFindings = PinVerifier(lockfile: lockfile, path: path).findings(for: input.snapshot)
            extraFindings += pinFindings
            checks += ScanChecks.records(ScanChecks.pinRules, servers: input.snapshot.servers, findings: pinFindings)
        }
        if let (directory, path) = request.directory {
            let directoryFindings = directory.findings(for: input.snapshot, path: path)
            extraFindings += directoryFindings
            checks += ScanChecks.records(ScanChecks.directoryRules, servers: input.snapshot.servers, findings: directoryFindings)
        }
        let report = pipeline.run(input, subject: subject, probeFindings: extraFindings, checks: checks)
        return Outcome(report: report, configs: input.configs)
    }
}
