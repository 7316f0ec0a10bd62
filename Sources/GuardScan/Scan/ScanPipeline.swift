import GuardCore
import GuardDetect

/// Runs detectors over an inventory and builds the report.
public struct ScanPipeline: Sendable {
    public var engine: DetectionEngine

    public init(engine: DetectionEngine = .builtIn) {
        self.engine = engine
    }

    /// Scans what `input` holds. Failed servers stay in the report (and make it incomplete); detectors
    /// still see their configuration so config audits run even when a server could not be reached.
    public func run(_ input: DetectionInput, subject: String) -> ScanReport {
        let findings = engine.analyze(input)
        return ScanReport(
            subject: subject,
            servers: input.snapshot.servers.map(ScanReport.ServerResult.init),
            findings: findings,
            rules: engine.rules
        )
    }
}
