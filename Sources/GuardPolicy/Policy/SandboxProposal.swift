import Foundation
import GuardCore
import GuardDetect

/// What `policy init` proposes as a server's `sandbox:` section, from what the inventory shows: the
/// directories its command line names (a filesystem server's roots, a git server's repository; writable
/// when a tool writes files), and no network unless a tool sends data over it (then the hosts its command
/// line names, or `any` with a note to narrow it).
public struct SandboxProposal: Sendable, Equatable {
    public var rules: SandboxRules
    /// Why each part was chosen, for the comments `policy init` writes.
    public var reasons: [String]

    public init(server: ServerInventory, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        let capabilities = server.tools.reduce(into: Set<CapabilityDetector.Capability>()) { $0.formUnion(CapabilityDetector.capabilities(of: $1)) }
        let writes = capabilities.contains(.filesystemWrite) || capabilities.contains(.destructive)
        var rules = SandboxRules()
        var reasons: [String] = []
        var directories: [String] = []
        for argument in server.args {
            var candidate = argument
            // `--repository=/x`, `--root /x`: the value of an option.
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("-") { candidate = String(argument[argument.index(after: equals)...]) }
            guard candidate.hasPrefix("/") || candidate.hasPrefix("~") || candidate.hasPrefix(".") else { continue }
            let path = candidate.hasPrefix("~") ? NSHomeDirectory() + candidate.dropFirst() : candidate.hasPrefix(".") ? workingDirectory + "/" + candidate : candidate
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            directories.append(candidate)
        }
        if !directories.isEmpty {
            if writes {
                rules.write = directories
                reasons.append("filesystem: the directories on its command line, writable because a tool writes files")
            } else {
                rules.read = directories
                reasons.append("filesystem: the directories on its command line, read-only (no tool writes files)")
            }
        } else {
            reasons.append("filesystem: nothing beyond its own runtime (no directory on its command line)")
        }
        if capabilities.contains(.networkEgress) {
            let hosts = server.args.compactMap(Self.hostPort)
            if hosts.isEmpty {
                rules.network = .any
                reasons.append("network: any, because a tool sends data over the network; narrow it to host:port entries")
            } else {
                rules.network = .allow(hosts)
                reasons.append("network: the hosts its command line names")
            }
        } else {
            rules.network = .none
            reasons.append("network: none (no tool sends data over the network)")
        }
        self.rules = rules
        self.reasons = reasons
    }

    /// `api.example.com:443` from an `https://api.example.com/v1` argument.
    static func hostPort(_ argument: String) -> String? {
        let value = argument.split(separator: "=", maxSplits: 1).last.map(String.init) ?? argument
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https", "ws", "wss"].contains(scheme), let host = url.host else { return nil }
        return "\(host):\(url.port ?? (scheme == "https" || scheme == "wss" ? 443 : 80))"
    }

    /// The section as YAML lines at `indent` spaces, with the reasons as comments.
    public func yamlLines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        func list(_ items: [String]) -> String { "[" + items.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", ") + "]" }
        var lines = reasons.map { pad + "# " + $0 }
        lines.append(pad + "sandbox:")
        lines.append(pad + "  filesystem: { read: \(list(rules.read)), write: \(list(rules.write)) }")
        switch rules.network {
        case .allow(let entries): lines.append(pad + "  network: \(list(entries))")
        default: lines.append(pad + "  network: \(rules.network.summary)")
        }
        lines.append(pad + "  limits: { memory: 2GB, files: 1024, processes: 256 }")
        return lines
    }
}
