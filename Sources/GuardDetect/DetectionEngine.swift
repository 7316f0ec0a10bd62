import GuardCore

/// Runs a set of detectors and returns their findings in report order, without duplicates.
public struct DetectionEngine: Sendable {
    public let detectors: [any Detector]

    public init(detectors: [any Detector]) {
        self.detectors = detectors
    }

    /// The detectors that ship with this build.
    public static let builtIn = DetectionEngine(detectors: [
        ToolPoisoningDetector(), HiddenContentDetector(), DeclaredPurposeDetector(), CrossServerDetector(),
        SecretExposureDetector(), CapabilityDetector(), ConfigRiskDetector(), TextDocumentDetector(),
    ])

    /// Every rule the detectors can report, sorted by id.
    public var rules: [RuleDescriptor] {
        var seen: Set<String> = []
        return detectors.flatMap(\.rules).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// Runs every detector over `input`.
    ///
    /// Findings with the same fingerprint are reported once (the gravest wins); findings whose rule the
    /// detector did not declare are a programming error caught in debug builds.
    public func analyze(_ input: DetectionInput) -> [Finding] {
        var byFingerprint: [String: Finding] = [:]
        for detector in detectors {
            let declared = Set(detector.rules.map(\.id))
            for finding in detector.analyze(input) {
                assert(declared.contains(finding.rule), "\(type(of: detector)) reported undeclared rule \(finding.rule)")
                if let existing = byFingerprint[finding.fingerprint], existing.severity >= finding.severity { continue }
                byFingerprint[finding.fingerprint] = finding
            }
        }
        return byFingerprint.values.sorted(by: Finding.reportOrder)
    }
}
