/// The whole checklist, compiled into the binary so every command works offline and without files.
public enum ChecklistCatalog {
    /// All items in the checklist's own order.
    public static var items: [ChecklistItem] { compiledItems }

    private static let byID: [String: ChecklistItem] = Dictionary(
        uniqueKeysWithValues: compiledItems.map { ($0.id, $0) }
    )

    /// The item with `id`, if the checklist has one.
    public static func item(_ id: String) -> ChecklistItem? { byID[id] }

    /// Whether `id` names a checklist item; findings and controls may only cite ids for which this holds.
    public static func contains(_ id: String) -> Bool { byID[id] != nil }
}

/// How mcpguard covers one checklist item.
///
/// Coverage is derived from the rules and controls that cite the item, so it cannot drift from the code:
/// a rule that lists `CLI-PROMPT-07` makes that item covered by `scan`.
public struct ChecklistCoverage: Sendable, Hashable {
    /// Scan rule ids that report on the item.
    public var scan: [String]
    /// Runtime guard control ids that enforce it.
    public var `guard`: [String]
    /// Live probe checks that test it against a running server.
    public var probe: [String]

    public init(scan: [String] = [], guard: [String] = [], probe: [String] = []) {
        self.scan = scan
        self.guard = `guard`
        self.probe = probe
    }

    /// Nothing automated covers the item: only the operator's attestation can.
    public var isAttestOnly: Bool { scan.isEmpty && `guard`.isEmpty && probe.isEmpty }

    /// Coverage of every item given the rules and controls that exist.
    public static func build(
        rules: [RuleDescriptor], controls: [ControlDescriptor] = []
    ) -> [String: ChecklistCoverage] {
        var coverage: [String: ChecklistCoverage] = [:]
        for item in ChecklistCatalog.items { coverage[item.id] = ChecklistCoverage() }
        for rule in rules {
            for id in rule.checklist + rule.conditionalChecklist where coverage[id] != nil {
                if rule.kind == .probe {
                    coverage[id]!.probe.append(rule.id)
                } else {
                    coverage[id]!.scan.append(rule.id)
                }
            }
        }
        for control in controls {
            for id in control.checklist where coverage[id] != nil { coverage[id]!.guard.append(control.id) }
        }
        for key in coverage.keys {
            coverage[key]!.scan.sort()
            coverage[key]!.guard.sort()
            coverage[key]!.probe.sort()
        }
        return coverage
    }
}

/// A runtime control of the guard, named so coverage and audit records can cite it.
public struct ControlDescriptor: Sendable, Hashable {
    public let id: String
    public let summary: String
    public let checklist: [String]

    public init(id: String, summary: String, checklist: [String]) {
        self.id = id
        self.summary = summary
        self.checklist = checklist
    }

    /// How a message the guard writes names the control that produced it: `(rule policy.deny)`. Every
    /// refusal and rewrite cites its descriptor this way, so the text and the audit record's rule agree.
    public var cite: String { "(rule \(id))" }
}
