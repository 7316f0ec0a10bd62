import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes config files so a host never reads half of one: a temporary file in the same directory, the
/// original's mode, `fsync`, then `rename` over the target. A symbolic link is written through: the
/// file it points to is replaced and the link stays.
enum ConfigFileWriter {
    /// The file `path` names, with symbolic links resolved (the path itself when it does not exist).
    static func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func read(_ path: String, limit: Int = 8 * 1024 * 1024) throws(InstallError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InstallError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw InstallError("\(path): not a regular file") }
        guard Int(info.st_size) <= limit else { throw InstallError("\(path): larger than \(limit) bytes; left alone") }
        guard let data = FileManager.default.contents(atPath: path) else { throw InstallError("\(path): cannot read: permission denied") }
        return Array(data)
    }

    /// Why `target` cannot be replaced, or nil when it can (the file and its directory are writable).
    static func unwritableReason(_ target: String) -> String? {
        let directory = (target as NSString).deletingLastPathComponent
        if access(target, W_OK) != 0 { return "the file is not writable" }
        if access(directory, W_OK) != 0 { return "its directory \(directory) is not writable" }
        return nil
    }

    /// Replaces `target` (already resolved) with `bytes`, keeping its permission bits.
    static func replace(_ target: String, with bytes: [UInt8]) throws(InstallError) {
        var info = stat()
        let mode: mode_t = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o600
        let directory = (target as NSString).deletingLastPathComponent
        try writeAtomically(bytes, to: target, directory: directory, mode: mode)
    }

    /// Writes a file only the user can read (backups, the manifest), creating its directory with mode 0700.
    static func writePrivate(_ bytes: [UInt8], to path: String) throws(InstallError) {
        let directory = (path as NSString).deletingLastPathComponent
        try makePrivateDirectory(directory)
        try writeAtomically(bytes, to: path, directory: directory, mode: 0o600)
    }

    static func makePrivateDirectory(_ directory: String) throws(InstallError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw InstallError("\(directory): cannot create the directory: \(error.localizedDescription)")
        }
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String, mode: mode_t) throws(InstallError) {
        let name = (path as NSString).lastPathComponent
        var template = Array("\(directory)/.\(name).mcpguard-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw InstallError("\(directory): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure: String?
        if fchmod(descriptor, mode) != 0 { failure = "cannot set the mode" }
        var offset = 0
        while failure == nil, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = "cannot write: \(String(cString: strerror(errno)))"
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot sync: \(String(cString: strerror(errno)))" }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot replace it: \(String(cString: strerror(errno)))" }
        if let failure {
            unlink(temporary)
            throw InstallError("\(path): \(failure); left as it was")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
