import GuardCore

/// A place secrets are kept: the Secret Service (``SecretServiceStore``) or an encrypted file
/// (``EncryptedFileStore``). Values go in and come out only through these calls, never through
/// arguments of another process.
public protocol SecretStore: Sendable {
    /// The backend and where it keeps secrets, as `list` prints it (`encrypted file /home/me/…`).
    var description: String { get }
    /// The backend's name as `--backend` spells it.
    var backend: SecretBackend { get }
    func value(of name: String) async throws -> String?
    func store(_ value: String, as name: String) async throws
    func names() async throws -> [String]
    /// Whether there was a secret by that name to remove.
    func remove(_ name: String) async throws -> Bool
}

public enum SecretBackend: String, Sendable, CaseIterable {
    case secretService = "secret-service"
    case file
}

/// What a secret's name and value must be, checked before any backend sees them.
public enum SecretValue {
    public static func validateName(_ name: String) throws(SecretStoreError) {
        guard SecretName.isValid(name) else { throw SecretStoreError("invalid secret name: \(SecretName.rule)") }
    }

    /// Non-empty, no NUL (an environment value cannot hold one), at most 64 KiB.
    public static func validate(_ value: String) throws(SecretStoreError) {
        guard !value.isEmpty else { throw SecretStoreError("the secret's value is empty") }
        guard !value.utf8.contains(0) else { throw SecretStoreError("the secret's value contains a NUL byte, which no environment variable can hold") }
        guard value.utf8.count <= SecretEntries.maxValueSize else { throw SecretStoreError("the secret's value is larger than \(SecretEntries.maxValueSize / 1024) KiB") }
    }
}
