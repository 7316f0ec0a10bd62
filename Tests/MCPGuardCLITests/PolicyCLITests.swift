import Foundation
import GuardCore
import GuardPolicy
import Testing

@Suite("mcpguard policy init and check")
struct PolicyCLITests {
    @Test("init writes a policy from an inventory that check accepts; risky tools start as ask")
    func initAndCheck() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("inventory.json").path
        try #"{"version":1,"servers":[{"name":"notes","command":"notes-mcp","tools":[{"name":"add","description":"Add a note."},{"name":"delete_note","description":"Delete a note.","inputSchema":{"type":"object","properties":{"path":{"type":"string"}}}}]}]}"#
            .write(toFile: snapshot, atomically: true, encoding: .utf8)
        let policy = directory.appendingPathComponent("policy.yaml").path
        let written = try CLIRunner.run(["policy", "init", "--snapshot", snapshot, "--output", policy])
        #expect(written.status == 0)
        let text = try String(contentsOfFile: policy, encoding: .utf8)
        #expect(text.contains("add: allow"))
        #expect(text.contains("delete_note: ask    # destructive"))
        let check = try CLIRunner.run(["policy", "check", policy])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("server * (every server): default allow, withhold tools with high+ findings"))
        #expect(try CLIRunner.run(["policy", "init", "--snapshot", snapshot, "--output", policy]).status == 2, "never overwrites")

        let broken = directory.appendingPathComponent("broken.yaml").path
        try "version: 1\nservers:\n  x:\n    tools:\n      t: maybe\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["policy", "check", broken])
        #expect(refused.status == 2)
        #expect(refused.stderr == "mcpguard: error: \(broken): servers.x.tools.t must be allow, deny or ask\n")
    }
}

@Suite("The policy's JSON Schema")
struct PolicySchemaTests {
    static let full = """
        version: 1
        servers:
          "*":
            default: allow
            timeout: 60s
            ask_timeout: 2m
            rate: 100/min
            budget: 500
            environment: [GITHUB_TOKEN, NO_PROXY]
            listing: { withhold: medium, poisoned: sanitize }
            outputs: { max_size: 256KB, redact: [secrets, crypto, email, phone, card, iban], injection: redact }
            tools:
              delete_all: deny
              transfer: { action: ask, rate: 3/hour, budget: 5, timeout: 500ms }
              read_file: { action: allow, arguments: { path: { prefix: [/home/me/projects] }, mode: { enum: [text, binary] }, name: { pattern: "^[a-z]+$" } } }
          git:
            default: ask
            outputs: { injection: off }
            sandbox:
              filesystem: { read: ["~/projects", "${workspace}/docs"], write: [/tmp/out] }
              network: ["api.github.com:443", "*.example.com:*", "127.0.0.1:5432"]
              limits: { cpu: 60s, memory: 1GB, files: 256, processes: 64 }
          fetch:
            sandbox: { network: none }
        """

    @Test("docs/policy.schema.json is the schema compiled in (run scripts/generate-policy-schema.py after editing it)")
    func shipped() throws {
        let docs = LiveScanCLITests.repository.appendingPathComponent("docs/policy.schema.json")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let printed = try CLIRunner.run(["policy", "schema"])
        #expect(printed.stdout == text.trimmingCharacters(in: .newlines) + "\n")
        #expect(try JSONParser.parse(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test("the reader and the schema accept the same full policy and the starter policy")
    func accepts() throws {
        #expect(PolicySchema.problems(yaml: Self.full).isEmpty, "\(PolicySchema.problems(yaml: Self.full))")
        let parsed = try Policy(yaml: Self.full, path: "full.yaml")
        #expect(parsed.rules(for: "git").outputs.injection == .off, "a bare off is YAML's false")
        #expect(parsed.rules(for: "other").tools["transfer"]?.timeout == 0.5)
        let sandbox = try #require(parsed.rules(for: "git").sandbox)
        #expect(sandbox.read == ["~/projects", "${workspace}/docs"] && sandbox.write == ["/tmp/out"])
        #expect(sandbox.network == .allow(["api.github.com:443", "*.example.com:*", "127.0.0.1:5432"]))
        #expect(sandbox.limits == SandboxRules.Limits(cpuSeconds: 60, memoryBytes: 1 << 30, files: 256, processes: 64))
        #expect(parsed.rules(for: "fetch").sandbox?.network == SandboxRules.Network.none)
        #expect(parsed.rules(for: "other").sandbox == nil, "no section, no sandbox unless --sandbox")
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("inventory.json").path
        try #"{"version":1,"servers":[{"name":"notes","command":"notes-mcp","tools":[{"name":"add","description":"Add a note."}]}]}"#.write(toFile: snapshot, atomically: true, encoding: .utf8)
        let policy = directory.appendingPathComponent("policy.yaml").path
        _ = try CLIRunner.run(["policy", "init", "--snapshot", snapshot, "--output", policy])
        let starter = try String(contentsOfFile: policy, encoding: .utf8)
        #expect(PolicySchema.problems(yaml: starter).isEmpty, "\(PolicySchema.problems(yaml: starter))")
        let check = try CLIRunner.run(["policy", "check", policy])
        #expect(check.stdout.contains("outputs: cut at 1048576 bytes; redact crypto, secrets; injection label"))
    }

    @Test("the reader and the schema refuse the same mistakes", arguments: [
        "version: 2\nservers: {}",
        "version: 1\nservers:\n  x:\n    default: maybe",
        "version: 1\nservers:\n  x:\n    timeout: soon",
        "version: 1\nservers:\n  x:\n    outputs: { injection: shout }",
        "version: 1\nservers:\n  x:\n    outputs: { redact: [passwords] }",
        "version: 1\nservers:\n  x:\n    listing: { poisoned: hide }",
        "version: 1\nservers:\n  x:\n    tools: { t: { action: allow, timeout: -1 } }",
        "version: 1\nservers:\n  x:\n    tool: { t: deny }",
        "version: 1\nservers:\n  x:\n    rate: lots",
        "version: 1\nservers:\n  x:\n    sandbox: { network: everywhere }",
        "version: 1\nservers:\n  x:\n    sandbox: { network: [example.com] }",
        "version: 1\nservers:\n  x:\n    sandbox: { filesystem: { read: [relative/path] } }",
        "version: 1\nservers:\n  x:\n    sandbox: { filesystem: { exec: [/usr] } }",
        "version: 1\nservers:\n  x:\n    sandbox: { limits: { processes: 0 } }",
        "version: 1\nservers:\n  x:\n    sandbox: { limits: { memory: lots } }",
    ])
    func refuses(_ yaml: String) {
        #expect(!PolicySchema.problems(yaml: yaml).isEmpty, "schema accepted: \(yaml)")
        #expect(throws: Policy.Failure.self, "reader accepted: \(yaml)") { try Policy(yaml: yaml, path: "p.yaml") }
    }
}
