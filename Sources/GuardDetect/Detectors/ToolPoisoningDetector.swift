import GuardCore

/// Instruction-like content aimed at the model, preference manipulation, and parameters that harvest the
/// model's own context, in every model-visible string of every tool, prompt, resource and the server's
/// instructions.
///
/// Scoring is multi-signal (see ``InstructionScore``): one weak word is never a finding; each category counts
/// once; the severity grows with the number and weight of distinct categories.
public struct ToolPoisoningDetector: Detector {
    /// The learned model that reads each definition beside the rules; nil runs the rules alone.
    public let scorer: LearnedScorer?

    public init(scorer: LearnedScorer? = LearnedScorer.shared) {
        self.scorer = scorer
    }

    public var rules: [RuleDescriptor] { [Rules.toolPoisoning, Rules.preferenceManipulation, Rules.contextHarvesting] }

    /// A subject's non-preference score at or above this is reported as poisoning.
    static let poisoningThreshold = 3.0

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for (index, server) in input.snapshot.servers.enumerated() where server.status == .ok {
            for subject in input.subjects(ofServerAt: index) {
                var score = InstructionScore()
                for text in subject.texts where text.role != .uri {
                    let tokens = input.tokens(ofServerAt: index, text: text)
                    score.add(InstructionAnalyzer.shared.hits(in: text.text, tokens: tokens), text: text.text, pointer: text.pointer)
                }
                if let finding = poisoningFinding(score, subject: subject, server: server) {
                    findings.append(finding)
                } else if let scorer, let finding = learnedFinding(
                    scorer, sums: input.definitionSums(ofServerAt: index, subject: subject, scorer: scorer),
                    subject: subject, server: server, ruleScore: score.value
                ) {
                    findings.append(finding)
                }
                if subject.kind == .tool, let schema = subject.value?["inputSchema"] {
                    findings.append(contentsOf: harvestingFindings(schema, subject: subject, server: server))
                }
            }
        }
        return findings
    }

    func poisoningFinding(_ score: InstructionScore, subject: ModelVisibleText.Subject, server: ServerInventory) -> Finding? {
        guard let headline = score.headline else { return nil }
        let preference = score.strongest[.preference]?.hit.weight ?? 0
        let total = score.value
        let label = Self.label(subject)
        let evidence = Evidence.excerpt(headline.text, around: headline.hit.range)
        if total - preference >= Self.poisoningThreshold {
            let severity: Severity = total >= 7 ? .critical : total >= 5 ? .high : .medium
            let phrases = score.categories.map(\.phrase)
            return Finding(
                Rules.toolPoisoning, severity: severity, server: server.name, tool: subject.name,
                location: server.location(pointer: headline.pointer),
                message: "\(label) carries instructions aimed at the model: it " + Self.list(phrases),
                evidence: evidence, fingerprintKey: subject.pointer
            )
        }
        if preference >= 2, let hit = score.strongest[.preference] {
            return Finding(
                Rules.preferenceManipulation, severity: total - preference >= 1.5 ? .high : .medium, server: server.name,
                tool: subject.name, location: server.location(pointer: hit.pointer),
                message: "\(label) tells the model to prefer it over other tools",
                evidence: Evidence.excerpt(hit.text, around: hit.hit.range), fingerprintKey: subject.pointer
            )
        }
        return nil
    }

    /// A finding when the learned poisoning model reads the subject as instructions aimed at the model,
    /// with the sentence that scored highest as evidence and the heaviest features as reasons.
    ///
    /// Honest definitions guide the model too ("ask the user before calling this"), so below the model's
    /// high threshold a finding also needs some phrase-rule evidence (half the rules' own threshold).
    func learnedFinding(
        _ scorer: LearnedScorer, sums: FeatureSums, subject: ModelVisibleText.Subject, server: ServerInventory, ruleScore: Double
    ) -> Finding? {
        let texts = LearnedScorer.definitionTexts(of: subject)
        guard let verdict = scorer.definitionVerdict(texts, sums: sums, model: 0),
              verdict.isHigh || ruleScore >= Self.poisoningThreshold / 2 else { return nil }
        let why = scorer.explain(texts, model: 0)
        let pointer = why.strongest.flatMap { sentence in subject.texts.first { $0.text == sentence.text }?.pointer } ?? subject.pointer
        return Finding(
            Rules.toolPoisoning, severity: verdict.isHigh ? .high : .medium, server: server.name, tool: subject.name,
            location: server.location(pointer: pointer),
            message: "\(Self.label(subject)) reads as instructions aimed at the model (learned model, \(LearnedScorer.percent(verdict.probability)))"
                + (why.reasons.isEmpty ? "" : ": " + Self.list(why.reasons)),
            evidence: why.strongest.map { Evidence.excerpt($0.text, around: $0.range) } ?? Evidence.clip(texts[0]),
            fingerprintKey: subject.pointer
        )
    }

    /// Property names that ask for the model's own context rather than for the tool's input.
    static let harvestingNames: [(tokens: Set<String>, what: String)] = [
        (["llm"], "the calling model's identity"),
        (["system", "prompt"], "the system prompt"),
        (["conversation"], "the conversation"),
        (["chat", "history"], "the chat history"),
        (["previous", "messages"], "earlier messages"),
        (["tools", "list"], "the list of the model's tools"),
        (["tool", "list"], "the list of the model's tools"),
        (["available", "tools"], "the list of the model's tools"),
        (["sidenote"], "a free-form side channel"),
        (["side", "note"], "a free-form side channel"),
        (["assistant", "name"], "the assistant's identity"),
        (["model", "identity"], "the calling model's identity"),
    ]

    func harvestingFindings(_ schema: JSONValue, subject: ModelVisibleText.Subject, server: ServerInventory) -> [Finding] {
        guard let properties = schema["properties"]?.objectValue else { return [] }
        var findings: [Finding] = []
        for (name, property) in properties.members {
            let tokens = Set(Self.nameTokens(name))
            guard let match = Self.harvestingNames.first(where: { $0.tokens.isSubset(of: tokens) }) else { continue }
            let required = schema["required"]?.arrayValue?.contains(.string(name)) == true
            let pointer = subject.pointer + "/inputSchema/properties/" + FindingLocation.pointerToken(name)
            let description = property["description"]?.stringValue
            findings.append(Finding(
                Rules.contextHarvesting, server: server.name, tool: subject.name, location: server.location(pointer: pointer),
                message: "\(Self.label(subject)) has a\(required ? " required" : "n") input '\(name)' that asks for \(match.what)",
                evidence: description.map { "\(name): \(Evidence.clip($0, limit: 120))" } ?? name, fingerprintKey: name
            ))
        }
        return findings
    }

    /// `llm_model_name`, `llmModelName` and `LLM-Model` all give `["llm", "model", "name"]`.
    static func nameTokens(_ name: String) -> [String] {
        name.utf8.allSatisfy { $0 < 0x80 } ? asciiNameTokens(name) : characterNameTokens(name)
    }

    /// ``nameTokens(_:)`` for any name, Character by Character.
    static func characterNameTokens(_ name: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character == "_" || character == "-" || character == " " || character == "." {
                if !current.isEmpty { tokens.append(current.lowercased()) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                tokens.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { tokens.append(current.lowercased()) }
        return tokens
    }

    /// ``nameTokens(_:)`` for ASCII names (almost all of them), read byte by byte.
    static func asciiNameTokens(_ name: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in name.utf8 {
            if byte == 0x5F || byte == 0x2D || byte == 0x20 || byte == 0x2E {
                flush()
                previousLower = false
                continue
            }
            let upper = byte >= 0x41 && byte <= 0x5A
            if upper, previousLower, !current.isEmpty { flush() }
            current.append(upper ? byte + 0x20 : byte)
            previousLower = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        flush()
        return tokens
    }

    static func label(_ subject: ModelVisibleText.Subject) -> String {
        switch subject.kind {
        case .instructions: "The server's instructions"
        default: "\(subject.kind.rawValue.prefix(1).uppercased() + subject.kind.rawValue.dropFirst()) \(subject.name ?? "(unnamed)")"
        }
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
