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

    @OptionGroup var inputs: ScanInputOptions

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
        if !textPaths.isEmpty && (inputs.demo || inputs.snapshotPath != nil || inputs.sources.hasExplicitSources || inputs.staticOnly) {
            throw ValidationError("--text screens files on their own; it cannot be combined with --demo, --snapshot, --config, --server, --url or --static")
        }
        if FailThreshold(failOn) == nil {
            throw ValidationError("unknown severity '\(failOn)' for --fail-on (expected info, low, medium, high, critical or none)")
        }
    }

    func run() async throws {
        let report: ScanReport
        if !textPaths.isEmpty {
            let input = DetectionInput(snapshot: InventorySnapshot(servers: []), documents: try textPaths.map(Self.readText))
            let subject = textPaths.count == 1 ? "text \(textPaths[0] == "-" ? "from standard input" : textPaths[0])" : "\(textPaths.count) texts"
            report = ScanPipeline().run(input, subject: subject)
        } else {
            guard let collected = try await inputs.collect() else { return }
            report = collected.report
        }
        try ReportOutput(format: format, outputPath: outputPath, failOn: failOn).emit(report)
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
}
