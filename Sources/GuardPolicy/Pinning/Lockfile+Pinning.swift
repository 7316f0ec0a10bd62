import GuardCore

/// What `mcpguard pin` and `mcpguard diff` compute, apart from files and prompts.
extension Lockfile {
    /// The lockfile that pins `snapshot`. Servers that failed this time keep their pins from `existing`
    /// rather than silently disappearing.
    public static func pinning(_ snapshot: InventorySnapshot, keeping existing: Lockfile?) -> Lockfile {
        var lock = Lockfile(snapshot: snapshot)
        guard let existing else { return lock }
        for server in snapshot.servers where server.status == .failed {
            let identity = ServerIdentity.of(server, environmentNames: server.environmentNames)
            if let kept = existing.servers[identity.key] { lock.servers[identity.key] = kept }
        }
        return lock
    }

    /// One line per change from `old` to `new`: `+` a new server, `-` a removed one, `~` each changed
    /// definition (the rug-pull comparison a scan makes).
    public static func changeLines(from old: Lockfile, to new: Lockfile) -> [String] {
        var lines: [String] = []
        for key in Set(old.servers.keys).union(new.servers.keys).sorted() {
            switch (old.servers[key], new.servers[key]) {
            case (nil, let added?):
                lines.append("+ \(added.names.joined(separator: ", ")) (\(added.display)): \(added.tools.count) tools, \(added.prompts.count) prompts, \(added.resourceTemplates.count) templates")
            case (let removed?, nil):
                lines.append("- \(removed.names.joined(separator: ", ")) (\(removed.display))")
            case (let before?, let after?):
                for change in PinComparison.changes(pinned: before, current: after) {
                    lines.append("~ \(after.names.joined(separator: ", ")): \(change.summary)")
                }
            default:
                break
            }
        }
        return lines
    }
}
