import GuardDetect

/// The command line that puts one stdio server behind the guard:
/// `<mcpguard> run --name <entry> --host <host> [--policy <file>] [--sandbox] [--pass-env <name>]… -- <command> <args…>`.
///
/// Everything after the first `--` is the server exactly as it was configured, so the wrapper is its own
/// record of the original (uninstall and `scan` read it back through `ConfiguredServer.guardedServer`).
/// No option before `--` may be `--` itself: a value that starts with `-` (an entry named `--`) is
/// written as `--name=--` (`run` would take `--x` after `--name` for an option, and an empty `--name=` for none).
public struct GuardWrapper: Sendable, Hashable {
    /// Absolute path of the mcpguard executable.
    public var executable: String
    public var name: String
    public var host: String
    /// Absolute path of the policy file.
    public var policy: String?
    public var sandbox: Bool
    /// Environment variables the entry configures: `run` passes only the basics and these to the server.
    public var passEnvironment: [String]
    /// Where `run` finds migrated secrets (`--secrets-store FILE`, `--secrets-key-file FILE`, `--secrets-backend B`).
    public var secretOptions: [String] = []

    public init(executable: String, name: String, host: String, policy: String? = nil, sandbox: Bool = false, passEnvironment: [String] = [], secretOptions: [String] = []) {
        self.secretOptions = secretOptions
        self.executable = executable
        self.name = name
        self.host = host
        self.policy = policy
        self.sandbox = sandbox
        self.passEnvironment = passEnvironment
    }

    /// The arguments of `executable` that run `command args` under the guard.
    public func arguments(command: String, args: [String]) -> [String] {
        var out = ["run"] + Self.option("--name", name) + Self.option("--host", host)
        if let policy { out += Self.option("--policy", policy) }
        if sandbox { out.append("--sandbox") }
        for name in passEnvironment { out += Self.option("--pass-env", name) }
        out += secretOptions
        return out + ["--", command] + args
    }

    /// The server a wrapped entry runs, or nil when the entry is not `mcpguard run … -- CMD ARGS…`.
    public static func unwrap(command: String?, args: [String]) -> (command: String, args: [String])? {
        ConfiguredServer.guardedServer(command: command, args: args)
    }

    /// Whether a wrapper's options (before `--`) carry `--host`, which only install writes.
    static func isInstalled(args: [String]) -> Bool {
        guard let separator = args.firstIndex(of: "--") else { return false }
        return args[..<separator].contains { $0 == "--host" || $0.hasPrefix("--host=") }
    }

    static func option(_ flag: String, _ value: String) -> [String] {
        value.hasPrefix("-") ? ["\(flag)=\(value)"] : [flag, value]
    }
}
