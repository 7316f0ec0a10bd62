import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which backend a command uses: the one asked for, else the Secret Service when `secret-tool` is
/// installed and a session bus answers, else the encrypted file. Asking for a file (`--store`,
/// `--key-file`) means the file.
public struct SecretStoreChoice: Sendable {
    public var backend: SecretBackend?
    public var filePath: String?
    public var keySource: SecretKeySource
    public var environment: [String: String]

    public init(backend: SecretBackend?, filePath: String?, keySource: SecretKeySource, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.backend = backend
        self.filePath = filePath
        self.keySource = keySource
        self.environment = environment
    }

    /// The variable a passphrase may come from; it never reaches a server or `secret-tool`.
    public static let passphraseVariable = "MCPGUARD_SECRETS_PASSPHRASE"

    public func open() async throws -> any SecretStore {
        let fileAsked: Bool
        if case .keyFile = keySource { fileAsked = true } else { fileAsked = filePath != nil }
        switch backend {
        case .file:
            return fileStore
        case .secretService:
            if fileAsked { throw SecretStoreError("--store and --key-file are for the file backend, not --backend secret-service") }
            guard let tool = Self.secretTool(environment) else {
                throw SecretStoreError("--backend secret-service needs secret-tool (Debian/Ubuntu: apt install libsecret-tools)")
            }
            guard Self.hasSessionBus(environment) else {
                throw SecretStoreError("--backend secret-service needs a D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset and there is no $XDG_RUNTIME_DIR/bus)")
            }
            return SecretServiceStore(tool: tool, environment: toolEnvironment)
        case nil:
            if !fileAsked, let tool = Self.secretTool(environment), Self.hasSessionBus(environment) {
                let store = SecretServiceStore(tool: tool, environment: toolEnvironment, timeout: .seconds(5))
                if await store.isUsable() { return SecretServiceStore(tool: tool, environment: toolEnvironment) }
            }
            return fileStore
        }
    }

    var fileStore: EncryptedFileStore {
        EncryptedFileStore(path: filePath ?? EncryptedFileStore.defaultPath(environment: environment), keySource: keySource)
    }

    /// Our environment without the passphrase.
    var toolEnvironment: [String: String] { environment.filter { $0.key != Self.passphraseVariable } }

    /// `secret-tool` on the PATH, as an absolute path.
    static func secretTool(_ environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/secret-tool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func hasSessionBus(_ environment: [String: String]) -> Bool {
        if let address = environment["DBUS_SESSION_BUS_ADDRESS"], !address.isEmpty { return true }
        guard let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty else { return false }
        var info = stat()
        return stat(runtime + "/bus", &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK
    }
}
