import Foundation
import GuardCore
import Testing

/// Issue 11's reproductions against the built binary: the official SDK client drives `mcpguard run` in front
/// of a hostile server (Tests/Fixtures/servers/hostile_server.py). Each failed before the fix.
@Suite("mcpguard run against a hostile server")
struct AdversaryCLITests {
    static let token = "ghp_Q7vK2mXr9TzL4wPc8NdH3sYb6FjE1gUa5RtA"
    static var hostile: [JSONValue] { [.string(LiveScanCLITests.python), .string(LiveScanCLITests.fixture("hostile_server.py"))] }

    @Test("poisoned instructions are withheld, a secret in an error is redacted, a secret in arguments never reaches the server")
    func serverSideAndOutbound() throws {
        let result = try GuardClient.drive([
            "run": ["--name", "hostile"], "server": .array(Self.hostile),
            "steps": [["call": "echo", "arguments": ["text": .string("deploy with \(Self.token)")]], ["call": "echo", "arguments": ["text": "hello"]], ["call": "fail"]],
        ])
        #expect(result["instructions"] == .null)
        let steps = GuardClient.steps(result)
        #expect(steps[0]["error"]?.stringValue?.contains("argument 'text' holds a github-token") == true, "\(steps[0])")
        #expect(steps[1]["text"] == "received {\"text\": \"hello\"}")
        let failure = steps[2]["error"]?.stringValue ?? steps[2]["text"]?.stringValue ?? ""
        #expect(failure.contains("upstream rejected credentials [REDACTED:github-token]"), "\(failure)")
        #expect(!result.jsonString.contains(Self.token))
    }

    @Test("default deny covers resources/read: /etc/shadow is refused, an allowed URI is read")
    func resources() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try GuardClient.policy("""
            version: 1
            servers:
              "*":
                default: deny
                tools: { echo: allow }
                resources: { "file:///etc/hostname": allow }
            """, in: directory)
        let result = try GuardClient.drive([
            "run": ["--name", "hostile", "--policy", .string(policy)], "server": .array(Self.hostile),
            "steps": [["read": "file:///etc/shadow"], ["read": "file:///etc/../etc/shadow"], ["read": "file:///etc/hostname"]],
        ])
        let steps = GuardClient.steps(result)
        #expect(steps[0]["error"]?.stringValue?.contains("(rule policy.resources)") == true, "\(steps[0])")
        #expect(steps[1]["error"]?.stringValue?.contains("(rule policy.resources)") == true)
        #expect(steps[2]["text"] == "contents of file:///etc/hostname")
        #expect(result["tools"] == ["echo"])
    }

    @Test("a policy with named sections refuses to start without --name, and names the sections")
    func namedSectionsNeedName() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try GuardClient.policy("version: 1\nservers:\n  \"*\": { default: allow }\n  mail: { tools: { send_email: deny } }\n", in: directory)
        let run = try CLIRunner.run(["run", "--policy", policy, "--", LiveScanCLITests.python, LiveScanCLITests.fixture("hostile_server.py")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("has sections for mail, but no --name says which server this is (the command is python"), "\(run.stderr)")
    }
}
