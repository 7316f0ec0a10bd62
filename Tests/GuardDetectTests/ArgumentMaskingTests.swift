import Testing

@testable import GuardDetect

@Suite("Argument masking for command summaries")
struct ArgumentMaskingTests {
    static let token = "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"

    @Test("known key formats, values under sensitive names and URL credentials are masked; the rest is kept")
    func masks() {
        let arguments = [
            "npx", "-y", "@modelcontextprotocol/server-github@2025.4.8", Self.token, "--token=\(Self.token)",
            "--password", "hunter2", "--api-key=short", "GITHUB_TOKEN=abc123xyz", "https://bob:pa55word@db.example.com/x",
            "https://api.example.com/v1?access_token=abcdef", "--repository", "/home/u/src/shop", "--port=8080",
        ]
        #expect(ArgumentMasking.mask(arguments) == [
            "npx", "-y", "@modelcontextprotocol/server-github@2025.4.8", "[redacted]", "--token=[redacted]",
            "--password", "[redacted]", "--api-key=[redacted]", "GITHUB_TOKEN=[redacted]", "[redacted]",
            "[redacted]", "--repository", "/home/u/src/shop", "--port=8080",
        ])
    }

    @Test("a known secret value is masked wherever it appears, even in a word that looks harmless")
    func knownSecrets() {
        let secret = "plain-looking-value-42"
        let masked = ArgumentMasking.mask(["--header", "X-Key:\(secret)", "--flag=\(secret)", "\(secret)=x", "1"], secrets: [secret, "1"])
        #expect(masked == ["--header", "[redacted]", "--flag=[redacted]", "[redacted]", "1"], "a name part holding the secret is not kept; short secrets are ignored")
    }

    @Test("the secret values of an environment: secret-named and secret-looking, not paths or switches")
    func environmentSecrets() {
        let environment = ["SHOP_API_TOKEN": "s3cr3t-Value-9f8e7d6c", "PWD": "/work/project", "OLDPWD": "/home/u", "AUTH_MODE": "oauth",
                           "PATH": "/usr/bin:/bin", "GITHUB_PAT": Self.token, "HOME": "/home/u"]
        #expect(Set(ArgumentMasking.secretValues(in: environment)) == ["s3cr3t-Value-9f8e7d6c", Self.token])
    }
}
