import Foundation
import GuardCore

/// A credential or key found in text.
public struct SecretMatch: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case awsAccessKey, githubToken, gitlabToken, openAIKey, anthropicKey, slackToken, slackWebhook, stripeKey
        case googleAPIKey, huggingFaceToken, npmToken, privateKeyPEM, jwt
        case hexPrivateKey, wifPrivateKey, extendedPrivateKey, mnemonic

        public var displayName: String {
            switch self {
            case .awsAccessKey: "AWS access key"
            case .githubToken: "GitHub token"
            case .gitlabToken: "GitLab token"
            case .openAIKey: "OpenAI API key"
            case .anthropicKey: "Anthropic API key"
            case .slackToken: "Slack token"
            case .slackWebhook: "Slack webhook URL"
            case .stripeKey: "Stripe secret key"
            case .googleAPIKey: "Google API key"
            case .huggingFaceToken: "Hugging Face token"
            case .npmToken: "npm token"
            case .privateKeyPEM: "PEM private key"
            case .jwt: "JSON Web Token"
            case .hexPrivateKey: "hex private key"
            case .wifPrivateKey: "WIF private key"
            case .extendedPrivateKey: "BIP-32 extended private key"
            case .mnemonic: "BIP-39 mnemonic phrase"
            }
        }

        /// Keys that control funds directly: worse than an API token.
        public var isCryptoMaterial: Bool {
            switch self {
            case .hexPrivateKey, .wifPrivateKey, .extendedPrivateKey, .mnemonic: true
            default: false
            }
        }
    }

    public let kind: Kind
    /// The secret as found; never print it: use ``redacted``.
    public let value: String
    public let range: Range<String.Index>

    public var redacted: String {
        kind == .mnemonic ? "[\(value.split(separator: " ").count)-word mnemonic redacted]" : Redaction.mask(value)
    }
}

/// Finds provider credentials and crypto key material in text, skipping placeholders.
///
/// Works on candidate words rather than regular expressions: each known prefix is looked up, the run of
/// allowed characters after it is measured, and the result must pass length, entropy and placeholder
/// checks. Crypto keys are confirmed structurally (Base58Check checksums, the BIP-39 checksum), and a bare
/// 64-digit hex string counts only when the words around it say it is a private key.
public enum SecretScanner {
    struct PrefixRule: Sendable {
        let kind: SecretMatch.Kind
        let prefix: String
        let minimumLength: Int
        let maximumLength: Int
        let allowed: @Sendable (UInt8) -> Bool
    }

    static func alnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    static func token(_ byte: UInt8) -> Bool { alnum(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") }
    static func upperDigit(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) }

    static let rules: [PrefixRule] = [
        PrefixRule(kind: .awsAccessKey, prefix: "AKIA", minimumLength: 20, maximumLength: 20, allowed: upperDigit),
        PrefixRule(kind: .awsAccessKey, prefix: "ASIA", minimumLength: 20, maximumLength: 20, allowed: upperDigit),
        PrefixRule(kind: .githubToken, prefix: "ghp_", minimumLength: 40, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .githubToken, prefix: "gho_", minimumLength: 40, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .githubToken, prefix: "ghu_", minimumLength: 40, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .githubToken, prefix: "ghs_", minimumLength: 40, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .githubToken, prefix: "ghr_", minimumLength: 40, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .githubToken, prefix: "github_pat_", minimumLength: 40, maximumLength: 255, allowed: token),
        PrefixRule(kind: .gitlabToken, prefix: "glpat-", minimumLength: 26, maximumLength: 80, allowed: token),
        PrefixRule(kind: .anthropicKey, prefix: "sk-ant-", minimumLength: 60, maximumLength: 255, allowed: token),
        PrefixRule(kind: .openAIKey, prefix: "sk-proj-", minimumLength: 40, maximumLength: 255, allowed: token),
        PrefixRule(kind: .openAIKey, prefix: "sk-", minimumLength: 35, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackToken, prefix: "xoxb-", minimumLength: 20, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackToken, prefix: "xoxp-", minimumLength: 20, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackToken, prefix: "xoxa-", minimumLength: 20, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackToken, prefix: "xoxr-", minimumLength: 20, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackToken, prefix: "xoxs-", minimumLength: 20, maximumLength: 255, allowed: token),
        PrefixRule(kind: .slackWebhook, prefix: "https://hooks.slack.com/services/", minimumLength: 60, maximumLength: 200,
                   allowed: { alnum($0) || $0 == UInt8(ascii: "/") }),
        PrefixRule(kind: .stripeKey, prefix: "sk_live_", minimumLength: 30, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .stripeKey, prefix: "rk_live_", minimumLength: 30, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .stripeKey, prefix: "sk_test_", minimumLength: 30, maximumLength: 255, allowed: alnum),
        PrefixRule(kind: .googleAPIKey, prefix: "AIza", minimumLength: 39, maximumLength: 39, allowed: token),
        PrefixRule(kind: .huggingFaceToken, prefix: "hf_", minimumLength: 37, maximumLength: 60, allowed: alnum),
        PrefixRule(kind: .npmToken, prefix: "npm_", minimumLength: 40, maximumLength: 40, allowed: alnum),
    ]

    /// Every secret in `text`, in order, without overlaps.
    public static func scan(_ text: String) -> [SecretMatch] {
        var matches: [SecretMatch] = []
        let utf8 = Array(text.utf8)
        guard utf8.count >= 16 else { return [] }
        scanPrefixes(text, utf8, into: &matches)
        scanPEM(text, utf8, into: &matches)
        scanJWT(text, utf8, into: &matches)
        scanCryptoWords(text, utf8, into: &matches)
        scanMnemonics(text, utf8, into: &matches)
        matches.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: [SecretMatch] = []
        for match in matches where !(result.last.map { $0.range.overlaps(match.range) } ?? false) {
            result.append(match)
        }
        return result
    }

    /// Rules by the first byte of their prefix, so one pass over the text finds every candidate. A table of
    /// 256, not a dictionary: hashing every byte of every output and argument cost more than the rest.
    static let rulesByFirstByte: [[PrefixRule]] = {
        var table = [[PrefixRule]](repeating: [], count: 256)
        for rule in rules { table[Int(Array(rule.prefix.utf8)[0])].append(rule) }
        return table
    }()

    private static func scanPrefixes(_ text: String, _ utf8: [UInt8], into matches: inout [SecretMatch]) {
        var found = 0
        while found < utf8.count {
            defer { found += 1 }
            let candidates = rulesByFirstByte[Int(utf8[found])]
            if candidates.isEmpty { continue }
            // A prefix inside a longer word (e.g. `task-…` for `sk-`) is not a key.
            if found > 0, token(utf8[found - 1]) { continue }
            for rule in candidates {
                let prefix = rule.prefix.utf8
                guard found + prefix.count <= utf8.count, utf8[found..<found + prefix.count].elementsEqual(prefix) else { continue }
                var end = found + prefix.count
                while end < utf8.count, end - found < rule.maximumLength, rule.allowed(utf8[end]) { end += 1 }
                let length = end - found
                guard length >= rule.minimumLength else { continue }
                if end < utf8.count, rule.allowed(utf8[end]) { continue }  // longer than any real key
                let value = String(decoding: utf8[found..<end], as: UTF8.self)
                if rule.kind == .openAIKey, value.hasPrefix("sk-ant-") { continue }
                let body = String(value.dropFirst(rule.prefix.count))
                guard !isPlaceholder(value), entropy(body) >= (rule.kind == .awsAccessKey ? 3.0 : 3.5) else { continue }
                matches.append(SecretMatch(kind: rule.kind, value: value, range: range(text, utf8Offset: found, length: length)))
                break
            }
        }
    }

    private static func scanPEM(_ text: String, _ utf8: [UInt8], into matches: inout [SecretMatch]) {
        guard firstIndex(of: Array("-----BEGIN ".utf8), in: utf8, from: 0) != nil else { return }
        var searchStart = text.startIndex
        while let begin = text.range(of: "-----BEGIN ", range: searchStart..<text.endIndex) {
            searchStart = begin.upperBound
            guard let header = text.range(of: "PRIVATE KEY-----", range: begin.upperBound..<text.endIndex),
                text.distance(from: begin.upperBound, to: header.lowerBound) <= 24
            else { continue }
            let end = text.range(of: "-----END", range: header.upperBound..<text.endIndex)
                .flatMap { text.range(of: "-----", range: $0.upperBound..<text.endIndex) }?.upperBound ?? header.upperBound
            let body = text[header.upperBound..<end]
            // `-----BEGIN PRIVATE KEY-----\n...` in documentation has no real body.
            guard body.filter({ $0.isLetter || $0.isNumber }).count >= 64 else { continue }
            matches.append(SecretMatch(kind: .privateKeyPEM, value: String(text[begin.lowerBound..<end]), range: begin.lowerBound..<end))
        }
    }

    private static func scanJWT(_ text: String, _ utf8: [UInt8], into matches: inout [SecretMatch]) {
        let prefix = Array("eyJ".utf8)
        var start = 0
        while let found = firstIndex(of: prefix, in: utf8, from: start) {
            start = found + 1
            if found > 0, token(utf8[found - 1]) { continue }
            var end = found
            var segments = [0]
            while end < utf8.count, token(utf8[end]) || utf8[end] == UInt8(ascii: ".") {
                if utf8[end] == UInt8(ascii: ".") { segments.append(0) } else { segments[segments.count - 1] += 1 }
                end += 1
            }
            guard segments.count == 3, segments[0] >= 10, segments[1] >= 10, segments[2] >= 16 else { continue }
            let value = String(decoding: utf8[found..<end], as: UTF8.self)
            guard !isPlaceholder(value) else { continue }
            matches.append(SecretMatch(kind: .jwt, value: value, range: range(text, utf8Offset: found, length: end - found)))
            start = end
        }
    }

    /// Hex private keys (with key words nearby), WIF and extended private keys (checksummed).
    /// Only alphanumeric runs of the lengths these keys have are looked at.
    private static func scanCryptoWords(_ text: String, _ utf8: [UInt8], into matches: inout [SecretMatch]) {
        var keyContext: Bool?
        var start = 0
        while start < utf8.count {
            guard alnum(utf8[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < utf8.count, alnum(utf8[end]) { end += 1 }
            defer { start = end }
            let length = end - start
            guard [51, 52, 64, 66, 111].contains(length) else { continue }
            if start > 0, utf8[start - 1] >= 0x80 || utf8[start - 1] == UInt8(ascii: "_") { continue }
            let word = String(decoding: utf8[start..<end], as: UTF8.self)
            let wordRange = range(text, utf8Offset: start, length: length)
            if length == 64 || length == 66, isHexKey(word) {
                if keyContext == nil {
                    let lower = text.lowercased()
                    keyContext = ["private key", "private_key", "privatekey", "priv key", "privkey", "secret key", "wallet key", "signing key", "seed"]
                        .contains { lower.contains($0) }
                }
                let previous = String(decoding: utf8[max(0, start - 8)..<start], as: UTF8.self).lowercased()
                if keyContext == true, !previous.contains("sha256:"), !previous.hasSuffix("sha") {
                    matches.append(SecretMatch(kind: .hexPrivateKey, value: word, range: wordRange))
                }
            } else if length == 51 || length == 52, let payload = Base58Check.decode(word),
                payload.first == 0x80 || payload.first == 0xEF, payload.count == 33 || payload.count == 34
            {
                matches.append(SecretMatch(kind: .wifPrivateKey, value: word, range: wordRange))
            } else if length == 111, ["xprv", "tprv", "yprv", "zprv", "Yprv", "Zprv"].contains(String(word.prefix(4))),
                let payload = Base58Check.decode(word), payload.count == 78
            {
                matches.append(SecretMatch(kind: .extendedPrivateKey, value: word, range: wordRange))
            }
        }
    }

    /// `0x` + 64 hex digits or 64 hex digits, mixing letters and digits (not a run of one character).
    static func isHexKey(_ word: String) -> Bool {
        let digits = word.hasPrefix("0x") ? String(word.dropFirst(2)) : word
        guard digits.count == 64, digits.allSatisfy(\.isHexDigit) else { return false }
        return Set(digits).count >= 8 && !isPlaceholder(digits)
    }

    /// Runs of 12–24 BIP-39 words whose checksum is valid.
    private static func scanMnemonics(_ text: String, _ utf8: [UInt8], into matches: inout [SecretMatch]) {
        guard hasWordRun(utf8, length: 12) else { return }
        let tokens = Tokenizer.tokens(text)
        guard tokens.count >= 12 else { return }
        var runStart = 0
        for position in 0...tokens.count {
            let inList = position < tokens.count && BIP39Wordlist.contains(tokens[position].text)
            if inList { continue }
            let runLength = position - runStart
            if runLength >= 12 {
                var offset = runStart
                search: while offset + 12 <= position {
                    for length in [24, 21, 18, 15, 12] where offset + length <= position {
                        let words = tokens[offset..<offset + length].map(\.text)
                        if BIP39Wordlist.isValidMnemonic(words) {
                            let range = tokens[offset].range.lowerBound..<tokens[offset + length - 1].range.upperBound
                            matches.append(SecretMatch(kind: .mnemonic, value: words.joined(separator: " "), range: range))
                            offset += length
                            continue search
                        }
                    }
                    offset += 1
                }
            }
            runStart = position + 1
        }
    }

    /// Whether `utf8` has `length` consecutive words that could all be BIP-39 words (3–8 lowercase ASCII
    /// letters, separated by whitespace only). Cheap enough to run on every tool output; most text fails it
    /// long before a tokenizer would finish.
    static func hasWordRun(_ utf8: [UInt8], length: Int) -> Bool {
        var run = 0
        var letters = 0
        var clean = true
        /// A word ended: it extends the run or breaks it.
        func endWord() -> Bool {
            if letters > 0 {
                run = clean && (3...8).contains(letters) ? run + 1 : 0
            }
            letters = 0
            clean = true
            return run >= length
        }
        for byte in utf8 {
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D:
                if endWord() { return true }
            case 0x61...0x7A:
                letters += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "."):
                break  // quotes and list punctuation around a phrase do not break it
            default:
                clean = false
                letters += 1
            }
        }
        return endWord()
    }

    /// Documentation placeholders: `${VAR}`, `<your-key>`, `xxxx`, `your_api_key`, `EXAMPLE`, one repeated character.
    public static func isPlaceholder(_ value: String) -> Bool {
        let lower = value.lowercased()
        let markers = ["${", "{{", "<", ">", "xxxx", "your", "example", "placeholder", "changeme", "change_me", "dummy",
                       "replace", "insert", "redacted", "****", "...", "…", "sample", "fake", "0000000000", "1234567890",
                       "abcdef0123", "abcdefghij"]
        if markers.contains(where: { lower.contains($0) }) { return true }
        return Set(value).count <= 3
    }

    /// Shannon entropy in bits per character.
    public static func entropy(_ text: String) -> Double {
        guard !text.isEmpty else { return 0 }
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let total = Double(text.count)
        return counts.values.reduce(0) { sum, count in
            let probability = Double(count) / total
            return sum - probability * log2(probability)
        }
    }

    private static func log2(_ value: Double) -> Double { Foundation.log2(value) }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func range(_ text: String, utf8Offset: Int, length: Int) -> Range<String.Index> {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset)
        let end = text.utf8.index(start, offsetBy: length)
        return start..<end
    }
}
