/// Turns secrets into something a report can show.
///
/// A redacted value keeps enough to recognise it (a known prefix such as `ghp_` and the last four
/// characters) and nothing that helps to use it. Short values keep nothing but their length.
public enum Redaction {
    /// `ghp_…abcd` for a long token, `[redacted 8 chars]` for a short one.
    public static func mask(_ secret: String) -> String {
        let characters = Array(secret)
        guard characters.count >= 16 else { return "[redacted \(characters.count) chars]" }
        let prefix = recognisablePrefix(characters)
        let suffix = String(characters.suffix(4))
        return prefix + "…" + suffix
    }

    /// Replaces every occurrence of each secret in `text` with its mask.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: mask(secret))
        }
        return result
    }

    /// A vendor prefix up to and including its first `_` or `-` within eight characters (`ghp_`, `sk-`,
    /// `xoxb-`), else the first two characters.
    private static func recognisablePrefix(_ characters: [Character]) -> String {
        for (offset, character) in characters.prefix(9).enumerated() where character == "_" || character == "-" {
            if offset >= 1 { return String(characters[...offset]) }
        }
        return String(characters.prefix(2))
    }
}
