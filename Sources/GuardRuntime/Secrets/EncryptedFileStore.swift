import Crypto
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Secrets in one encrypted file (format: ``SecretFileFormat``), for machines without a Secret Service.
///
/// Writers hold an exclusive `flock` on `FILE.lock` from reading to renaming, so two `set`s at once both
/// land; readers need no lock because the file is only ever replaced whole (temporary file, fsync,
/// rename, fsync of the directory), always with mode 0600 and a fresh nonce. The key is derived once per
/// process (scrypt is slow on purpose).
public final class EncryptedFileStore: SecretStore {
    public let path: String
    let keySource: SecretKeySource
    let scrypt: SecretFileFormat.KeySource
    private let cachedKey = Mutex<(salt: [UInt8], key: DerivedKey)?>(nil)

    public convenience init(path: String, keySource: SecretKeySource) {
        self.init(path: path, keySource: keySource, scrypt: SecretKeySource.defaultScrypt)
    }

    init(path: String, keySource: SecretKeySource, scrypt: SecretFileFormat.KeySource) {
        self.path = path
        self.keySource = keySource
        self.scrypt = scrypt
    }

    /// `$XDG_DATA_HOME/mcpguard/secrets.enc`, else `~/.local/share/mcpguard/secrets.enc`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/mcpguard/secrets.enc"
    }

    public var backend: SecretBackend { .file }
    public var description: String { "encrypted file \(path)" }

    public func value(of name: String) async throws -> String? {
        try SecretValue.validateName(name)
        return try entries()?[name]
    }

    public func names() async throws -> [String] {
        try entries()?.keys.sorted() ?? []
    }

    public func store(_ value: String, as name: String) async throws {
        try SecretValue.validateName(name)
        try SecretValue.validate(value)
        try update { $0[name] = value }
    }

    public func remove(_ name: String) async throws -> Bool {
        try SecretValue.validateName(name)
        var removed = false
        try update { removed = $0.removeValue(forKey: name) != nil }
        return removed
    }

    // MARK: Reading and writing

    /// The decrypted entries, or nil when the file does not exist yet.
    func entries() throws -> [String: String]? {
        guard let bytes = try Self.readIfPresent(path) else {
            // A bad key file is refused even before there is a file to open with it.
            if case .keyFile(let file) = keySource { _ = try SecretKeySource.readKeyFile(file) }
            return nil
        }
        let file = try SecretFileFormat.decode(bytes, path: path)
        return try SecretEntries.decode(file.open(with: key(for: file.source, salt: file.salt, creating: false), path: path), path: path)
    }

    /// Read, change and write back under the lock. A change that changes nothing writes nothing.
    func update(_ change: (inout [String: String]) throws -> Void) throws {
        try Self.makeDirectory((path as NSString).deletingLastPathComponent)
        let lock = try Self.lock(path + ".lock")
        defer { close(lock) }
        var source = scrypt
        if case .keyFile = keySource { source = .keyFile }
        var salt = [UInt8](repeating: 0, count: 16)
        var entries: [String: String] = [:]
        var creating = true
        if let bytes = try Self.readIfPresent(path) {
            let file = try SecretFileFormat.decode(bytes, path: path)
            entries = try SecretEntries.decode(file.open(with: key(for: file.source, salt: file.salt, creating: false), path: path), path: path)
            (source, salt, creating) = (file.source, file.salt, false)
        } else {
            salt = Array(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        }
        let before = entries
        try change(&entries)
        guard creating || entries != before else { return }
        let sealed = try SecretFileFormat.seal(SecretEntries.encode(entries), source: source, salt: salt, key: key(for: source, salt: salt, creating: creating))
        try Self.writeAtomically(sealed.encoded, to: path)
    }

    func key(for source: SecretFileFormat.KeySource, salt: [UInt8], creating: Bool) throws -> DerivedKey {
        if let cached = cachedKey.withLock({ $0 }), cached.salt == salt { return cached.key }
        let key = try keySource.derive(for: source, salt: salt, creating: creating, path: path)
        cachedKey.withLock { $0 = (salt, key) }
        return key
    }

    static func readIfPresent(_ path: String) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw SecretStoreError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SecretStoreError("cannot read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            guard bytes.count <= 64 * 1024 * 1024 else { throw SecretStoreError("\(path) is larger than 64 MiB; it is not a secrets file") }
        }
    }

    /// Missing directories are created for the owner only.
    static func makeDirectory(_ directory: String) throws {
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SecretStoreError("cannot create \(directory): permission denied or not writable")
        }
    }

    /// An exclusive lock on `lockPath`, held until the descriptor is closed.
    static func lock(_ lockPath: String) throws -> Int32 {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SecretStoreError("cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw SecretStoreError("cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
        }
        return descriptor
    }

    /// Temporary file beside the target (mode 0600), written, fsynced, renamed over the target, directory fsynced.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory.isEmpty ? "." : directory)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SecretStoreError("cannot write beside \(path): \(String(cString: strerror(errno)))") }
        var failure: String?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno != EINTR { failure = String(cString: strerror(errno)) }
            } else {
                offset += count
            }
        }
        if failure == nil, fchmod(descriptor, 0o600) != 0 || fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SecretStoreError("cannot write \(path): \(failure)")
        }
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
