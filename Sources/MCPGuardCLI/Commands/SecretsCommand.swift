import ArgumentParser
import Foundation
import GuardCore
import GuardRuntime

extension SecretBackend: ExpressibleByArgument {}

/// `mcpguard secrets set|get|list|rm NAME`: keep the tokens servers need out of host configs.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Keep server tokens in the Secret Service or an encrypted file; configs refer to them as ${secret:NAME}.",
        discussion: """
            Backends: the Secret Service through secret-tool when it is installed and a session bus answers, \
            else an encrypted file ($XDG_DATA_HOME/mcpguard/secrets.enc; ChaCha20-Poly1305, the key from a \
            passphrase through scrypt or from a key file of mode 0600). The passphrase comes from \
            MCPGUARD_SECRETS_PASSPHRASE or is asked on the terminal. `mcpguard run` replaces ${secret:NAME} in \
            the server's environment values at launch, and nowhere else.
            """,
        subcommands: [SetSecret.self, GetSecret.self, ListSecrets.self, RemoveSecret.self]
    )

    struct StoreOptions: ParsableArguments {
        @Option(name: .customLong("backend"), help: ArgumentHelp("secret-service or file (default: the Secret Service when usable, else the file).", valueName: "name"))
        var backend: SecretBackend?

        @Option(name: .customLong("store"), help: ArgumentHelp("The encrypted file (default $XDG_DATA_HOME/mcpguard/secrets.enc).", valueName: "file"))
        var store: String?

        @Option(name: .customLong("key-file"), help: ArgumentHelp("Lock the file with this key file (mode 0600) instead of a passphrase.", valueName: "file"))
        var keyFile: String?

        func open() async throws -> any SecretStore {
            let keySource: SecretKeySource = keyFile.map { .keyFile($0) } ?? .passphrase(HiddenInput.passphrase)
            do { return try await SecretStoreChoice(backend: backend, filePath: store, keySource: keySource).open() } catch let error as SecretStoreError { throw CLIError("\(error)") }
        }
    }

    /// Library errors become one-line CLI errors.
    static func perform<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as SecretStoreError { throw CLIError(error.description) }
    }

    struct SetSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a secret; the value is read from standard input (typed without echo on a terminal), never from the command line."
        )

        @Argument(help: "The secret's name (A-Z a-z 0-9 _ . -, up to 128).") var name: String
        @OptionGroup var options: StoreOptions
        /// Anything else on the command line: refused without being repeated, since it may be the value.
        @Argument(parsing: .allUnrecognized, help: .hidden) var rest: [String] = []

        func run() async throws {
            guard rest.isEmpty else {
                throw CLIError("secrets set takes the value on standard input, not the command line (every local user can read a command line); type it when asked, or pipe it: … | mcpguard secrets set NAME")
            }
            try await perform { try SecretValue.validateName(name) }
            let value: String
            if Terminal.stdinIsTerminal {
                guard let typed = HiddenInput.ask("Value for \(name): ") else { throw CLIError("cannot read the value from the terminal") }
                value = typed
            } else {
                let data = (try? FileHandle.standardInput.read(upToCount: 64 * 1024 + 3)) ?? Data()
                var bytes = [UInt8](data)
                // One trailing newline is what `echo` and editors add, not part of a token.
                if bytes.last == UInt8(ascii: "\n") { bytes.removeLast(); if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() } }
                guard let text = String(validating: bytes, as: UTF8.self) else { throw CLIError("the value on standard input is not UTF-8 text") }
                value = text
            }
            try await perform { try SecretValue.validate(value) }
            let store = try await options.open()
            try await perform { try await store.store(value, as: name) }
            Terminal.writeStderr("stored secret \(name) in the \(store.description)\n")
        }
    }

    struct GetSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print a secret's value to standard output (only there; with a warning on a terminal).")

        @Argument(help: "The secret's name.") var name: String
        @OptionGroup var options: StoreOptions

        func run() async throws {
            try await perform { try SecretValue.validateName(name) }
            let store = try await options.open()
            guard let value = try await perform({ try await store.value(of: name) }) else { throw CLIError("no secret named '\(name)' in the \(store.description)") }
            if isatty(STDOUT_FILENO) == 1 {
                Terminal.writeStderr("mcpguard: warning: printing secret \(name) to the terminal (scrollback keeps it)\n")
                Terminal.writeStdout(value + "\n")
            } else {
                Terminal.writeStdout(value)
            }
        }
    }

    struct ListSecrets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the names of the stored secrets (never their values); the backend goes to stderr.")

        @OptionGroup var options: StoreOptions

        func run() async throws {
            let store = try await options.open()
            let names = try await perform { try await store.names() }
            Terminal.writeStderr("backend: \(store.backend.rawValue) (\(store.description)), \(names.count) secret\(names.count == 1 ? "" : "s")\n")
            Terminal.writeStdout(names.map { $0 + "\n" }.joined())
        }
    }

    struct RemoveSecret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a secret.")

        @Argument(help: "The secret's name.") var name: String
        @OptionGroup var options: StoreOptions

        func run() async throws {
            try await perform { try SecretValue.validateName(name) }
            let store = try await options.open()
            guard try await perform({ try await store.remove(name) }) else { throw CLIError("no secret named '\(name)' in the \(store.description)") }
            Terminal.writeStderr("removed secret \(name) from the \(store.description)\n")
        }
    }
}
