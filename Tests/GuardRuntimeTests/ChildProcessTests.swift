import Foundation
import MCPGuardTestSupport
import Testing

@testable import MCPClient

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
        let leftovers = ProcessTable.matching("sleep 30").filter { line in
            guard let pid = Int32(line.split(separator: ":")[0]) else { return false }
            return getpgid(pid) == child.pid
        }
        #expect(leftovers.isEmpty, "survivors: \(leftovers)")
        #expect(!ChildProcessRegistry.shared.live.contains(child.pid))
    }

    /// Pids a launcher wrote to `file`, once it has written `count` of them.
    static func pids(in file: String, count: Int) async throws -> [pid_t] {
        for _ in 0..<500 {
            let pids = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
            if pids.count >= count { return pids }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FixtureError("the launcher never wrote \(count) pids to \(file)")
    }

    static func alive(_ pid: pid_t) -> Bool {
        // A zombie is dead for our purpose; /proc says which.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    /// Launchers whose real process escapes the process group: a new session, a double fork, both.
    static let escapes = [
        "setsid sleep 310 & echo $! >> PIDS; wait",
        "(sleep 311 & echo $! >> PIDS) ; sleep 312 & echo $! >> PIDS; wait",
        "(setsid sh -c 'echo $$ >> PIDS; exec sleep 313' &) ; sleep 314 & echo $! >> PIDS; wait",
    ]

    @Test("terminate ends descendants that left the group: setsid, double forks", arguments: escapes)
    func escapedDescendants(script: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-pids-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let child = try ChildProcess(command: "/bin/sh", arguments: ["-c", script.replacingOccurrences(of: "PIDS", with: file)], environment: ["PATH": "/usr/bin:/bin"])
        let expected = script.components(separatedBy: "PIDS").count - 1
        let pids = try await Self.pids(in: file, count: expected)
        #expect(pids.allSatisfy(Self.alive))
        await child.terminate(grace: .milliseconds(300))
        try await Task.sleep(for: .milliseconds(100))
        #expect(pids.filter(Self.alive).isEmpty, "survivors of \(script): \(pids.filter(Self.alive))")
    }

    @Test("when the server exits, what it left running is ended too; its exit status is reported")
    func leftoversAfterExit() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-pids-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let child = try ChildProcess(command: "/bin/sh", arguments: ["-c", "setsid sleep 315 & echo $! >> \(file); sleep 0.2; exit 7"], environment: ["PATH": "/usr/bin:/bin"])
        let pids = try await Self.pids(in: file, count: 1)
        #expect(await child.waitForExit() == 7)
        try await Task.sleep(for: .milliseconds(100))
        #expect(pids.filter(Self.alive).isEmpty)
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
