import ArgumentParser
import Foundation
import GuardRuntime

/// `run`'s options for the store that `${secret:NAME}` references are read from. The store is opened
/// (and a passphrase asked for) only when the server's environment or a `totp: secret:NAME` needs it.
struct RunSecretOptions: ParsableArguments {
    @Option(name: .customLong("secrets-backend"), help: ArgumentHelp("Where ${secret:NAME} references are looked up: secret-service or file (default: as `mcpguard secrets` chooses).", valueName: "name"))
    var backend: SecretBackend?

    @Option(name: .customLong("secrets-store"), help: ArgumentHelp("The encrypted secrets file (default $XDG_DATA_HOME/mcpguard/secrets.enc).", valueName: "file"))
    var store: String?

    @Option(name: .customLong("secrets-key-file"), help: ArgumentHelp("Key file (mode 0600) of the encrypted secrets file; without it the passphrase comes from MCPGUARD_SECRETS_PASSPHRASE or the terminal.", valueName: "file"))
    var keyFile: String?

    /// The same choice as `run` options, for the wrappers install writes.
    func runArguments() -> [String] {
        var out: [String] = []
        if let backend { out += ["--secrets-backend", backend.rawValue] }
        if let store { out += ["--secrets-store", URL(fileURLWithPath: store).standardizedFileURL.path] }
        if let keyFile { out += ["--secrets-key-file", URL(fileURLWithPath: keyFile).standardizedFileURL.path] }
        return out
    }

    func lazyStore() -> LazySecretStore {
        let keySource: SecretKeySource = keyFile.map { .keyFile($0) } ?? .passphrase(HiddenInput.passphrase)
        return LazySecretStore(choice: SecretStoreChoice(backend: backend, filePath: store, keySource: keySource))
    }
}

/// Opens the store once, on first use, and turns its errors into CLI errors.
actor LazySecretStore {
    let choice: SecretStoreChoice
    private var opened: (any SecretStore)?

    init(choice: SecretStoreChoice) {
        self.choice = choice
    }

    func store() async throws -> any SecretStore {
        if let opened { return opened }
        let store = try await choice.open()
        opened = store
        return store
    }

    /// The server's environment with its references resolved; a reference in `arguments` refuses to start.
    func serverEnvironment(_ environment: [String: String], arguments: [String]) async throws -> [String: String] {
        do {
            try SecretLaunch.refuseReferences(inArguments: arguments)
            return try await SecretLaunch.resolve(environment) { try await self.store() }
        } catch let error as SecretStoreError {
            throw CLIError("\(error)")
        }
    }

    /// The value of `secret:NAME` for what `purpose` says it is.
    func value(named name: String, for purpose: String) async throws -> String {
        do {
            let store = try await store()
            guard let value = try await store.value(of: name) else { throw CLIError("\(purpose) names unknown secret '\(name)' (looked up in the \(store.description))") }
            return value
        } catch let error as SecretStoreError {
            throw CLIError("\(purpose): \(error)")
        }
    }
}
