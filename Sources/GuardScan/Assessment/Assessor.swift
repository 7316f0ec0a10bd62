import GuardCore
import GuardDetect
import GuardPolicy

/// Turns a scan report, the deployment (guards and policies) and the operator's attestations into a status
/// with evidence for every checklist item, from the coverage data of ``ItemCoverage``.
public struct Assessor: Sendable {
    public var report: ScanReport
    public var deployment: Deployment
    public var attestations: AttestationFile
    /// `YYYY-MM-DD`, for attestation expiry.
    public var today: String

    public init(report: ScanReport, deployment: Deployment, attestations: AttestationFile = AttestationFile(), today: String) {
        self.report = report
        self.deployment = deployment
        self.attestations = attestations
        self.today = today
    }

    public func assess() -> Assessment {
        let items = ChecklistCatalog.items.map { item in assess(item, ItemCoverage.of(item.id) ?? .attest(item.id, item.summary)) }
        return Assessment(subject: report.subject, date: today, items: items, scanStatus: report.status.rawValue)
    }

    func assess(_ item: ChecklistItem, _ coverage: ItemCoverage) -> Assessment.ItemResult {
        let findings = report.findings.filter { $0.checklist.contains(item.id) && $0.severity > .info }
        let parts = coverage.parts.map { evaluate($0, item: item.id) }
        var (status, reason) = automatedStatus(coverage, parts: parts, findings: findings)
        if findings.isEmpty, let why = notApplicable(coverage) {
            (status, reason) = (.notApplicable, why)
        }
        let attestation = attestations.entries[item.id]
        if let attestation {
            (status, reason) = Self.apply(attestation, to: (status, reason), today: today)
        }
        return Assessment.ItemResult(
            item: item, coverage: coverage, status: status, reason: reason, parts: parts, findings: findings, attestation: attestation
        )
    }

    /// What the checks alone say.
    func automatedStatus(
        _ coverage: ItemCoverage, parts: [Assessment.PartResult], findings: [Finding]
    ) -> (Assessment.Status, String) {
        if coverage.parts.isEmpty {
            return (.notAssessed, "only an operator can decide this: \(coverage.uncovered ?? "attest it")")
        }
        if !findings.isEmpty || parts.contains(where: { $0.outcome == .failed }) {
            let count = findings.count
            return (.failed, count == 0 ? "a check found it broken" : "\(count) finding\(count == 1 ? " breaks" : "s break") it")
        }
        let met = parts.filter { $0.outcome == .passed || $0.outcome == .enforced }
        let open = parts.filter { $0.outcome == .notAssessed }
        if met.isEmpty && open.isEmpty { return (.notApplicable, "nothing in this deployment it applies to") }
        if met.isEmpty { return (.notAssessed, "no check could decide it: " + Self.firstReason(open)) }
        if !open.isEmpty {
            return (.partial, "\(met.count) of \(met.count + open.count) parts hold; not decided: " + Self.firstReason(open))
        }
        if let uncovered = coverage.uncovered { return (.partial, "what mcpguard checks holds; not covered: \(uncovered)") }
        let enforcing = Self.ids(met, .enforced)
        return enforcing.isEmpty
            ? (.passed, "ran and found nothing: " + Self.ids(met, .passed).joined(separator: ", "))
            : (.enforced, "in force for every server it concerns: " + enforcing.joined(separator: ", "))
    }

    /// The ids of the checks with `outcome` in `parts`, in order, once each.
    static func ids(_ parts: [Assessment.PartResult], _ outcome: Assessment.Evidence.Outcome) -> [String] {
        var seen: Set<String> = []
        return parts.flatMap(\.evidence).filter { $0.outcome == outcome }.compactMap(\.id).filter { seen.insert($0).inserted }
    }

    static func firstReason(_ parts: [Assessment.PartResult]) -> String {
        parts.first?.evidence.first { $0.outcome == .notRun || $0.outcome == .off }?.text ?? parts.first?.text ?? ""
    }

    /// An attestation decides what the checks cannot; it never hides a failed check, and a check that
    /// decided the whole item is not overridden.
    static func apply(
        _ entry: AttestationFile.Entry, to automated: (Assessment.Status, String), today: String
    ) -> (Assessment.Status, String) {
        let (status, reason) = automated
        switch status {
        case .failed:
            return entry.status == .met
                ? (.failed, reason + " (attested met by \(entry.by) on \(entry.date), but the checks disagree)")
                : automated
        case .passed, .enforced:
            return automated
        default:
            break
        }
        if entry.isExpired(today: today) {
            return (.attestationExpired, "attested \(entry.status.rawValue) by \(entry.by) on \(entry.date), expired \(entry.expires ?? "")")
        }
        switch entry.status {
        case .met: return (.attested, "attested met by \(entry.by) on \(entry.date)")
        case .notMet: return (.failed, "attested not met by \(entry.by) on \(entry.date)")
        case .notApplicable: return (.notApplicable, "attested not applicable by \(entry.by) on \(entry.date)")
        }
    }

    /// Why an item's applicability rules it out here, if they do.
    func notApplicable(_ coverage: ItemCoverage) -> String? {
        let servers = report.servers
        switch coverage.applicability {
        case .always:
            return nil
        case .walletServers:
            guard !servers.isEmpty, servers.allSatisfy({ $0.status == .ok || $0.status == .skipped && isDisabled($0.name) }) else { return nil }
            let funds = report.findings.contains { $0.rule == Rules.capabilityFundsMovement.id }
            return funds ? nil : "no configured server moves funds (no tool of the \(servers.count) inventoried servers is labelled funds-movement)"
        case .containerServers:
            let containers: Set<String> = ["docker", "podman", "nerdctl"]
            let known = deployment.servers.filter { $0.transport == .stdio }
            guard !known.isEmpty else { return nil }
            return known.contains { containers.contains($0.launcher ?? "") } ? nil : "no server is launched in a container"
        }
    }

    func isDisabled(_ name: String) -> Bool { deployment.server(named: name)?.disabled ?? false }
}
