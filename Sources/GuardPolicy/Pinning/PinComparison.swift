import GuardCore

/// How a server's live definitions differ from its pins.
public struct PinChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public enum Category: String, Sendable {
        case tool, prompt, resourceTemplate = "resource template", instructions

        var member: String {
            switch self {
            case .tool: "tools"
            case .prompt: "prompts"
            case .resourceTemplate: "resourceTemplates"
            case .instructions: "instructions"
            }
        }
    }

    public let kind: Kind
    public let category: Category
    public let name: String
    /// Field-level changes (for `changed`).
    public let fields: [String]
    /// The new definition (for `added` and `changed`).
    public let newDefinition: JSONValue?

    /// `tool send_email changed: description changed: +3 lines «…»; inputSchema.properties.bcc added`.
    public var summary: String {
        let subject = category == .instructions ? "the instructions" : "\(category.rawValue) \(name)"
        switch kind {
        case .added: return "\(subject) added"
        case .removed: return "\(subject) removed"
        case .changed: return "\(subject) changed: " + fields.prefix(4).joined(separator: "; ") + (fields.count > 4 ? "; …" : "")
        }
    }
}

public enum PinComparison {
    /// Changes from `pinned` (approved) to `current` (live), sorted by category and name.
    public static func changes(pinned: Lockfile.Server, current: Lockfile.Server) -> [PinChange] {
        var changes: [PinChange] = []
        func compare(_ old: [String: Lockfile.Pin], _ new: [String: Lockfile.Pin], _ category: PinChange.Category) {
            for name in Set(old.keys).union(new.keys).sorted() {
                switch (old[name], new[name]) {
                case (nil, let added?):
                    changes.append(PinChange(kind: .added, category: category, name: name, fields: [], newDefinition: added.definition))
                case (let removed?, nil):
                    _ = removed
                    changes.append(PinChange(kind: .removed, category: category, name: name, fields: [], newDefinition: nil))
                case (let before?, let after?) where before.hash != after.hash:
                    changes.append(PinChange(
                        kind: .changed, category: category, name: name,
                        fields: FieldDiff.changes(from: before.definition, to: after.definition), newDefinition: after.definition
                    ))
                default:
                    break
                }
            }
        }
        compare(pinned.tools, current.tools, .tool)
        compare(pinned.prompts, current.prompts, .prompt)
        compare(pinned.resourceTemplates, current.resourceTemplates, .resourceTemplate)
        compare(pinned.instructions.map { ["instructions": $0] } ?? [:], current.instructions.map { ["instructions": $0] } ?? [:], .instructions)
        return changes
    }
}
