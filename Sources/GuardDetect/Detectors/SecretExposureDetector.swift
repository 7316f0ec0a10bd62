import GuardCore

/// Credentials and crypto key material inside definitions a server sends to the model.
public struct SecretExposureDetector: Detector {
    public init() {}

    public var rules: [RuleDescriptor] { [Rules.secretInDefinition] }

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for (index, server) in input.snapshot.servers.enumerated() where server.status == .ok {
            for subject in input.subjects(ofServerAt: index) {
                for text in subject.texts {
                    for secret in SecretScanner.scan(text.text) {
                        findings.append(Finding(
                            Rules.secretInDefinition, severity: secret.kind.isCryptoMaterial ? .critical : .high,
                            server: server.name, tool: subject.name, location: server.location(pointer: text.pointer),
                            message: "\(ToolPoisoningDetector.label(subject)) exposes a \(secret.kind.displayName) to the model",
                            evidence: Evidence.excerpt(text.text, around: secret.range, radius: 30),
                            fingerprintKey: "\(secret.kind.rawValue):\(Redaction.mask(secret.value))"
                        ))
                    }
                }
            }
        }
        return findings
    }
}
