import Crypto
import ArgumentParser
import Foundation
import GuardCore
import GuardPolicy
import GuardRuntime

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
        let status: Int32
        do {
            status = try await guardLoop.run(command: command[0], arguments: Array(command.dropFirst()), environment: environment)
        } catch {
            throw CLIError("\(error)")
        }
        if let signal = SignalHandling.receivedSignal { throw ExitCode(128 + signal) }
        if status != 0 { throw ExitCode(status) }
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
