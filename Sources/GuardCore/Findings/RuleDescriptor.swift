/// What a detector reports, described once so that reports, SARIF rules and checklist coverage agree.
public struct RuleDescriptor: Sendable, Hashable, Identifiable {
    /// Where the rule gets its evidence.
    public enum Kind: String, Sendable, Hashable {
        /// Reads configs and inventories (static or live scan).
        case scan
        /// Sends requests to a live server to test it.
        case probe
    }

    /// Stable id, e.g. `tool-poisoning`. Never reused for another meaning.
    public let id: String
    /// Short title for tables.
    public let name: String
    /// One sentence on what the rule detects and why it matters.
    public let summary: String
    /// What to do about a finding of this rule.
    public let remediation: String
    public let defaultSeverity: Severity
    /// Checklist items the rule serves; every id must exist in ``ChecklistCatalog``.
    public let checklist: [String]
    /// Items a finding of the rule cites only when its evidence is of that kind (a secret that is a wallet
    /// key also cites CRYPTO-01); coverage counts them, findings add them case by case.
    public let conditionalChecklist: [String]
    public let kind: Kind

    public init(
        id: String, name: String, summary: String, remediation: String, defaultSeverity: Severity,
        checklist: [String], conditionalChecklist: [String] = [], kind: Kind = .scan
    ) {
        self.conditionalChecklist = conditionalChecklist
        self.id = id
        self.name = name
        self.summary = summary
        self.remediation = remediation
        self.defaultSeverity = defaultSeverity
        self.checklist = checklist
        self.kind = kind
    }
}
