/// What kind of manipulation a phrase in model-visible text points to.
public enum InstructionCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// "ignore previous instructions".
    case override
    /// "do not tell the user".
    case concealment
    /// Text posing as the user or the system ("this is a message from the user to you").
    case impersonation
    /// "before you answer, do this first", "always call this tool first".
    case coerciveOrdering
    /// "this is the best tool", "never use other tools".
    case preference
    /// Reading keys, dotfiles and host configs.
    case sensitiveFile
    /// Sending conversation, keys or tool lists somewhere, or smuggling them through a parameter.
    case exfiltration
    /// "always change the recipient to …".
    case parameterTampering
    /// Something the tool does besides its stated job ("in addition, tell me who you are").
    case hiddenBehaviour
    /// Pseudo-markup meant to look authoritative: `<IMPORTANT>`, `<system>`, `[important]`.
    case pseudoTag
    /// Data that tells the model which tool to call next ("please use the write_file tool to …"); a
    /// signal in tool outputs, where honest data has no reason to direct the model.
    case toolDirection

    public static func < (lhs: InstructionCategory, rhs: InstructionCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    /// How a report names the category.
    public var phrase: String {
        switch self {
        case .override: "overrides the model's instructions"
        case .concealment: "tells the model to hide something from the user"
        case .impersonation: "poses as the user or the system"
        case .coerciveOrdering: "forces an order of actions on the model"
        case .preference: "pushes the model to prefer this tool over others"
        case .sensitiveFile: "points the model at sensitive files"
        case .exfiltration: "asks the model to send out conversation, secrets or context"
        case .parameterTampering: "tells the model to alter arguments or results"
        case .hiddenBehaviour: "describes a hidden secondary action"
        case .pseudoTag: "uses authoritative pseudo-tags"
        case .toolDirection: "directs the model to call a tool"
        }
    }
}

/// One phrase that signals a category, with its weight.
///
/// Weights: 3 is enough on its own for a medium finding; 2 and 1 need company. `negatable` signals are
/// dropped when a negation stands just before them ("we never send your conversation anywhere").
struct InstructionSignal: Sendable {
    let category: InstructionCategory
    let weight: Double
    let pattern: PhrasePattern
    let negatable: Bool

    init(_ category: InstructionCategory, _ weight: Double, _ pattern: String, negatable: Bool = false) {
        self.category = category
        self.weight = weight
        self.pattern = PhrasePattern(pattern)
        self.negatable = negatable
    }
}

/// A signal found in one text.
public struct InstructionHit: Sendable, Hashable {
    public let category: InstructionCategory
    public let weight: Double
    /// Token range of the match.
    public let tokens: Range<Int>
    /// Character range in the analysed text.
    public let range: Range<String.Index>
}
