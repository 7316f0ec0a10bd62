import Foundation
import GuardCore
import GuardDetect
import MCPClient

/// `mcpguard probe` behind the command line: runs the active checks against one server, turns what they
/// observed into findings, and records every check that ran (or why it could not) for `mcpguard assess`.
public struct ServerProbe: Sendable {
    /// How a stdio server is started: as configured, or inside mcpguard's sandbox.
    public struct Launch: Sendable {
        public var command: String
        public var arguments: [String]
        public var environment: [String: String]
        public var confinement: ChildProcess.Confinement

        public init(command: String, arguments: [String], environment: [String: String], confinement: ChildProcess.Confinement = .init()) {
            self.command = command
            self.arguments = arguments
            self.environment = environment
            self.confinement = confinement
        }
    }

    public var options: ActiveProbe.Options
    public var baseEnvironment: [String: String]

    public init(options: ActiveProbe.Options = .init(), baseEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.baseEnvironment = baseEnvironment
    }

    /// One probed server: its line in the report, its findings and its check records.
    public struct Outcome: Sendable {
        public var server: ScanReport.ServerResult
        public var findings: [Finding]
        public var checks: [CheckRecord]
    }

    /// The launch `spec` describes (its own command, the environment a host would give it).
    public func defaultLaunch(_ spec: ServerSpec) -> Launch? {
        guard let command = spec.command, !command.isEmpty else { return nil }
        return Launch(command: command, arguments: spec.args, environment: ServerEnvironment.build(base: baseEnvironment, configured: spec.env))
    }

    public func probe(_ spec: ServerSpec, launch: Launch? = nil) async -> Outcome {
        switch spec.transport {
        case .stdio:
            guard let launch = launch ?? defaultLaunch(spec) else {
                return outcome(spec, ActiveProbe.Report(checks: ActiveProbe.families.map { skipped($0, "no command is configured") }, failure: "no command is configured"), remote: [], extra: [])
            }
            let report = await ActiveProbe(options: options).run {
                try StdioProbeLink(command: launch.command, arguments: launch.arguments, environment: launch.environment, confinement: launch.confinement)
            }
            return outcome(spec, report, remote: [], extra: [])
        case .http, .sse:
            return await probeRemote(spec)
        }
    }

    /// The transport checks first (a fixed, short list), then the JSON-RPC probes in what is left of the budget.
    func probeRemote(_ spec: ServerSpec) async -> Outcome {
        let url = spec.url ?? ""
        let start = ContinuousClock.now
        var transportProbe = RemoteSecurityProbe()
        transportProbe.timeout = options.requestTimeout
        let observations = await transportProbe.probe(spec)
        let transportFindings = RemoteSecurityAudit.findings(spec, observations)
        var extra = [await transportProbe.weakCipherCheck(url: url)]
        var unauthenticatedStatus: Int?
        if spec.transport == .http {
            var sessions = HTTPSessionProbe()
            sessions.timeout = options.requestTimeout
            let outcome = await sessions.run(url: url, headers: spec.headers)
            extra += outcome.checks
            unauthenticatedStatus = outcome.unauthenticatedStatus
        } else {
            extra += [Rules.probeSessionID, Rules.probeRateLimit, Rules.probeCORS].map { skipped($0, "a legacy HTTP+SSE server: these checks are for Streamable HTTP") }
        }
        var report: ActiveProbe.Report
        if spec.transport == .http {
            var rest = options
            rest.budget = max(.zero, options.budget - (ContinuousClock.now - start))
            report = await ActiveProbe(options: rest).run { try await HTTPProbeLink.connect(url: url, headers: spec.headers) }
        } else {
            report = ActiveProbe.Report(checks: ActiveProbe.families.map { skipped($0, "a legacy HTTP+SSE server: the JSON-RPC probes need stdio or Streamable HTTP") }, failure: nil)
        }
        if report.failure != nil, transportFindings.isEmpty == false || extra.contains(where: \.ran) {
            report.failure = nil  // the transport was checked even though the JSON-RPC probes could not run
        }
        var result = outcome(spec, report, remote: transportFindings, extra: extra)
        result.checks += Self.transportRecords(spec, findings: transportFindings, unauthenticatedStatus: unauthenticatedStatus)
        return result
    }

    func skipped(_ rule: RuleDescriptor, _ reason: String) -> ProbeCheckResult {
        ProbeCheckResult(rule: rule.id, ran: false, detail: reason)
    }

    func outcome(_ spec: ServerSpec, _ report: ActiveProbe.Report, remote: [Finding], extra: [ProbeCheckResult]) -> Outcome {
        let location = FindingLocation(file: spec.source.path, line: spec.source.line, pointer: nil)
        var findings = remote
        var checks: [CheckRecord] = []
        for check in report.checks + extra {
            guard let rule = Rules.activeProbes.first(where: { $0.id == check.rule }) else { continue }
            for problem in check.problems {
                findings.append(Finding(rule, severity: problem.severity, server: spec.name, tool: problem.tool, location: location,
                                        message: "\(spec.name) \(problem.message)", evidence: problem.evidence, fingerprintKey: problem.key))
            }
            let outcome: CheckRecord.Outcome = !check.ran ? .skipped : (check.problems.isEmpty ? .passed : .failed)
            checks.append(CheckRecord(rule: check.rule, server: spec.name, outcome: outcome, detail: check.detail))
        }
        var inventory = spec.inventory(status: report.failure == nil ? .ok : .failed, error: report.failure)
        inventory.serverInfo = report.serverInfo
        var server = ScanReport.ServerResult(inventory)
        server.toolCount = report.toolCount
        server.resourceCount = report.resourceCount
        return Outcome(server: server, findings: findings, checks: checks)
    }

    /// Check records for the transport rules of ``RemoteSecurityProbe``, which reports only what it finds.
    static func transportRecords(_ spec: ServerSpec, findings: [Finding], unauthenticatedStatus: Int?) -> [CheckRecord] {
        let url = spec.url ?? ""
        let https = url.lowercased().hasPrefix("https://")
        let host = URLComponents(string: url)?.host ?? ""
        let fired = Set(findings.map(\.rule))
        let refused = unauthenticatedStatus.map { [401, 403].contains($0) } ?? false
        func record(_ rule: RuleDescriptor, skipped reason: String? = nil, passed detail: String) -> CheckRecord {
            if fired.contains(rule.id) { return CheckRecord(rule: rule.id, server: spec.name, outcome: .failed, detail: detail) }
            if let reason { return CheckRecord(rule: rule.id, server: spec.name, outcome: .skipped, detail: reason) }
            return CheckRecord(rule: rule.id, server: spec.name, outcome: .passed, detail: detail)
        }
        let noTLS = https ? nil : "plain HTTP: there is no TLS to check"
        let noAuth = refused ? nil : "the server asks for no credentials, so there is no authentication to advertise"
        var records = [
            record(Rules.tlsCertificate, skipped: noTLS, passed: "verified the certificate chain and host name"),
            record(Rules.tlsOutdated, skipped: noTLS, passed: "offered a handshake with TLS 1.1 or older only"),
            record(Rules.originNotValidated, passed: "sent a request with a foreign Origin"),
            record(Rules.authenticationMetadata, skipped: noAuth, passed: "read the WWW-Authenticate challenge and the RFC 9728 / RFC 8414 metadata"),
            record(Rules.pkceMissing, skipped: fired.contains(Rules.authenticationMetadata.id) ? "no authorization server metadata to read" : noAuth,
                   passed: "read code_challenge_methods_supported of the authorization server"),
        ]
        let loopbackOpen = !refused && isLoopbackHost(host)
        records.append(record(Rules.authenticationMissing, skipped: loopbackOpen ? "a loopback server that needs no credentials (only remote servers must authenticate)" : nil,
                              passed: unauthenticatedStatus.map { "a request without credentials was refused with HTTP \($0)" } ?? "sent a request without credentials"))
        return records
    }

    /// A report over every probed server, rendered like a scan's.
    public static func report(_ outcomes: [Outcome], subject: String) -> ScanReport {
        let findings = outcomes.flatMap(\.findings)
        let rules = Rules.activeProbes + Rules.probes
        return ScanReport(subject: subject, servers: outcomes.map(\.server), findings: findings, rules: rules, checks: outcomes.flatMap(\.checks))
    }
}
