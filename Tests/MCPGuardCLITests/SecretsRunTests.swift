import Crypto
import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

/// `${secret:NAME}` through `mcpguard run`: the server gets the value; mcpguard's own environment and
/// argv, its stderr and its audit log never hold it.
@Suite("mcpguard run with ${secret:NAME}", .serialized)
struct SecretsRunTests {
    static let value = SecretsCLITests.value

    static func fingerprint(_ text: String) -> String {
        "length \(text.utf8.count) sha256 \(SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(12))"
    }

    /// guard_client.py driving `mcpguard run`, keeping the client's stderr (where the SDK forwards ours).
    static func drive(_ spec: JSONValue) throws -> (result: JSONValue, stderr: String) {
        guard case .object(var object) = spec else { return (.null, "") }
        object["mcpguard"] = .string(CLIRunner.binary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LiveScanCLITests.python)
        process.arguments = [LiveScanCLITests.repository.appendingPathComponent("Tests/Fixtures/clients/guard_client.py").path, JSONValue.object(object).jsonString]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderr = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let text = String(decoding: stderr, as: UTF8.self)
        guard !data.isEmpty else { throw GuardClient.ClientFailure(stderr: text) }
        return (try JSONParser.parse([UInt8](data)), text)
    }

    static func object(_ environment: [String: String]) -> JSONValue {
        .object(environment.reduce(into: JSONObject()) { $0[$1.key] = .string($1.value) })
    }

    static var server: [String] { [LiveScanCLITests.python, LiveScanCLITests.fixture("secret_env_server.py")] }

    @Test("host-config env and policy values resolve into the server's environment only")
    func endToEnd() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["secrets", "set", "github"], input: Self.value).status == 0)
        #expect(try sandbox.run(["secrets", "set", "escaped"], input: "${secret:github}").status == 0)
        let policy = try GuardClient.policy("""
            version: 1
            servers:
              "*":
                environment: { FROM_POLICY: "Bearer ${secret:github}", NESTED: "${secret:escaped}", LITERAL: "$${secret:github}" }
            """, in: sandbox.root)
        let audit = sandbox.root.appendingPathComponent("audit.jsonl").path
        var environment = sandbox.environment
        environment["GITHUB_TOKEN"] = "${secret:github}"
        environment["UNPASSED"] = "${secret:github}"
        let steps: JSONValue = .array(["GITHUB_TOKEN", "FROM_POLICY", "NESTED", "LITERAL", "UNPASSED", "MCPGUARD_SECRETS_PASSPHRASE"].map { ["call": "probe", "arguments": ["name": .string($0)]] })
        let (result, stderr) = try Self.drive([
            "run": ["--name", "gh", "--policy", .string(policy), "--audit", .string(audit), "--pass-env", "GITHUB_TOKEN", "--pass-env", "MCPGUARD_SECRETS_PASSPHRASE", "--secrets-backend", "file"],
            "server": .array(Self.server.map(JSONValue.string)), "env": Self.object(environment), "steps": steps,
        ])
        let texts = GuardClient.steps(result).map { $0["text"]?.stringValue ?? "\($0)" }
        #expect(texts.count == 6)
        // The server's ancestors (keeper, mcpguard, the client) hold none of the values in argv or environment.
        #expect(texts[0].hasPrefix(Self.fingerprint(Self.value) + " ancestors ") && texts[0].hasSuffix(" holding none"), "\(texts[0])")
        #expect(texts[1].hasPrefix(Self.fingerprint("Bearer " + Self.value)) && texts[1].hasSuffix(" holding none"), "\(texts[1])")
        #expect(texts[2].hasPrefix(Self.fingerprint("${secret:github}")), "a stored value is not resolved again: \(texts[2])")
        #expect(texts[3].hasPrefix(Self.fingerprint("${secret:github}")), "$${secret: is a literal: \(texts[3])")
        #expect(texts[4] == "unset", "a variable neither the policy nor --pass-env names never reaches the server")
        #expect(texts[5] == "unset", "the store's passphrase never reaches a server, even when --pass-env names it")
        #expect(!texts[0].contains("ancestors 0 "), "the ancestors were really inspected: \(texts[0])")
        let log = try String(contentsOfFile: audit, encoding: .utf8)
        for text in [stderr, log] + texts { #expect(!text.contains(Self.value) && !text.contains(String(Self.value.dropFirst(4).prefix(12)))) }
        #expect(log.contains("\"tools/call\""))
    }

    @Test("an unknown reference refuses to start and names the reference; a wrong passphrase is the store's error")
    func unknownReference() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["secrets", "set", "github"], input: Self.value).status == 0)
        let marker = "secrets-unknown-\(UUID().uuidString.prefix(8))"
        let run = ["run", "--pass-env", "GITHUB_TOKEN", "--pass-env", "MCPGUARD_TEST_MARKER", "--"] + Self.server
        let unknown = try sandbox.run(run, extra: ["GITHUB_TOKEN": "${secret:nope}", "MCPGUARD_TEST_MARKER": marker])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "mcpguard: error: GITHUB_TOKEN refers to unknown secret 'nope' (looked up in encrypted file \(sandbox.defaultStore)); add it with mcpguard secrets set nope\n")
        #expect(ProcessTable.matching(marker).isEmpty)
        let malformed = try sandbox.run(run, extra: ["GITHUB_TOKEN": "${secret:\(Self.value)"])
        #expect(malformed.status == 2 && malformed.stderr.contains("the value of GITHUB_TOKEN: malformed secret reference at character 1"))
        let wrong = try sandbox.run(run, extra: ["GITHUB_TOKEN": "${secret:github}", "MCPGUARD_SECRETS_PASSPHRASE": "wrong"])
        #expect(wrong.stderr == "mcpguard: error: wrong passphrase or key for \(sandbox.defaultStore)\n")
        let policy = try GuardClient.policy("version: 1\nservers:\n  \"*\":\n    environment: { TOKEN: \"${secret:missing.one}\" }\n", in: sandbox.root)
        let fromPolicy = try sandbox.run(["run", "--policy", policy, "--"] + Self.server)
        #expect(fromPolicy.stderr.hasPrefix("mcpguard: error: TOKEN refers to unknown secret 'missing.one'"), "\(fromPolicy.stderr)")
        for result in [unknown, malformed, wrong, fromPolicy] { sandbox.expectClean(result, of: Self.value) }
    }

    @Test("a reference in the server's command line is refused (every local user can read it)")
    func referenceInArguments() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        #expect(try sandbox.run(["secrets", "set", "github"], input: Self.value).status == 0)
        let result = try sandbox.run(["run", "--"] + Self.server + ["--token=${secret:github}"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("mcpguard: error: word 3 of the server command holds ${secret:github}: a command line is visible to every local user"), "\(result.stderr)")
        sandbox.expectClean(result, of: Self.value)
        // Without any reference, no store is opened and no passphrase is needed.
        let plain = try SecretsSandbox(passphrase: nil)
        defer { plain.remove() }
        let help = try plain.run(["run", "--"] + Self.server, input: "")
        #expect(!help.stderr.contains("passphrase"), "\(help.stderr)")
    }

    @Test("totp: secret:NAME reads the authenticator secret from the store")
    func totpFromStore() throws {
        let sandbox = try SecretsSandbox()
        defer { sandbox.remove() }
        let policy = try GuardClient.policy("version: 1\nservers:\n  \"*\":\n    tools:\n      probe: { action: ask, totp: \"secret:otp\" }\n", in: sandbox.root)
        let missing = try sandbox.run(["run", "--policy", policy, "--"] + Self.server)
        #expect(missing.stderr == "mcpguard: error: the authenticator secret for probe names unknown secret 'otp' (looked up in the encrypted file \(sandbox.defaultStore))\n")
        #expect(try sandbox.run(["secrets", "set", "otp"], input: "not base32!").status == 0)
        let bad = try sandbox.run(["run", "--policy", policy, "--"] + Self.server)
        #expect(bad.stderr.hasPrefix("mcpguard: error: secret otp (totp of probe): not a base32"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("not base32!"))
        #expect(try sandbox.run(["secrets", "set", "otp"], input: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").status == 0)
        let (result, _) = try Self.drive([
            "run": ["--policy", .string(policy)], "server": .array(Self.server.map(JSONValue.string)),
            "env": Self.object(sandbox.environment), "steps": [["call": "probe", "arguments": ["name": "HOME"]]],
        ])
        #expect(result["tools"] == ["probe"])
        #expect(GuardClient.steps(result).first?["error"]?.stringValue?.contains("policy.") == true, "the ask is refused without an elicitation-capable client")
    }
}
