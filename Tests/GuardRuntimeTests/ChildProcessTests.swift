import Foundation
import Testing

@testable import GuardRuntime

@Suite("Child processes")
struct ChildProcessTests {
    @Test("terminate ends the whole process group, grandchildren included")
    func groupKill() async throws {
        let marker = "mcpguard-group-test-\(UUID().uuidString.prefix(8))"
        let child = try ChildProcess(
            command: "/bin/sh", arguments: ["-c", "sleep 300 & exec sleep 301 # \(marker)"], environment: ["PATH": "/usr/bin:/bin"]
        )
        try await Task.sleep(for: .milliseconds(200))
        #expect(child.isRunning)
        #expect(ChildProcessRegistry.shared.live.contains(child.pid))
        await child.terminate(grace: .milliseconds(500))
        #expect(!child.isRunning)
        try await Task.sleep(for: .milliseconds(200))
        // `sleep 300` was a grandchild in the same group: it must be gone too.
        let leftovers = Fixture.processes(matching: "sleep 30").filter { line in
            guard let pid = Int32(line.split(separator: ":")[0]) else { return false }
            return getpgid(pid) == child.pid
        }
        #expect(leftovers.isEmpty, "survivors: \(leftovers)")
        #expect(!ChildProcessRegistry.shared.live.contains(child.pid))
    }

    @Test("a missing command fails with a clear error and leaves nothing behind")
    func missingCommand() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess(command: "mcpguard-no-such-command", arguments: [], environment: ["PATH": "/usr/bin:/bin"])
        }
        do {
            _ = try ChildProcess(command: "mcpguard-no-such-command", arguments: [], environment: ["PATH": "/usr/bin:/bin"])
        } catch {
            #expect("\(error)" == "command not found: mcpguard-no-such-command")
        }
    }

    @Test("the child gets exactly the environment given")
    func environment() async throws {
        let child = try ChildProcess(command: "/usr/bin/env", arguments: [], environment: ["ONLY": "this", "PATH": "/usr/bin:/bin"])
        let output = String(decoding: try child.stdout.readToEnd() ?? Data(), as: UTF8.self)
        #expect(await child.waitForExit() == 0)
        #expect(output.split(separator: "\n").sorted() == ["ONLY=this", "PATH=/usr/bin:/bin"])
    }
}
