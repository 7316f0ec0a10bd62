/// One item of the SlowMist MCP Security Checklist.
public struct ChecklistItem: Sendable, Hashable, Identifiable {
    /// Which side of an MCP deployment an item is about.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case srv = "SRV"
        case cli = "CLI"
        case llm = "LLM"
        case multi = "MULTI"
        case crypto = "CRYPTO"

        /// A name a person reads.
        public var displayName: String {
            switch self {
            case .srv: "MCP server"
            case .cli: "MCP client / host"
            case .llm: "LLM"
            case .multi: "Multi-MCP"
            case .crypto: "Crypto wallets"
            }
        }
    }

    /// The checklist's own three priorities.
    public enum Priority: String, Sendable, Hashable, CaseIterable, Comparable {
        case low, medium, high

        private var rank: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .high: 2
            }
        }

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
    }

    /// Stable id such as `CLI-PROMPT-07`.
    public let id: String
    public let part: Part
    /// The section heading within the part (`nil` for the MULTI and CRYPTO parts, which have none).
    public let section: String?
    public let title: String
    public let priority: Priority
    /// The item's text as the checklist states it.
    public let text: String
    /// mcpguard's one-line reading of the item in MCP terms.
    public let summary: String

    public init(
        id: String, part: Part, section: String?, title: String, priority: Priority, text: String, summary: String
    ) {
        self.id = id
        self.part = part
        self.section = section
        self.title = title
        self.priority = priority
        self.text = text
        self.summary = summary
    }
}
