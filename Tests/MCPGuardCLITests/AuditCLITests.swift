import Foundation
import GuardPolicy
import Testing

@Suite("mcpguard audit")
struct AuditCLITests {
    @Test("verify reports an intact chain, then the first edited record; show filters")
    func verifyAndShow() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path)
        for (index, decision) in [AuditRecord.Decision.allowed, .denied, .allowed, .redacted].enumerated() {
            try log.append(AuditRecord(sequence: 0, time: "2026-11-26T07:0\(index):00Z", server: "git", method: "tools/call", tool: "git_\(index)",
                                       decision: decision, rule: decision == .denied ? "policy.deny" : nil, checklist: ["CLI-LOG-01"], previous: ""))
        }
        let intact = try CLIRunner.run(["audit", "verify", path])
        #expect(intact.status == 0)
        #expect(intact.stdout == "\(path): chain intact, 4 records in 1 file\n")
        let denied = try CLIRunner.run(["audit", "show", path, "--decision", "denied"])
        #expect(denied.stdout == "1\t2026-11-26T07:01:00Z\tgit\ttools/call git_1\tdenied\tpolicy.deny\n")

        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "git_2", with: "git_9")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try CLIRunner.run(["audit", "verify", path])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("\(path):3: record 2 was edited"))
        #expect(try CLIRunner.run(["audit", "verify", directory.appendingPathComponent("none.jsonl").path]).status == 2)
    }
}
