import Foundation
import GuardCore
import MCPGuardTestSupport
import Testing

@testable import MCPClient

/// Real servers over stdio: fixtures written with the official SDK and the published servers.
@Suite("Live inventory over stdio", .serialized)
struct InventoryCollectorTests {
    @Test("a modern server: server/discover, every kind of definition, objects kept as sent")
    func modern() async throws {
        try Fixture.requireEnvironment()
        let inventory = await Fixture.collector().collect(Fixture.spec("basic_server.py"))
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.protocolVersion == "2026-07-28")
        #expect(inventory.serverInfo?["name"] == "basic-fixture")
        #expect(inventory.instructions == "Use get_time for clocks and add for sums.")
        #expect(Set(inventory.toolNames) == ["get_time", "add"])
        #expect(inventory.tools.first { $0["name"] == "add" }?["annotations"]?["readOnlyHint"] == true)
        #expect(inventory.prompts.first?["name"] == "review_code")
        #expect(inventory.resources.first?["uri"] == "config://app")
        #expect(inventory.resourceTemplates.first?["uriTemplate"] == "notes://{name}")
    }

    @Test("pagination is followed to the last page")
    func paginated() async throws {
        try Fixture.requireEnvironment()
        let inventory = await Fixture.collector().collect(Fixture.spec("paginated_server.py"))
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.toolNames == (0..<6).map { "tool_\($0)" })
    }

    @Test("a server that speaks only 2024-11-05 (and dies on server/discover) is inventoried through initialize")
    func legacy() async throws {
        try Fixture.requireEnvironment()
        let inventory = await Fixture.collector().collect(Fixture.spec("legacy_server.py", python: Fixture.legacyPython))
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.protocolVersion == "2024-11-05")
        #expect(inventory.toolNames == ["echo"])
    }

    @Test("a hanging server fails with a timeout naming the step, and is killed")
    func hang() async throws {
        try Fixture.requireEnvironment()
        let started = ContinuousClock.now
        let tag = "runtime-hang-\(UUID().uuidString)"
        let inventory = await Fixture.collector(startup: .seconds(3), probe: .seconds(1)).collect(Fixture.spec("hang_server.py", [tag]))
        #expect(inventory.status == .failed)
        #expect(inventory.error?.hasPrefix("timed out after 3 s waiting for initialize") == true, "\(inventory.error ?? "")")
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(ProcessTable.matching("hang_server.py \(tag)").isEmpty)
    }

    @Test("a crashing server fails with its exit status and stderr")
    func crash() async throws {
        try Fixture.requireEnvironment()
        let inventory = await Fixture.collector().collect(Fixture.spec("crash_server.py"))
        #expect(inventory.status == .failed)
        #expect(inventory.error?.contains("the server exited with status 3") == true, "\(inventory.error ?? "")")
        #expect(inventory.error?.contains("stderr: fatal: WEATHER_API_KEY is not set") == true, "\(inventory.error ?? "")")
    }

    @Test("a server printing garbage to stdout fails with the offending line")
    func garbage() async throws {
        try Fixture.requireEnvironment()
        let inventory = await Fixture.collector().collect(Fixture.spec("garbage_server.py"))
        #expect(inventory.status == .failed)
        #expect(inventory.error?.contains("not a JSON-RPC message") == true)
        #expect(inventory.error?.contains("«Weather server v1.2 ready on stdio»") == true, "\(inventory.error ?? "")")
    }

    @Test("a command that does not exist fails at once")
    func missing() async {
        let inventory = await Fixture.collector().collect(ServerSpec(name: "x", command: "mcpguard-no-such-server"))
        #expect(inventory.status == .failed)
        #expect(inventory.error == "command not found: mcpguard-no-such-server")
    }

    @Test("servers see the configured environment and a scrubbed base, not mcpguard's secrets")
    func environment() async throws {
        try Fixture.requireEnvironment()
        var options = InventoryCollector.Options()
        options.baseEnvironment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "GITHUB_TOKEN": "from-parent", "AWS_SECRET_ACCESS_KEY": "from-parent"]
        let inventory = await InventoryCollector(options: options).collect(Fixture.spec("env_server.py", env: ["CONFIGURED_VAR": "1"]))
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.tools.first?["description"] == "visible: CONFIGURED_VAR,HOME,PATH")
    }

    @Test("the published mcp-server-time, mcp-server-fetch and mcp-server-git are inventoried", arguments: [
        ("mcp-server-time", [String](), "get_current_time"),
        ("mcp-server-fetch", [String](), "fetch"),
        ("mcp-server-git", ["--repository", Fixture.repository.path], "git_status"),
    ])
    func published(command: String, arguments: [String], expectedTool: String) async throws {
        try Fixture.requireEnvironment()
        let marker = UUID().uuidString
        let spec = ServerSpec(name: command, command: Fixture.bin(command), args: arguments, env: ["MCPGUARD_TEST_MARKER": marker])
        let inventory = await Fixture.collector().collect(spec)
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.toolNames.contains(expectedTool))
        #expect(inventory.protocolVersion != nil)
        #expect(ProcessTable.withMarker(marker).isEmpty)
    }
}

@Suite("Negotiation with a slow modern server")
struct SlowStartTests {
    @Test("a modern server slower than the probe timeout is still inventoried with 2026-07-28")
    func slowModern() async throws {
        try Fixture.requireEnvironment()
        // A probe timeout far below the SDK's start-up time forces the late-answer path. The start-up
        // budget is roomy: with the whole suite running, a Python server can take half a minute to answer.
        let inventory = await Fixture.collector(startup: .seconds(120), probe: .milliseconds(50)).collect(Fixture.spec("basic_server.py"))
        #expect(inventory.status == .ok, "\(inventory.error ?? "")")
        #expect(inventory.protocolVersion == "2026-07-28")
        #expect(Set(inventory.toolNames) == ["get_time", "add"])
    }
}
