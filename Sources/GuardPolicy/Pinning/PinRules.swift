import GuardCore

/// Rules reported when live definitions are compared with a lockfile or a signed directory.
public enum PinRules {
    public static let changed = RuleDescriptor(
        id: "pin-changed", name: "Definition changed since pinned (rug pull)",
        summary: "A tool, prompt, resource template or the instructions of a pinned server differ from the approved definition.",
        remediation: "Review the change; if it is legitimate, re-pin with `mcpguard pin`, otherwise remove the server. `mcpguard run` withholds changed definitions until re-pinned.",
        defaultSeverity: .high, checklist: ["CLI-MGMT-01", "CLI-MGMT-02", "CLI-MGMT-10", "SRV-INTEG-01", "CLI-APP-01"]
    )
    public static let added = RuleDescriptor(
        id: "pin-added", name: "New definition on a pinned server",
        summary: "A pinned server now offers a tool, prompt or template that was not approved.",
        remediation: "Review the new definition and re-pin, or block it in the policy.",
        defaultSeverity: .medium, checklist: ["CLI-MGMT-01", "CLI-MGMT-02", "CLI-MGMT-11"]
    )
    public static let removed = RuleDescriptor(
        id: "pin-removed", name: "Pinned definition removed",
        summary: "A definition in the lockfile is no longer offered by its server.",
        remediation: "Re-pin so the lockfile matches what is approved, or find out why the tool disappeared.",
        defaultSeverity: .low, checklist: ["CLI-MGMT-11", "CLI-MGMT-10"]
    )
    public static let unpinned = RuleDescriptor(
        id: "server-unpinned", name: "Server not in the lockfile",
        summary: "A server is configured that the lockfile does not know (new, or its command or URL changed, which makes it a different server).",
        remediation: "Review it and add it with `mcpguard pin`, or remove it from the host config.",
        defaultSeverity: .medium, checklist: ["CLI-MGMT-01", "CLI-MGMT-06", "CLI-MGMT-11"]
    )
    public static let notInDirectory = RuleDescriptor(
        id: "directory-unlisted", name: "Server outside the trusted directory",
        summary: "A configured server is not listed in the signed directory of approved servers.",
        remediation: "Remove the server, or have it reviewed and added to the directory (and the directory re-signed).",
        defaultSeverity: .high, checklist: ["CLI-MGMT-06", "CLI-MGMT-01", "SRV-INTEG-02"]
    )
    public static let directoryMismatch = RuleDescriptor(
        id: "directory-mismatch", name: "Server does not match its directory entry",
        summary: "A server listed in the signed directory offers definitions that differ from the pins the directory approved.",
        remediation: "Treat it as tampered until the change is reviewed and the directory re-signed.",
        defaultSeverity: .high, checklist: ["CLI-MGMT-06", "SRV-INTEG-01", "SRV-INTEG-02", "CLI-MGMT-01"]
    )

    public static let all: [RuleDescriptor] = [changed, added, removed, unpinned, notInDirectory, directoryMismatch]
}
