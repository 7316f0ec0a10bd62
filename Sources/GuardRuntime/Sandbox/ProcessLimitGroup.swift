import Foundation
import MCPClient

/// A cgroup of the server's own, for limits that hold for its whole tree: `pids.max` (a fork bomb stops at
/// the limit) and the memory ceiling. Resource limits (rlimits) are per process, and RLIMIT_NPROC counts
/// every process of the user (or none, for uid 0), so the process limit needs a cgroup: cgroup v2 where
/// mcpguard's own cgroup is writable (delegated), else the v1 `pids` and `memory` hierarchies.
///
/// The server joins the group between fork and exec (``ChildProcess/Confinement``); ``remove()`` deletes
/// it after the tree is gone.
public final class ProcessLimitGroup: Sendable {
    /// `cgroup.procs` files the server writes itself into.
    public let procsFiles: [String]
    /// Directories created, removed again by ``remove()``.
    let directories: [String]
    /// "cgroup v2" or "cgroup v1 pids+memory".
    public let kind: String

    init(procsFiles: [String], directories: [String], kind: String) {
        self.procsFiles = procsFiles
        self.directories = directories
        self.kind = kind
    }

    /// A new group limited to `processes` and `memory` bytes, or nil with the reason none could be made.
    public static func make(processes: Int?, memory: Int?, root: String = "/sys/fs/cgroup") -> Result<ProcessLimitGroup, SandboxError> {
        let own = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        let name = "mcpguard-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var reasons: [String] = []
        // cgroup v2: "0::/path" and a unified hierarchy at the root.
        if FileManager.default.fileExists(atPath: root + "/cgroup.controllers"),
           let line = own.split(separator: "\n").first(where: { $0.hasPrefix("0::") }) {
            let directory = root + String(line.dropFirst(3)) + "/" + name
            switch makeGroup(directory, limits: [("pids.max", processes), ("memory.max", memory)]) {
            case .success: return .success(ProcessLimitGroup(procsFiles: [directory + "/cgroup.procs"], directories: [directory], kind: "cgroup v2"))
            case .failure(let error): reasons.append("cgroup v2: \(error.description)")
            }
        }
        // cgroup v1: one directory per controller.
        var files: [String] = []
        var made: [String] = []
        for (controller, file, value) in [("pids", "pids.max", processes), ("memory", "memory.limit_in_bytes", memory)] {
            guard let value else { continue }
            guard let line = own.split(separator: "\n").first(where: { $0.split(separator: ":").dropFirst().first.map { $0.split(separator: ",").contains(Substring(controller)) } ?? false }),
                  let path = line.split(separator: ":", maxSplits: 2).last, FileManager.default.fileExists(atPath: "\(root)/\(controller)")
            else { reasons.append("cgroup v1: no \(controller) hierarchy"); continue }
            let directory = "\(root)/\(controller)\(path == "/" ? "" : String(path))/\(name)"
            switch makeGroup(directory, limits: [(file, value)]) {
            case .success:
                files.append(directory + "/cgroup.procs")
                made.append(directory)
            case .failure(let error): reasons.append("cgroup v1 \(controller): \(error.description)")
            }
        }
        let needed = (processes != nil ? 1 : 0) + (memory != nil ? 1 : 0)
        if files.count == needed, needed > 0 {
            return .success(ProcessLimitGroup(procsFiles: files, directories: made, kind: "cgroup v1"))
        }
        for directory in made { rmdir(directory) }
        return .failure(SandboxError(reasons.isEmpty ? "no writable cgroup" : reasons.joined(separator: "; ")))
    }

    static func makeGroup(_ directory: String, limits: [(String, Int?)]) -> Result<Void, SandboxError> {
        guard mkdir(directory, 0o700) == 0 else { return .failure(SandboxError("cannot create \(directory): \(String(cString: strerror(errno)))")) }
        for (file, value) in limits {
            guard let value else { continue }
            let path = directory + "/" + file
            guard FileManager.default.fileExists(atPath: path) else {
                rmdir(directory)
                return .failure(SandboxError("\(file) is not available (controller not enabled)"))
            }
            do {
                try "\(value)\n".write(toFile: path, atomically: false, encoding: .utf8)
            } catch {
                rmdir(directory)
                return .failure(SandboxError("cannot write \(path)"))
            }
        }
        return .success(())
    }

    /// Processes in the group now (its `cgroup.procs`), for tests and `status`.
    public var processCount: Int {
        guard let file = procsFiles.first, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    /// Deletes the group once it is empty (retrying briefly while the kernel reaps the last processes).
    public func remove() {
        for directory in directories {
            for _ in 0..<50 {
                if rmdir(directory) == 0 || errno == ENOENT { break }
                usleep(20_000)
            }
        }
    }
}
