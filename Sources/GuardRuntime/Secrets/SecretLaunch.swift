import GuardCore

/// Secrets for a server about to start: `${secret:NAME}` in its environment values is replaced by the
/// stored value in the environment handed to the server, and nowhere else; a reference in its arguments
/// is refused, because every local user can read a process's arguments. Errors name the variable and
/// the reference, never a value.
public enum SecretLaunch {
    public static func refuseReferences(inArguments arguments: [String]) throws(SecretStoreError) {
        for (index, argument) in arguments.enumerated() where SecretReference.containsReference(argument) {
            let names = (try? SecretReference.names(in: argument)).map { $0.map { "${secret:\($0)}" }.joined(separator: ", ") } ?? "a secret reference"
            throw SecretStoreError("word \(index + 1) of the server command holds \(names): a command line is visible to every local user (ps), so secrets go in the environment (host config env, or environment: in the policy)")
        }
    }

    /// `environment` with every reference resolved. `open` is called once, and only when a value holds a
    /// reference. The store's passphrase variable is dropped even when a policy or `--pass-env` names it:
    /// it opens every secret, not just the ones this server was given.
    public static func resolve(_ environment: [String: String], store open: @Sendable () async throws -> any SecretStore) async throws -> [String: String] {
        var store: (any SecretStore)?
        var cache: [String: String] = [:]
        var resolved = environment
        resolved.removeValue(forKey: SecretStoreChoice.passphraseVariable)
        for key in resolved.keys.sorted() {
            let text = environment[key] ?? ""
            let names: [String]
            do { names = try SecretReference.names(in: text) } catch { throw SecretStoreError("the value of \(key): \(error)") }
            guard !names.isEmpty || text.contains("$${secret:") else { continue }
            for name in names where cache[name] == nil {
                if store == nil { store = try await open() }
                guard let value = try await store?.value(of: name) else {
                    throw SecretStoreError("\(key) refers to unknown secret '\(name)' (looked up in \(store?.description ?? "the store")); add it with mcpguard secrets set \(name)")
                }
                cache[name] = value
            }
            resolved[key] = try SecretReference.substitute(text, values: cache)
        }
        return resolved
    }

    /// The value a `secret:NAME` setting (such as `totp:`) names, or nil when the setting is not one.
    public static func settingName(_ setting: String) -> String? {
        guard setting.hasPrefix("secret:") else { return nil }
        return String(setting.dropFirst("secret:".count))
    }
}
