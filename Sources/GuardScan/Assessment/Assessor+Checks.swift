import GuardCore
import GuardDetect
import GuardPolicy

extension Assessor {
    /// Rules that read host configs and launch lines: they run whenever a server or a config was seen.
    static let configRules: Set<String> = [
        "config-secret", "unpinned-package", "shell-launch", "container-privileges", "container-hardening",
        "broad-filesystem-access", "tls-verification-disabled", "unguarded-server", "unsandboxed-server",
        "privileged-launch", "insecure-transport", "config-permissions", "auto-approve", "permission-mode",
        "sandbox-disabled", "config-unparseable", "text-injection",
    ]
    /// Probe rules that concern remote (HTTP) servers only.
    static let remoteRules: Set<String> = Set(Rules.probes.map(\.id)).union([
        "probe-tls-weak-cipher", "probe-session-id", "probe-rate-limit", "probe-cors",
    ])
    static let pinRules: Set<String> = [PinRules.changed.id, PinRules.added.id, PinRules.removed.id, PinRules.unpinned.id]
    static let directoryRules: Set<String> = [PinRules.notInDirectory.id, PinRules.directoryMismatch.id]
    /// Rules that run only with their input (a lockfile, a directory, a reachable server to probe) and
    /// leave check records.
    static let recordedRules = pinRules.union(directoryRules).union(remoteRules)

    func evaluate(_ part: ItemCoverage.Part, item: String) -> Assessment.PartResult {
        let detections = part.detect.map { detection($0, item: item) }
        let controls = part.enforce.map { control($0) }
        let evidence = detections + controls
        let outcome: Assessment.PartResult.Outcome
        if detections.contains(where: { $0.outcome == .failed }) {
            outcome = .failed
        } else if controls.contains(where: { $0.outcome == .enforced }) {
            outcome = .enforced
        } else if detections.contains(where: { $0.outcome == .passed }) {
            outcome = .passed
        } else if evidence.allSatisfy({ $0.outcome == .notApplicable }) {
            outcome = .notApplicable
        } else {
            outcome = .notAssessed
        }
        return Assessment.PartResult(text: part.text, outcome: outcome, evidence: evidence)
    }

    /// What a detection rule says about `item`: its findings, or that it ran clean, or why it did not run.
    func detection(_ rule: String, item: String) -> Assessment.Evidence {
        let hits = report.findings.filter { $0.rule == rule && $0.checklist.contains(item) }
        if !hits.isEmpty {
            let servers = Set(hits.compactMap(\.server)).sorted()
            return .init(kind: .rule, id: rule, outcome: .failed, text: "\(hits.count) finding\(hits.count == 1 ? "" : "s")" + (servers.isEmpty ? "" : " on " + servers.joined(separator: ", ")))
        }
        let active = report.servers.filter { !isDisabled($0.name) }
        if Self.configRules.contains(rule) {
            return active.isEmpty && deployment.servers.isEmpty
                ? .init(kind: .rule, id: rule, outcome: .notRun, text: "no host config or server was read")
                : .init(kind: .rule, id: rule, outcome: .passed, text: "ran on \(active.count) server\(active.count == 1 ? "" : "s"), found nothing")
        }
        if Self.recordedRules.contains(rule) || rule.hasPrefix("probe-") { return fromRecords(rule, servers: active) }
        // A definition rule: it saw every server whose inventory was taken.
        let missing = active.filter { $0.status != .ok }.map(\.name)
        if active.isEmpty { return .init(kind: .rule, id: rule, outcome: .notRun, text: "no server was inventoried") }
        if !missing.isEmpty {
            return .init(kind: .rule, id: rule, outcome: .notRun, text: "not inventoried, so not checked: " + missing.joined(separator: ", "))
        }
        return .init(kind: .rule, id: rule, outcome: .passed, text: "checked the definitions of \(active.count) server\(active.count == 1 ? "" : "s"), found nothing")
    }

    /// Pins, directory and probes run only with their input; their check records say where they ran.
    func fromRecords(_ rule: String, servers: [ScanReport.ServerResult]) -> Assessment.Evidence {
        let remote = Self.remoteRules.contains(rule)
        let scope = servers.filter { !remote || $0.transport != .stdio }
        if scope.isEmpty {
            return .init(kind: .rule, id: rule, outcome: .notApplicable, text: remote ? "no remote server" : "no server")
        }
        let records = report.checks.filter { $0.rule == rule }
        let byServer = Dictionary(grouping: records, by: { $0.server ?? "" })
        var passed: [String] = []
        var open: [String] = []
        for server in scope {
            let own = (byServer[server.name] ?? []) + (byServer[""] ?? [])
            if own.contains(where: { $0.outcome == .passed }) && !own.contains(where: { $0.outcome == .failed }) {
                passed.append(server.name)
            } else if let skipped = own.first(where: { $0.outcome == .skipped }) {
                open.append("\(server.name) (\(skipped.detail ?? "skipped"))")
            } else {
                open.append(server.name)
            }
        }
        if open.isEmpty {
            return .init(kind: .rule, id: rule, outcome: .passed, text: "ran on " + passed.joined(separator: ", ") + ", found nothing")
        }
        let why: String
        if Self.pinRules.contains(rule) {
            why = "no lockfile was compared (scan with --lock, or keep an mcpguard.lock)"
        } else if Self.directoryRules.contains(rule) {
            why = "no signed directory was checked (--directory with --trust-key)"
        } else if remote && rule.hasPrefix("probe-") == false {
            why = "remote servers were not probed (a live scan probes them; a static scan or snapshot does not)"
        } else {
            why = "mcpguard probe has not checked them (give its findings JSON with --findings)"
        }
        return .init(kind: .rule, id: rule, outcome: .notRun, text: why + "; not checked: " + open.joined(separator: ", "))
    }

    /// Whether a control is in force for every server it concerns.
    func control(_ id: String) -> Assessment.Evidence {
        let servers = deployment.servers.filter { !$0.disabled }
        if servers.isEmpty { return .init(kind: .control, id: id, outcome: .notRun, text: "no host config names the servers, so what guards them is unknown") }
        var inForce: [(String, String)] = []
        var off: [(String, String)] = []
        for server in servers {
            switch ControlEvaluation.state(id, for: server) {
            case .inForce(let text): inForce.append((server.name, text))
            case .off(let text): off.append((server.name, text))
            case .notApplicable: continue
            }
        }
        if inForce.isEmpty && off.isEmpty { return .init(kind: .control, id: id, outcome: .notApplicable, text: "no server it applies to") }
        if off.isEmpty { return .init(kind: .control, id: id, outcome: .enforced, text: Self.grouped(inForce)) }
        let total = off.count + inForce.count
        return .init(kind: .control, id: id, outcome: .off, text: "not in force for \(off.count) of \(total) server\(total == 1 ? "" : "s"): " + Self.grouped(off))
    }

    /// `reason (a, b, c)` per distinct reason, in first-seen order; long server lists shortened.
    static func grouped(_ entries: [(server: String, text: String)]) -> String {
        var order: [String] = []
        var servers: [String: [String]] = [:]
        for entry in entries {
            if servers[entry.text] == nil { order.append(entry.text) }
            servers[entry.text, default: []].append(entry.server)
        }
        return order.map { text in
            let names = servers[text]!
            let shown = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? " and \(names.count - 4) more" : "")
            return "\(text) (\(shown))"
        }.joined(separator: "; ")
    }
}
