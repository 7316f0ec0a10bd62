import GuardCore
import GuardDetect
import GuardPolicy
import Testing

@testable import GuardScan
import MCPClient

/// The scan as a library call: a request in, a report out, inventory (and so consent) injected.
@Suite("Scanner")
struct ScannerTests {
    @Test("a snapshot against its own lockfile: pin checks recorded as passed; a changed tool fails them")
    func snapshotWithPins() async throws {
        let snapshot = DemoData.snapshot
        let lockfile = Lockfile(snapshot: snapshot)
        let scanner = Scanner(inventory: { _ in
            Issue.record("a snapshot scan must not take live inventories")
            return []
        })
        let clean = await scanner.scan(.init(source: .snapshot(snapshot, subject: "demo snapshot"), lockfile: (lockfile, "demo.lock")))
        let pinChecks = clean.report.checks.filter { $0.rule == "pin-changed" }
        #expect(pinChecks.count == snapshot.servers.count)
        for check in pinChecks {
            let status = snapshot.servers.first { $0.name == check.server }?.status
            #expect(check.outcome == (status == .ok ? .passed : .skipped))
        }
        #expect(!clean.report.findings.contains { $0.rule.hasPrefix("pin-") })

        var changed = snapshot
        let index = try #require(changed.servers.firstIndex { !$0.tools.isEmpty && $0.status == .ok })
        var tool = changed.servers[index].tools[0].objectValue ?? JSONObject()
        tool["description"] = "Changed after pinning."
        changed.servers[index].tools[0] = .object(tool)
        let rugPull = await scanner.scan(.init(source: .snapshot(changed, subject: "changed"), lockfile: (lockfile, "demo.lock")))
        #expect(rugPull.report.checks.contains { $0.rule == "pin-changed" && $0.server == changed.servers[index].name && $0.outcome == .failed })
    }

    @Test("a static scan of discovered configs starts nothing and records no probe checks")
    func staticScan() async throws {
        let discovery = Discovery.Result(configs: DemoData.input.configs, servers: [ServerSpec(name: "local", command: "true")])
        let scanner = Scanner(inventory: { _ in
            Issue.record("a static scan must not start servers")
            return []
        })
        let outcome = await scanner.scan(.init(source: .discovered(discovery, subject: "demo configs", staticOnly: true)))
        #expect(outcome.report.subject == "demo configs (static)")
        #expect(outcome.report.servers.allSatisfy { $0.status == ServerInventory.Status.skipped })
        #expect(outcome.report.checks.isEmpty)
        #expect(outcome.configs.count == DemoData.input.configs.count)
    }
}
