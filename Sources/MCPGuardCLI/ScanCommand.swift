import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardScan

extension ReportFormat: ExpressibleByArgument {}

/// `mcpguard scan`: inventory → detectors → report → exit code.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan MCP servers and report what the checklist would flag.",
        discussion: """
            Sources: --snapshot FILE reads an inventory snapshot (the JSON of docs/contracts.md); --demo scans \
            the bundled demo (a Claude Desktop config with six servers, three of them bad). With neither, \
            mcpguard looks for host configs on this machine and says where it looked.
            """
    )

    @Option(name: .customLong("snapshot"), help: ArgumentHelp("Scan an inventory snapshot file.", valueName: "file"))
    var snapshotPath: String?

    @Flag(help: "Scan the bundled demo config and inventory.")
    var demo = false

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
        if demo && snapshotPath != nil { throw ValidationError("--demo and --snapshot cannot be used together") }
        if failOn.lowercased() != "none" && Severity(name: failOn) == nil {
            throw ValidationError("unknown severity '\(failOn)' for --fail-on (expected info, low, medium, high, critical or none)")
        }
    }

    func run() async throws {
        let input: DetectionInput
        let subject: String
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
            try reportNothingConfigured()
            return
        }

        let report = ScanPipeline().run(input, subject: subject)
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

    /// Without a source: look where hosts keep their configs and say what was found.
    private func reportNothingConfigured() throws {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        #if os(macOS)
        let platform = HostConfigLocation.Platform.macOS
        #elseif os(Windows)
        let platform = HostConfigLocation.Platform.windows
        #else
        let platform = HostConfigLocation.Platform.linux
        #endif
        let candidates = HostConfigCandidates(
            home: home, environment: environment, workingDirectory: FileManager.default.currentDirectoryPath,
            platform: platform
        ).candidates
        let found = candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
        if found.isEmpty {
            var lines = ["mcpguard: no MCP host configuration found. Looked in:"]
            let hosts = Dictionary(grouping: candidates, by: \.location.host)
            for host in Set(candidates.map(\.location.host)).sorted() {
                lines.append("  \(host):")
                for candidate in hosts[host]! { lines.append("    \(candidate.path)") }
            }
            lines.append("Nothing to scan. Try the bundled demo: mcpguard scan --demo")
            lines.append("or scan a snapshot: mcpguard scan --snapshot FILE")
            Terminal.writeStderr(lines.joined(separator: "\n") + "\n")
            return
        }
        let list = found.map { "\($0.location.host): \($0.path)" }.joined(separator: ", ")
        throw CLIError(
            "found host configs (\(list)) but this build cannot launch servers yet; "
                + "scan an inventory snapshot with --snapshot FILE, or try --demo"
        )
    }
}
