import GuardCore

/// What mcpguard can honestly say about one checklist item: the parts of the item its checks decide, the
/// checks that decide each part, and what is left for the operator.
///
/// Written per item by hand (``ItemCoverage/all``) and tested against the rule and control descriptors, so a
/// citation in a descriptor cannot claim more than this data says, and this data cannot cite a check that
/// does not serve the item. Capability labels (`info` rules) never appear here: a label is not coverage.
public struct ItemCoverage: Sendable, Hashable {
    /// One part of an item, met by any of its checks: a detection that ran and found nothing, or a guard
    /// control in force. A detection that found something fails the part.
    public struct Part: Sendable, Hashable {
        /// The part of the item, in words.
        public let text: String
        /// Scan and probe rule ids that look for the part being broken.
        public let detect: [String]
        /// Guard control ids that make the part hold at run time.
        public let enforce: [String]

        public init(_ text: String, detect: [String] = [], enforce: [String] = []) {
            self.text = text
            self.detect = detect
            self.enforce = enforce
        }
    }

    /// How much of the item the checks decide.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        /// Every part of the item has checks.
        case covered
        /// Some of it; ``ItemCoverage/uncovered`` says what is not.
        case partial
        /// Nothing automated decides it; only an operator's attestation can.
        case attest
    }

    /// When an item concerns only some deployments; otherwise it always applies.
    public enum Applicability: String, Sendable, Hashable {
        case always
        /// Only where a server moves funds or handles wallet keys (the crypto items).
        case walletServers
        /// Only where a server runs in a container.
        case containerServers
    }

    public let id: String
    /// All parts must hold for the item to hold.
    public let parts: [Part]
    /// What no check decides, in words (for attest items: what the operator must confirm); nil when the
    /// parts cover the whole item.
    public let uncovered: String?
    public let applicability: Applicability

    public init(_ id: String, _ parts: [Part], uncovered: String? = nil, applies: Applicability = .always) {
        self.id = id
        self.parts = parts
        self.uncovered = uncovered
        self.applicability = applies
    }

    /// An item only an operator can decide: `question` says what to confirm.
    public static func attest(_ id: String, _ question: String, applies: Applicability = .always) -> ItemCoverage {
        ItemCoverage(id, [], uncovered: question, applies: applies)
    }

    public var level: Level {
        if parts.isEmpty { return .attest }
        return uncovered == nil ? .covered : .partial
    }

    /// Every rule id any part cites.
    public var detectionRules: [String] { parts.flatMap(\.detect) }
    /// Every control id any part cites.
    public var controls: [String] { parts.flatMap(\.enforce) }

    /// The coverage of every checklist item, in the checklist's order.
    public static let all: [ItemCoverage] = server + client + model + crypto

    private static let byID: [String: ItemCoverage] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The coverage of `id` (every checklist item has one; tests hold that).
    public static func of(_ id: String) -> ItemCoverage? { byID[id] }
}
