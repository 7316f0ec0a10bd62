import GuardCore
import GuardDetect
import MCPClient

/// Runs the transport-security probe against every remote server of a live scan and turns what it
/// observes into findings.
public struct RemoteSecurityAudit: Sendable {
    public var probe: RemoteSecurityProbe

    public init(probe: RemoteSecurityProbe = RemoteSecurityProbe()) {
        self.probe = probe
    }

    public func findings(for specs: [ServerSpec]) async -> [Finding] {
        let remote = specs.filter { $0.transport != .stdio && !$0.disabled && $0.url != nil }
        return await withTaskGroup(of: [Finding].self) { group in
            for spec in remote {
                group.addTask { Self.findings(spec, await probe.probe(spec)) }
            }
            var all: [Finding] = []
            for await findings in group { all += findings }
            return all
        }
    }

    static func findings(_ spec: ServerSpec, _ observations: [RemoteSecurityProbe.Observation]) -> [Finding] {
        let location = FindingLocation(file: spec.source.path, line: spec.source.line, pointer: "/url")
        let url = spec.url ?? ""
        // A config's plain-HTTP URL is already reported by the config audit, with its line.
        let fromConfig = spec.source.path != nil
        return observations.compactMap { observation -> Finding? in
            switch observation {
            case .plainHTTP:
                guard !fromConfig else { return nil }
                return Finding(Rules.insecureTransport, server: spec.name, location: location,
                               message: "\(spec.name) is reached over plain HTTP: requests, answers and any credentials cross the network unencrypted", evidence: url, fingerprintKey: "insecure-transport")
            case .certificateInvalid(let reason):
                return Finding(Rules.tlsCertificate, server: spec.name, location: location, message: "\(spec.name)'s TLS certificate is not valid: \(reason)", evidence: url, fingerprintKey: "tls-certificate")
            case .outdatedTLS(let detail):
                return Finding(Rules.tlsOutdated, server: spec.name, location: location, message: "\(spec.name) \(detail)", evidence: url, fingerprintKey: "tls-outdated")
            case .authenticationNotRequired:
                return Finding(Rules.authenticationMissing, server: spec.name, location: location, message: "\(spec.name) answers MCP requests without any credentials", evidence: url, fingerprintKey: "auth-missing")
            case .challengeMissing(let status):
                return Finding(Rules.authenticationMetadata, server: spec.name, location: location, message: "\(spec.name) answers \(status) without a WWW-Authenticate challenge", evidence: url, fingerprintKey: "challenge")
            case .resourceMetadataProblem(let detail):
                return Finding(Rules.authenticationMetadata, server: spec.name, location: location, message: "\(spec.name): \(detail)", evidence: url, fingerprintKey: "metadata")
            case .pkceMissing(let issuer, let methods):
                return Finding(Rules.pkceMissing, server: spec.name, location: location,
                        message: "\(spec.name)'s authorization server \(issuer) does not support PKCE S256",
                        evidence: "code_challenge_methods_supported: [\(methods.joined(separator: ", "))]", fingerprintKey: "pkce")
            case .originNotValidated(let status):
                return Finding(Rules.originNotValidated, server: spec.name, location: location,
                        message: "\(spec.name) answered HTTP \(status) to a request from a foreign Origin instead of 403",
                        evidence: "Origin: https://mcpguard-origin-check.invalid → \(status)", fingerprintKey: "origin")
            }
        }
    }
}
