import GuardCore

/// Planted instructions and hidden characters in host instruction files and in texts given to
/// `scan --text`, reported with file and line.
///
/// An instruction file is *meant* to instruct the model, so telling the user's own rules from an
/// attacker's takes the injection model trained with real instruction files as honest examples, plus
/// the phrase rules; a hidden character has no honest reason to be there at all.
public struct TextDocumentDetector: Detector {
    public let injection: OutputInjectionDetector

    public init(injection: OutputInjectionDetector = .shared) {
        self.injection = injection
    }

    public var rules: [RuleDescriptor] { [Rules.textInjection, Rules.hiddenUnicode] }

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for document in input.documents {
            let hidden = HiddenCharacters.inspect(document.text)
            if !hidden.isEmpty {
                let first = Self.firstHidden(in: document.text)
                findings.append(Finding(
                    Rules.hiddenUnicode, severity: hidden.counts[.tag] != nil ? .critical : .high, server: nil,
                    location: FindingLocation(file: document.path, line: Self.line(of: first, in: document.text)),
                    message: "The \(document.kind.rawValue) \(document.path) hides \(hidden.kinds.map(\.phrase).joined(separator: ", "))"
                        + (hidden.tagText.isEmpty ? "" : " spelling «\(Evidence.clip(hidden.tagText, limit: 120))»"),
                    evidence: Evidence.clip(HiddenCharacters.visible(document.text), limit: 160), fingerprintKey: "hidden"
                ))
            }
            let text = HiddenCharacters.strip(document.text)
            guard let verdict = injection.inspect(text) else { continue }
            let range = verdict.hits.first?.range ?? text.startIndex..<text.endIndex
            findings.append(Finding(
                Rules.textInjection, severity: (verdict.learned ?? 0) >= (injection.scorer?.outputs.models.first?.highThreshold ?? 2) || verdict.score >= 5 ? .high : .medium,
                server: nil, location: FindingLocation(file: document.path, line: Self.line(of: range.lowerBound, in: text)),
                message: "The \(document.kind.rawValue) \(document.path) carries instructions aimed at the model (\(verdict.summary))",
                evidence: Evidence.excerpt(text, around: range), fingerprintKey: "injection"
            ))
        }
        return findings
    }

    /// Where the first hidden character of `text` stands (the classifier's verdict, emoji sequences excepted).
    static func firstHidden(in text: String) -> String.Index {
        let scalars = Array(text.unicodeScalars)
        guard let offset = HiddenCharacters.classify(scalars).firstIndex(where: { $0 != nil }) else { return text.startIndex }
        return text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
    }

    /// 1-based line of `index`.
    static func line(of index: String.Index, in text: String) -> Int {
        text.utf8[text.utf8.startIndex..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
