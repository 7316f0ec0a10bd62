import Foundation

/// The per-user directory where running guards register themselves for `mcpguard status`:
/// `$XDG_RUNTIME_DIR/mcpguard` when that variable names a directory of ours that others cannot write,
/// else `/tmp/mcpguard-<uid>`.
///
/// `/tmp` is shared, so anyone can create `/tmp/mcpguard-<uid>` before we do and read, forge or delete
/// what lands in it. A directory that is not ours, is a symbolic link, or is open to the group or others
/// is therefore refused, never repaired: chmod would not take back files already planted in it.
public struct RuntimeDirectory: Sendable, Equatable {
    public let path: String

    /// Where the directory is for this user and environment (whether or not it exists yet).
    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], usableParent(runtime) {
            return (runtime.hasSuffix("/") ? runtime : runtime + "/") + "mcpguard"
        }
        return "/tmp/mcpguard-\(geteuid())"
    }

    /// The directory, created with mode 0700 when missing and `create` is set; nil when it does not exist
    /// and `create` is not set (nothing has registered). Throws when it exists but is not safe to use.
    public static func open(environment: [String: String] = ProcessInfo.processInfo.environment, create: Bool) throws -> RuntimeDirectory? {
        let path = location(environment: environment)
        if create, mkdir(path, 0o700) != 0, errno != EEXIST {
            throw RuntimeDirectoryError(path: path, problem: "cannot be created (\(String(cString: strerror(errno))))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT, !create { return nil }
            throw RuntimeDirectoryError(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        if let problem = problem(with: info) { throw RuntimeDirectoryError(path: path, problem: problem) }
        return RuntimeDirectory(path: path)
    }

    /// Why a directory with these attributes may not hold registrations, if it may not.
    static func problem(with info: stat) -> String? {
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK { return "is a symbolic link" }
        if type != S_IFDIR { return "is not a directory" }
        if info.st_uid != geteuid() { return "is owned by uid \(info.st_uid), not by you (uid \(geteuid()))" }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 { return "has mode \(String(mode, radix: 8)), open to other users (it must be 700)" }
        return nil
    }

    /// `$XDG_RUNTIME_DIR` is used only when it is an absolute path to a directory of ours that nobody else can
    /// write (so nobody else can swap our subdirectory).
    static func usableParent(_ path: String) -> Bool {
        var info = stat()
        guard path.hasPrefix("/"), stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid() && info.st_mode & 0o022 == 0 && access(path, W_OK) == 0
    }

    /// The registration file of `pid`.
    public func file(for pid: Int32) -> String { "\(path)/\(pid).json" }
}

/// A runtime directory that exists but may not be used, with what is wrong and what to do.
public struct RuntimeDirectoryError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let problem: String

    public var description: String {
        "\(path) \(problem): mcpguard will not keep its run registry there (someone may have created it to read or forge registrations); remove it and mcpguard creates it anew"
    }
}
