import GuardCore

/// Name collisions between servers (exact, case and format variants, Unicode look-alikes) and shadowing:
/// one server's definitions telling the model how to use another server's tools.
public struct CrossServerDetector: Detector {
    public init() {}

    public var rules: [RuleDescriptor] { [Rules.nameCollision, Rules.toolShadowing] }

    struct Entry {
        let server: ServerInventory
        let subject: ModelVisibleText.Subject
        let name: String
    }

    public func analyze(_ input: DetectionInput) -> [Finding] {
        let servers = input.snapshot.servers.filter { $0.status == .ok }
        guard servers.count > 1 else { return [] }
        var entries: [Entry] = []
        for server in servers {
            for subject in ModelVisibleText.subjects(of: server) where subject.kind != .instructions {
                if let name = subject.name, !name.isEmpty { entries.append(Entry(server: server, subject: subject, name: name)) }
            }
        }
        return collisions(entries) + shadowing(servers, entries: entries)
    }

    func collisions(_ entries: [Entry]) -> [Finding] {
        var findings: [Finding] = []
        let groups = Dictionary(grouping: entries) { "\($0.subject.kind.rawValue)\u{0}\(ConfusableSkeleton.skeleton($0.name))" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            guard Set(group.map(\.server.name)).count > 1 else { continue }
            for entry in group {
                let others = group.filter { $0.server.name != entry.server.name }
                let exact = others.allSatisfy { $0.name == entry.name }
                let lookAlike = others.contains { $0.name != entry.name && !($0.name.lowercased() == entry.name.lowercased()) }
                    && (others.contains { !$0.name.allSatisfy(\.isASCII) } || !entry.name.allSatisfy(\.isASCII))
                let severity: Severity = lookAlike ? .high : exact ? .low : .medium
                let how = lookAlike ? "looks like" : exact ? "has the same name as" : "differs only in case or separators from"
                let otherList = others.map { "\($0.name) on \($0.server.name)" }
                findings.append(Finding(
                    Rules.nameCollision, severity: severity, server: entry.server.name, tool: entry.name,
                    location: entry.server.location(pointer: entry.subject.pointer + "/name"),
                    message: "\(ToolPoisoningDetector.label(entry.subject)) \(how) \(ToolPoisoningDetector.list(otherList))",
                    evidence: lookAlike ? nonASCIIShown(entry.name) + " vs " + others.map { nonASCIIShown($0.name) }.joined(separator: ", ") : nil,
                    fingerprintKey: entry.subject.pointer
                ))
            }
        }
        return findings
    }

    /// Names that are distinctive enough to count as a reference when they appear in another server's text.
    static func isDistinctive(_ name: String) -> Bool {
        guard name.count >= 4 else { return false }
        return name.contains("_") || name.contains("-") || name.dropFirst().contains(where: \.isUppercase)
    }

    func shadowing(_ servers: [ServerInventory], entries: [Entry]) -> [Finding] {
        var findings: [Finding] = []
        var owners: [String: Set<String>] = [:]  // lowercased tool name → servers offering it
        for entry in entries where entry.subject.kind == .tool && Self.isDistinctive(entry.name) {
            owners[entry.name.lowercased(), default: []].insert(entry.server.name)
        }
        guard !owners.isEmpty else { return [] }
        for server in servers {
            for subject in ModelVisibleText.subjects(of: server) {
                for text in subject.texts where text.role == .description || text.role == .instructions || text.role == .title {
                    let tokens = Tokenizer.tokens(text.text)
                    // A name the server offers itself most plausibly refers to its own tool, unless the text
                    // also names the other server that offers it.
                    let words = Set(tokens.map(\.text))
                    let foreign = tokens.filter { token in
                        guard let servers = owners[token.text] else { return false }
                        if !servers.contains(server.name) { return true }
                        return servers.contains { $0 != server.name && words.contains($0.lowercased()) }
                    }
                    guard let reference = foreign.first else { continue }
                    let hits = InstructionAnalyzer.shared.hits(in: text.text).filter { $0.category != .pseudoTag }
                    let steering = tokens.contains { Self.steeringWords.contains($0.text) }
                    guard !hits.isEmpty || steering else { continue }
                    let targets = Array(Set(foreign.map(\.text))).sorted()
                    let targetServers = Set(targets.flatMap { owners[$0] ?? [] }).subtracting([server.name]).sorted()
                    findings.append(Finding(
                        Rules.toolShadowing, severity: hits.contains { $0.weight >= 3 } ? .high : .medium, server: server.name, tool: subject.name,
                        location: server.location(pointer: text.pointer),
                        message: "\(ToolPoisoningDetector.label(subject)) tells the model how to use \(ToolPoisoningDetector.list(targets))"
                            + (targetServers.isEmpty ? "" : " of \(ToolPoisoningDetector.list(targetServers))"),
                        evidence: Evidence.excerpt(text.text, around: reference.range), fingerprintKey: text.pointer
                    ))
                    break
                }
            }
        }
        return findings
    }

    static let steeringWords: Set<String> = [
        "whenever", "always", "must", "instead", "never", "before", "after", "replace", "redirect", "override", "governs",
    ]

    private func nonASCIIShown(_ name: String) -> String {
        name.unicodeScalars.map { $0.isASCII ? String($0) : "⟨\(HiddenCharacters.codePoint($0.value))⟩" }.joined()
    }
}
