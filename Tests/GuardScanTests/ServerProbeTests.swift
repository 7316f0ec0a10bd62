import Foundation
import GuardCore
import GuardDetect
import MCPGuardTestSupport
import Testing

@testable import GuardScan
import MCPClient

/// `mcpguard probe` against real servers: the official SDK's and mcp-server-time must come out clean, the
/// deliberately careless fixtures must produce exactly their findings, and no server may outlive a probe.
@Suite("Active probe against real servers", .serialized)
struct ServerProbeTests {
    static let python = TestRepository.python
    static func fixture(_ name: String) -> String { TestRepository.fixtureServer(name) }

    static func probe(callAllTools: Bool = false) -> ServerProbe {
        var options = ActiveProbe.Options()
        options.requestTimeout = .seconds(10)
        // Far more than a run takes alone (about 8 s): beside the whole suite on two cores, each server start
        // and answer can take many times longer, and a run out of budget skips checks this suite asserts on.
        options.budget = .seconds(400)
        options.callAllTools = callAllTools
        return ServerProbe(options: options)
    }

    static func spec(_ name: String, _ command: String, _ arguments: [String], marker: String) -> ServerSpec {
        ServerSpec(name: name, command: command, args: arguments, env: ["MCPGUARD_TEST_MARKER": marker])
    }

    static func outcomes(_ outcome: ServerProbe.Outcome) -> [String: [CheckRecord.Outcome]] {
        Dictionary(grouping: outcome.checks, by: \.rule).mapValues { $0.map(\.outcome) }
    }

    @Test("the SDK's MCPServer is clean: every family passes, the non-read-only tool is skipped with the reason")
    func healthyStdio() async throws {
        let marker = UUID().uuidString
        let outcome = await Self.probe().probe(Self.spec("basic", Self.python, [Self.fixture("basic_server.py")], marker: marker))
        #expect(outcome.server.status == .ok, "\(outcome.server.error ?? "")")
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map { "\($0.rule): \($0.message) \($0.evidence ?? "")" })")
        let records = Self.outcomes(outcome)
        for rule in ["probe-robustness", "probe-protocol-version", "probe-resource-boundary", "probe-error-leakage"] {
            #expect(records[rule] == [.passed], "\(rule): \(outcome.checks.filter { $0.rule == rule })")
        }
        #expect(records["probe-input-validation"] == [.passed, .skipped])
        let skipped = outcome.checks.first { $0.rule == "probe-input-validation" && $0.outcome == .skipped }
        #expect(skipped?.detail?.contains("get_time") == true && skipped?.detail?.contains("readOnlyHint") == true, "\(skipped?.detail ?? "")")
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("mcp-server-time is clean too")
    func publishedServer() async throws {
        let marker = UUID().uuidString
        let time = TestSupport.repositoryRoot.appendingPathComponent(".venv/bin/mcp-server-time").path
        let outcome = await Self.probe().probe(Self.spec("time", time, [], marker: marker))
        #expect(outcome.server.status == .ok, "\(outcome.server.error ?? "")")
        #expect(outcome.findings.isEmpty, "\(outcome.findings.map { "\($0.rule): \($0.message) \($0.evidence ?? "")" })")
        #expect(Self.outcomes(outcome)["probe-resource-boundary"] == [.passed])
        #expect(Self.outcomes(outcome)["probe-robustness"] == [.passed])
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("a careless server: a crash, echoed versions, accepted violations, /etc/passwd, leaks — and its destructive tool is never called")
    func brokenStdio() async throws {
        let marker = UUID().uuidString
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-probe-\(marker)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let wiped = directory.appendingPathComponent("wiped").path
        let outcome = await Self.probe().probe(Self.spec("broken", Self.python, [Self.fixture("probe_broken_server.py"), wiped], marker: marker))
        let byRule = Dictionary(grouping: outcome.findings, by: \.rule)
        #expect(Set(byRule.keys) == ["probe-robustness", "probe-protocol-version", "probe-input-validation", "probe-resource-boundary", "probe-error-leakage"],
                "\(outcome.findings.map { "\($0.rule): \($0.message)" })")
        #expect(byRule["probe-robustness"]?.map(\.message) == ["broken exited with status 3 after malformed JSON"])
        #expect(byRule["probe-robustness"]?.first?.severity == .high)
        #expect(byRule["probe-protocol-version"]?.count == 2)
        #expect(byRule["probe-input-validation"]?.count == 3)
        #expect(byRule["probe-input-validation"]?.allSatisfy { $0.tool == "lookup" } == true)
        #expect(byRule["probe-resource-boundary"]?.count == 1)
        let leaks = byRule["probe-error-leakage"] ?? []
        #expect(leaks.count == 3, "\(leaks.map(\.message))")
        #expect(leaks.contains { $0.message.contains("secret") && $0.severity == .high })
        #expect(leaks.contains { $0.message.contains("stack trace") })
        #expect(leaks.contains { $0.message.contains("file-system path") && $0.evidence?.contains("/home/alice/projects") == true })
        // The fake token never appears in clear, in any finding or record.
        let everything = outcome.findings.map { "\($0.message) \($0.evidence ?? "")" } + outcome.checks.map { $0.detail ?? "" }
        #expect(!everything.joined().contains("ghp_Zq8vX2mKp9LrT4wYb7NcH1sDf6GjA3eQu5Io"))
        #expect(!FileManager.default.fileExists(atPath: wiped), "the probe called a tool that is not read-only")
        let skipped = outcome.checks.first { $0.rule == "probe-input-validation" && $0.outcome == .skipped }
        #expect(skipped?.detail?.contains("wipe") == true)
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("with callAllTools (the sandbox's mode) the destructive tool is called, with invalid arguments only")
    func callAllTools() async throws {
        let marker = UUID().uuidString
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-probe-\(marker)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let wiped = directory.appendingPathComponent("wiped").path
        let outcome = await Self.probe(callAllTools: true).probe(Self.spec("broken", Self.python, [Self.fixture("probe_broken_server.py"), wiped], marker: marker))
        #expect(outcome.findings.filter { $0.rule == "probe-input-validation" }.map { $0.tool ?? "" }.sorted() == ["lookup", "lookup", "lookup", "wipe", "wipe"])
        #expect(Self.outcomes(outcome)["probe-input-validation"] == [.failed])
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("a server that stops answering (and ignores SIGTERM) is reported, killed, started again, and the other checks still run")
    func hangingServer() async throws {
        let marker = UUID().uuidString
        let spec = Self.spec("stuck", Self.python, [Self.fixture("probe_broken_server.py"), "/dev/null", "hang-on-huge"], marker: marker)
        var options = ActiveProbe.Options()
        options.requestTimeout = .seconds(4)
        options.budget = .seconds(120)
        let start = ContinuousClock.now
        let outcome = await ServerProbe(options: options).probe(spec)
        let robustness = outcome.findings.filter { $0.rule == "probe-robustness" }.map(\.message)
        #expect(robustness.contains("stuck stopped answering (no answer to two pings within 16 s) after a 3 MiB message"), "\(robustness)")
        #expect(Self.outcomes(outcome)["probe-input-validation"]?.contains(.failed) == true)
        #expect(ContinuousClock.now - start < .seconds(90))
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }

    @Test("a server that cannot start: every check is skipped with the reason, the server is failed")
    func unstartable() async {
        let outcome = await Self.probe().probe(ServerSpec(name: "ghost", command: "/nonexistent/mcp-server"))
        #expect(outcome.server.status == .failed)
        #expect(outcome.checks.count == ActiveProbe.families.count)
        #expect(outcome.checks.allSatisfy { $0.outcome == .skipped && $0.detail?.contains("could not be probed") == true })
        #expect(ServerProbe.report([outcome], subject: "x").exitCode(failOn: .high) == 2)
    }

    @Test("session ids: random ones pass; counters, short and reused ones are named")
    func sessionIDs() {
        let random = (0..<5).map { _ in UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
        #expect(HTTPSessionProbe.sessionIDProblems(random).isEmpty)
        #expect(HTTPSessionProbe.sessionIDProblems(["s-1", "s-2", "s-3"]).map(\.key) == ["short", "sequential"])
        #expect(HTTPSessionProbe.sessionIDProblems(["session-aaaaaaaaaaaaaaaaaaaax", "session-aaaaaaaaaaaaaaaaaaaaq"]).map(\.key) == ["entropy"])
        let reused = String(repeating: "f3a9", count: 8)
        #expect(HTTPSessionProbe.sessionIDProblems([reused, reused]).map(\.key) == ["reused"])
    }
}
