import Foundation

/// Where a guarded server may read, write and connect, and how much it may use (`sandbox:` in a server's
/// policy section, or `mcpguard run --sandbox` with these defaults).
///
/// ```yaml
/// sandbox:
///   filesystem: { read: ["~/projects"], write: ["${workspace}"] }
///   network: none            # or loopback, any, or a list: ["api.github.com:443", "127.0.0.1:5432"]
///   limits: { cpu: 60s, memory: 1GB, files: 256, processes: 64 }
/// ```
///
/// The server's own executable and what it runs from (interpreter, venv, `node_modules`) are added by the
/// launcher; these paths are what the server *works on*.
public struct SandboxRules: Sendable, Equatable {
    /// What the server may reach over the network.
    public enum Network: Sendable, Equatable {
        /// No network at all: an empty network namespace, and IP sockets refused.
        case none
        /// Only the sandbox's own loopback (a server may talk to processes it started itself).
        case loopback
        /// These `host:port` destinations, through mcpguard's egress proxy, every connection audited.
        case allow([String])
        /// No network control (documented as such in `status` and the audit log).
        case any

        public var summary: String {
            switch self {
            case .none: "none"
            case .loopback: "loopback"
            case .allow(let entries): entries.joined(separator: ", ")
            case .any: "any"
            }
        }
    }

    /// Per-server resource limits; nil leaves one unset.
    public struct Limits: Sendable, Equatable {
        /// CPU seconds per process (RLIMIT_CPU).
        public var cpuSeconds: Int?
        /// Bytes of data memory per process (RLIMIT_DATA) and, where a cgroup is available, for the tree.
        public var memoryBytes: Int?
        /// Open file descriptors per process (RLIMIT_NOFILE).
        public var files: Int?
        /// Processes and threads in the whole server tree (a cgroup's pids.max; RLIMIT_NPROC in a user namespace).
        public var processes: Int?

        public init(cpuSeconds: Int? = nil, memoryBytes: Int? = 4 << 30, files: Int? = 1024, processes: Int? = 256) {
            self.cpuSeconds = cpuSeconds
            self.memoryBytes = memoryBytes
            self.files = files
            self.processes = processes
        }
    }

    /// Paths as written (`~`, `${workspace}` expanded at launch).
    public var read: [String]
    public var write: [String]
    public var network: Network
    public var limits: Limits

    public init(read: [String] = [], write: [String] = [], network: Network = .none, limits: Limits = Limits()) {
        self.read = read
        self.write = write
        self.network = network
        self.limits = limits
    }

    /// `~` and `~/…` to `home`, `${workspace}` to `workspace`; anything else must be absolute.
    public static func expand(_ path: String, home: String, workspace: String) -> String {
        var result = path.replacingOccurrences(of: "${workspace}", with: workspace)
        if result == "~" { result = home } else if result.hasPrefix("~/") { result = home + result.dropFirst(1) }
        return result
    }
}

extension Policy {
    static func sandboxRules(_ value: Any, at where_: String) throws(Failure) -> SandboxRules {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        try refuseUnknown(object, known: ["filesystem", "network", "limits"], at: where_)
        var rules = SandboxRules()
        if let filesystem = object["filesystem"] {
            guard let filesystem = filesystem as? [String: Any] else { throw Failure(description: "\(where_).filesystem must be a mapping with read and write lists") }
            try refuseUnknown(filesystem, known: ["read", "write"], at: "\(where_).filesystem")
            rules.read = try sandboxPaths(filesystem["read"], at: "\(where_).filesystem.read")
            rules.write = try sandboxPaths(filesystem["write"], at: "\(where_).filesystem.write")
        }
        if let network = object["network"] { rules.network = try sandboxNetwork(network, at: "\(where_).network") }
        if let limits = object["limits"] { rules.limits = try sandboxLimits(limits, at: "\(where_).limits") }
        return rules
    }

    static func sandboxPaths(_ value: Any?, at where_: String) throws(Failure) -> [String] {
        guard let value else { return [] }
        guard let paths = value as? [String] else { throw Failure(description: "\(where_) must be a list of paths") }
        for path in paths where !(path.hasPrefix("/") || path == "~" || path.hasPrefix("~/") || path.hasPrefix("${workspace}")) {
            throw Failure(description: "\(where_): '\(path)' must be absolute, or start with ~ or ${workspace}")
        }
        return paths
    }

    static func sandboxNetwork(_ value: Any, at where_: String) throws(Failure) -> SandboxRules.Network {
        // YAML 1.1 reads a bare `none`… as a string, but `off`/`no` as false.
        if value as? Bool == false { return .none }
        if let text = value as? String {
            switch text {
            case "none": return .none
            case "loopback": return .loopback
            case "any": return .any
            default: throw Failure(description: "\(where_) must be none, loopback, any or a list of host:port entries")
            }
        }
        guard let entries = value as? [String] else { throw Failure(description: "\(where_) must be none, loopback, any or a list of host:port entries") }
        for entry in entries {
            guard let colon = entry.lastIndex(of: ":"), colon != entry.startIndex,
                  entry[entry.index(after: colon)...] == "*" || UInt16(entry[entry.index(after: colon)...]).map({ $0 > 0 }) == true
            else { throw Failure(description: "\(where_): '\(entry)' must be host:port (port 1-65535 or *)") }
        }
        return .allow(entries)
    }

    static func sandboxLimits(_ value: Any, at where_: String) throws(Failure) -> SandboxRules.Limits {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(where_) must be a mapping") }
        try refuseUnknown(object, known: ["cpu", "memory", "files", "processes"], at: where_)
        var limits = SandboxRules.Limits()
        if let cpu = try duration(object["cpu"], at: "\(where_).cpu") { limits.cpuSeconds = max(1, Int(cpu.rounded(.up))) }
        if let memory = object["memory"] {
            if let text = (memory as? String)?.uppercased(), text.hasSuffix("GB"), let number = Double(text.dropLast(2).trimmingCharacters(in: .whitespaces)), number > 0 {
                limits.memoryBytes = Int(number * 1024 * 1024 * 1024)
            } else {
                limits.memoryBytes = try size(memory, at: "\(where_).memory")
            }
        }
        for (key, path) in [("files", \SandboxRules.Limits.files), ("processes", \SandboxRules.Limits.processes)] {
            guard let given = object[key] else { continue }
            guard let count = given as? Int, count > 0 else { throw Failure(description: "\(where_).\(key) must be a positive whole number") }
            limits[keyPath: path] = count
        }
        return limits
    }
}
