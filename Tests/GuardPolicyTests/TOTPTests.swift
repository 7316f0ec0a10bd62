import Foundation
import GuardPolicy
import Testing

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    /// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; 8-digit codes.
    static let vectors: [(Double, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]

    @Test("the RFC 6238 test vectors")
    func vectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        for (time, code) in Self.vectors {
            #expect(totp.code(at: Date(timeIntervalSince1970: time)) == code, "T=\(time)")
        }
    }

    @Test("base32 secrets as authenticator apps show them; a wrong or stale code fails, drift of one step passes")
    func verify() throws {
        // "12345678901234567890" in base32, lower case with spaces, as apps display it.
        let totp = try TOTP(base32: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        #expect(totp.code(at: now) == "050471")
        #expect(totp.verify("050471", at: now) != nil)
        #expect(totp.verify("050471", at: now.addingTimeInterval(30)) != nil)
        #expect(totp.verify("050471", at: now.addingTimeInterval(90)) == nil)
        #expect(totp.verify("050472", at: now) == nil)
        #expect(totp.verify("", at: now) == nil)
        #expect(throws: TOTP.Failure.self) { try TOTP(base32: "not base32 at all!") }
        #expect(throws: TOTP.Failure.self) { try TOTP(base32: "GEZDG") }
    }

    @Test("a policy's totp needs action: ask and a path")
    func policy() throws {
        let rules = try Policy(yaml: "version: 1\nservers:\n  wallet: { tools: { send: { action: ask, totp: ~/.config/mcpguard/totp } } }", path: "p.yaml").rules(for: "wallet")
        #expect(rules.tools["send"]?.totp == "~/.config/mcpguard/totp")
        #expect(throws: Policy.Failure.self) { try Policy(yaml: "version: 1\nservers:\n  w: { tools: { send: { action: allow, totp: f } } }", path: "p.yaml") }
        #expect(throws: Policy.Failure.self) { try Policy(yaml: "version: 1\nservers:\n  w: { tools: { send: { action: ask, totp: 12 } } }", path: "p.yaml") }
    }
}
