import GuardCore
import GuardDetect

/// Wraps and unwraps the stdio servers of one host config's text. Pure: bytes in, bytes out.
///
/// Only the bytes of `command` and `args` change (an `args` member is added when an entry has none). Every
/// result is read back with `HostConfigParser` before it is returned: each server must come out with the
/// same name, transport, environment, URL, headers and switch, and the command line it runs must be the
/// original one, behind the guard or not. An edit that fails that check is an error, never a write.
public enum HostConfigRewriter {
    /// How a wrapped server is started.
    public struct WrapSettings: Sendable {
        /// Absolute path of the mcpguard executable the hosts will run.
        public var executable: String
        /// Absolute path of a policy file, or nil.
        public var policy: String?
        public var sandbox: Bool
        /// Move clear-text secrets in the entries' environment into the secret store: each value becomes
        /// `${secret:NAME}` in the file, and ``Result/secrets`` lists what must be stored first.
        public var migrateSecrets: Bool
        /// `run` options naming the secret store the migrated values live in (empty: its default).
        public var secretOptions: [String] = []

        public init(executable: String, policy: String? = nil, sandbox: Bool = false, migrateSecrets: Bool = false) {
            self.executable = executable
            self.policy = policy
            self.sandbox = sandbox
            self.migrateSecrets = migrateSecrets
        }
    }

    /// A secret moved out of a config: stored under `name` before the file is written.
    public struct MigratedSecret: Sendable, Equatable {
        public let name: String
        public let value: String
        /// Where it was (`entry VAR`), for the report; never the value.
        public let origin: String
    }

    /// What happened to one server entry.
    public struct EntryChange: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// Now runs under `mcpguard run`.
            case wrapped
            /// Already ran under `mcpguard run`; left alone.
            case alreadyGuarded
            /// A remote server (http/sse): the guard speaks stdio only, so it is left alone.
            case remote(transport: String, url: String)
            /// Neither a command nor a URL, or a command line the editor cannot rewrite faithfully.
            case skipped(String)
            /// Runs its own command again.
            case unwrapped
        }

        public let name: String
        public let pointer: String
        public let outcome: Outcome
        /// The server's program (arguments are left out of reports: they can carry tokens).
        public let program: String?
        /// Something the user should know about this entry under the guard.
        public let note: String?
    }

    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var entries: [EntryChange]
        /// Per wrapped entry, what uninstall needs to restore its exact text.
        public var records: [InstallManifest.Entry]
        /// With ``WrapSettings/migrateSecrets``: the values to store before `bytes` is written.
        public var secrets: [MigratedSecret] = []
    }

    // MARK: Install

    /// `bytes` with every stdio server of the file wrapped. `host` is the host id the wrapper names.
    public static func install(_ bytes: [UInt8], path: String, host: String, settings: WrapSettings) throws(InstallError) -> Result {
        guard ConfiguredServer.guardedServer(command: settings.executable, args: ["run", "--", "x"]) != nil else {
            throw InstallError("\(settings.executable): the executable must be named mcpguard (scan, pin and uninstall recognise a wrapped entry by that name)")
        }
        let config = try parse(bytes, path: path, host: host)
        if isTOML(path) {
            var editor = try opened(path) { () throws(ConfigEditError) in try TOMLConfigEditor(bytes: bytes) }
            return try install(config, path: path, host: host, settings: settings, editor: &editor)
        }
        var editor = try opened(path) { () throws(ConfigEditError) in try JSONConfigEditor(bytes: bytes) }
        return try install(config, path: path, host: host, settings: settings, editor: &editor)
    }

    private static func install<E: ConfigTextEditor>(
        _ config: HostConfig, path: String, host: String, settings: WrapSettings, editor: inout E
    ) throws(InstallError) -> Result {
        var entries: [EntryChange] = []
        var records: [InstallManifest.Entry] = []
        var wrapped: Set<String> = []
        var secrets: [MigratedSecret] = []
        var environments: [String: [ConfiguredServer.KeyValue]] = [:]
        if settings.migrateSecrets {
            for server in config.servers where server.transport == .stdio {
                let (moved, environment) = try migrate(server, host: host, path: path, editor: &editor)
                secrets += moved
                if !moved.isEmpty { environments[server.pointer] = environment }
            }
        }
        for server in config.servers {
            func outcome(_ outcome: EntryChange.Outcome, note: String? = nil) {
                entries.append(EntryChange(name: server.name, pointer: server.pointer, outcome: outcome, program: server.command, note: note))
            }
            if server.transport != .stdio {
                outcome(.remote(transport: server.transport.rawValue, url: server.url ?? ""))
                continue
            }
            guard server.command != nil else { outcome(.skipped("no command")); continue }
            if server.guardedServer != nil { outcome(.alreadyGuarded); continue }
            let entryPath = ConfigPath.tokens(ofPointer: server.pointer)
            guard let shape = ServerEntryShape(entry: entryPath, in: editor), let line = shape.commandLine(in: editor),
                  line.command == server.command, line.args == server.args else {
                outcome(.skipped("its command line has a value that is not a string; wrap it by hand"))
                continue
            }
            let literals = shape.literals(in: editor)
            let wrapper = GuardWrapper(
                executable: settings.executable, name: server.name, host: host, policy: settings.policy, sandbox: settings.sandbox,
                passEnvironment: environmentNames(server), secretOptions: settings.migrateSecrets ? settings.secretOptions : []
            )
            let inserted: String?
            do {
                inserted = try shape.setCommandLine(settings.executable, wrapper.arguments(command: line.command, args: line.args), in: &editor)
            } catch {
                throw InstallError("\(path): \(server.name): \(error.message); nothing written")
            }
            records.append(InstallManifest.Entry(
                pointer: server.pointer, name: server.name, command: line.command, args: line.args,
                commandLiteral: literals.command, argsLiteral: literals.args, insertedArgs: inserted
            ))
            wrapped.insert(server.pointer)
            outcome(.wrapped, note: server.raw["envFile"] != nil
                ? "its envFile variables do not reach the server under the guard unless the policy's env lists them" : nil)
        }
        try verify(editor.bytes, against: config, path: path, host: host, environments: environments) { old, new in
            runs(new, old.command, old.args, guarded: wrapped.contains(old.pointer))
        }
        return Result(bytes: editor.bytes, entries: entries, records: records, secrets: secrets)
    }

    /// Replaces each clear-text secret in `server`'s environment (what the `config-secret` rule reports)
    /// with `${secret:HOST.ENTRY.VAR}`; returns the values to store and the environment as it will read.
    static func migrate<E: ConfigTextEditor>(_ server: ConfiguredServer, host: String, path: String, editor: inout E) throws(InstallError) -> ([MigratedSecret], [ConfiguredServer.KeyValue]) {
        let base = ConfigPath.tokens(ofPointer: server.pointer)
        let container = [["env"], ["environment"], ["command", "env"]].first { editor.contains(base + $0) } ?? ["env"]
        var moved: [MigratedSecret] = []
        var environment: [ConfiguredServer.KeyValue] = []
        for entry in server.env {
            guard !entry.value.contains("${secret:"), ConfigRiskDetector.secret(in: entry.value, named: entry.key) != nil,
                  editor.string(at: base + container + [entry.key]) == entry.value else {
                environment.append(entry)
                continue
            }
            let name = secretName(host: host, entry: server.name, variable: entry.key)
            do {
                try editor.replaceString(at: base + container + [entry.key], with: "${secret:\(name)}")
            } catch {
                throw InstallError("\(path): \(server.name): \(error.message); nothing written")
            }
            moved.append(MigratedSecret(name: name, value: entry.value, origin: "\(server.name) \(entry.key)"))
            environment.append(ConfiguredServer.KeyValue(key: entry.key, value: "${secret:\(name)}"))
        }
        return (moved, environment)
    }

    /// `claude-desktop.github.GITHUB_TOKEN`, with anything outside the store's name alphabet as `_`.
    static func secretName(host: String, entry: String, variable: String) -> String {
        let raw = "\(host).\(entry).\(variable)"
        let cleaned = String(raw.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
        return String(cleaned.prefix(128))
    }

    /// The variables the entry sets (and, for Codex, `env_vars` it forwards): `run` passes only these and
    /// the basics, so each becomes a `--pass-env`.
    static func environmentNames(_ server: ConfiguredServer) -> [String] {
        var names: [String] = []
        for name in server.env.map(\.key) + (server.raw["env_vars"]?.arrayValue?.compactMap(\.stringValue) ?? []) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    // MARK: Uninstall

    /// `bytes` with every entry install wrapped running its own command again: those `records` names, or
    /// without a manifest record those whose wrapper carries install's `--host` (a wrapper written by hand
    /// is the user's and stays). An entry whose wrapped command line is still the one its record knows gets
    /// its original text back exactly; otherwise the command line after `--` is written out, so edits
    /// made since install are kept.
    public static func uninstall(_ bytes: [UInt8], path: String, host: String, records: [InstallManifest.Entry]?) throws(InstallError) -> Result {
        let config = try parse(bytes, path: path, host: host)
        if isTOML(path) {
            var editor = try opened(path) { () throws(ConfigEditError) in try TOMLConfigEditor(bytes: bytes) }
            return try uninstall(config, path: path, host: host, records: records, editor: &editor)
        }
        var editor = try opened(path) { () throws(ConfigEditError) in try JSONConfigEditor(bytes: bytes) }
        return try uninstall(config, path: path, host: host, records: records, editor: &editor)
    }

    private static func uninstall<E: ConfigTextEditor>(
        _ config: HostConfig, path: String, host: String, records: [InstallManifest.Entry]?, editor: inout E
    ) throws(InstallError) -> Result {
        var entries: [EntryChange] = []
        var unwrapped: Set<String> = []
        for server in config.servers {
            guard let inner = server.guardedServer else { continue }
            let record = records?.last { $0.pointer == server.pointer }
            let installed = records == nil ? GuardWrapper.isInstalled(args: server.args) : record != nil
            let entryPath = ConfigPath.tokens(ofPointer: server.pointer)
            guard installed, let shape = ServerEntryShape(entry: entryPath, in: editor) else {
                entries.append(EntryChange(name: server.name, pointer: server.pointer, outcome: .alreadyGuarded, program: inner.command, note: nil))
                continue
            }
            do {
                if let record, record.command == inner.command, record.args == inner.args {
                    try shape.restore(command: record.commandLiteral, args: record.argsLiteral, inserted: record.insertedArgs, in: &editor)
                } else {
                    _ = try shape.setCommandLine(inner.command, inner.args, in: &editor)
                }
            } catch {
                throw InstallError("\(path): \(server.name): \(error.message); nothing written")
            }
            unwrapped.insert(server.pointer)
            entries.append(EntryChange(name: server.name, pointer: server.pointer, outcome: .unwrapped, program: inner.command, note: nil))
        }
        try verify(editor.bytes, against: config, path: path, host: host) { old, new in
            guard unwrapped.contains(old.pointer), let inner = old.guardedServer else { return runs(new, old.command, old.args, guarded: false) }
            return runs(new, inner.command, inner.args, guarded: false)
        }
        return Result(bytes: editor.bytes, entries: entries, records: [])
    }

    // MARK: Reading and checking

    static func isTOML(_ path: String) -> Bool { path.lowercased().hasSuffix(".toml") }

    static func parse(_ bytes: [UInt8], path: String, host: String) throws(InstallError) -> HostConfig {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InstallError("\(path): not UTF-8 text; left untouched") }
        switch HostConfigParser.parse(ConfigDocument(path: path, host: host, text: text)) {
        case .success(let config): return config
        case .failure(let error): throw InstallError("\(path): \(error.message); left untouched")
        }
    }

    static func opened<E: ConfigTextEditor>(_ path: String, _ open: () throws(ConfigEditError) -> E) throws(InstallError) -> E {
        do {
            return try open()
        } catch {
            throw InstallError("\(path): \(error.message); left untouched")
        }
    }

    /// Reads `bytes` back and checks every server against `before`: the same entries with the same
    /// settings, and each running `runs(old, new)`: the command line expected of it.
    static func verify(
        _ bytes: [UInt8], against before: HostConfig, path: String, host: String, environments: [String: [ConfiguredServer.KeyValue]] = [:],
        runs: (ConfiguredServer, ConfiguredServer) -> Bool
    ) throws(InstallError) {
        let after = try parse(bytes, path: path, host: host)
        func fail(_ what: String) -> InstallError {
            InstallError("\(path): the edited file would not read back as expected (\(what)); nothing written")
        }
        guard after.servers.map(\.pointer) == before.servers.map(\.pointer) else { throw fail("the list of servers changed") }
        for (old, new) in zip(before.servers, after.servers) {
            guard old.name == new.name, old.transport == new.transport, (environments[old.pointer] ?? old.env) == new.env, old.url == new.url,
                  old.headers == new.headers, old.disabled == new.disabled else { throw fail("\(old.name) changed settings") }
            guard runs(old, new) else { throw fail("\(old.name) would run a different command") }
        }
    }

    /// Whether `server` runs `command args` through the guard (`guarded`) or directly.
    static func runs(_ server: ConfiguredServer, _ command: String?, _ args: [String], guarded: Bool) -> Bool {
        if guarded {
            guard let inner = server.guardedServer else { return false }
            return inner.command == command && inner.args == args
        }
        return server.command == command && server.args == args
    }
}
