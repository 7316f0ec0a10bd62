import Foundation
import GuardCore

/// Audits host config files: secrets written in clear, unpinned packages, shells and remote scripts,
/// weakened or unhardened containers, root launches, plain-HTTP remotes, filesystem servers over `/` or home,
/// certificate checks turned off, servers not behind `mcpguard run` or outside any sandbox, files others can read, and the host
/// settings that run tools without asking (approvals, permission modes, sandbox modes).
public struct ConfigRiskDetector: Detector {
    public init() {}

    public var rules: [RuleDescriptor] {
        [Rules.configSecret, Rules.unpinnedPackage, Rules.shellLaunch, Rules.containerEscape, Rules.containerHardening,
         Rules.sudoLaunch, Rules.insecureTransport, Rules.filesystemExposure, Rules.tlsVerificationDisabled, Rules.unguardedServer,
         Rules.unsandboxedServer, Rules.configPermissions, Rules.autoApprove, Rules.permissionMode, Rules.sandboxDisabled, Rules.configUnparseable]
    }

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for document in input.configs {
            switch HostConfigParser.parse(document) {
            case .failure(let error):
                findings.append(Finding(
                    Rules.configUnparseable, server: nil, location: FindingLocation(file: document.path, line: error.line),
                    message: "\(document.host.map { "\($0) config" } ?? "Config") \(document.path) is \(error.message)",
                    fingerprintKey: document.path
                ))
            case .success(let config):
                var secretsInFile = 0
                for server in config.servers {
                    let serverFindings = audit(server, config: config)
                    secretsInFile += serverFindings.filter { $0.rule == Rules.configSecret.id }.count
                    findings.append(contentsOf: serverFindings)
                }
                for setting in config.settings {
                    let rule = switch setting.kind {
                    case .approval: Rules.autoApprove
                    case .permissionMode: Rules.permissionMode
                    case .sandbox: Rules.sandboxDisabled
                    }
                    findings.append(Finding(
                        rule: rule.id, severity: setting.severity, checklist: rule.checklist + setting.extraChecklist, server: setting.server,
                        location: FindingLocation(file: document.path, line: setting.line, pointer: setting.pointer),
                        message: setting.description, evidence: setting.evidence, remediation: rule.remediation, fingerprintKey: setting.pointer
                    ))
                }
                if secretsInFile > 0, let mode = document.mode, mode & 0o044 != 0 {
                    findings.append(Finding(
                        Rules.configPermissions, server: nil, location: FindingLocation(file: document.path),
                        message: "\(document.path) holds \(secretsInFile) secret\(secretsInFile == 1 ? "" : "s") and is readable by \(mode & 0o004 != 0 ? "every user" : "its group") (mode \(String(mode & 0o777, radix: 8)))",
                        evidence: "mode \(String(mode & 0o777, radix: 8))", fingerprintKey: document.path
                    ))
                }
            }
        }
        return findings
    }

    func audit(_ server: ConfiguredServer, config: HostConfig) -> [Finding] {
        var findings: [Finding] = []
        let file = config.document.path
        func location(_ pointer: String) -> FindingLocation {
            FindingLocation(file: file, line: config.keyLines.line(pointer) ?? server.line, pointer: pointer)
        }
        // Secrets in env, args, headers and URL.
        for entry in server.env {
            if let secret = Self.secret(in: entry.value, named: entry.key) {
                findings.append(secretFinding(server, what: "env \(entry.key)", secret: secret, location: location(server.pointer + "/env/" + FindingLocation.pointerToken(entry.key)), key: entry.key))
            }
        }
        for (index, argument) in server.args.enumerated() {
            let previous = index > 0 ? server.args[index - 1] : ""
            let (name, value) = Self.splitFlag(argument, previous: previous)
            if let secret = Self.secret(in: value, named: name) {
                findings.append(secretFinding(server, what: "argument \(index + 1)", secret: secret, location: location(server.pointer + "/args/\(index)"), key: "arg\(index)"))
            }
        }
        for header in server.headers {
            let value = header.value.hasPrefix("Bearer ") ? String(header.value.dropFirst(7)) : header.value
            if let secret = Self.secret(in: value, named: header.key.lowercased() == "authorization" ? "token" : header.key) {
                findings.append(secretFinding(server, what: "header \(header.key)", secret: secret, location: location(server.pointer + "/headers"), key: header.key))
            }
        }
        if let url = server.url, let components = URLComponents(string: url) {
            if let password = components.password, !password.isEmpty, !SecretScanner.isPlaceholder(password) {
                findings.append(secretFinding(server, what: "the URL's user info", secret: password, location: location(server.pointer + "/url"), key: "url-password"))
            }
            for item in components.queryItems ?? [] {
                if let value = item.value, let secret = Self.secret(in: value, named: item.name) {
                    findings.append(secretFinding(server, what: "URL parameter \(item.name)", secret: secret, location: location(server.pointer + "/url"), key: "url-\(item.name)"))
                }
            }
            if components.scheme?.lowercased() == "http", let host = components.host, !isLoopbackHost(host) {
                findings.append(Finding(
                    Rules.insecureTransport, server: server.name, location: location(server.pointer + "/url"),
                    message: "\(server.name) is reached over plain HTTP at \(host)", evidence: Evidence.clean(url), fingerprintKey: url
                ))
            }
        }
        // An entry wrapped in `mcpguard run … -- CMD ARGS…` is audited as the server behind the guard.
        var launched = server
        if let inner = server.guardedServer {
            launched.command = inner.command
            launched.args = inner.args
        }
        findings.append(contentsOf: LaunchAudit.findings(for: launched, location: location(server.pointer)))
        findings.append(contentsOf: LaunchExposure.findings(for: launched, entry: server, location: location))
        if !server.autoApprovedTools.isEmpty {
            let risky = server.autoApprovedTools.filter { !CapabilityDetector.capabilities(of: ["name": .string($0)]).isEmpty }
            findings.append(Finding(
                Rules.autoApprove, severity: risky.isEmpty ? .medium : .high, server: server.name, location: location(server.pointer),
                message: "\(server.name) auto-approves \(server.autoApprovedTools.count) tool\(server.autoApprovedTools.count == 1 ? "" : "s")"
                    + (risky.isEmpty ? "" : ", including \(ToolPoisoningDetector.list(risky)) which change data or reach out"),
                evidence: server.autoApprovedTools.prefix(8).joined(separator: ", "), fingerprintKey: "autoApprove"
            ))
        }
        if server.trusted {
            findings.append(Finding(
                Rules.autoApprove, severity: .high, server: server.name, location: location(server.pointer + "/trust"),
                message: "\(server.name) is trusted: every tool call runs without confirmation", evidence: "\"trust\": true", fingerprintKey: "trust"
            ))
        }
        return findings
    }

    private func secretFinding(_ server: ConfiguredServer, what: String, secret: String, location: FindingLocation, key: String) -> Finding {
        let kinds = SecretScanner.scan(secret)
        let crypto = kinds.contains { $0.kind.isCryptoMaterial }
        let kind = kinds.first?.kind.displayName ?? "credential"
        return Finding(
            rule: Rules.configSecret.id, severity: crypto ? .critical : .high,
            checklist: Rules.configSecret.checklist + (crypto ? ["CRYPTO-01"] : []), server: server.name, location: location,
            message: "\(kind.prefix(1).uppercased() + kind.dropFirst()) in clear in \(server.name)'s \(what)",
            evidence: "\(what.hasPrefix("env ") ? String(what.dropFirst(4)) + "=" : "")\(crypto && kinds.first?.kind == .mnemonic ? kinds[0].redacted : Redaction.mask(secret))",
            remediation: Rules.configSecret.remediation, fingerprintKey: key
        )
    }

    static let sensitiveNameParts = ["token", "secret", "password", "passwd", "pwd", "apikey", "api_key", "api-key", "access_key",
                                     "accesskey", "private_key", "privatekey", "client_secret", "credential", "auth", "mnemonic", "seed"]

    /// The secret in `value`, if it is one: a known key format anywhere, or a high-entropy literal under a
    /// sensitive name. References (`${VAR}`, `$VAR`, `op://…`, `env:…`) and paths are not secrets.
    public static func secret(in value: String, named name: String) -> String? {
        if let match = SecretScanner.scan(value).first { return match.value }
        let lowerName = name.lowercased()
        guard sensitiveNameParts.contains(where: { lowerName.contains($0) }) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 8, !trimmed.contains(" "), !SecretScanner.isPlaceholder(trimmed) else { return nil }
        if trimmed.hasPrefix("$") || trimmed.hasPrefix("/") || trimmed.hasPrefix("~") || trimmed.hasPrefix(".")
            || trimmed.contains("://") || trimmed.hasPrefix("env:") || trimmed.hasSuffix(".json") || trimmed.hasSuffix(".pem")
            || ["true", "false", "none", "null", "bearer", "basic", "oauth", "oauth2"].contains(trimmed.lowercased())
        {
            return nil
        }
        return SecretScanner.entropy(trimmed) >= 3.0 ? trimmed : nil
    }

    /// `--api-key=VALUE` → (`--api-key`, `VALUE`); `VALUE` after `--token` → (`--token`, `VALUE`).
    static func splitFlag(_ argument: String, previous: String) -> (String, String) {
        if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
        if previous.hasPrefix("-"), !previous.contains("=") { return (previous, argument) }
        if let equals = argument.firstIndex(of: "="), !argument.hasPrefix("-") {
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
        return ("", argument)
    }
}
