import GuardCore

/// Tools whose own description declares an offensive purpose (exfiltration, credential harvesting,
/// privilege escalation, hijacking, phishing, exploitation), even with nothing hidden.
///
/// Security tooling that *detects* such activity is common; a description that speaks of detection,
/// monitoring, alerts or investigation around the offensive word is not reported.
public struct DeclaredPurposeDetector: Detector {
    /// The learned model that reads each tool beside the phrase rules; nil runs the rules alone.
    public let scorer: LearnedScorer?

    public init(scorer: LearnedScorer? = LearnedScorer.shared) {
        self.scorer = scorer
    }

    public var rules: [RuleDescriptor] { [Rules.maliciousPurpose] }

    static let offensive: [(pattern: PhrasePattern, what: String)] = [
        (PhrasePattern("exfiltrate|exfiltrates|exfiltrating|exfiltration"), "exfiltrates data"),
        (PhrasePattern("steal|steals|stealing|harvest|harvests|harvesting|dump|dumps|dumping|grab|grabs|scrape|scrapes ~3 credentials|credential|passwords|password|cookies|tokens|secrets|keys|wallets|seed"), "harvests credentials"),
        (PhrasePattern("keylogger|keylogging|keylog|keystrokes"), "logs keystrokes"),
        (PhrasePattern("escalate|escalates|escalating|escalation ~2 privilege|privileges|permissions|root"), "escalates privileges"),
        (PhrasePattern("privilege escalation"), "escalates privileges"),
        (PhrasePattern("hijack|hijacks|hijacking ~3 session|sessions|account|accounts|browser|clipboard|dns|traffic"), "hijacks sessions or accounts"),
        (PhrasePattern("phish|phishes|phishing"), "phishes users"),
        (PhrasePattern("exploit|exploits|exploiting ~3 vulnerability|vulnerabilities|system|systems|target|targets|host|hosts|server|servers|cve"), "exploits systems"),
        (PhrasePattern("reverse|bind shell"), "opens a remote shell"),
        (PhrasePattern("backdoor|backdoors|rootkit|ransomware|cryptojack|cryptojacking"), "installs malware"),
        (PhrasePattern("bypass|bypasses|bypassing|evade|evades|evading|disable|disables ~2 authentication|antivirus|edr|detection|security|2fa|mfa"), "evades security controls"),
    ]

    /// Words that can start an offensive phrase; texts without one are skipped cheaply.
    static let triggers = WordSet(offensive.flatMap { $0.pattern.firstWords ?? [] })

    static let defensive = WordSet([
        "detect", "detects", "detection", "detections", "detecting", "monitor", "monitors", "monitoring", "alert", "alerts",
        "investigate", "investigation", "incident", "incidents", "threat", "threats", "prevent", "prevents", "prevention",
        "protect", "protects", "protection", "scan", "scans", "scanner", "report", "reports", "analyze", "analyse", "analysis",
        "audit", "auditing", "vulnerability", "defend", "defense", "defence", "simulation", "training", "awareness", "block",
        "blocks", "policy", "policies", "rule", "rules", "risk", "risks", "finding", "findings", "indicators", "ioc", "siem",
    ])

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for (index, server) in input.snapshot.servers.enumerated() where server.status == .ok {
            for subject in input.subjects(ofServerAt: index) where subject.kind == .tool {
                if let finding = phraseFinding(subject: subject, server: server, tokens: { input.tokens(ofServerAt: index, text: $0) }) {
                    findings.append(finding)
                } else if let scorer, let finding = learnedFinding(
                    scorer, sums: input.definitionSums(ofServerAt: index, subject: subject, scorer: scorer), subject: subject, server: server
                ) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The phrase rules' finding: the first name, title or description that states an offensive purpose.
    func phraseFinding(subject: ModelVisibleText.Subject, server: ServerInventory, tokens tokensOf: (ModelVisibleText) -> [TextToken]) -> Finding? {
        for text in subject.texts where text.role == .description || text.role == .name || text.role == .title {
            // Names are read as words: `steal_cookies` → `steal cookies` (`_` is never part of a multi-byte character).
            let tokens = text.role == .name
                ? Tokenizer.tokens(String(decoding: text.text.utf8.map { $0 == 0x5F ? 0x20 : $0 }, as: UTF8.self)) : tokensOf(text)
            guard tokens.contains(where: { Self.triggers.contains($0) }) else { continue }
            if tokens.contains(where: { Self.defensive.contains($0) }) { continue }
            var purposes: [String] = []
            var firstRange: Range<String.Index>?
            for start in tokens.indices {
                for (pattern, what) in Self.offensive {
                    guard let end = pattern.match(tokens, at: start) else { continue }
                    if !purposes.contains(what) { purposes.append(what) }
                    if firstRange == nil, text.role != .name {
                        firstRange = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
                    }
                }
            }
            guard !purposes.isEmpty else { continue }
            return Finding(
                Rules.maliciousPurpose, severity: purposes.count > 1 ? .high : .medium, server: server.name,
                tool: subject.name, location: server.location(pointer: text.pointer),
                message: "Tool \(subject.name ?? "(unnamed)") says it \(ToolPoisoningDetector.list(purposes))",
                evidence: firstRange.map { Evidence.excerpt(text.text, around: $0) } ?? Evidence.clip(text.text),
                fingerprintKey: subject.pointer
            )
        }
        return nil
    }

    /// A finding when the learned offensive-purpose model reads the tool as built for attacks.
    ///
    /// Below the model's high threshold a finding also needs an offensive verb (steal, exploit, dump,
    /// persistence, …) and no defensive wording: honest security tooling describes attacks too.
    func learnedFinding(_ scorer: LearnedScorer, sums: FeatureSums, subject: ModelVisibleText.Subject, server: ServerInventory) -> Finding? {
        let texts = LearnedScorer.definitionTexts(of: subject)
        guard let verdict = scorer.definitionVerdict(texts, sums: sums, model: 1),
              verdict.isHigh || (verdict.flags.contains(.offensiveVerb) && !verdict.flags.contains(.defensiveWords)) else { return nil }
        let why = scorer.explain(texts, model: 1)
        return Finding(
            Rules.maliciousPurpose, severity: verdict.isHigh ? .high : .medium, server: server.name,
            tool: subject.name, location: server.location(pointer: subject.pointer + "/description"),
            message: "Tool \(subject.name ?? "(unnamed)") reads as built for attacks (learned model, \(LearnedScorer.percent(verdict.probability)))"
                + (why.reasons.isEmpty ? "" : ": " + ToolPoisoningDetector.list(why.reasons)),
            evidence: why.strongest.map { Evidence.excerpt($0.text, around: $0.range) } ?? Evidence.clip(texts[0]),
            fingerprintKey: subject.pointer
        )
    }
}
