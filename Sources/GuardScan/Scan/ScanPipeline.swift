import GuardCore
import GuardDetect
import GuardPolicy

/// Runs detectors over an inventory and builds the report.
public struct ScanPipeline: Sendable {
    public var engine: DetectionEngine

    public init(engine: DetectionEngine = .builtIn) {
        self.engine = engine
    }

    /// Scans what `input` holds. Failed servers stay in the report (and make it incomplete); detectors
    /// still see their configuration so config audits run even when a server could not be reached.
    /// Descriptors of the non-detector rules that fired (probes, pins, directory), for SARIF.
    static func extraRules(for findings: [Finding]) -> [RuleDescriptor] {
        let fired = Set(findings.map(\.rule))
        return (Rules.probes + Rules.activeProbes + PinRules.all).filter { fired.contains($0.id) }
    }

    /// Every rule a scan can report, for checklist coverage.
    public static var allRules: [RuleDescriptor] {
        (DetectionEngine.builtIn.rules + Rules.probes + Rules.activeProbes + PinRules.all).sorted { $0.id < $1.id }
    }

    /// `probeFindings` come from live checks (``RemoteSecurityAudit``) and are reported beside the detectors'.
    /// `checks` records the input-dependent checks that ran (see ``ScanChecks``).
    public func run(_ input: DetectionInput, subject: String, probeFindings: [Finding] = [], checks: [CheckRecord] = []) -> ScanReport {
        let findings = engine.analyze(input) + probeFindings
        return ScanReport(
            subject: subject,
            servers: input.snapshot.servers.map(ScanReport.ServerResult.init),
            findings: findings,
            rules: engine.rules + Self.extraRules(for: probeFindings),
            checks: checks
        )
    }
}
