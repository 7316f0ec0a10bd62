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
    /// `probeFindings` come from live checks (``RemoteSecurityAudit``) and are reported beside the detectors'.
    public func run(_ input: DetectionInput, subject: String, probeFindings: [Finding] = []) -> ScanReport {
        let findings = engine.analyze(input) + probeFindings
        return ScanReport(
            subject: subject,
            servers: input.snapshot.servers.map(ScanReport.ServerResult.init),
            findings: findings,
            rules: engine.rules + (probeFindings.isEmpty ? [] : Rules.probes)
        )
    }
}
