import GuardCore
import Testing

@testable import GuardDetect

@Suite("Secret scanner")
struct SecretScannerTests {
    // Fake credentials in the real formats; assembled so the source holds no scannable literal.
    static let github = "ghp_" + "Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"
    static let positives: [(String, SecretMatch.Kind)] = [
        ("token: \(github)", .githubToken),
        ("AWS_ACCESS_KEY_ID=AKIA" + "Z7QX4R2M9P3K6T8W", .awsAccessKey),
        ("key sk-ant-api03-" + String(repeating: "aB3dE5gH7jK9mN1pQ", count: 5), .anthropicKey),
        ("OPENAI_API_KEY=sk-proj-" + "h4T9xQ2mV7rL1kP8sD3fG6jB0nC5wZ9y", .openAIKey),
        ("slack xoxb-" + "2846392014-7395028461-Qm7vT2xLk9RpW4sZ", .slackToken),
        ("stripe sk_live_" + "51H8xQ2mV7rL1kP8sD3fG6jB0", .stripeKey),
        ("maps AIza" + "SyD4x9Q2mV7rL1kP8sD3fG6jB0nC5wZ9y-7", .googleAPIKey),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", .jwt),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACB8\n-----END OPENSSH PRIVATE KEY-----", .privateKeyPEM),
        ("wallet private key: 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", .hexPrivateKey),
        // Public test vectors: the Bitcoin wiki's WIF example and BIP-32 test vector 1's master key.
        ("import 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", .wifPrivateKey),
        ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", .extendedPrivateKey),
        ("seed: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", .mnemonic),
        ("legal winner thank year wave sausage worth useful legal winner thank yellow", .mnemonic),
    ]

    @Test("finds each credential and key format", arguments: positives)
    func positive(text: String, kind: SecretMatch.Kind) throws {
        let matches = SecretScanner.scan(text)
        #expect(matches.map(\.kind) == [kind], "in \(text)")
        let match = try #require(matches.first)
        #expect(!match.redacted.contains(String(match.value.dropFirst(8).prefix(8))) || match.kind == .mnemonic)
    }

    static let negatives = [
        "export GITHUB_TOKEN=${GITHUB_TOKEN}",
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Set OPENAI_API_KEY to sk-your-key-here-replace-me-with-a-real-key",
        "AKIAIOSFODNN7EXAMPLE is the documentation key",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and digest sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "tasks like task-manager-abcdefghijklmnopqrstuvwxyz0123456789 are fine",
        "-----BEGIN PRIVATE KEY----- paste your key here -----END PRIVATE KEY-----",
        "abandon ability able about above absent absorb abstract absurd abuse access accident",
        "Use the token from the environment; never hard-code it.",
    ]

    @Test("skips placeholders, hashes and ordinary words", arguments: negatives)
    func negative(text: String) {
        #expect(SecretScanner.scan(text).isEmpty, "false positive in \(text): \(SecretScanner.scan(text).map(\.kind))")
    }

    @Test("BIP-39 checksum: valid phrases pass, one changed word fails")
    func mnemonicChecksum() {
        let valid = "legal winner thank year wave sausage worth useful legal winner thank yellow".split(separator: " ").map(String.init)
        #expect(BIP39Wordlist.isValidMnemonic(valid))
        var changed = valid
        changed[11] = "zoo"
        #expect(!BIP39Wordlist.isValidMnemonic(changed))
        #expect(BIP39Wordlist.words.count == 2048)
    }

    @Test("secrets in definitions are reported redacted; crypto material is critical")
    func detector() throws {
        let findings = Probe.findings(SecretExposureDetector(), servers: [Probe.server("s", tools: [
            Probe.tool("t", "Uses \(Self.github) to call the API."),
            Probe.tool("w", "Signs with seed legal winner thank year wave sausage worth useful legal winner thank yellow"),
        ])])
        #expect(findings.count == 2)
        let crypto = try #require(findings.first)
        #expect(crypto.severity == .critical)
        #expect(crypto.evidence?.contains("[12-word mnemonic redacted]") == true)
        let token = try #require(findings.last)
        #expect(token.evidence?.contains("ghp_…5RtA") == true)
        #expect(token.evidence?.contains(Self.github) == false)
    }
}
