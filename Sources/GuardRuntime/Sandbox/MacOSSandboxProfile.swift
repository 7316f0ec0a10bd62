import Foundation
import GuardPolicy

/// The macOS form of the sandbox: a `sandbox-exec` (Seatbelt) profile with the same meaning as the Linux
/// mounts — deny by default; read the system, the server's runtime and the policy's read paths; write only
/// the policy's write paths and a private temporary directory; network as the policy says (an allow-list
/// becomes the egress proxy's loopback port). Generated here, run by `/usr/bin/sandbox-exec -p PROFILE`.
/// Built and unit-tested on Linux for its text; not exercised on a Mac by the test suite.
public struct MacOSSandboxProfile: Sendable, Equatable {
    public var read: [String]
    public var write: [String]
    public var network: SandboxRules.Network
    /// The egress proxy's loopback port when the network is an allow-list.
    public var proxyPort: UInt16?

    public init(read: [String], write: [String], network: SandboxRules.Network, proxyPort: UInt16? = nil) {
        self.read = read
        self.write = write
        self.network = network
        self.proxyPort = proxyPort
    }

    static let systemReads = ["/usr", "/bin", "/sbin", "/System", "/Library", "/private/etc", "/etc", "/dev", "/opt/homebrew", "/usr/local", "/private/var/db/timezone", "/Applications/Xcode.app"]

    /// The profile text (SBPL).
    public var text: String {
        var lines = [
            "(version 1)",
            "(deny default)",
            "; mcpguard run --sandbox: generated, do not edit",
            "(allow process-fork)",
            "(allow signal (target same-sandbox))",
            "(allow sysctl-read)",
            "(allow file-read-metadata)",
            "(allow mach-lookup (global-name \"com.apple.system.logger\") (global-name \"com.apple.system.notification_center\"))",
            "(allow ipc-posix-shm)",
        ]
        let readable = Self.systemReads + read
        lines.append("(allow process-exec " + readable.map(Self.subpath).joined(separator: " ") + ")")
        lines.append("(allow file-read* " + readable.map(Self.subpath).joined(separator: " ") + ")")
        let writable = write + ["/dev/null", "/dev/tty"]
        lines.append("(allow file-write* " + writable.map(Self.subpath).joined(separator: " ") + ")")
        switch network {
        case .none: lines.append("; network: none")
        case .loopback:
            lines.append("(allow network-bind (local ip \"localhost:*\"))")
            lines.append("(allow network-inbound (local ip \"localhost:*\"))")
            lines.append("(allow network-outbound (remote ip \"localhost:*\"))")
        case .allow:
            if let proxyPort { lines.append("(allow network-outbound (remote ip \"localhost:\(proxyPort)\"))") }
        case .any:
            lines.append("(allow network*)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `(subpath "…")` with the string escaped as SBPL reads it.
    static func subpath(_ path: String) -> String {
        "(subpath \"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\")"
    }
}
