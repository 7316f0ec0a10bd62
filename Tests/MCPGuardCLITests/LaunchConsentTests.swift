import Foundation
import GuardScan
import Testing

@testable import MCPGuardCLI
import MCPClient

@Suite("Launch consent and shell words")
struct LaunchConsentTests {
    @Test("non-interactive runs launch everything; approved identities are remembered in the state dir")
    func remember() throws {
        let state = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let consent = LaunchConsent(environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": state.path], interactive: false)
        let specs = [ServerSpec(name: "a", command: "x", args: ["1"]), ServerSpec(name: "b", command: "y", env: ["K": "v"])]
        let (launch, declined) = consent.confirm(specs)
        #expect(launch.map(\.name) == ["a", "b"])
        #expect(declined.isEmpty)
        #expect(consent.known().isEmpty)
        consent.remember(specs.map(LiveScanner.identity))
        #expect(consent.known() == Set(specs.map { LiveScanner.identity($0).key }))
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("mcpguard/launched.json").path))
    }

    @Test("--server command lines split like a shell, quotes kept together")
    func shellWords() throws {
        #expect(try ShellWords.split(#"uvx "mcp server" --name='a b' c\ d"#) == ["uvx", "mcp server", "--name=a b", "c d"])
        #expect(try ShellWords.split("  npx   -y  pkg@1.0.0 ") == ["npx", "-y", "pkg@1.0.0"])
        #expect(throws: CLIError.self) { try ShellWords.split("uvx 'unterminated") }
    }
}
