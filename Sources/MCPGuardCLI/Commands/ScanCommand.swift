import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardScan

extension ReportFormat: ExpressibleByArgument {}

/// `mcpguard scan`: inventory → detectors → report → exit code.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan MCP servers and report what the checklist would flag.",
        discussion: """
            By default mcpguard finds every host config on this machine (Claude Desktop, Claude Code, Cursor, \
            VS Code, …), audits it, starts or connects to each server to list what it offers, and runs every \
            detector. --static audits the configs without starting anything. --snapshot FILE scans a saved \
            inventory (the JSON of `mcpguard inventory --format json`); --demo scans the bundled demo.
            """
    )

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

    @Option(name: .customLong("text"), help: ArgumentHelp("Screen a text file (or - for stdin) for planted instructions, as tool output; repeatable.", valueName: "file"))
    var textPaths: [String] = []

    @Option(help: "Report format: text, json, sarif, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write the report to a file instead of stdout.", valueName: "file"))
    var outputPath: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 1 when a finding is at or above this severity (info, low, medium, high, critical, or none)."
    )
    var failOn: String = "high"

    func validate() throws {
        if (directoryPath == nil) != (trustKey == nil) { throw ValidationError("--directory and --trust-key go together") }
        if demo && snapshotPath != nil { throw ValidationError("--demo and --snapshot cannot be used together") }
        if (demo || snapshotPath != nil) && (sources.hasExplicitSources || staticOnly) {
            throw ValidationError("--demo and --snapshot scan saved data; they cannot be combined with --config, --server, --url or --static")
        }
        if !textPaths.isEmpty && (demo || snapshotPath != nil || sources.hasExplicitSources || staticOnly) {
            throw ValidationError("--text screens files on their own; it cannot be combined with --demo, --snapshot, --config, --server, --url or --static")
        }
        if failOn.lowercased() != "none" && Severity(name: failOn) == nil {
            throw ValidationError("unknown severity '\(failOn)' for --fail-on (expected info, low, medium, high, critical or none)")
        }
    }

    func run() async throws {
        let input: DetectionInput
        let subject: String
        var probeFindings: [Finding] = []
        if !textPaths.isEmpty {
            input = DetectionInput(snapshot: InventorySnapshot(servers: []), documents: try textPaths.map(Self.readText))
            subject = textPaths.count == 1 ? "text \(textPaths[0] == "-" ? "from standard input" : textPaths[0])" : "\(textPaths.count) texts"
        } else if demo {
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
                try reportNothingConfigured(discovery.searched)
                return
            }
            let servers = staticOnly
                ? discovery.servers.map { $0.inventory(status: .skipped, error: "static scan: not started") }
                : await sources.inventory(discovery.servers)
            if !staticOnly { probeFindings = await RemoteSecurityAudit().findings(for: discovery.servers) }
            input = DetectionInput(snapshot: InventorySnapshot(servers: servers), configs: discovery.configs, documents: discovery.documents)
            subject = sources.subject(discovery) + (staticOnly ? " (static)" : "")
        }

        // Pins: an explicit --lock must exist; otherwise the nearest mcpguard.lock is used if there is one.
        if !demo && textPaths.isEmpty {
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
                    probeFindings += PinVerifier(lockfile: lock, path: candidate).findings(for: input.snapshot)
                    break
                }
            }
        }
        if let directoryPath, let trustKey {
            let directory = try DirectoryCommand.verified(directoryPath, trustKey: trustKey)
            probeFindings += directory.findings(for: input.snapshot, path: directoryPath)
        }
        let report = ScanPipeline().run(input, subject: subject, probeFindings: probeFindings)
        let renderer: any ReportRenderer = switch format {
        case .sarif: SARIFReportRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        case .text: TextReportRenderer(style: TerminalStyle(enabled: outputPath == nil && Terminal.stdoutSupportsColor))
        default: format.renderer()
        }
        let rendered = renderer.render(report)
        if let outputPath {
            try Terminal.writeFile(outputPath, rendered)
            let counts = report.countsBySeverity
            let summary = Severity.descending.filter { (counts[$0] ?? 0) > 0 }.map { "\(counts[$0]!) \($0.rawValue)" }
            Terminal.writeStderr(
                "mcpguard: wrote \(format.rawValue) report to \(outputPath): \(report.findings.count) findings"
                    + (summary.isEmpty ? "" : " (\(summary.joined(separator: ", ")))") + ", status \(report.status.rawValue)\n"
            )
        } else {
            Terminal.writeStdout(rendered)
        }
        let threshold = Severity(name: failOn) ?? .critical
        let code = failOn.lowercased() == "none" ? (report.exitCode(failOn: .critical) == 2 ? 2 : 0) : report.exitCode(failOn: threshold)
        if code != 0 { throw ExitCode(code) }
    }

    /// A text to screen: a file, or standard input for `-`. Not UTF-8 is one clear error.
    static func readText(_ path: String) throws -> TextDocument {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            bytes = try Terminal.readFile(path, what: "text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CLIError("text \(path): not UTF-8 text") }
        return TextDocument(path: path == "-" ? "<stdin>" : path, kind: .text, text: text)
    }

    /// Nothing configured: say where mcpguard looked and what to try instead.
    private func reportNothingConfigured(_ searched: [String]) throws {
        var lines = ["mcpguard: no MCP host configuration found. Looked in:"]
        for path in searched { lines.append("  \(path)") }
        lines.append("Nothing to scan. Try the bundled demo: mcpguard scan --demo")
        lines.append("or name a source: mcpguard scan --config FILE | --server 'CMD ARGS' | --url URL | --snapshot FILE")
        Terminal.writeStderr(lines.joined(separator: "\n") + "\n")
    }
}
