import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardScan

/// What a scan looks at — host configs and live servers, a snapshot or the demo — with the lockfile and
/// directory it compares them with. Shared by `scan` and `assess`.
struct ScanInputOptions: ParsableArguments {
    @OptionGroup var sources: SourceOptions

    @Flag(name: .customLong("static"), help: "Audit configs only: start and contact no server.")
    var staticOnly = false

    @Option(name: .customLong("lock"), help: ArgumentHelp("Compare with this lockfile (default: mcpguard.lock in this or a parent directory, then the state dir).", valueName: "file"))
    var lockPath: String?

    @Option(name: .customLong("directory"), help: ArgumentHelp("Check servers against this signed directory (needs --trust-key).", valueName: "file"))
    var directoryPath: String?

    @Option(name: .customLong("trust-key"), help: ArgumentHelp("Public key (base64 or .pub file) the directory must be signed with.", valueName: "key"))
    var trustKey: String?

    @Option(name: .customLong("snapshot"), help: ArgumentHelp("Scan an inventory snapshot file.", valueName: "file"))
    var snapshotPath: String?

    @Flag(help: "Scan the bundled demo config and inventory.")
    var demo = false

    func validate() throws {
        if (directoryPath == nil) != (trustKey == nil) { throw ValidationError("--directory and --trust-key go together") }
        if demo && snapshotPath != nil { throw ValidationError("--demo and --snapshot cannot be used together") }
        if (demo || snapshotPath != nil) && (sources.hasExplicitSources || staticOnly) {
            throw ValidationError("--demo and --snapshot scan saved data; they cannot be combined with --config, --server, --url or --static")
        }
    }

    /// A scan's report and the host configs it read.
    struct Collected {
        var report: ScanReport
        var configs: [ConfigDocument]
    }

    /// Runs the scan these options describe; nil (after telling the user where mcpguard looked) when
    /// nothing is configured.
    func collect() async throws -> Collected? {
        let input: DetectionInput
        let subject: String
        var extraFindings: [Finding] = []
        var checks: [CheckRecord] = []
        if demo {
            input = DemoData.input
            subject = "the bundled demo (\(DemoData.configPath))"
        } else if let snapshotPath {
            let bytes = try Terminal.readFile(snapshotPath, what: "snapshot")
            do {
                input = DetectionInput(snapshot: try InventorySnapshot(jsonBytes: bytes))
            } catch {
                throw CLIError("snapshot \(snapshotPath): \(error)")
            }
            subject = "snapshot \(snapshotPath)"
        } else {
            let discovery = try sources.discover()
            if discovery.configs.isEmpty && discovery.servers.isEmpty && discovery.documents.isEmpty {
                Self.reportNothingConfigured(discovery.searched)
                return nil
            }
            let servers = staticOnly
                ? discovery.servers.map { $0.inventory(status: .skipped, error: "static scan: not started") }
                : await sources.inventory(discovery.servers)
            if !staticOnly {
                extraFindings = await RemoteSecurityAudit().findings(for: discovery.servers)
                checks += ScanChecks.remoteRecords(servers: servers, findings: extraFindings)
            }
            input = DetectionInput(snapshot: InventorySnapshot(servers: servers), configs: discovery.configs, documents: discovery.documents)
            subject = sources.subject(discovery) + (staticOnly ? " (static)" : "")
        }

        // Pins: an explicit --lock must exist; otherwise the nearest mcpguard.lock is used if there is one.
        if !demo {
            if let lockPath {
                guard FileManager.default.fileExists(atPath: lockPath) else { throw CLIError("cannot read lockfile \(lockPath): no such file") }
            }
            let candidates = lockPath.map { [$0] } ?? Lockfile.defaultLocations(
                workingDirectory: FileManager.default.currentDirectoryPath, environment: ProcessInfo.processInfo.environment
            )
            for candidate in candidates {
                let lock: Lockfile?
                do { lock = try Lockfile.load(candidate) } catch { throw CLIError("\(error)") }
                if let lock {
                    let pinFindings = PinVerifier(lockfile: lock, path: candidate).findings(for: input.snapshot)
                    extraFindings += pinFindings
                    checks += ScanChecks.records(ScanChecks.pinRules, servers: input.snapshot.servers, findings: pinFindings)
                    break
                }
            }
        }
        if let directoryPath, let trustKey {
            let directory = try DirectoryCommand.verified(directoryPath, trustKey: trustKey)
            let directoryFindings = directory.findings(for: input.snapshot, path: directoryPath)
            extraFindings += directoryFindings
            checks += ScanChecks.records(ScanChecks.directoryRules, servers: input.snapshot.servers, findings: directoryFindings)
        }
        let report = ScanPipeline().run(input, subject: subject, probeFindings: extraFindings, checks: checks)
        return Collected(report: report, configs: input.configs)
    }

    /// Nothing configured: say where mcpguard looked and what to try instead.
    static func reportNothingConfigured(_ searched: [String]) {
        var lines = ["mcpguard: no MCP host configuration found. Looked in:"]
        for path in searched { lines.append("  \(path)") }
        lines.append("Nothing to scan. Try the bundled demo: mcpguard scan --demo")
        lines.append("or name a source: mcpguard scan --config FILE | --server 'CMD ARGS' | --url URL | --snapshot FILE")
        Terminal.writeStderr(lines.joined(separator: "\n") + "\n")
    }
}
