import CGuardSpawn
import Foundation
import GuardPolicy

/// One sandboxed server's confinement for the life of `mcpguard run`: the launch plan, the egress proxy
/// (when the network is an allow-list) with its connections in the audit log, and the clean-up.
public final class SandboxSession: Sendable {
    public let launch: SandboxLaunch
    let proxy: EgressProxy?
    let directory: String?

    /// Plans the sandbox and starts the egress proxy it needs. `audit` receives one line per connection.
    public init(planner: SandboxPlanner, audit: @escaping @Sendable (EgressEvent) -> Void) throws {
        // A confined server often runs as our uid: it must not read our memory or environment through /proc.
        _ = guard_set_undumpable()
        var planner = planner
        var proxy: EgressProxy?
        var directory: String?
        if case .allow(let entries) = planner.rules.network {
            let made = try SandboxPlanner.makeTemporaryDirectory()
            directory = made
            let socket = made + "/egress.sock"
            do {
                let started = EgressProxy(socketPath: socket, allowList: try EgressAllowList(entries), onEvent: audit)
                try started.start()
                proxy = started
            } catch {
                try? FileManager.default.removeItem(atPath: made)
                throw SandboxError("sandbox: the egress proxy did not start: \(error)")
            }
            planner.egressSocket = socket
        }
        do {
            launch = try planner.plan()
        } catch {
            proxy?.stop()
            if let directory { try? FileManager.default.removeItem(atPath: directory) }
            throw error
        }
        self.proxy = proxy
        self.directory = directory
    }

    /// Stops the proxy and removes the cgroup and private directories (after the server's tree is gone).
    public func close() {
        proxy?.stop()
        launch.cleanUp()
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }
}
