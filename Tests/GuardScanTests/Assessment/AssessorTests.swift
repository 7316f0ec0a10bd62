import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import Testing

@testable import GuardScan

/// Statuses follow from the data: for a sample of items in each status, the evidence that decides it.
@Suite("Assessor statuses")
struct AssessorTests {
    static func server(_ name: String, status: ServerInventory.Status = .ok, transport: ServerInventory.Transport = .stdio) -> ScanReport.ServerResult {
        ScanReport.ServerResult(ServerInventory(name: name, transport: transport, status: status))
    }

    static func report(
        servers: [ScanReport.ServerResult] = [server("notes")], findings: [Finding] = [], checks: [CheckRecord] = []
    ) -> ScanReport {
        ScanReport(subject: "test", servers: servers, findings: findings, rules: [], checks: checks)
    }

    static func guarded(_ name: String, policy: Deployment.LoadedPolicy = .builtIn, invocation: GuardInvocation = GuardInvocation()) -> Deployment.Server {
        Deployment.Server(name: name, transport: .stdio, launcher: "python3", guardInvocation: invocation, policy: policy)
    }

    static func result(_ id: String, _ assessment: Assessment) -> Assessment.ItemResult {
        assessment.items.first { $0.item.id == id }!
    }

    @Test("passed: a config rule ran on every server and found nothing")
    func passed() {
        let assessment = Assessor(report: Self.report(), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        let tls = Self.result("CLI-TLS-02", assessment)
        #expect(tls.status == .passed)
        #expect(tls.parts.first?.evidence.contains { $0.id == "tls-verification-disabled" && $0.outcome == .passed } == true)
        // tls-certificate is a remote probe: with only a stdio server it has nothing to check.
        #expect(tls.parts.first?.evidence.contains { $0.id == "tls-certificate" && $0.outcome == .notApplicable } == true)
    }

    @Test("failed: a finding that cites the item breaks it, and is linked")
    func failed() {
        let finding = Finding(Rules.configSecret, server: "notes", message: "a token in env", evidence: "ghp_…abcd")
        let assessment = Assessor(report: Self.report(findings: [finding]), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        let item = Self.result("CLI-STORE-01", assessment)
        #expect(item.status == .failed)
        #expect(item.findings.map(\.fingerprint) == [finding.fingerprint])
        // The same finding does not touch CRYPTO-01: it was not a wallet key.
        #expect(Self.result("CRYPTO-01", assessment).findings.isEmpty)
    }

    @Test("enforced: a built-in control of a guarded server, named as such; absent guard means not assessed")
    func enforced() {
        let guardedAssessment = Assessor(report: Self.report(), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        let cleanup = Self.result("SRV-PERSIST-02", guardedAssessment)
        #expect(cleanup.status == .enforced)
        #expect(cleanup.parts[0].evidence[0].text.contains("built into mcpguard run"))
        let bare = Deployment(servers: [Deployment.Server(name: "notes", transport: .stdio, launcher: "python3")])
        let unguarded = Self.result("SRV-PERSIST-02", Assessor(report: Self.report(), deployment: bare, today: "2026-12-02").assess())
        #expect(unguarded.status == .notAssessed)
        #expect(unguarded.reason.contains("not launched through mcpguard run"))
    }

    @Test("the policy line that puts a control in force is named; a policy without it leaves the part open")
    func policyLines() throws {
        let yaml = """
            version: 1
            servers:
              "*":
                timeout: 30s
                rate: 20/min
                outputs:
                  max_size: 65536
            """
        let policy = Deployment.LoadedPolicy(path: "/etc/p.yaml", policy: try Policy(yaml: yaml, path: "p.yaml"), lines: PolicyKeyLines(yaml: yaml))
        let deployment = Deployment(servers: [Self.guarded("notes", policy: policy, invocation: GuardInvocation(sandbox: .strict))])
        let limits = Self.result("SRV-DEPLOY-05", Assessor(report: Self.report(), deployment: deployment, today: "2026-12-02").assess())
        #expect(limits.status == .enforced)
        let texts = limits.parts.flatMap(\.evidence).map(\.text).joined(separator: " | ")
        #expect(texts.contains("/etc/p.yaml:4, timeout"))
        #expect(texts.contains("/etc/p.yaml:5, rate"))
        #expect(texts.contains("--sandbox"))
        // Without the sandbox, the resource-limit part is open, so the item is only partly decided.
        let loose = Deployment(servers: [Self.guarded("notes", policy: policy)])
        let partial = Self.result("SRV-DEPLOY-05", Assessor(report: Self.report(), deployment: loose, today: "2026-12-02").assess())
        #expect(partial.status == .partial)
        #expect(partial.reason.contains("2 of 3 parts hold"))
    }

    @Test("partial: everything mcpguard checks holds, and the item says what it does not cover")
    func partial() {
        let item = Self.result("SRV-SUPPLY-01", Assessor(report: Self.report(), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess())
        #expect(item.status == .partial)
        #expect(item.reason.contains("dependency tree"))
    }

    @Test("not assessed: pin rules without a lockfile, definition rules on a server that failed")
    func notAssessed() {
        let deployment = Deployment(servers: [Self.guarded("notes")])
        let noLock = Self.result("CLI-MGMT-06", Assessor(report: Self.report(), deployment: deployment, today: "2026-12-02").assess())
        #expect(noLock.status == .notAssessed)
        #expect(noLock.reason.contains("no lockfile") || noLock.reason.contains("no signed directory"))
        let pinned = ScanChecks.records(ScanChecks.pinRules, servers: [ServerInventory(name: "notes")], findings: [])
        let withLock = Self.result("CLI-MGMT-11", Assessor(report: Self.report(checks: pinned), deployment: deployment, today: "2026-12-02").assess())
        #expect(withLock.status == .enforced || withLock.status == .passed)

        let failedServer = Self.report(servers: [Self.server("notes", status: .failed)])
        let poisoning = Self.result("LLM-EXEC-01", Assessor(report: failedServer, deployment: deployment, today: "2026-12-02").assess())
        #expect(poisoning.status == .notAssessed)
        #expect(poisoning.reason.contains("not inventoried"))
    }

    @Test("attestations decide attest items, expire, never hide a failed check")
    func attestations() throws {
        let attestations = try AttestationFile(yaml: """
            version: 1
            items:
              SRV-AUTH-03:
                status: met
                by: ops@example.com
                date: 2026-11-01
                evidence: [https://wiki.example/vault-tokens]
              SRV-AUTH-05:
                status: met
                by: ops@example.com
                date: 2025-01-01
                expires: 2025-07-01
                evidence: rotation runbook
              CLI-AUTH-03:
                status: not-applicable
                by: ops@example.com
                date: 2026-11-01
              CLI-STORE-01:
                status: met
                by: ops@example.com
                date: 2026-11-01
                evidence: we use a keychain
              CLI-UI-03:
                status: not-met
                by: ops@example.com
                date: 2026-11-01
            """, path: "a.yaml")
        let finding = Finding(Rules.configSecret, server: "notes", message: "a token in env")
        let assessment = Assessor(
            report: Self.report(findings: [finding]), deployment: Deployment(servers: [Self.guarded("notes")]), attestations: attestations, today: "2026-12-02"
        ).assess()
        #expect(Self.result("SRV-AUTH-03", assessment).status == .attested)
        #expect(Self.result("SRV-AUTH-05", assessment).status == .attestationExpired)
        #expect(Self.result("CLI-AUTH-03", assessment).status == .notApplicable)
        #expect(Self.result("CLI-UI-03", assessment).status == .failed)
        let contradicted = Self.result("CLI-STORE-01", assessment)
        #expect(contradicted.status == .failed)
        #expect(contradicted.reason.contains("the checks disagree"))
        #expect(Self.result("SRV-AUTH-06", assessment).status == .notAssessed)
    }

    @Test("not applicable: crypto items without wallet servers, container items without containers")
    func notApplicable() {
        let assessment = Assessor(report: Self.report(), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        #expect(Self.result("CRYPTO-05", assessment).status == .notApplicable)
        #expect(Self.result("SRV-DEPLOY-02", assessment).status == .notApplicable)
        let funds = Finding(Rules.capabilityFundsMovement, server: "notes", tool: "send", message: "moves funds")
        let wallet = Assessor(report: Self.report(findings: [funds]), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        #expect(Self.result("CRYPTO-05", wallet).status == .notAssessed)
        #expect(Self.result("CRYPTO-05", wallet).findings.isEmpty, "an info label is not a finding against the item")
    }

    @Test("scores: partial counts half, not-applicable items are left out; --fail-under and --require decide the exit")
    func scores() {
        let assessment = Assessor(report: Self.report(), deployment: Deployment(servers: [Self.guarded("notes")]), today: "2026-12-02").assess()
        var points = 0.0
        var counted = 0
        for item in assessment.items {
            guard let value = item.status.points else { continue }
            points += value
            counted += 1
        }
        #expect(assessment.overall.counted == counted)
        #expect(assessment.overall.points == points)
        #expect(assessment.overall.total == 129)
        let percent = assessment.overall.percent ?? -1
        #expect(assessment.exitCode(failUnder: percent, require: nil) == 0)
        #expect(assessment.exitCode(failUnder: min(100, percent + 0.2), require: nil) == 1)
        #expect(assessment.exitCode(failUnder: nil, require: .high) == 1)
        #expect(!assessment.unmet(atOrAbove: .high).contains { $0.item.priority != .high })
    }
}
