import Foundation

/// Which process a pid names right now. A pid alone is not an identity: once a process exits the kernel
/// hands its number to the next one, so a registration also records the process's start time (field 22 of
/// `/proc/<pid>/stat`, clock ticks since boot), which a later process with the same pid cannot share.
public enum ProcessIdentity {
    /// The start time of `pid` in clock ticks since boot, or nil when it cannot be read (no such process,
    /// or no `/proc` on this system).
    public static func startTime(of pid: Int32) -> UInt64? {
        guard let fields = statFields(of: pid), fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// Whether `pid` is a process that has not exited. A zombie (exited, not yet reaped by its parent) counts
    /// as gone: it will never update or remove its registration.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0, errno != EPERM { return false }
        if let state = statFields(of: pid)?.first, state == "Z" || state == "X" { return false }
        return true
    }

    /// The name of this process's parent (`/proc/<ppid>/comm`): the host that started `mcpguard run` when it
    /// did not say which it is. `unknown` where there is no `/proc`.
    public static func parentName() -> String {
        let path = "/proc/\(getppid())/comm"
        guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? "unknown" : name
    }

    /// The fields of `/proc/<pid>/stat` after the command name, starting with the state (field 3). The name
    /// is cut at the *last* `)`: a process may call itself `a) Z 1 (b`.
    static func statFields(of pid: Int32) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
    }
}
