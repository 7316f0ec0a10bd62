import Testing

@testable import GuardScan

@Suite("Reading mcpguard run wrappers back from host configs")
struct GuardInvocationTests {
    @Test("options before -- in both spellings; the server's own flags after -- are not read")
    func options() {
        let invocation = GuardInvocation(arguments: [
            "run", "--name", "git", "--policy=/p.yaml", "--audit", "/a.log", "--audit-key-file", "/k", "--lock", "/l.lock",
            "--sandbox=best-effort", "--", "uvx", "mcp-server-git", "--policy", "/server-flag",
        ])
        #expect(invocation == GuardInvocation(policyPath: "/p.yaml", auditPath: "/a.log", auditKeyFile: "/k", lockPath: "/l.lock", name: "git", sandbox: .bestEffort))
        #expect(GuardInvocation(arguments: ["run", "--sandbox", "--", "x"])?.sandbox == .strict)
    }

    @Test("not a wrapper: another subcommand, or no server after --")
    func notWrappers() {
        #expect(GuardInvocation(arguments: ["scan", "--", "x"]) == nil)
        #expect(GuardInvocation(arguments: ["run", "--policy", "/p.yaml"]) == nil)
        #expect(GuardInvocation(arguments: ["run", "--"]) == nil)
    }
}
