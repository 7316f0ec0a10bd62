import Foundation
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
