import ArgumentParser
import Foundation
import GuardCore
import GuardScan

/// Renders a scan report to stdout or a file and maps it to the exit code (`--fail-on`), exactly as `scan` does.
struct ReportOutput {
    var format: ReportFormat
    var outputPath: String?
    var failOn: String
    /// Lines added after a text report (probe lists its checks there); other formats carry them in their own way.
    var textTrailer: String?

    init(format: ReportFormat, outputPath: String?, failOn: String, textTrailer: String? = nil) {
        self.format = format
        self.outputPath = outputPath
        self.failOn = failOn
        self.textTrailer = textTrailer
    }

    func emit(_ report: ScanReport) throws {
        let renderer = format.renderer(color: outputPath == nil && Terminal.stdoutSupportsColor, baseDirectory: FileManager.default.currentDirectoryPath)
        var rendered = renderer.render(report)
        if format == .text, let textTrailer { rendered += textTrailer }
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
        let code = report.exitCode(failOn: FailThreshold(failOn) ?? .severity(.critical))
        if code != 0 { throw ExitCode(code) }
    }
}
