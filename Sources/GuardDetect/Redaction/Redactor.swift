/// Replaces secrets, crypto key material and personal data in text with typed placeholders such as
/// `[REDACTED:email]` or `[REDACTED:github-token]`, so the model still sees that something was there and
/// what kind of thing it was, but never the value.
public struct Redactor: Sendable {
    /// What can be redacted; a policy chooses the set.
    public enum Category: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Provider credentials: API keys, tokens, PEM keys, JWTs.
        case secrets
        /// Keys that control funds: hex/WIF/extended private keys and BIP-39 mnemonics.
        case crypto
        case email, phone, card, iban

        public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }

        var piiKind: PIIScanner.Kind? { PIIScanner.Kind(rawValue: rawValue) }
    }

    /// The text after redaction and how many values of each placeholder type were replaced.
    public struct Outcome: Sendable, Equatable {
        public let text: String
        public let counts: [String: Int]
    }

    public let categories: Set<Category>
    private let piiKinds: Set<PIIScanner.Kind>

    public init(categories: Set<Category>) {
        self.categories = categories
        self.piiKinds = Set(categories.compactMap(\.piiKind))
    }

    /// The redacted text, or nil when nothing in `text` falls into the chosen categories.
    public func redact(_ text: String) -> Outcome? {
        guard !categories.isEmpty, text.utf8.count >= 6 else { return nil }
        let utf8 = Array(text.utf8)
        var spans: [(range: Range<Int>, label: String)] = []
        if categories.contains(.secrets) || categories.contains(.crypto) {
            for match in SecretScanner.scan(text) {
                let wanted = match.kind.isCryptoMaterial ? categories.contains(.crypto) : categories.contains(.secrets)
                guard wanted else { continue }
                let lower = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let upper = text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
                spans.append((lower..<upper, Self.label(match.kind)))
            }
        }
        if !piiKinds.isEmpty {
            for match in PIIScanner.scan(utf8, kinds: piiKinds) { spans.append((match.range, match.kind.rawValue)) }
        }
        guard !spans.isEmpty else { return nil }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var counts: [String: Int] = [:]
        var cursor = 0
        for span in spans where span.range.lowerBound >= cursor {
            output.append(contentsOf: utf8[cursor..<span.range.lowerBound])
            output.append(contentsOf: Array("[REDACTED:\(span.label)]".utf8))
            counts[span.label, default: 0] += 1
            cursor = span.range.upperBound
        }
        output.append(contentsOf: utf8[cursor...])
        return Outcome(text: String(decoding: output, as: UTF8.self), counts: counts)
    }

    /// `GitHub token` → `github-token`.
    static func label(_ kind: SecretMatch.Kind) -> String {
        switch kind {
        case .mnemonic: "mnemonic"
        case .hexPrivateKey, .wifPrivateKey, .extendedPrivateKey, .privateKeyPEM: "private-key"
        default: kind.displayName.lowercased().split(separator: " ").joined(separator: "-")
        }
    }
}
