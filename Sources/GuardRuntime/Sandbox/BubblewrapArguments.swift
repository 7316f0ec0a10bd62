import Foundation

/// bubblewrap's command line for one server: every namespace, read-only system directories with their
/// secrets masked, a private /tmp and an empty home, then the allowed paths bound parents first.
struct BubblewrapArguments {
    private(set) var arguments: [String]
    private var binds: [(source: String, target: String, writable: Bool)] = []
    private var tail: [String] = []

    /// `rootInside`: mcpguard runs as root without `--allow-root`, so the server becomes uid 65534 in its
    /// user namespace (bubblewrap then gives it no capabilities).
    init(home: String, rootInside: Bool) {
        arguments = ["--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                     "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        if rootInside { arguments += ["--uid", "65534", "--gid", "65534"] }
    }

    mutating func systemDirectories() {
        for directory in SandboxPaths.systemDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { continue }
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: directory) {
                arguments += ["--symlink", target, directory]
            } else {
                arguments += ["--ro-bind", directory, directory]
            }
        }
        for entry in SandboxPaths.maskedInEtc {
            let path = "/etc/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            arguments += isDirectory.boolValue ? ["--tmpfs", path] : ["--ro-bind", "/dev/null", path]
        }
        arguments += ["--proc", "/proc", "--dev", "/dev"]
    }

    mutating func privateHomeAndTemporary(home: String) {
        arguments += ["--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--tmpfs", "/run"]
        // The home (e.g. /root or /home/me) becomes an empty directory; allowed paths are bound into it.
        arguments += home.hasPrefix("/tmp/") ? ["--dir", home] : ["--tmpfs", home]
    }

    mutating func bind(_ path: String, at target: String? = nil, writable: Bool) {
        let target = target ?? path
        if let index = binds.firstIndex(where: { $0.target == target }) {
            binds[index].writable = binds[index].writable || writable
        } else {
            binds.append((path, target, writable))
        }
    }

    mutating func unshareNetwork() { arguments.append("--unshare-net") }

    mutating func changeDirectory(_ path: String) { tail = ["--chdir", path] }

    /// The finished command line (without the `--` and the command).
    var finished: [String] {
        // A path inside another bound path adds nothing unless it is writable in a read-only one (and its
        // mount point could not be created in a read-only bind anyway).
        let needed = binds.filter { bind in
            !binds.contains { other in
                other.target != bind.target && bind.target.hasPrefix(other.target == "/" ? "/" : other.target + "/")
                    && other.source == other.target && bind.source == bind.target && (other.writable || !bind.writable)
            }
        }
        // Parents before children, so a writable directory inside a read-only one stays writable.
        let ordered = needed.sorted { ($0.target.split(separator: "/").count, $0.target) < ($1.target.split(separator: "/").count, $1.target) }
        return arguments + ordered.flatMap { [$0.writable ? "--bind" : "--ro-bind", $0.source, $0.target] } + tail
    }
}
