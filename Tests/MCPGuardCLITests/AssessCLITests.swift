import Foundation
import GuardCore
import Testing

/// `mcpguard assess` end to end: the demo, one real server launched directly and the same server hardened
/// (behind mcpguard run with a policy, a lockfile, the sandbox and an audit log), attestations, exit codes.
@Suite("mcpguard assess", .serialized)
struct AssessCLITests {
    let directory: URL

    init() throws {
        directory = try CLIRunner.temporaryDirectory()
    }

    static let policy = """
        version: 1
        servers:
          "*":
            timeout: 30s
            rate: 60/min
            tools:
              add:
                action: ask
            resources:
              "file:///etc/**": deny
            prompts:
              "*": allow
        """

    /// A host config running basic_server.py, directly or behind `mcpguard run` with every hardening option.
    func config(hardened: Bool) throws -> String {
        let server = [LiveScanCLITests.python, LiveScanCLITests.fixture("basic_server.py")]
        var command = server[0]
        var args = Array(server.dropFirst())
        if hardened {
            let policy = directory.appendingPathComponent("policy.yaml")
            try Self.policy.write(to: policy, atomically: true, encoding: .utf8)
            command = CLIRunner.binary.path
            args = ["run", "--name", "basic", "--policy", policy.path, "--lock", lock, "--sandbox", "--audit", directory.appendingPathComponent("audit.log").path, "--"] + server
        }
        let path = directory.appendingPathComponent(hardened ? "hardened.json" : "plain.json")
        let value: JSONValue = ["mcpServers": ["basic": ["command": .string(command), "args": .array(args.map(JSONValue.string))]]]
        try JSONWriter().string(value).write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    var lock: String { directory.appendingPathComponent("mcpguard.lock").path }

    func assess(_ arguments: [String]) throws -> (status: Int32, value: JSONValue, stderr: String) {
        let result = try CLIRunner.run(["assess", "--format", "json", "--today", "2026-12-02"] + arguments, workingDirectory: directory)
        return (result.status, (try? JSONParser.parse(result.stdout)) ?? .null, result.stderr)
    }

    static func status(_ value: JSONValue, _ id: String) -> String? {
        value["items"]?.arrayValue?.first { $0["id"]?.stringValue == id }?["status"]?.stringValue
    }

    static func score(_ value: JSONValue) -> Double { value["scores"]?["overall"]?["percent"]?.numberValue.flatMap { Double($0.literal) } ?? -1 }

    @Test("the demo: every item has a status, the demo's findings fail the items they cite, JSON as documented")
    func demo() throws {
        let (status, value, _) = try assess(["--demo"])
        #expect(status == 0)
        #expect(value.objectValue?.keys == ["tool", "version", "checklist", "subject", "date", "scan", "scores", "items"])
        let items = value["items"]?.arrayValue ?? []
        #expect(items.count == 129)
        for item in items {
            #expect(item.objectValue?.keys == ["id", "part", "section", "title", "priority", "status", "reason", "coverage", "uncovered", "parts", "findings", "attestation"])
        }
        #expect(Self.status(value, "CLI-STORE-01") == "failed")  // the demo config holds a token in clear
        #expect(Self.status(value, "CLI-PROMPT-03") == "not-assessed")  // attest only, not attested
        #expect(Self.status(value, "SRV-PERSIST-02") == "not-assessed")  // nothing runs behind mcpguard run
        let parts = value["scores"]?["parts"]?.objectValue?.keys ?? []
        #expect(parts == ["SRV", "CLI", "LLM", "MULTI", "CRYPTO"])
    }

    @Test("hardening a real server (policy, lockfile, sandbox, audit) moves the score, with the policy lines as evidence")
    func hardeningMovesTheScore() throws {
        let plain = try config(hardened: false)
        let before = try assess(["--config", plain, "--no-discover", "--yes"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(Self.status(before.value, "CLI-AICTL-01") == "failed")  // unguarded-server
        #expect(Self.status(before.value, "SRV-PERSIST-02") == "not-assessed")
        #expect(Self.status(before.value, "CLI-MGMT-01") == "not-assessed")  // no lockfile

        let hardened = try config(hardened: true)
        let pin = try CLIRunner.run(["pin", "--config", hardened, "--no-discover", "--lock", lock, "--yes"], workingDirectory: directory)
        #expect(pin.status == 0, "\(pin.stderr)")
        let after = try assess(["--config", hardened, "--no-discover", "--yes", "--lock", lock])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(Self.score(after.value) > Self.score(before.value) + 15, "score \(Self.score(before.value)) → \(Self.score(after.value))")
        #expect(Self.status(after.value, "SRV-PERSIST-02") == "enforced")
        #expect(Self.status(after.value, "CLI-MGMT-01") == "enforced")
        #expect(Self.status(after.value, "SRV-DEPLOY-05") == "enforced")
        #expect(Self.status(after.value, "CLI-AICTL-01") == "enforced")
        let limits = after.value["items"]?.arrayValue?.first { $0["id"] == "SRV-DEPLOY-05" }
        let evidence = (limits?["parts"]?.arrayValue ?? []).flatMap { $0["evidence"]?.arrayValue ?? [] }.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        #expect(evidence.contains("policy.yaml:4, timeout"))
        #expect(evidence.contains("--sandbox"))
        for line in [before.stderr, after.stderr] { #expect(!line.contains("error")) }
    }

    @Test("attestations: a template for every attest item, answers counted, bad files refused naming the member")
    func attestations() throws {
        let template = try CLIRunner.run(["assess", "--init", "--today", "2026-12-02"])
        #expect(template.status == 0)
        #expect(template.stdout.contains("# CLI-PROMPT-03:"))
        #expect(!template.stdout.contains("# CLI-STORE-01:"))  // automated checks decide that one
        let path = directory.appendingPathComponent("mcpguard-attestations.yaml")
        try (template.stdout + """

              CLI-PROMPT-03:
                status: met
                by: ops@example.com
                date: 2026-11-20
                expires: 2027-05-20
                evidence: "system prompt is fixed by the host; user input never reaches it"
            """).write(to: path, atomically: true, encoding: .utf8)
        // The file in the working directory is read without naming it.
        let (status, value, stderr) = try assess(["--demo"])
        #expect(status == 0, "\(stderr)")
        #expect(Self.status(value, "CLI-PROMPT-03") == "attested")
        let expired = try assess(["--demo", "--today", "2027-06-01"])
        #expect(Self.status(expired.value, "CLI-PROMPT-03") == "attestation-expired")

        let again = try CLIRunner.run(["assess", "--init", "--output", path.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("not overwriting"))

        let bad = directory.appendingPathComponent("bad.yaml")
        try "version: 1\nitems:\n  CLI-NOPE-01:\n    status: met\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try assess(["--demo", "--attestations", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("items.CLI-NOPE-01: not a checklist item id"))
        try "version: 1\nitems:\n  CLI-PROMPT-03:\n    status: done\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try assess(["--demo", "--attestations", bad.path]).stderr.contains("items.CLI-PROMPT-03.status must be met, not-met or not-applicable"))
    }

    @Test("--fail-under and --require high for CI; saved findings assess like the live scan")
    func gatesAndSavedFindings() throws {
        let low = try CLIRunner.run(["assess", "--demo", "--fail-under", "0"])
        #expect(low.status == 0)
        let high = try CLIRunner.run(["assess", "--demo", "--fail-under", "90"])
        #expect(high.status == 1)
        #expect(high.stderr.contains("is under --fail-under 90"))
        let required = try CLIRunner.run(["assess", "--demo", "--require", "high"])
        #expect(required.status == 1)
        #expect(required.stderr.contains("of high priority or higher not met"))

        let findings = directory.appendingPathComponent("scan.json")
        let scan = try CLIRunner.run(["scan", "--demo", "--format", "json", "--output", findings.path])
        #expect(scan.status == 1)
        let saved = try assess(["--findings", findings.path, "--no-discover"])
        let live = try assess(["--demo"])
        for id in ["CLI-STORE-01", "CLI-PROMPT-07", "SRV-SUPPLY-01", "MULTI-02"] {
            #expect(Self.status(saved.value, id) == Self.status(live.value, id), "\(id)")
        }
        try "{\"tool\": \"mcpguard\", \"findings\": [{\"rule\": 3}]}".write(to: findings, atomically: true, encoding: .utf8)
        let broken = try assess(["--findings", findings.path, "--no-discover"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("findings[0]"))
    }

    @Test("html: one self-contained page, every item expandable, untrusted text escaped; markdown and text render")
    func html() throws {
        let page = try CLIRunner.run(["assess", "--demo", "--format", "html"])
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(page.stdout.components(separatedBy: "<details class=\"item\"").count - 1 == 129)
        #expect(!page.stdout.contains("<script src") && !page.stdout.contains("<link "))
        #expect(!page.stdout.contains("<IMPORTANT>"))
        let markdown = try CLIRunner.run(["assess", "--demo", "--format", "markdown"])
        #expect(markdown.stdout.contains("| `CLI-STORE-01` | high | Credential Secure Storage | failed |"))
        let text = try CLIRunner.run(["assess", "--demo", "--verbose"])
        #expect(text.stdout.contains("Score "))
        #expect(text.stdout.contains("config-secret: failed"))
        #expect(!text.stdout.contains("ghp_"))  // the demo's token stays redacted
    }
}
