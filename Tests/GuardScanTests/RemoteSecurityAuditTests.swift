import GuardCore
import Testing

@testable import GuardScan
import MCPClient

@Suite("Remote security findings")
struct RemoteSecurityAuditTests {
    @Test("plain HTTP to another host is a finding for --url servers; a config's URL is left to the config audit")
    func plainHTTP() {
        let flagged = RemoteSecurityAudit.findings(ServerSpec(name: "api", transport: .http, url: "http://10.1.2.3/mcp"), [.plainHTTP])
        #expect(flagged.map(\.rule) == ["insecure-transport"])
        #expect(flagged.first?.checklist.isEmpty == false)
        let configured = ServerSpec(name: "api", source: .init(host: "cursor", path: "/home/u/.cursor/mcp.json", line: 3), transport: .http, url: "http://10.1.2.3/mcp")
        #expect(RemoteSecurityAudit.findings(configured, [.plainHTTP]).isEmpty)
        #expect(RemoteSecurityAudit.findings(configured, [.authenticationNotRequired]).map(\.rule) == ["auth-missing"])
    }
}
