import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// What an assessment knows about how each server is run: whether a guard fronts it, with which options
/// and policy, and what its config gives it. Read from the host configs (the scan sees through the guard
/// wrapper; the assessment needs the wrapper itself).
public struct Deployment: Sendable {
    /// A policy file as the guard would load it, with the lines its keys are on.
    public struct LoadedPolicy: Sendable {
        /// nil for the built-in default (`run` without `--policy`).
        public var path: String?
        public var policy: Policy
        public var lines: PolicyKeyLines

        public init(path: String?, policy: Policy, lines: PolicyKeyLines = PolicyKeyLines()) {
            self.path = path
            self.policy = policy
            self.lines = lines
        }

        /// The guard's default: what `mcpguard run` enforces without a policy file.
        public static let builtIn = LoadedPolicy(path: nil, policy: .permissive)

        /// Reads `path` as `run --policy` would.
        public static func load(_ path: String) -> Result<LoadedPolicy, LoadFailure> {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(LoadFailure(description: "cannot read policy \(path)"))
            }
            do {
                return .success(LoadedPolicy(path: path, policy: try Policy(yaml: text, path: path), lines: PolicyKeyLines(yaml: text)))
            } catch {
                return .failure(LoadFailure(description: error.description))
            }
        }
    }

    /// Why a policy file could not be loaded.
    public struct LoadFailure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public struct Server: Sendable {
        public var name: String
        public var transport: ServerInventory.Transport
        public var disabled: Bool
        /// The launcher's file name (`docker`, `npx`, …) of a stdio server, after the guard wrapper.
        public var launcher: String?
        /// The guard in front of the server; nil when the host launches it directly.
        public var guardInvocation: GuardInvocation?
        /// The policy the guard applies (nil when not guarded, or when `policyError` says why it is unknown).
        public var policy: LoadedPolicy?
        public var policyError: String?
        /// Names of the environment variables its config sets.
        public var environment: [String]
        /// How many of them are `${secret:NAME}` references.
        public var secretReferences: Int

        public init(
            name: String, transport: ServerInventory.Transport, disabled: Bool = false, launcher: String? = nil,
            guardInvocation: GuardInvocation? = nil, policy: LoadedPolicy? = nil, policyError: String? = nil,
            environment: [String] = [], secretReferences: Int = 0
        ) {
            self.name = name
            self.transport = transport
            self.disabled = disabled
            self.launcher = launcher
            self.guardInvocation = guardInvocation
            self.policy = policy
            self.policyError = policyError
            self.environment = environment
            self.secretReferences = secretReferences
        }

        /// The policy section the guard applies: its `--name`, else `"*"`.
        public var section: String { guardInvocation?.name ?? "*" }
        /// The rules the guard applies, when known.
        public var rules: Policy.ServerRules? { policy.map { $0.policy.rules(for: section) } }
    }

    public var servers: [Server]

    public init(servers: [Server]) {
        self.servers = servers
    }

    /// The servers of `configs`, each guarded server with the policy its wrapper names (or `policyOverride`,
    /// when given, for every guarded server).
    public static func read(configs: [ConfigDocument], policyOverride: LoadedPolicy? = nil) -> Deployment {
        var cache: [String: Result<LoadedPolicy, LoadFailure>] = [:]
        var servers: [Server] = []
        for document in configs {
            guard case .success(let config) = HostConfigParser.parse(document) else { continue }
            for entry in config.servers {
                var server = Server(
                    name: entry.name, transport: entry.transport, disabled: entry.disabled,
                    environment: entry.env.map(\.key).sorted(),
                    secretReferences: entry.env.filter { $0.value.contains("${secret:") }.count
                )
                var command = entry.command
                if let inner = entry.guardedServer, let invocation = GuardInvocation(arguments: entry.args) {
                    command = inner.command
                    server.guardInvocation = invocation
                    if let policyOverride {
                        server.policy = policyOverride
                    } else if let path = invocation.policyPath {
                        let resolved = path.hasPrefix("/") ? path : (document.path as NSString).deletingLastPathComponent + "/" + path
                        let loaded = cache[resolved] ?? LoadedPolicy.load(resolved)
                        cache[resolved] = loaded
                        switch loaded {
                        case .success(let policy): server.policy = policy
                        case .failure(let failure): server.policyError = failure.description
                        }
                    } else {
                        server.policy = .builtIn
                    }
                }
                server.launcher = command.map { ($0 as NSString).lastPathComponent.lowercased() }
                servers.append(server)
            }
        }
        return Deployment(servers: servers)
    }

    /// The deployment's entry for a report's server (by name; the first of equal names).
    public func server(named name: String) -> Server? { servers.first { $0.name == name } }
}
