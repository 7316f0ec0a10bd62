import Crypto
import ArgumentParser
import Foundation
import GuardCore
import GuardPolicy
import GuardRuntime
import MCPClient
import GuardEngine
import GuardStdio

/// `mcpguard run -- CMD ARGS…`: enforce a policy between a host and a stdio server.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a stdio MCP server behind mcpguard's policy (put this in the host config instead of the server).",
        discussion: """
            Example host config entry: "command": "mcpguard", "args": ["run", "--name", "some-server", "--policy", "policy.yaml", "--", "npx", "some-server"]. \
            Denied and schema-invalid tool calls never reach the server; secrets never leave for it; poisoned tools and \
            instructions are withheld; outputs, errors and notifications are screened; every decision is written to the audit log.
            """
    )

    @Option(name: .customLong("policy"), help: ArgumentHelp("Policy file (YAML); default allows every call.", valueName: "file"))
    var policyPath: String?

    @Option(name: .customLong("audit"), help: ArgumentHelp("Append decisions to this hash-chained audit log.", valueName: "file"))
    var auditPath: String?

    @Option(name: .customLong("audit-key-file"), help: ArgumentHelp("HMAC key for the audit log (the file's bytes); `audit verify --key-file` checks it.", valueName: "file"))
    var auditKeyFile: String?

    @Option(name: .customLong("lock"), help: ArgumentHelp("Enforce this lockfile: changed, new and colliding definitions are withheld until re-pinned.", valueName: "file"))
    var lockPath: String?

    @Option(name: .customLong("name"), help: "The host config's name for the server, used in the policy and the audit log (required when the policy has named sections).")
    var name: String?

    @Option(name: .customLong("max-message-size"), help: ArgumentHelp("Largest message accepted in either direction, in bytes.", valueName: "bytes"))
    var maxMessageSize: Int = 4 * 1024 * 1024

    @Option(name: .customLong("pass-env"), help: ArgumentHelp("Environment variable the server may see besides the basics (PATH, HOME, …); repeatable.", valueName: "name"))
    var passEnvironment: [String] = []

    @Flag(name: .customLong("sandbox"), help: "Confine the server (bubblewrap, else Landlock + seccomp): only the policy's paths, its network, its limits; refuses to start if a control cannot be applied. --sandbox=best-effort starts anyway and says what is missing.")
    var sandbox = false

    @Flag(name: .customLong("sandbox-best-effort"), help: .hidden)
    var sandboxBestEffort = false

    @Option(name: .customLong("sandbox-backend"), help: ArgumentHelp("auto (bubblewrap when installed), bubblewrap or landlock.", valueName: "backend"))
    var sandboxBackend: SandboxPlanner.BackendChoice = .auto

    @Flag(name: .customLong("allow-root"), help: "In the sandbox, keep root's identity and capabilities instead of dropping them.")
    var allowRoot = false

    @Option(name: .customLong("workspace"), help: ArgumentHelp("The directory ${workspace} means in the sandbox's paths (default: the current directory).", valueName: "dir"))
    var workspace: String?

    @Option(name: .customLong("host"), help: ArgumentHelp("Which host started the guard, as `mcpguard status` shows it (default: the parent process's name).", valueName: "id"))
    var host: String?

    @OptionGroup(title: "Secrets") var secretOptions: RunSecretOptions

    @Argument(parsing: .postTerminator, help: "The server command and its arguments, after --.")
    var command: [String] = []

    func validate() throws {
        guard !command.isEmpty else { throw ValidationError("give the server command after --, e.g. mcpguard run -- npx some-server") }
        guard maxMessageSize >= 1024 else { throw ValidationError("--max-message-size must be at least 1024 bytes") }
    }

    func run() async throws {
        var policy = Policy.permissive
        if let policyPath {
            let text = String(decoding: try Terminal.readFile(policyPath, what: "policy"), as: UTF8.self)
            do { policy = try Policy(yaml: text, path: policyPath) } catch { throw CLIError("\(error)") }
        }
        if auditKeyFile != nil, auditPath == nil { throw CLIError("--audit-key-file needs --audit FILE") }
        let key = try auditKeyFile.map { SymmetricKey(data: try Terminal.readFile($0, what: "audit key file")) }
        let audit: AuditLog?
        do { audit = try auditPath.map { try AuditLog(path: $0, key: key) } } catch { throw CLIError("\(error)") }
        let serverName = try Self.serverName(given: name, command: command, policy: policy, policyPath: policyPath)
        // The server sees the basics (PATH, HOME, …) plus the names the policy and --pass-env allow.
        let base = ProcessInfo.processInfo.environment
        let allowedNames = passEnvironment + policy.rules(for: serverName).environment
        let passed = Dictionary(allowedNames.compactMap { key in base[key].map { (key, $0) } }, uniquingKeysWith: { first, _ in first })
        var pins: PinGate?
        if let lockPath {
            let lockfile: Lockfile?
            do { lockfile = try Lockfile.load(lockPath) } catch { throw CLIError("\(error)") }
            guard let lockfile else { throw CLIError("\(lockPath): no such lockfile; create it with `mcpguard pin`") }
            let identity = ServerIdentity.stdio(command: command[0], arguments: Array(command.dropFirst()), environmentNames: Array(passed.keys))
            pins = PinGate(lockfile: lockfile, lockPath: lockPath, identity: identity, name: serverName)
        }
        // ${secret:NAME} is resolved into the server's environment only (never our own, the audit log or errors).
        let secrets = secretOptions.lazyStore()
        let environment = try await secrets.serverEnvironment(
            ServerEnvironment.build(base: base, configured: passed.merging(policy.rules(for: serverName).environmentValues) { $1 }), arguments: command
        )
        let pipeline = GuardPipeline(server: serverName, policy: policy, audit: audit, pins: pins, secondFactors: try await Self.secondFactors(policy.rules(for: serverName), secrets: secrets))
        let guardLoop = StdioGuard(pipeline: pipeline, maxMessageSize: maxMessageSize)
        let session = try sandboxSession(rules: policy.rules(for: serverName), environment: environment, base: base, server: serverName, audit: audit)
        defer { session?.close() }
        let launch = session?.launch
        // Listed by `mcpguard status` while it runs, with the sandbox in force.
        let registration = Self.register(host: host, name: serverName, command: command, environment: base, policy: policyPath, audit: auditPath, sandbox: launch?.description ?? "none", statistics: pipeline.statistics)
        defer { registration?.close() }
        let status: Int32
        do {
            status = try await guardLoop.run(command: launch?.command ?? command[0], arguments: launch?.arguments ?? Array(command.dropFirst()),
                                             environment: launch?.environment ?? environment, confinement: launch?.confinement ?? .init())
        } catch {
            throw CLIError("\(error)")
        }
        if let signal = SignalHandling.receivedSignal { throw ExitCode(128 + signal) }
        if status != 0 { throw ExitCode(status) }
    }

    /// The server's sandbox when `--sandbox` or its policy section asks for one (nil otherwise); says on
    /// stderr and in the audit log what is in force.
    func sandboxSession(rules: Policy.ServerRules, environment: [String: String], base: [String: String], server: String, audit: AuditLog?) throws -> SandboxSession? {
        guard sandbox || sandboxBestEffort || rules.sandbox != nil else { return nil }
        let planner = SandboxPlanner(
            rules: rules.sandbox ?? SandboxRules(), command: command, environment: environment,
            home: base["HOME"] ?? NSHomeDirectory(), workspace: workspace ?? FileManager.default.currentDirectoryPath,
            bestEffort: sandboxBestEffort, allowRoot: allowRoot, backend: sandboxBackend,
            helper: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        )
        let session: SandboxSession
        do {
            session = try SandboxSession(planner: planner) { event in
                _ = try? audit?.append(AuditRecord(
                    sequence: 0, time: GuardPipeline.timestamp(), server: server, method: "egress/connect", tool: nil, decision: event.allowed ? .allowed : .denied,
                    rule: GuardControls.sandboxNetwork.id, checklist: GuardControls.sandboxNetwork.checklist,
                    detail: "\(event.host):\(event.port)" + (event.reason.map { " (\($0))" } ?? ""), previous: ""
                ))
            }
        } catch {
            throw CLIError("\(error)")
        }
        Terminal.writeStderr("mcpguard: sandbox: \(session.launch.description)\n")
        _ = try? audit?.append(AuditRecord(
            sequence: 0, time: GuardPipeline.timestamp(), server: server, method: "sandbox/start", tool: nil, decision: .allowed,
            rule: GuardControls.sandboxFilesystem.id, checklist: GuardControls.sandboxFilesystem.checklist, detail: session.launch.description, previous: ""
        ))
        return session
    }

    /// `--sandbox=best-effort` and `--sandbox=strict` (a flag with a value, which ArgumentParser has no
    /// form for) become `--sandbox --sandbox-best-effort` and `--sandbox`; nothing after `--` is touched.
    static func normalize(_ arguments: [String]) -> [String] {
        guard arguments.first == "run" else { return arguments }
        var result: [String] = []
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator { result.append(argument); continue }
            switch argument {
            case "--": afterTerminator = true; result.append(argument)
            case "--sandbox=best-effort": result += ["--sandbox", "--sandbox-best-effort"]
            case "--sandbox=strict": result.append("--sandbox")
            default: result.append(argument)
            }
        }
        return result
    }

    /// The name the policy and the audit log know the server by. A policy written for named servers must
    /// not silently fall back to `"*"` because `--name` was forgotten (the command's own name is
    /// usually `npx`, `uvx` or `python`), so that refuses to start and names the sections.
    static func serverName(given: String?, command: [String], policy: Policy, policyPath: String?) throws -> String {
        let named = policy.namedSections
        if let given {
            if !named.isEmpty, !named.contains(given), policy.servers["*"] == nil {
                throw CLIError("\(policyPath ?? "the policy") has no section for server \(given) and no \"*\" section (its sections: \(named.joined(separator: ", "))); add one or fix --name")
            }
            return given
        }
        let fallback = URL(fileURLWithPath: command[0]).lastPathComponent
        if !named.isEmpty, !named.contains(fallback) {
            throw CLIError("\(policyPath ?? "the policy") has sections for \(named.joined(separator: ", ")), but no --name says which server this is (the command is \(fallback)); pass --name with the server's name in the host config")
        }
        return fallback
    }

    /// The authenticator secrets the policy names for this server's tools; an unreadable one refuses to
    /// start (a second factor that cannot be checked must not silently become none).
    static func secondFactors(_ rules: Policy.ServerRules, secrets: LazySecretStore) async throws -> [String: TOTP] {
        var factors: [String: TOTP] = [:]
        for (tool, rule) in rules.tools {
            guard let path = rule.totp else { continue }
            if let name = SecretLaunch.settingName(path) {
                let text = try await secrets.value(named: name, for: "the authenticator secret for \(tool)")
                do { factors[tool] = try TOTP(base32: text.trimmingCharacters(in: .whitespacesAndNewlines)) } catch { throw CLIError("secret \(name) (totp of \(tool)): \(error)") }
                continue
            }
            let expanded = (path as NSString).expandingTildeInPath
            let text = String(decoding: try Terminal.readFile(expanded, what: "authenticator secret for \(tool)"), as: UTF8.self)
            do { factors[tool] = try TOTP(base32: text.trimmingCharacters(in: .whitespacesAndNewlines)) } catch { throw CLIError("\(expanded): \(error)") }
        }
        return factors
    }
}

extension SandboxPlanner.BackendChoice: ExpressibleByArgument {}
