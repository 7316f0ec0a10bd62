/// Builds the evidence string of a finding: a short excerpt around what was found, with hidden
/// characters made visible and any secret in it redacted.
public enum Evidence {
    /// Up to `radius` characters either side of `range`, on one line, `…` where cut.
    public static func excerpt(_ text: String, around range: Range<String.Index>, radius: Int = 70) -> String {
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        var excerpt = String(text[start..<end])
        if start > text.startIndex { excerpt = "…" + excerpt }
        if end < text.endIndex { excerpt += "…" }
        return clean(excerpt)
    }

    /// The whole text, bounded, cleaned and redacted.
    public static func clip(_ text: String, limit: Int = 200) -> String {
        clean(text.count > limit ? String(text.prefix(limit)) + "…" : text)
    }

    /// Hidden characters shown as code points, whitespace folded, secrets masked.
    public static func clean(_ text: String) -> String {
        let secrets = SecretScanner.scan(text)
        var redacted = text
        for secret in secrets.reversed() { redacted.replaceSubrange(secret.range, with: secret.redacted) }
        let visible = HiddenCharacters.visible(redacted)
        return visible.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
