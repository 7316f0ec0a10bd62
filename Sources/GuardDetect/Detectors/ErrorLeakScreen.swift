import Foundation
import GuardCore

/// Screens what a server said in an error (message, data, an error result's text) for what a client has
/// no business seeing: a stack trace, an absolute file-system path, a secret.
///
/// Pure: `mcpguard probe` collects the texts and decides which server and check they belong to. What the
/// probe itself sent is removed first, so a server echoing `file:///etc/passwd` back is not a leaked path.
public enum ErrorLeakScreen {
    public struct Leak: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case stackTrace = "stack trace"
            case path = "file-system path"
            case secret
        }

        public let kind: Kind
        /// What was seen, already redacted and shortened.
        public let evidence: String
    }

    /// Frames of the common runtimes: Python, Node, Java/Kotlin, Go, Rust, .NET, Ruby.
    static let stackPatterns = [
        #"Traceback \(most recent call last\)"#,
        #"File "[^"\n]+", line \d+"#,
        #"\n\s+at [\w$.<>\[\]]+ \([^)\n]*:\d+:\d+\)"#,
        #"\bat [\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)"#,
        #"goroutine \d+ \[[a-z ]+\]:"#,
        #"thread '[^'\n]*' panicked at"#,
        #"\bat [\w.]+\(.*\) in [^\n]+:line \d+"#,
        #"[\w/.-]+\.rb:\d+:in `"#,
    ]

    /// Absolute paths under a directory every Unix has, and Windows drive paths. A path is only reported
    /// when it stands alone (not inside a URL, not preceded by a word character).
    static let pathPatterns = [
        #"(?<![\w.:/~%-])/(?:home|Users|root|etc|var|usr|opt|srv|tmp|private|app|proc|mnt|snap|nix|workspace|data|Library)(?:/[\w.@+-]+)+"#,
        #"(?<![\w])[A-Za-z]:\\(?:[\w .@+-]+\\)+[\w .@+-]*"#,
    ]

    static let stackExpressions = stackPatterns.map { try! NSRegularExpression(pattern: $0) }
    static let pathExpressions = pathPatterns.map { try! NSRegularExpression(pattern: $0) }

    /// Leaks in `text`, at most one per kind and distinct evidence. `sent` lists what the probe put in its
    /// requests; each occurrence is removed before screening.
    public static func screen(_ text: String, ignoring sent: [String] = []) -> [Leak] {
        var cleaned = text
        for literal in sent.sorted(by: { $0.count > $1.count }) where literal.count >= 3 {
            cleaned = cleaned.replacingOccurrences(of: literal, with: " ")
        }
        let secrets = SecretScanner.scan(cleaned)
        let masked = Redaction.redact(cleaned, secrets: secrets.map(\.value))
        var leaks: [Leak] = secrets.map { Leak(kind: .secret, evidence: "\($0.kind.displayName): \($0.redacted)") }
        if let frame = firstMatch(stackExpressions, in: masked) { leaks.append(Leak(kind: .stackTrace, evidence: shorten(frame))) }
        if let path = firstMatch(pathExpressions, in: masked) { leaks.append(Leak(kind: .path, evidence: shorten(path))) }
        var seen = Set<Leak>()
        return leaks.filter { seen.insert($0).inserted }
    }

    static func firstMatch(_ expressions: [NSRegularExpression], in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for expression in expressions {
            if let match = expression.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
                return String(text[found])
            }
        }
        return nil
    }

    static func shorten(_ text: String) -> String {
        let single = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        return single.count > 120 ? String(single.prefix(117)) + "…" : single
    }
}
