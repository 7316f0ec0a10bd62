/// Why a secret could not be read or written: one line naming the file, the name or the backend, never a value.
public struct SecretStoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    static func wrongKey(_ path: String) -> Self { Self("wrong passphrase or key for \(path)") }
    static func corrupted(_ path: String, _ why: String) -> Self { Self("\(path) is corrupted (\(why)); restore it from a backup") }
    static func truncated(_ path: String, size: Int, expected: Int) -> Self {
        Self("\(path) is truncated (\(size) bytes, the header announces \(expected)); restore it from a backup")
    }
    static func unknown(_ name: String, in store: String) -> Self { Self("no secret named '\(name)' in \(store)") }
}
