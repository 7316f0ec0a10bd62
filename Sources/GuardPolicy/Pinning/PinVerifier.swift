import GuardCore

/// Turns the differences between a snapshot and a lockfile into findings (the scan's rug-pull check),
/// and offers the same comparison to the runtime guard.
public struct PinVerifier: Sendable {
    public let lockfile: Lockfile
    /// Where the lockfile was read from, for finding locations.
    public let path: String

    public init(lockfile: Lockfile, path: String) {
        self.lockfile = lockfile
        self.path = path
    }

    /// Findings for every server of `snapshot` that was inventoried.
    public func findings(for snapshot: InventorySnapshot) -> [Finding] {
        var findings: [Finding] = []
        for inventory in snapshot.servers where inventory.status == .ok {
            let identity = ServerIdentity.of(inventory, environmentNames: inventory.environmentNames)
            guard let pinned = lockfile.servers[identity.key] else {
                findings.append(Finding(
                    PinRules.unpinned, server: inventory.name, location: inventory.location(),
                    message: "\(inventory.name) (\(identity.display)) is not in \(path)",
                    evidence: identity.key, fingerprintKey: identity.key
                ))
                continue
            }
            let current = Lockfile.pins(for: inventory, identity: identity)
            for change in PinComparison.changes(pinned: pinned, current: current) {
                let rule: RuleDescriptor = switch change.kind {
                case .changed: PinRules.changed
                case .added: PinRules.added
                case .removed: PinRules.removed
                }
                let pointer = change.category == .instructions ? "/instructions" : "/\(change.category.member)/\(change.name)"
                findings.append(Finding(
                    rule, server: inventory.name, tool: change.category == .instructions ? nil : change.name,
                    location: FindingLocation(file: inventory.source.path, line: inventory.source.line, pointer: pointer),
                    message: "\(inventory.name): \(change.summary) since it was pinned in \(path)",
                    evidence: change.fields.isEmpty ? nil : change.fields.joined(separator: "; "),
                    fingerprintKey: "\(identity.key)\(pointer)"
                ))
            }
        }
        return findings
    }
}
