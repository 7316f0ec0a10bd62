import ArgumentParser
import GuardCore
import GuardDetect
import GuardScan
import GuardEngine

/// `mcpguard checklist`: the SlowMist checklist as data, with what covers each item.
struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Print the SlowMist MCP Security Checklist and how mcpguard covers each item."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(help: "Only items of this priority (low, medium, high); repeatable.")
    var priority: [String] = []

    @Option(help: "Only items of this part (SRV, CLI, LLM, MULTI, CRYPTO); repeatable.")
    var part: [String] = []

    @Option(help: "Only items whose section contains this text (case-insensitive).")
    var section: String?

    @Flag(help: "Only items no automated check covers (attest only).")
    var uncovered = false

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    func run() async throws {
        var filter = ChecklistReport.Filter(section: section, uncoveredOnly: uncovered)
        for name in priority {
            guard let value = ChecklistItem.Priority(rawValue: name.lowercased()) else {
                throw CLIError("unknown priority '\(name)' (expected low, medium or high)")
            }
            filter.priorities.insert(value)
        }
        for name in part {
            guard let value = ChecklistItem.Part(rawValue: name.uppercased()) else {
                throw CLIError("unknown part '\(name)' (expected SRV, CLI, LLM, MULTI or CRYPTO)")
            }
            filter.parts.insert(value)
        }
        let report = ChecklistReport(filter: filter, rules: ScanPipeline.allRules, controls: GuardControls.all)
        switch format {
        case .text: Terminal.writeStdout(report.text(style: TerminalStyle(enabled: Terminal.stdoutSupportsColor)))
        case .json: Terminal.writeStdout(report.json())
        case .markdown: Terminal.writeStdout(report.markdown())
        }
    }
}
