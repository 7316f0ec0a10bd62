import Foundation
import GuardCore

/// What a stdio server's launch exposes beyond the server itself: filesystem servers given `/` or the home
/// directory, certificate checks turned off in its environment, servers that bypass `mcpguard run`, and
/// servers outside any sandbox (``LaunchContainment``).
enum LaunchExposure {
    /// - Parameters:
    ///   - server: the entry as the detector audits it (for an entry wrapped in `mcpguard run`, the server
    ///     behind the guard, whose arguments are the last ones of the entry's).
    ///   - entry: the entry as written.
    ///   - location: the finding location of a pointer inside the entry.
    static func findings(for server: ConfiguredServer, entry: ConfiguredServer, location: (String) -> FindingLocation) -> [Finding] {
        guard let command = server.command else { return [] }
        let offset = entry.args.count - server.args.count
        var findings: [Finding] = []
        if let finding = filesystemExposure(server, command: command, location: location(entry.pointer)) { findings.append(finding) }
        findings += certificateOverrides(server, command: command, argumentOffset: offset, entryPointer: entry.pointer, location: location)
        if let finding = unguarded(entry, location: location(entry.pointer)) { findings.append(finding) }
        if let finding = LaunchContainment.unsandboxed(entry: entry, launched: server, location: location(entry.pointer)) { findings.append(finding) }
        return findings
    }

    // MARK: Filesystem servers

    /// A filesystem server (`@modelcontextprotocol/server-filesystem`, `mcp-server-filesystem`, …) takes the
    /// directories it may touch as arguments; `/`, a home directory or `~/.ssh` hands every file there to
    /// whoever can steer the model. Container launches are judged by their mounts instead.
    static func filesystemExposure(_ server: ConfiguredServer, command: String, location: FindingLocation) -> Finding? {
        guard !["docker", "podman", "nerdctl"].contains(LaunchAudit.basename(command)) else { return nil }
        let words = [command] + server.args
        guard let package = words.firstIndex(where: isFilesystemServer) else { return nil }
        let roots = words[(package + 1)...].compactMap { word -> String? in
            guard word.hasPrefix("-") else { return word }
            return word.firstIndex(of: "=").map { String(word[word.index(after: $0)...]) }
        }
        let exposed = roots.compactMap { root in exposedArea(root).map { "\(root) (\($0))" } }
        guard !exposed.isEmpty else { return nil }
        return Finding(
            Rules.filesystemExposure, server: server.name, location: location,
            message: "\(server.name)'s filesystem tools reach \(ToolPoisoningDetector.list(exposed))",
            evidence: Evidence.clip(exposed.joined(separator: ", ")), fingerprintKey: roots.joined(separator: ",")
        )
    }

    static func isFilesystemServer(_ word: String) -> Bool {
        guard !word.hasPrefix("-") else { return false }
        var name = String(word.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "").lowercased()
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let pin = name.range(of: "==") { name = String(name[..<pin.lowerBound]) }
        return name.contains("filesystem")
    }

    /// What part of the machine `path` opens, when it is too much for a filesystem server.
    static func exposedArea(_ path: String) -> String? {
        var normalized = path.trimmingCharacters(in: .whitespaces)
        while normalized.count > 1, normalized.hasSuffix("/") || normalized.hasSuffix("\\") { normalized.removeLast() }
        let lower = normalized.lowercased()
        let parts = lower.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
        let isDrive = parts.first.map { $0.count == 2 && $0.hasSuffix(":") && $0.first!.isLetter } ?? false
        let homes: Set<String> = ["~", "$home", "${home}", "${userhome}", "${env:home}", "%userprofile%", "${env:userprofile}", "$env:userprofile"]
        if normalized == "/" || (isDrive && parts.count == 1) { return "the whole filesystem" }
        if homes.contains(lower) { return "the home directory" }
        if lower == "/root" { return "root's home directory" }
        if ["/home", "/users"].contains(lower) || (isDrive && parts.count == 2 && parts[1] == "users") { return "every home directory" }
        if (parts.count == 2 && ["home", "users"].contains(parts[0]) && lower.hasPrefix("/")) || (isDrive && parts.count == 3 && parts[1] == "users") {
            return "a home directory"
        }
        if lower == "/etc" { return "the system configuration" }
        if let last = parts.last, [".ssh", ".aws", ".gnupg", ".kube", ".docker", ".azure", ".config"].contains(last) { return "a credentials directory" }
        return nil
    }

    // MARK: Certificate checks

    struct Override: Sendable {
        let name: String
        let disables: @Sendable (String) -> Bool
        let effect: String
        let severity: Severity
        /// Turns off checks on the registry packages come from, not only on the services the server calls.
        let packages: Bool
    }

    /// Real switches only: each one stops a library or tool from verifying certificates. (Variables that add a
    /// CA, such as NODE_EXTRA_CA_CERTS or NODE_OPTIONS=--use-openssl-ca, keep verification on.)
    static let overrides: [Override] = [
        Override(name: "NODE_TLS_REJECT_UNAUTHORIZED", disables: { $0 == "0" }, effect: "Node.js accepts any certificate", severity: .high, packages: false),
        Override(name: "PYTHONHTTPSVERIFY", disables: { $0 == "0" }, effect: "Python's default HTTPS context skips certificate checks", severity: .high, packages: false),
        // git checks only that the variable exists, so even "0" or "false" turns verification off.
        Override(name: "GIT_SSL_NO_VERIFY", disables: { _ in true }, effect: "git skips certificate checks (whatever the value)", severity: .high, packages: false),
        Override(name: "CURL_CA_BUNDLE", disables: { $0.isEmpty }, effect: "older releases of Python requests skip certificate checks when it is empty", severity: .medium, packages: false),
        Override(name: "REQUESTS_CA_BUNDLE", disables: { $0.isEmpty }, effect: "older releases of Python requests skip certificate checks when it is empty", severity: .medium, packages: false),
        Override(name: "NPM_CONFIG_STRICT_SSL", disables: { $0.lowercased() == "false" }, effect: "npm and npx fetch packages without checking the registry's certificate", severity: .high, packages: true),
        Override(name: "UV_INSECURE_HOST", disables: { !$0.isEmpty }, effect: "uv and uvx accept any certificate from the hosts named", severity: .high, packages: true),
        Override(name: "PIP_TRUSTED_HOST", disables: { !$0.isEmpty }, effect: "pip accepts the hosts named without a valid certificate", severity: .high, packages: true),
    ]

    static func certificateOverrides(
        _ server: ConfiguredServer, command: String, argumentOffset: Int, entryPointer: String, location: (String) -> FindingLocation
    ) -> [Finding] {
        // The entry's env, and `-e NAME=VALUE` passed into a container.
        var settings: [(key: String, value: String, pointer: String)] = server.env.map {
            ($0.key, $0.value, entryPointer + "/env/" + FindingLocation.pointerToken($0.key))
        }
        if ["docker", "podman", "nerdctl"].contains(LaunchAudit.basename(command)) {
            for (index, word) in server.args.enumerated() {
                let value = word.hasPrefix("--env=") ? String(word.dropFirst(6))
                    : (["-e", "--env"].contains(index > 0 ? server.args[index - 1] : "") ? word : nil)
                guard let value, let equals = value.firstIndex(of: "=") else { continue }
                settings.append((String(value[..<equals]), String(value[value.index(after: equals)...]), entryPointer + "/args/\(index + argumentOffset)"))
            }
        }
        var findings: [Finding] = []
        for setting in settings {
            guard let override = overrides.first(where: { $0.name == setting.key.uppercased() }), override.disables(setting.value) else { continue }
            let rule = Rules.tlsVerificationDisabled
            findings.append(Finding(
                rule: rule.id, severity: override.severity, checklist: rule.checklist + (override.packages ? ["SRV-SUPPLY-02"] : []),
                server: server.name, location: location(setting.pointer),
                message: "\(server.name) is launched with \(setting.key)=\(setting.value.isEmpty ? "\"\"" : setting.value): \(override.effect)",
                evidence: Evidence.clip("\(setting.key)=\(setting.value)"), remediation: rule.remediation, fingerprintKey: setting.key.uppercased()
            ))
        }
        if LaunchAudit.basename(command) == "deno",
            let index = server.args.firstIndex(where: { $0 == "--unsafely-ignore-certificate-errors" || $0.hasPrefix("--unsafely-ignore-certificate-errors=") })
        {
            findings.append(Finding(
                Rules.tlsVerificationDisabled, server: server.name, location: location(entryPointer + "/args/\(index + argumentOffset)"),
                message: "\(server.name) runs deno with \(server.args[index]): Deno accepts any certificate", evidence: server.args[index],
                fingerprintKey: "deno"
            ))
        }
        return findings
    }

    // MARK: The runtime guard

    /// A stdio server launched directly: nothing between the host and the server checks calls against a policy,
    /// screens outputs or records the calls. One low finding per enabled server, so the report shows which
    /// servers are left out. Evidence is the command alone: arguments may hold secrets another rule reports.
    static func unguarded(_ entry: ConfiguredServer, location: FindingLocation) -> Finding? {
        guard entry.transport == .stdio, let command = entry.command, !entry.disabled, entry.guardedServer == nil else { return nil }
        return Finding(
            Rules.unguardedServer, server: entry.name, location: location,
            message: "\(entry.name) is launched directly, not through mcpguard run: its tool calls are not checked against a policy, its outputs are not screened and no audit log records them",
            evidence: Evidence.clip(command), fingerprintKey: "unguarded"
        )
    }
}
