import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardScan

extension ChecklistItem.Priority: ExpressibleByArgument {}

/// `mcpguard assess`: where this deployment stands against every checklist item, with evidence.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess the deployment against every checklist item: passed, failed, enforced, partial, not assessed, attested.",
        discussion: """
            By default assess scans as `mcpguard scan` does (host configs, live servers, lockfile), reads which \
            servers run behind `mcpguard run` and with which policy, and combines that with an attestation file \
            (mcpguard-attestations.yaml here, or --attestations) into a status per item. --findings FILE assesses \
            saved findings JSON (of scan or probe) instead of scanning. --init writes an attestation template.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
    }

    @OptionGroup var inputs: ScanInputOptions

    @Option(name: .customLong("findings"), help: ArgumentHelp("Assess this saved findings JSON (scan or probe --format json) instead of scanning; repeatable.", valueName: "file"))
    var findingsPaths: [String] = []

    @Option(name: .customLong("policy"), help: ArgumentHelp("Assume this policy for every guarded server (default: the one each wrapper names).", valueName: "file"))
    var policyPath: String?

    @Option(name: .customLong("attestations"), help: ArgumentHelp("The operator's attestation file (default: mcpguard-attestations.yaml in this directory, if present).", valueName: "file"))
    var attestationsPath: String?

    @Flag(help: "Write a commented attestation template for every item only an operator can decide, then stop.")
    var `init` = false

    @Option(help: "Output format: text, json, markdown or html.")
    var format: Format = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var outputPath: String?

    @Flag(help: "Text output: show every part's evidence.")
    var verbose = false

    @Option(name: .customLong("fail-under"), help: ArgumentHelp("Exit 1 when the overall score is below this (0–100).", valueName: "score"))
    var failUnder: Double?

    @Option(name: .customLong("require"), help: ArgumentHelp("Exit 1 unless every item of this priority or higher is passed, enforced, attested or not applicable (low, medium, high).", valueName: "priority"))
    var require: ChecklistItem.Priority?

    @Option(name: .customLong("today"), help: .hidden)
    var today: String?

    static let defaultAttestations = "mcpguard-attestations.yaml"

    func validate() throws {
        if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under must be between 0 and 100") }
        if !findingsPaths.isEmpty && (inputs.demo || inputs.snapshotPath != nil || !inputs.sources.serverCommands.isEmpty || !inputs.sources.urls.isEmpty) {
            throw ValidationError("--findings assesses saved findings; it cannot be combined with --demo, --snapshot, --server or --url")
        }
        if let today, today.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil { throw ValidationError("--today must be YYYY-MM-DD") }
    }

    func run() async throws {
        let day = today ?? AttestationFile.format(Date())
        if self.`init` {
            let template = AttestationTemplate.render(today: day)
            guard let outputPath else { return Terminal.writeStdout(template) }
            guard !FileManager.default.fileExists(atPath: outputPath) else { throw CLIError("\(outputPath) exists; not overwriting it (remove it or pick another --output)") }
            try Terminal.writeFile(outputPath, template)
            return Terminal.writeStderr("mcpguard: wrote an attestation template to \(outputPath)\n")
        }
        let attestations = try loadAttestations()
        let policyOverride = try policyPath.map { path in
            switch Deployment.LoadedPolicy.load(path) {
            case .success(let loaded): return loaded
            case .failure(let failure): throw CLIError(failure.description)
            }
        }
        let report: ScanReport
        let configs: [ConfigDocument]
        if !findingsPaths.isEmpty {
            let reports = try findingsPaths.map { path in
                do {
                    return try ScanReport(findingsJSON: try Terminal.readFile(path, what: "findings JSON"), subject: path, rules: ScanPipeline.allRules)
                } catch let failure as ScanReport.ReadFailure {
                    throw CLIError("findings \(path): \(failure.description)")
                }
            }
            report = ScanReport.merged(reports, subject: findingsPaths.joined(separator: ", "))
            configs = try inputs.sources.discover().configs
        } else {
            guard let collected = try await inputs.collect() else { return }
            report = collected.report
            configs = inputs.snapshotPath == nil ? collected.configs : try inputs.sources.discover().configs
        }
        let deployment = Deployment.read(configs: configs, policyOverride: policyOverride)
        let assessment = Assessor(report: report, deployment: deployment, attestations: attestations, today: day).assess()
        let rendered: String = switch format {
        case .text: AssessmentTextRenderer(style: TerminalStyle(enabled: outputPath == nil && Terminal.stdoutSupportsColor), verbose: verbose).render(assessment)
        case .json: AssessmentJSONRenderer().render(assessment)
        case .markdown: AssessmentMarkdownRenderer().render(assessment)
        case .html: AssessmentHTMLRenderer().render(assessment)
        }
        if let outputPath {
            try Terminal.writeFile(outputPath, rendered)
            Terminal.writeStderr("mcpguard: wrote \(format.rawValue) assessment to \(outputPath): score \(AssessmentTextRenderer.percent(assessment.overall))\n")
        } else {
            Terminal.writeStdout(rendered)
        }
        let code = assessment.exitCode(failUnder: failUnder, require: require)
        if code != 0 {
            if let require {
                let unmet = assessment.unmet(atOrAbove: require)
                if !unmet.isEmpty { Terminal.writeStderr("mcpguard: \(unmet.count) item\(unmet.count == 1 ? "" : "s") of \(require.rawValue) priority or higher not met: " + unmet.prefix(8).map { $0.item.id }.joined(separator: ", ") + (unmet.count > 8 ? ", …" : "") + "\n") }
            }
            if let failUnder, let percent = assessment.overall.percent, percent < failUnder {
                Terminal.writeStderr("mcpguard: score \(AssessmentTextRenderer.percent(assessment.overall)) is under --fail-under \(failUnder)\n")
            }
            throw ExitCode(code)
        }
    }

    func loadAttestations() throws -> AttestationFile {
        let path = attestationsPath ?? (FileManager.default.fileExists(atPath: Self.defaultAttestations) ? Self.defaultAttestations : nil)
        guard let path else { return AttestationFile() }
        do { return try AttestationFile.load(path) } catch { throw CLIError(error.description) }
    }
}
