import Foundation

/// What the in-sandbox helper (`mcpguard sandbox-exec`) applies to itself before it executes the server:
/// written by ``SandboxPlanner`` outside, read inside. It travels as one base64 argument, so it holds no
/// secrets (paths, limits and switches only; the server's environment travels as its environment).
public struct SandboxSpec: Codable, Sendable, Equatable {
    public enum Backend: String, Codable, Sendable, CaseIterable {
        /// bubblewrap made the namespaces and mounts; the helper adds limits and seccomp.
        case bubblewrap
        /// No bubblewrap: the helper confines itself with Landlock, seccomp and (if it can) a network namespace.
        case landlock
    }

    public struct PathRule: Codable, Sendable, Equatable {
        public var path: String
        public var writable: Bool
        public init(path: String, writable: Bool) {
            self.path = path
            self.writable = writable
        }
    }

    public var backend: Backend
    public var cpuSeconds: Int?
    public var memoryBytes: Int?
    public var files: Int?
    public var processes: Int?
    /// Landlock path rules (backend `landlock` only; bubblewrap's mounts already are the allow-list).
    public var paths: [PathRule]
    /// Make a user + network namespace with only loopback (backend `landlock`).
    public var unshareNetwork: Bool
    /// Refuse IP sockets with seccomp (network `none`).
    public var refuseInetSockets: Bool
    /// Restrict TCP with Landlock to connects on these ports (used when no network namespace could be made).
    public var tcpPorts: [UInt16]?
    /// Drop every capability before executing (mcpguard runs as root and `--allow-root` was not given).
    public var dropCapabilities: Bool
    /// Inside the sandbox: the egress proxy's Unix socket, to be served on a loopback port as HTTP(S)_PROXY.
    public var egressSocket: String?
    /// The server's command line.
    public var command: [String]

    public init(backend: Backend, limits: (cpu: Int?, memory: Int?, files: Int?, processes: Int?), paths: [PathRule] = [],
                unshareNetwork: Bool = false, refuseInetSockets: Bool = false, tcpPorts: [UInt16]? = nil,
                dropCapabilities: Bool = false, egressSocket: String? = nil, command: [String]) {
        self.backend = backend
        self.cpuSeconds = limits.cpu
        self.memoryBytes = limits.memory
        self.files = limits.files
        self.processes = limits.processes
        self.paths = paths
        self.unshareNetwork = unshareNetwork
        self.refuseInetSockets = refuseInetSockets
        self.tcpPorts = tcpPorts
        self.dropCapabilities = dropCapabilities
        self.egressSocket = egressSocket
        self.command = command
    }

    /// The single argument form.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self))?.base64EncodedString() ?? ""
    }

    public init(encoded: String) throws {
        guard let data = Data(base64Encoded: encoded) else { throw SandboxError("the sandbox specification is not base64") }
        do { self = try JSONDecoder().decode(Self.self, from: data) } catch { throw SandboxError("the sandbox specification is malformed: \(error)") }
    }
}

/// A sandbox that cannot be set up as asked: names the control.
public struct SandboxError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
