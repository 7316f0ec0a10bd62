import GuardCore
import Testing

@testable import GuardScan

/// `--fail-on` as the report decides it (the CLI only parses the flag).
@Suite("Fail threshold")
struct FailThresholdTests {
    @Test("parsing: none and severity names in any case; anything else is nil")
    func parsing() {
        #expect(FailThreshold("none") == FailThreshold.none)
        #expect(FailThreshold("NONE") == FailThreshold.none)
        #expect(FailThreshold("High") == .severity(.high))
        #expect(FailThreshold("severe") == nil)
        #expect(FailThreshold("") == nil)
    }

    @Test("none never fails on findings but still reports a scan where every server failed")
    func exitCodes() {
        let report = ScanReport.sample()
        #expect(report.exitCode(failOn: FailThreshold.none) == 0)
        #expect(report.exitCode(failOn: FailThreshold.severity(.critical)) == report.exitCode(failOn: Severity.critical))
        let dead = ScanReport(subject: "x", servers: report.servers.filter { $0.status == .failed }, findings: [], rules: [])
        #expect(!dead.servers.isEmpty)
        #expect(dead.exitCode(failOn: FailThreshold.none) == 2)
        let onlyInfo = ScanReport(subject: "x", servers: report.servers, findings: report.findings.filter { $0.severity == .info }, rules: [])
        #expect(onlyInfo.exitCode(failOn: FailThreshold.severity(.low)) == 0)
        #expect(onlyInfo.exitCode(failOn: FailThreshold.severity(.info)) == 1)
    }
}
