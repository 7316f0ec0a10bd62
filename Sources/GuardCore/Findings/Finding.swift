import Crypto

/// One thing a detector reports.
///
/// The fingerprint identifies the finding across runs: it hashes the rule, the subject (server and tool),
/// the location and a detector-chosen key, not the message wording, so rewording a message or reordering
/// servers does not turn an acknowledged finding into a new one.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let severity: Severity
    /// Checklist ids the finding serves.
    public let checklist: [String]
    /// Display name of the server, when the finding concerns one.
    public let server: String?
    /// Name of the tool, prompt or resource concerned.
    public let tool: String?
    public let location: FindingLocation
    public let message: String
    /// What was seen, already redacted: never a secret in clear.
    public let evidence: String?
    public let remediation: String
    public let fingerprint: String

    /// - Parameters:
    ///   - fingerprintKey: what distinguishes this finding from others of the same rule at the same place
    ///     (e.g. the matched pattern); defaults to nothing.
    public init(
        rule: String, severity: Severity, checklist: [String], server: String?, tool: String? = nil,
        location: FindingLocation = FindingLocation(), message: String, evidence: String? = nil,
        remediation: String, fingerprintKey: String = ""
    ) {
        self.rule = rule
        self.severity = severity
        self.checklist = checklist
        self.server = server
        self.tool = tool
        self.location = location
        self.message = message
        self.evidence = evidence
        self.remediation = remediation
        self.fingerprint = Finding.fingerprint(
            rule: rule, server: server, tool: tool, location: location, key: fingerprintKey
        )
    }

    /// A finding read back from a findings JSON, keeping the fingerprint it was written with.
    public init(
        rule: String, severity: Severity, checklist: [String], server: String?, tool: String?,
        location: FindingLocation, message: String, evidence: String?, remediation: String, fingerprint: String
    ) {
        self.rule = rule
        self.severity = severity
        self.checklist = checklist
        self.server = server
        self.tool = tool
        self.location = location
        self.message = message
        self.evidence = evidence
        self.remediation = remediation
        self.fingerprint = fingerprint
    }

    /// Creates a finding for `descriptor` with its default severity, checklist ids and remediation.
    public init(
        _ descriptor: RuleDescriptor, severity: Severity? = nil, server: String?, tool: String? = nil,
        location: FindingLocation = FindingLocation(), message: String, evidence: String? = nil,
        remediation: String? = nil, fingerprintKey: String = ""
    ) {
        self.init(
            rule: descriptor.id, severity: severity ?? descriptor.defaultSeverity, checklist: descriptor.checklist,
            server: server, tool: tool, location: location, message: message, evidence: evidence,
            remediation: remediation ?? descriptor.remediation, fingerprintKey: fingerprintKey
        )
    }

    /// 32 hex digits of SHA-256 over the identifying fields, separated by NUL so no two field lists collide.
    static func fingerprint(
        rule: String, server: String?, tool: String?, location: FindingLocation, key: String
    ) -> String {
        let fields = [rule, server ?? "", tool ?? "", location.file ?? "", location.pointer ?? "", key]
        let digest = SHA256.hash(data: Array(fields.joined(separator: "\u{0}").utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension Finding {
    /// The order reports use: gravest first, then by server, tool, rule and location, so output is stable.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if (lhs.server ?? "") != (rhs.server ?? "") { return (lhs.server ?? "") < (rhs.server ?? "") }
        if (lhs.tool ?? "") != (rhs.tool ?? "") { return (lhs.tool ?? "") < (rhs.tool ?? "") }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.location.description != rhs.location.description {
            return lhs.location.description < rhs.location.description
        }
        return lhs.fingerprint < rhs.fingerprint
    }
}
