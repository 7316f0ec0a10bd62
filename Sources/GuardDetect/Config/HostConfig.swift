import GuardCore

/// One MCP server as a host config declares it, before anything is launched.
public struct ConfiguredServer: Sendable, Hashable {
    public var name: String
    public var transport: ServerInventory.Transport
    public var command: String?
    public var args: [String]
    /// Environment the host passes, in file order. Values may be secrets: never print them unredacted.
    public var env: [KeyValue]
    public var url: String?
    public var headers: [KeyValue]
    /// Tools the host runs without asking (Cline `autoApprove`, Roo `alwaysAllow`, Kiro `autoApprove`).
    public var autoApprovedTools: [String]
    /// Gemini CLI `trust: true`: every call runs without confirmation.
    public var trusted: Bool
    public var disabled: Bool
    /// Pointer of the entry in the config file (`/mcpServers/github`) and its line.
    public var pointer: String
    public var line: Int?
    /// The entry exactly as written.
    public var raw: JSONValue

    public struct KeyValue: Sendable, Hashable {
        public let key: String
        public let value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }
}

/// A parsed host config file: its servers and the host-wide settings that matter for security.
public struct HostConfig: Sendable {
    public var document: ConfigDocument
    public var servers: [ConfiguredServer]
    /// Settings that let tools or commands run without the user's confirmation, or outside the host's
    /// sandbox: approvals of servers, tools and commands, permission modes, sandbox modes. Each with its
    /// pointer and line. Read by ``HostSettings``.
    public var settings: [Setting]
    public var keyLines: JSONKeyLines

    /// One risky host setting, already judged: the detector only turns it into a finding.
    public struct Setting: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// Named servers, tools or commands approved in advance (rule `auto-approve`).
            case approval
            /// A session-wide mode or policy that skips confirmations (rule `permission-mode`).
            case permissionMode
            /// The host's own sandbox for the agent's commands switched off (rule `sandbox-disabled`).
            case sandbox
        }

        public let kind: Kind
        public let severity: Severity
        /// The configured server the setting is about, when it names one declared in this file.
        public let server: String?
        /// What the setting does, as the finding's message says it.
        public let description: String
        /// The setting as written (`"defaultMode": "bypassPermissions"`).
        public let evidence: String
        /// Checklist ids the finding serves beyond the rule's own (CRYPTO-05 for a funds tool).
        public let extraChecklist: [String]
        public let pointer: String
        public let line: Int?

        public init(
            kind: Kind, severity: Severity, server: String? = nil, description: String, evidence: String,
            extraChecklist: [String] = [], pointer: String, line: Int?
        ) {
            self.kind = kind
            self.severity = severity
            self.server = server
            self.description = description
            self.evidence = evidence
            self.extraChecklist = extraChecklist
            self.pointer = pointer
            self.line = line
        }
    }
}

/// Why a config file could not be read as a host config.
public struct HostConfigError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public let line: Int?
    public var description: String { message }
}

extension ConfiguredServer {
    /// The server behind `mcpguard run [options] -- CMD ARGS…` (the command `mcpguard`, or a path ending in
    /// `/mcpguard`), or nil when the entry does not launch through mcpguard's runtime guard. `run` takes the
    /// server only after `--`, so an entry without one starts no server at all.
    public static func guardedServer(command: String?, args: [String]) -> (command: String, args: [String])? {
        guard let command, args.first == "run", let separator = args.firstIndex(of: "--"), separator + 1 < args.count else { return nil }
        let name = command.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)?.lowercased() ?? ""
        guard name == "mcpguard" || name == "mcpguard.exe" else { return nil }
        return (args[separator + 1], Array(args[(separator + 2)...]))
    }

    /// ``guardedServer(command:args:)`` of this entry.
    public var guardedServer: (command: String, args: [String])? { Self.guardedServer(command: command, args: args) }
}
