/// The options of a host-config entry that launches a server as `mcpguard run [options] -- CMD ARGS…`:
/// what the guard in front of that server enforces, read back from the config.
public struct GuardInvocation: Sendable, Hashable {
    public enum SandboxMode: String, Sendable, Hashable {
        case strict
        case bestEffort = "best-effort"
    }

    public var policyPath: String?
    public var auditPath: String?
    public var auditKeyFile: String?
    public var lockPath: String?
    /// `--name`: the policy section the guard applies.
    public var name: String?
    public var sandbox: SandboxMode?

    public init(
        policyPath: String? = nil, auditPath: String? = nil, auditKeyFile: String? = nil, lockPath: String? = nil,
        name: String? = nil, sandbox: SandboxMode? = nil
    ) {
        self.policyPath = policyPath
        self.auditPath = auditPath
        self.auditKeyFile = auditKeyFile
        self.lockPath = lockPath
        self.name = name
        self.sandbox = sandbox
    }

    /// The invocation an entry's `args` (after the mcpguard executable) describe, or nil when they are not
    /// `run … -- CMD`. Options `run` does not know are ignored here: `run` itself refuses them.
    public init?(arguments: [String]) {
        guard arguments.first == "run", let separator = arguments.firstIndex(of: "--"), separator + 1 < arguments.count else {
            return nil
        }
        let options = Array(arguments[1..<separator])
        var index = 0
        func value(_ flag: String) -> String? {
            let option = options[index]
            if option.hasPrefix(flag + "=") { return String(option.dropFirst(flag.count + 1)) }
            guard option == flag, index + 1 < options.count else { return nil }
            index += 1
            return options[index]
        }
        while index < options.count {
            let option = options[index]
            if option == "--sandbox" || option == "--sandbox=strict" {
                sandbox = .strict
            } else if option == "--sandbox-best-effort" || option == "--sandbox=best-effort" {
                sandbox = .bestEffort
            } else if let path = value("--policy") {
                policyPath = path
            } else if let path = value("--audit-key-file") {
                auditKeyFile = path
            } else if let path = value("--audit") {
                auditPath = path
            } else if let path = value("--lock") {
                lockPath = path
            } else if let entry = value("--name") {
                name = entry
            }
            index += 1
        }
    }
}
