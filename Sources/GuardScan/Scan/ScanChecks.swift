import GuardCore
import GuardDetect
import GuardPolicy

/// Check records for the checks a scan runs only with their input: pins (a lockfile), a signed directory,
/// the transport probes of remote servers. One record per rule and server.
public enum ScanChecks {
    /// Records of `rules` on every server of `servers`: failed where a finding of the rule names the
    /// server, skipped where `skip` gives a reason, else passed.
    public static func records(
        _ rules: [RuleDescriptor], servers: [ServerInventory], findings: [Finding],
        skip: (ServerInventory) -> String? = { $0.status == .ok ? nil : "not inventoried" }
    ) -> [CheckRecord] {
        let fired = Set(findings.map { "\($0.rule)\u{0}\($0.server ?? "")" })
        var records: [CheckRecord] = []
        for server in servers {
            for rule in rules {
                if fired.contains("\(rule.id)\u{0}\(server.name)") {
                    records.append(CheckRecord(rule: rule.id, server: server.name, outcome: .failed))
                } else if let reason = skip(server) {
                    records.append(CheckRecord(rule: rule.id, server: server.name, outcome: .skipped, detail: reason))
                } else {
                    records.append(CheckRecord(rule: rule.id, server: server.name, outcome: .passed))
                }
            }
        }
        return records
    }

    /// The pin rules of a comparison with a lockfile.
    public static let pinRules = [PinRules.changed, PinRules.added, PinRules.removed, PinRules.unpinned]
    /// The rules of a check against a signed directory.
    public static let directoryRules = [PinRules.notInDirectory, PinRules.directoryMismatch]

    /// Records of the transport probes of the remote servers among `servers`.
    public static func remoteRecords(servers: [ServerInventory], findings: [Finding]) -> [CheckRecord] {
        records(Rules.probes, servers: servers.filter { $0.transport != .stdio && $0.status != .skipped }, findings: findings) { server in
            server.status == .failed ? "could not be reached" : nil
        }
    }
}
