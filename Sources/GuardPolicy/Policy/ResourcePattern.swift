import Foundation

/// Matching of `resources:` URI patterns and `prompts:` name patterns.
///
/// `*` matches within one path segment, `**` across segments, `?` one character. A `file:` URI is decoded
/// (percent escapes) and its path resolved (`.`, `..`, symlinks of the part that exists) before it is
/// compared, and so is the literal directory a `file:` pattern starts with, so `file:///srv/data/../../etc/shadow`
/// or a symlink under an allowed folder cannot reach outside it.
public enum ResourcePattern {
    /// The action for `subject` among `patterns`: the most specific match (longest literal text) wins, and
    /// on a tie the stricter action (deny, then ask). Nil when nothing matches.
    public static func action(for subject: String, in patterns: [String: Policy.Action], isURI: Bool) -> Policy.Action? {
        let candidate = isURI ? canonicalURI(subject) : subject
        var best: (specificity: Int, action: Policy.Action)?
        for (pattern, action) in patterns {
            let canonicalPattern = isURI ? canonicalPatternText(pattern) : pattern
            guard matches(candidate, glob: canonicalPattern) else { continue }
            let specificity = canonicalPattern.filter { $0 != "*" && $0 != "?" }.count
            if let current = best {
                if specificity < current.specificity { continue }
                if specificity == current.specificity, strictness(action) <= strictness(current.action) { continue }
            }
            best = (specificity, action)
        }
        return best?.action
    }

    static func strictness(_ action: Policy.Action) -> Int {
        switch action {
        case .allow: 0
        case .ask: 1
        case .deny: 2
        }
    }

    /// `file:` URIs with their path percent-decoded and resolved; other URIs unchanged.
    public static func canonicalURI(_ uri: String) -> String {
        guard let path = filePath(uri) else { return uri }
        return "file://" + Policy.ArgumentRule.normalize(path)
    }

    /// The path of a `file:` URI (`file:///a`, `file://localhost/a`, `file://host/a`, `file:/a`), percent-decoded.
    static func filePath(_ uri: String) -> String? {
        guard uri.lowercased().hasPrefix("file:") else { return nil }
        var rest = Substring(uri.dropFirst(5))
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            // The host is dropped, whatever it is: servers read `file://anything/etc/shadow` as
            // /etc/shadow, so a host must not make a URI slip past the patterns for that path.
            guard let slash = rest.firstIndex(of: "/") else { return "/" }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        let decoded = String(rest).removingPercentEncoding ?? String(rest)
        return decoded.hasPrefix("/") ? decoded : "/" + decoded
    }

    /// A `file:` pattern with its literal leading directory resolved like the URIs it is compared with.
    static func canonicalPatternText(_ pattern: String) -> String {
        guard let path = filePath(pattern) else { return pattern }
        let wildcard = path.firstIndex { $0 == "*" || $0 == "?" } ?? path.endIndex
        let literal = path[..<wildcard]
        guard let slash = literal.lastIndex(of: "/") else { return pattern }
        let directory = String(path[...slash])
        let tail = path[path.index(after: slash)...]
        var resolved = Policy.ArgumentRule.normalize(directory)
        if !resolved.hasSuffix("/") { resolved += "/" }
        return "file://" + resolved + tail
    }

    /// Glob match: `**` any characters, `*` any but `/`, `?` one character but `/`.
    public static func matches(_ text: String, glob: String) -> Bool {
        let t = Array(text.unicodeScalars)
        let p = Array(glob.unicodeScalars)
        // Memoised recursion over (text, pattern) positions keeps `**` patterns linear-ish and bounded.
        var memo = [Int: Bool]()
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (p.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if j == p.count {
                result = i == t.count
            } else if p[j] == "*" {
                let double = j + 1 < p.count && p[j + 1] == "*"
                let next = double ? j + 2 : j + 1
                var found = match(i, next)
                var k = i
                while !found, k < t.count, double || t[k] != "/" {
                    k += 1
                    found = match(k, next)
                }
                result = found
            } else if i < t.count, p[j] == "?" ? t[i] != "/" : p[j] == t[i] {
                result = match(i + 1, j + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
