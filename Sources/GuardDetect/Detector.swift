import GuardCore

/// A pure analysis that turns what mcpguard saw into findings.
///
/// Detectors do no I/O and keep no state between runs, so the same input always yields the same
/// findings; the engine may run them in any order.
public protocol Detector: Sendable {
    /// The rules this detector can report. Every finding it returns must use one of these ids.
    var rules: [RuleDescriptor] { get }

    /// Findings for `input`, in any order (the engine sorts them).
    func analyze(_ input: DetectionInput) -> [Finding]
}

/// Everything detectors may look at.
public struct DetectionInput: Sendable {
    /// The servers and what they offered.
    public var snapshot: InventorySnapshot {
        didSet { memo = DetectionMemo() }
    }
    /// Host config files as read from disk, for config audits.
    public var configs: [ConfigDocument]
    /// Texts a model reads besides definitions: host instruction files and `scan --text` inputs.
    public var documents: [TextDocument]
    /// What the detectors share of this input (subjects, tokens, learned sums), computed on first use.
    private(set) var memo = DetectionMemo()

    public init(snapshot: InventorySnapshot, configs: [ConfigDocument] = [], documents: [TextDocument] = []) {
        self.snapshot = snapshot
        self.configs = configs
        self.documents = documents
    }
}

/// A text file the model reads: a host instruction file (`CLAUDE.md`, `AGENTS.md`, …) or any text given
/// to `scan --text`.
public struct TextDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Standing instructions a host gives its model in every session.
        case instructionFile = "instruction file"
        /// Any other text, as a tool might return it.
        case text
    }

    public var path: String
    public var kind: Kind
    public var text: String

    public init(path: String, kind: Kind, text: String) {
        self.path = path
        self.kind = kind
        self.text = text
    }
}

/// A host config file: its path, which host it belongs to, and its text.
public struct ConfigDocument: Sendable, Hashable {
    public var path: String
    public var host: String?
    public var text: String
    /// POSIX permission bits of the file when read from disk (`0o644`), for the permission audit.
    public var mode: Int?

    public init(path: String, host: String? = nil, text: String, mode: Int? = nil) {
        self.path = path
        self.host = host
        self.text = text
        self.mode = mode
    }
}
