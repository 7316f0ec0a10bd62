import GuardCore

/// The commented attestation file `mcpguard assess --init` writes: one block per item that nothing
/// automated decides, each with the question to answer, so an operator fills it in once and commits it.
public enum AttestationTemplate {
    public static func render(today: String) -> String {
        var lines = [
            "# mcpguard attestations: answers for the checklist items no automated check decides.",
            "# Schema: docs/attestation.schema.json. Uncomment an item and fill it in:",
            "#   status: met | not-met | not-applicable",
            "#   by: who attests;  date: YYYY-MM-DD;  expires: YYYY-MM-DD (optional)",
            "#   evidence: text or a list of links (required for met)",
            "# mcpguard assess --attestations FILE reads it; an expired answer counts as unanswered.",
            "version: 1",
            "items:",
        ]
        let attestOnly = ItemCoverage.all.filter { $0.level == .attest }
        for coverage in attestOnly {
            guard let item = ChecklistCatalog.item(coverage.id) else { continue }
            lines.append("")
            lines.append("  # \(item.id) [\(item.priority.rawValue)] \(item.title)")
            lines.append("  # Confirm: \(coverage.uncovered ?? item.summary)")
            lines.append("  # \(item.id):")
            lines.append("  #   status: met")
            lines.append("  #   by: you@example.com")
            lines.append("  #   date: \(today)")
            lines.append("  #   evidence: \"\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
